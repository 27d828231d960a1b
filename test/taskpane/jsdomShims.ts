// What jsdom lacks and Fluent UI uses, installed once for the pane's jsdom tests.

/** jsdom has no ResizeObserver; Fluent's MessageBar observes its own size to reflow. */
export function installResizeObserver(): void {
  class NoResize {
    observe(): void {}
    unobserve(): void {}
    disconnect(): void {}
  }
  (globalThis as unknown as { ResizeObserver: unknown }).ResizeObserver = NoResize;
}

/** jsdom has no innerText; Fluent's live region (AriaLiveAnnouncer) writes its messages through it. */
export function installInnerText(): void {
  Object.defineProperty(HTMLElement.prototype, "innerText", {
    configurable: true,
    get(this: HTMLElement) {
      return this.textContent;
    },
    set(this: HTMLElement, value: string) {
      this.textContent = value;
    },
  });
}
