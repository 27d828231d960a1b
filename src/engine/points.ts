// Points: one indicator's raw value becomes 0..100 points by its scoring rule (docs/DESIGN.md §2).
// One scalar function serves the whole-column path (the task pane, the command line) and the
// per-cell path (custom functions), so both give the same bits for the same customer.

import { refuse } from "./errors";
import { sortedOrder } from "./sortedOrder";
import type { SortScratch } from "./sortedOrder";
import type { Band, ColumnStats, Direction, ScoringRule } from "./types";

/**
 * Count, minimum and maximum of the non-blank (non-NaN) values of a column, in one pass; with
 * `{ sorted: true }` also its non-blank values sorted ascending (what percentile scoring needs).
 * The column itself is kept by reference as `values`, so a per-cell percentile can count in one pass.
 * An empty or all-blank column gives n = 0, min = +Infinity, max = -Infinity.
 *
 * Throws RangeError on an infinite value.
 *
 * @example columnStats([3, NaN, 1, 2]) // { n: 3, min: 1, max: 3, values: [3, NaN, 1, 2] }
 * @example columnStats([3, NaN, 1, 2], { sorted: true }).sorted // Float64Array [1, 2, 3]
 */
export function columnStats(values: ArrayLike<number>, options?: { sorted?: boolean }): ColumnStats {
  let n = 0;
  let min = Infinity;
  let max = -Infinity;
  const length = values.length;
  for (let i = 0; i < length; i++) {
    const x = values[i];
    if (x !== x) continue;
    if (x === Infinity || x === -Infinity) refuse("value-infinite-at", { value: i + 1 });
    n++;
    if (x < min) min = x;
    if (x > max) max = x;
  }
  const stats: ColumnStats = { n, min, max, values };
  if (options?.sorted) {
    const sorted = new Float64Array(n);
    let k = 0;
    for (let i = 0; i < length; i++) {
      const x = values[i];
      if (x === x) sorted[k++] = x;
    }
    sorted.sort();
    stats.sorted = sorted;
  }
  return stats;
}

/**
 * How many non-blank values of `values` are strictly below x, in one pass (no sort): the
 * numerator of percentile points for a higher-is-better indicator.
 *
 * @example percentileCountBelow(20, [10, 20, 20, 30, NaN]) // 1
 */
export function percentileCountBelow(x: number, values: ArrayLike<number>): number {
  let count = 0;
  const length = values.length;
  for (let i = 0; i < length; i++) if (values[i] < x) count++;
  return count;
}

/**
 * How many non-blank values of `values` are strictly above x, in one pass: the numerator of
 * percentile points for a lower-is-better indicator.
 *
 * @example percentileCountAbove(20, [10, 20, 20, 30, NaN]) // 1
 */
export function percentileCountAbove(x: number, values: ArrayLike<number>): number {
  let count = 0;
  const length = values.length;
  for (let i = 0; i < length; i++) if (values[i] > x) count++;
  return count;
}

/** Index of the first element of an ascending array that is >= x (or > x when `strict`). */
function searchSorted(sorted: Float64Array, x: number, strict: boolean): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (strict ? sorted[mid] <= x : sorted[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Checks a `bands` rule: at least one band, thresholds finite and strictly ascending, points
 * within 0..100. Returns nothing; throws RangeError naming the first band at fault.
 *
 * @example checkBands([{ threshold: 0, points: 20 }, { threshold: 100000, points: 60 }]) // ok
 * @example checkBands([{ threshold: 5, points: 20 }, { threshold: 1, points: 60 }]) // throws: not ascending
 */
export function checkBands(bands: Band[] | undefined): asserts bands is Band[] {
  if (!bands || bands.length === 0) refuse("bands-empty");
  for (let k = 0; k < bands.length; k++) {
    const { threshold, points }: Band = bands[k];
    if (!Number.isFinite(threshold)) refuse("band-threshold", { band: k + 1 });
    if (!(points >= 0 && points <= 100)) refuse("band-points", { band: k + 1, points });
    if (k > 0 && !(threshold > bands[k - 1].threshold)) {
      refuse("band-order", { band: k + 1 });
    }
  }
}

function checkRule(scoring: ScoringRule, direction: Direction): void {
  if (scoring !== "minmax" && scoring !== "percentile" && scoring !== "bands" && scoring !== "raw") {
    refuse("scoring-unknown", { scoring: String(scoring) });
  }
  if (direction !== "higher" && direction !== "lower") refuse("direction-unknown", { direction: String(direction) });
}

function clampPoints(p: number): number {
  return p < 0 ? 0 : p > 100 ? 100 : p;
}

/** Percentile points from the count of worse values among n (spread already checked): the one expression. */
function percentileOfCount(better: number, n: number): number {
  return clampPoints((better / (n - 1)) * 100);
}

// The arithmetic of each rule lives in exactly one small function below. pointsOf calls them for
// one cell; indicatorPoints calls the same functions in a loop specialised per rule, so V8 can
// inline them and both paths still compute the same expression on the same operands.

/** minmax points of a non-blank x; min/max of a non-empty column. */
function minmaxPoints(x: number, min: number, max: number, higher: boolean): number {
  if (!(max > min)) return 100;
  return clampPoints(higher ? ((x - min) / (max - min)) * 100 : ((max - x) / (max - min)) * 100);
}

/** bands points of a non-blank x; bands already checked. */
function bandPoints(x: number, bands: Band[], higher: boolean): number {
  if (higher) {
    for (let k = bands.length - 1; k >= 0; k--) if (bands[k].threshold <= x) return bands[k].points;
  } else {
    for (let k = 0; k < bands.length; k++) if (bands[k].threshold >= x) return bands[k].points;
  }
  return 0;
}

/** raw points of a non-blank x. */
function rawPoints(x: number, higher: boolean): number {
  if (!(x >= 0 && x <= 100)) refuse("raw-points-range", { value: x });
  return higher ? x : 100 - x;
}

function checkFinite(x: number): void {
  if (x === Infinity || x === -Infinity) refuse("indicator-infinite");
}

function checkNotEmpty(stats: ColumnStats, scoring: ScoringRule): void {
  if (stats.n === 0) refuse("scoring-no-values", { scoring });
}

/**
 * The 0..100 points of one value x of an indicator whose column is summarised by `stats`
 * (see columnStats). NaN (a blank) gives NaN.
 * - minmax: ((x - min) / (max - min)) * 100, lower-is-better ((max - x) / (max - min)) * 100.
 * - percentile: (count of values < x) / (n - 1) * 100, lower-is-better the count of values > x;
 *   counted by binary search in `stats.sorted` when present, else in one pass over `stats.values`
 *   (the count, and so the result, is the same either way).
 * - bands: the points of the band with the largest threshold <= x (lower: smallest threshold >= x);
 *   0 outside every band.
 * - raw: x as it is (lower: 100 - x).
 * DECISION: a column with no spread (max == min, which includes a single customer) gives every
 * customer 100 points under minmax and percentile: nobody is worse than anybody else, and a
 * constant indicator then moves every score by the same amount, so it changes no rank or tier.
 * A value outside the column's range (possible only per cell) is clamped to 0..100.
 *
 * Throws RangeError on an unknown rule or direction, missing or malformed bands, an infinite x,
 * a raw value outside 0..100, and minmax/percentile against an empty column.
 *
 * @example pointsOf(30, columnStats([10, 30, 50]), "minmax", "higher") // 50
 * @example pointsOf(30, columnStats([10, 20, 30, 40, 50]), "percentile", "lower") // 50: 2 of 4 others are worse
 */
export function pointsOf(
  x: number,
  stats: ColumnStats,
  scoring: ScoringRule,
  direction: Direction,
  bands?: Band[],
): number {
  checkRule(scoring, direction);
  if (scoring === "bands") checkBands(bands);
  if (x !== x) return NaN;
  checkFinite(x);
  const higher = direction === "higher";
  switch (scoring) {
    case "minmax":
      checkNotEmpty(stats, scoring);
      return minmaxPoints(x, stats.min, stats.max, higher);
    case "percentile": {
      checkNotEmpty(stats, scoring);
      const { n, min, max, sorted } = stats;
      if (!(max > min)) return 100;
      let better: number;
      if (sorted) better = higher ? searchSorted(sorted, x, false) : n - searchSorted(sorted, x, true);
      else if (stats.values) better = higher ? percentileCountBelow(x, stats.values) : percentileCountAbove(x, stats.values);
      else throw new RangeError("percentile scoring needs the column's values");
      return percentileOfCount(better, n);
    }
    case "bands":
      return bandPoints(x, bands as Band[], higher);
    default:
      return rawPoints(x, higher);
  }
}

/** The widest range of whole numbers counted rather than sorted: one counter per value in between. */
const COUNTING_SPAN = 1 << 16;

/**
 * Percentile points of a column of whole numbers within COUNTING_SPAN of each other (years, counts,
 * ratings: most indicators with few distinct values) by counting each value's occurrences: two passes
 * and no sort. The count below each value, and so the points (percentileOfCount), are exactly the
 * sorting path's. Fills `points` and returns true, or returns false (and leaves `points` for the
 * sorting path) when a value is not whole or the span is wider.
 */
function countingPercentile(values: ArrayLike<number>, stats: ColumnStats, higher: boolean, points: Float64Array): boolean {
  const { min, max, n } = stats;
  if (!(max - min < COUNTING_SPAN) || Math.floor(min) !== min) return false;
  const length = values.length;
  const counts = new Uint32Array(max - min + 1);
  for (let i = 0; i < length; i++) {
    const x = values[i];
    if (x !== x) continue;
    if (Math.floor(x) !== x) return false;
    counts[x - min]++;
  }
  // Points per value: below = how many are smaller; above = n - below - count.
  const byValue = new Float64Array(counts.length);
  let below = 0;
  for (let v = 0; v < counts.length; v++) {
    const c = counts[v];
    if (c > 0) byValue[v] = percentileOfCount(higher ? below : n - below - c, n);
    below += c;
  }
  for (let i = 0; i < length; i++) {
    const x = values[i];
    points[i] = x === x ? byValue[x - min] : NaN;
  }
  return true;
}

/**
 * The points of every value of one indicator's column (NaN in, NaN out), by the same arithmetic
 * as pointsOf; statistics are over the column's non-blank values, sorted once for percentile.
 * `stats` may be passed when the caller already has columnStats(values), to save a pass, and
 * `scratch` to reuse one sort's working memory across a run's columns (see SortScratch).
 *
 * Throws RangeError as pointsOf does.
 *
 * @example indicatorPoints([10, 30, 50, NaN], "minmax", "higher") // Float64Array [0, 50, 100, NaN]
 * @example indicatorPoints([2, 0, 1], "percentile", "lower") // Float64Array [0, 100, 50]
 */
export function indicatorPoints(
  values: ArrayLike<number>,
  scoring: ScoringRule,
  direction: Direction,
  bands?: Band[],
  stats: ColumnStats = columnStats(values),
  scratch?: SortScratch,
): Float64Array {
  checkRule(scoring, direction);
  if (scoring === "bands") checkBands(bands);
  const higher = direction === "higher";
  const length = values.length;
  const points = new Float64Array(length);
  if (scoring === "percentile" && stats.max > stats.min) {
    if (countingPercentile(values, stats, higher, points)) return points;
    // One walk along the sorted column gives every count; the points come from the same
    // percentileOfCount as a per-cell call, so the bits agree.
    points.fill(NaN);
    const { sorted, order } = sortedOrder(values, scratch);
    const n = sorted.length;
    let start = 0;
    while (start < n) {
      const v = sorted[start];
      let end = start;
      while (end + 1 < n && sorted[end + 1] === v) end++;
      const p = percentileOfCount(higher ? start : n - 1 - end, n);
      for (let k = start; k <= end; k++) points[order[k]] = p;
      start = end + 1;
    }
    return points;
  }
  // columnStats has already rejected infinite values.
  if (scoring === "minmax") {
    const { min, max } = stats;
    for (let i = 0; i < length; i++) {
      const x = values[i];
      points[i] = x === x ? minmaxPoints(x, min, max, higher) : NaN;
    }
  } else if (scoring === "bands") {
    const list = bands as Band[];
    for (let i = 0; i < length; i++) {
      const x = values[i];
      points[i] = x === x ? bandPoints(x, list, higher) : NaN;
    }
  } else {
    // raw, or percentile on a column without spread: 100 for everyone, as pointsOf says.
    for (let i = 0; i < length; i++) {
      const x = values[i];
      points[i] = x !== x ? NaN : scoring === "raw" ? rawPoints(x, higher) : 100;
    }
  }
  return points;
}
