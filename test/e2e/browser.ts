// What the browser tests share: the built dist/ served on this machine, Chromium from Debian driven by
// playwright-core, and a page whose office.js comes from node_modules and which reaches nothing else.

import * as fs from "fs";
import * as http from "http";
import type { AddressInfo } from "net";
import * as path from "path";
import type { Browser, BrowserContextOptions, Locator, Page } from "playwright-core";
import { chromium } from "playwright-core";
import { BUILDS, ensureBuilt } from "../support/builds";
import { describeNeeding } from "../support/programs";

export const ROOT = path.join(__dirname, "..", "..");
export const DIST = path.join(ROOT, "dist");
export const OFFICE = path.join(ROOT, "node_modules", "@microsoft", "office-js", "dist");
export const CHROMIUM = "/usr/bin/chromium";

export const available = fs.existsSync(CHROMIUM);

/** A browser suite: skipped with a message where Chromium is missing, a failure in CI (test/support/programs.ts). */
export const describeInBrowser = (name: string, body: () => void) =>
  describeNeeding(available ? undefined : `Chromium (${CHROMIUM}, apt-get install chromium)`, name, body);

const TYPES: Record<string, string> = {
  ".html": "text/html",
  ".js": "application/javascript",
  ".json": "application/json",
  ".css": "text/css",
  ".png": "image/png",
  ".xml": "application/xml",
};

/** Serves a folder on 127.0.0.1 (a free port). */
export function serve(dir: string): Promise<http.Server> {
  const server = http.createServer((request, response) => {
    const file = path.join(dir, decodeURIComponent((request.url ?? "/").split("?")[0]));
    if (!file.startsWith(dir) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { "Content-Type": TYPES[path.extname(file)] ?? "application/octet-stream" });
    fs.createReadStream(file).pipe(response);
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

export interface Site {
  browser: Browser;
  base: string;
  close(): Promise<void>;
  /** A page of the pane as a web page, in a context made with `options`. */
  pane(options?: BrowserContextOptions): Promise<Page>;
}

const pageSaid = new WeakMap<Page, string[]>();

/** The errors and console warnings of a page made by `Site.pane`, oldest first. */
export function whatPageSaid(page: Page): string[] {
  return pageSaid.get(page) ?? [];
}

/**
 * Run in every pane page before its own scripts: records the pointer's presses and clicks (with their
 * targets and points), focus moves, and every layout shift Chromium reports (the Layout Instability API,
 * with the nodes that moved and their boxes before and after), the last 400 in `window.tiersInput`.
 */
const RECORD_INPUT = `(() => {
  const seen = (window.tiersInput = []);
  const keep = (line) => { seen.push(Math.round(performance.now()) + " " + line); if (seen.length > 400) seen.shift(); };
  const name = (n) => !(n instanceof Element) ? String(n && n.nodeName) :
    n.tagName.toLowerCase() + (n.id ? "#" + n.id : "") + (n.getAttribute("role") ? "[role=" + n.getAttribute("role") + "]" : "") +
    ' "' + (n.textContent || "").trim().slice(0, 24) + '"';
  const box = (r) => r ? Math.round(r.x) + "," + Math.round(r.y) + " " + Math.round(r.width) + "x" + Math.round(r.height) : "-";
  for (const type of ["mousedown", "mouseup", "click", "focusin", "focusout"]) {
    document.addEventListener(type, (e) => keep(type + " " + name(e.target) + ("clientX" in e ? " at " + e.clientX + "," + e.clientY : "")), true);
  }
  try {
    new PerformanceObserver((list) => list.getEntries().forEach((e) =>
      keep("layout shift " + e.value.toFixed(4) + (e.hadRecentInput ? " (after input)" : "") + ": " +
        (e.sources || []).map((s) => name(s.node) + " " + box(s.previousRect) + " -> " + box(s.currentRect)).join("; "))
    )).observe({ type: "layout-shift", buffered: true });
  } catch (e) { keep("no layout-shift entries: " + e); }
})();`;

/** What a page made by `Site.pane` recorded of the pointer, the focus and the layout's shifts (RECORD_INPUT). */
export async function whatPageDid(page: Page): Promise<string> {
  return (await page.evaluate(() => (window as unknown as { tiersInput?: string[] }).tiersInput ?? [])).join("\n");
}

/** Builds dist/ when it is stale, serves it and starts Chromium. */
export async function startSite(): Promise<Site> {
  ensureBuilt(BUILDS.dist); // rebuilt when a source is newer than dist/, not only when it is missing
  const server = await serve(DIST);
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const browser = await launchChromium();
  return {
    browser,
    base,
    async close() {
      await browser.close();
      server.close();
    },
    async pane(options = {}) {
      const context = await browser.newContext({ acceptDownloads: true, ...options });
      await context.route("**/*", (route) => {
        const url = new URL(route.request().url());
        if (url.hostname === "127.0.0.1") return route.continue();
        if (url.hostname === "appsforoffice.microsoft.com") {
          const file = path.join(OFFICE, url.pathname.replace(/^\/lib\/1\/hosted\//, ""));
          if (file.startsWith(OFFICE) && fs.existsSync(file)) return route.fulfill({ path: file, contentType: "application/javascript" });
        }
        return route.abort();
      });
      // What the pointer did and how the layout moved, for a test to print when a click seems lost.
      await context.addInitScript(RECORD_INPUT);
      const page = await context.newPage();
      // What the page said went wrong, for a failing test to print beside what it shows.
      const said: string[] = [];
      page.on("pageerror", (error) => said.push(`page error: ${error.stack ?? error.message}`));
      page.on("console", (message) => (message.type() === "error" || message.type() === "warning") && said.push(`console ${message.type()}: ${message.text()}`));
      pageSaid.set(page, said);
      await page.goto(`${base}/taskpane.html`);
      return page;
    },
  };
}

/** Debian's Chromium, headless, with nothing of its own reaching the network. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
}

/** Waits until the button named `name` is enabled. */
export async function enabled(page: Page, name: string, timeout = 60000): Promise<void> {
  await page.waitForFunction(
    (wanted) => [...document.querySelectorAll("button")].some((b) => b.textContent?.trim() === wanted && !b.disabled),
    name,
    { timeout, polling: 200 },
  );
}

/**
 * Waits until nothing on the page is animating any more (finite animations only: a spinner turns for
 * ever), at most 5 s. Two frames first, so that an animation a click has just started is counted.
 */
export async function settled(page: Page): Promise<void> {
  await page.evaluate(
    () =>
      new Promise<void>((done) => {
        requestAnimationFrame(() =>
          requestAnimationFrame(() => {
            const moving = document.getAnimations().filter((a) => a.effect?.getComputedTiming().endTime !== Infinity);
            void Promise.race([Promise.allSettled(moving.map((a) => a.finished)), new Promise((resolve) => setTimeout(resolve, 5000))]).then(() => done());
          }),
        );
      }),
  );
}

/**
 * Opens a section of the pane (an accordion header) and waits until it has finished opening (Fluent
 * animates a panel open, about 250 ms). CI caught, with whatPageDid, a click made while the share
 * section was still opening: the mousedown on "生成副本" landed on the button, the mouseup and the click
 * 2 ms later at the same point on the section around it, so the click started nothing. The button is
 * not among the nodes the layout shifts name, so how it left the point is not established; a click after
 * the opening has not been lost since. An analyst clicks what has finished moving; so does a test.
 */
export async function openSection(page: Page, header: Locator, options?: { timeout?: number }): Promise<void> {
  await header.click(options);
  await settled(page);
}

/** axe-core's browser build, read when a suite first asks for it. */
let axeSource: string | undefined;
const axe = () => (axeSource ??= fs.readFileSync(require.resolve("axe-core/axe.min.js"), "utf8"));

export interface Violation {
  id: string;
  impact: string;
  help: string;
  nodes: string[];
}

/**
 * axe-core's serious and critical violations of the page as it is now (WCAG 2.x A/AA and best
 * practice rules). The source is evaluated through the DevTools protocol, which the page's
 * Content-Security-Policy does not govern.
 */
export async function axeViolations(page: Page): Promise<Violation[]> {
  if (!(await page.evaluate(() => "axe" in window))) await page.evaluate(axe());
  // Let running CSS transitions end first: Fluent buttons fade their colours when they turn from disabled to
  // enabled, and on a loaded machine axe could measure a colour halfway (a contrast "violation" no user sees
  // for longer than the transition). A state that stays is still checked; the wait is bounded.
  await settled(page);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: unknown, options: unknown): Promise<{ violations: { id: string; impact: string; help: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ["violations"] });
    return result.violations
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => n.target.join(" ")) }));
  });
}
