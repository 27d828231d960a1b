// Timing and memory helpers for the sections: medians of repeats with a garbage collection before each
// repeat (when node runs with --expose-gc), so one repeat does not pay for the last one's garbage.

/**
 * The median of a non-empty list (the mean of the middle two for an even count).
 * Throws RangeError on an empty list.
 *
 * @example median([5, 1, 3]) // 3
 * @example median([4, 1, 3, 2]) // 2.5
 */
export function median(values: number[]): number {
  if (values.length === 0) throw new RangeError("median of no values");
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * Runs a full garbage collection when node was started with --expose-gc; otherwise does nothing.
 * @example collectGarbage() // undefined; heapUsed drops when --expose-gc is on
 */
export function collectGarbage(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc) gc();
}

/**
 * Milliseconds since an arbitrary origin, with sub-microsecond resolution.
 * @example nowMs() - nowMs() // -0.0004: two readings a few hundred nanoseconds apart
 */
export function nowMs(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}

/**
 * The median wall time in ms of `repeats` runs of `run`; `prepare` (untimed) builds each run's fresh
 * input, so in-place work (a sort) never sees already sorted data. The result of the last run is kept
 * alive until the next one is prepared, as a caller holding it would.
 * Throws RangeError when repeats < 1, and whatever `run` throws.
 *
 * @example timeMedian(3, () => 0, (x) => x) // e.g. 0.0004 (ms)
 */
export function timeMedian<T>(repeats: number, prepare: () => T, run: (input: T) => unknown): number {
  if (!(repeats >= 1)) throw new RangeError("timeMedian needs at least one repeat");
  const times: number[] = [];
  for (let k = 0; k < repeats; k++) {
    const input = prepare();
    collectGarbage();
    const start = nowMs();
    run(input);
    times.push(nowMs() - start);
  }
  return median(times);
}

/**
 * Bytes held by the JS heap plus array buffers and other off-heap memory, right now.
 * @example heldBytes() // 5_832_704 in a fresh node process
 */
export function heldBytes(): number {
  const m = process.memoryUsage();
  return m.heapUsed + m.external;
}

/**
 * The process's peak resident set size so far, in bytes (the kernel's maxRSS, reported in KB).
 * @example peakRssBytes() // 48_234_496 in a fresh node process; never decreases
 */
export function peakRssBytes(): number {
  return process.resourceUsage().maxRSS * 1024;
}

export const MB = 1024 * 1024;
