// RFM scores and segments, compatible with R's `rfm` package (rsquaredacademy/rfm, 0.2.x-0.3.x):
// `bins()` in R/utils.R, `rfm_table_order()` in R/rfm-table-transaction.R and `rfm_segment()` /
// `rfm_segment_summary()` in R/rfm-segment.R. A user moving from R gets the same numbers: the
// vignette's tables on `rfm_data_orders` are reproduced in test/engine/rfm.test.ts.

import { refuse } from "./errors";
import { ExactSum } from "./exactSum";

/**
 * R's `quantile(x, probs, type = 7)` of ascending `sorted` values, computed as R computes it:
 * index = 1 + (n − 1) · p, lo = floor(index), hi = ceiling(index), q = x[lo], and when index > lo and
 * x[hi] ≠ x[lo], q = (1 − h) · x[lo] + h · x[hi] with h = index − lo (the same operations, so the
 * same bits).
 *
 * Throws RangeError on an empty array or p outside 0..1.
 *
 * @example quantileType7(Float64Array.of(1, 2, 3, 4), 0.5) // 2.5
 * @example quantileType7(Float64Array.of(10, 20), 0.2) // 12
 */
export function quantileType7(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) throw new RangeError("a quantile of no values");
  if (!(p >= 0 && p <= 1)) throw new RangeError(`probability ${p} is outside 0..1`);
  const index = 1 + (n - 1) * p;
  const lo = Math.floor(index);
  const hi = Math.ceil(index);
  const q = sorted[lo - 1];
  const h = index - lo;
  if (index > lo && sorted[hi - 1] !== q) return (1 - h) * q + h * sorted[hi - 1];
  return q;
}

/**
 * The probabilities R's `seq(0, 1, length.out = bins + 1)` gives, as R computes them:
 * c(0, 1·by, 2·by, ..., 1) with by = 1 / bins (so 3 · 0.2 is 0.6000000000000001, as in R).
 *
 * @example seqProbabilities(5) // [0, 0.2, 0.4, 0.6000000000000001, 0.8, 1]
 */
export function seqProbabilities(bins: number): number[] {
  const by = 1 / bins;
  const probs = [0];
  for (let i = 1; i < bins; i++) probs.push(i * by);
  probs.push(1);
  return probs;
}

/**
 * The package's cut points for `bins` bins of `values`: the type-7 quantiles at 1/bins, 2/bins, ...
 * (bins − 1)/bins, each plus 1 — the package's `bins()` adds 1 (`magrittr::add(1)`), so a value equal
 * to a quantile falls in the lower bin.
 *
 * Throws RangeError on fewer than 2 bins, a non-integer bin count, no values or a non-finite value.
 *
 * @example rfmBreaks([1, 2, 3, 4, 5], 5) // [2.8, 3.6, 4.4, 5.2]: quantiles 1.8, 2.6, 3.4, 4.2, plus 1
 */
export function rfmBreaks(values: ArrayLike<number>, bins: number): number[] {
  if (!Number.isInteger(bins) || bins < 2) refuse("bins-count", { bins });
  const sorted = finiteSorted(values);
  const probs = seqProbabilities(bins);
  const breaks: number[] = [];
  for (let i = 1; i < bins; i++) breaks.push(quantileType7(sorted, probs[i]) + 1);
  return breaks;
}

function finiteSorted(values: ArrayLike<number>): Float64Array {
  if (values.length === 0) refuse("rfm-empty");
  const sorted = Float64Array.from(values as ArrayLike<number>);
  for (let i = 0; i < sorted.length; i++) {
    if (!Number.isFinite(sorted[i])) refuse("value-not-number", { value: i + 1 });
  }
  return sorted.sort();
}

/** Per measure: a number of bins (quantile cut points) or ascending thresholds of one's own. */
export type RfmBins = number | number[];

/**
 * Scores 1..k of one measure the package's way. The intervals are [lower_i, upper_i) with lower =
 * (min, t_1, ..., t_{k−1}) and upper = (t_1, ..., t_{k−1}, max + 1), where t are `rfmBreaks` for a
 * bin count or the given thresholds as they are (k = thresholds + 1). Interval i scores i, or k + 1 − i
 * when `reverse` (recency: the fewest days since the last order score k). An interval whose cut points
 * coincide is empty, so a score can go unused, as in R.
 *
 * Throws RangeError on thresholds that are not ascending or not finite, and as rfmBreaks does.
 *
 * @example rfmBinScores([1, 2, 3, 4, 5], 5, false) // Int32Array [1, 1, 2, 3, 4]: 1 and 2 are below 2.8
 * @example rfmBinScores([10, 40, 90], [30, 60], true) // Int32Array [3, 2, 1]
 */
export function rfmBinScores(values: ArrayLike<number>, bins: RfmBins, reverse: boolean): { scores: Int32Array; lower: number[]; upper: number[] } {
  const sorted = finiteSorted(values);
  let breaks: number[];
  if (typeof bins === "number") breaks = rfmBreaks(values, bins);
  else {
    breaks = bins.slice();
    breaks.forEach((t, i) => {
      if (!Number.isFinite(t)) refuse("threshold-not-number", { threshold: i + 1 });
      if (i > 0 && !(t > breaks[i - 1])) refuse("thresholds-order");
    });
    if (breaks.length === 0) refuse("thresholds-empty");
  }
  const k = breaks.length + 1;
  const lower = [sorted[0], ...breaks];
  const upper = [...breaks, sorted[sorted.length - 1] + 1];
  const scores = new Int32Array(values.length);
  for (let c = 0; c < values.length; c++) {
    const x = values[c];
    // As R's loop: every interval that holds x assigns, the last one wins.
    for (let i = 0; i < k; i++) if (x >= lower[i] && x < upper[i]) scores[c] = reverse ? k - i : i + 1;
  }
  return { scores, lower, upper };
}

/** R, F, M scores per customer and the package's thresholds table. */
export interface RfmScores {
  r: Int32Array;
  f: Int32Array;
  m: Int32Array;
  /** 100·R + 10·F + M (R's `rfm_score`). */
  score: Int32Array;
  /** The bin edges as R's `threshold` tibble: [lower, upper) per bin, lowest values first. */
  thresholds: { recency: { lower: number[]; upper: number[] }; frequency: { lower: number[]; upper: number[] }; monetary: { lower: number[]; upper: number[] } };
}

/**
 * RFM scores as `rfm_table_order` / `rfm_table_customer` compute them from per-customer recency in
 * days, frequency (orders) and monetary value: each measure scored by rfmBinScores (recency
 * reversed, so 5 = most recent), rfm_score = 100·R + 10·F + M. `bins` is one setting for all three
 * or one per measure (default 5, the package's default).
 *
 * Throws RangeError on columns of different lengths, a blank (NaN) value and as rfmBinScores does.
 *
 * @example rfmScores([10, 200, 40], [5, 1, 3], [500, 20, 90], 3).score // Int32Array [333, 111, 212]
 */
export function rfmScores(
  recencyDays: ArrayLike<number>,
  frequency: ArrayLike<number>,
  monetary: ArrayLike<number>,
  bins: RfmBins | { r: RfmBins; f: RfmBins; m: RfmBins } = 5,
): RfmScores {
  const n = recencyDays.length;
  if (frequency.length !== n || monetary.length !== n) {
    throw new RangeError(`${n} recency values, ${frequency.length} frequency values and ${monetary.length} monetary values`);
  }
  const per = typeof bins === "number" || Array.isArray(bins) ? { r: bins, f: bins, m: bins } : bins;
  const r = rfmBinScores(recencyDays, per.r, true);
  const f = rfmBinScores(frequency, per.f, false);
  const m = rfmBinScores(monetary, per.m, false);
  const score = new Int32Array(n);
  for (let i = 0; i < n; i++) score[i] = 100 * r.scores[i] + 10 * f.scores[i] + m.scores[i];
  return {
    r: r.scores,
    f: f.scores,
    m: m.scores,
    score,
    thresholds: {
      recency: { lower: r.lower, upper: r.upper },
      frequency: { lower: f.lower, upper: f.upper },
      monetary: { lower: m.lower, upper: m.upper },
    },
  };
}

/** One row of a Segments table: inclusive score ranges of R, F and M. */
export interface RfmSegment {
  name: string;
  rLow: number;
  rHigh: number;
  fLow: number;
  fHigh: number;
  mLow: number;
  mHigh: number;
}

/** The segment that customers no row matches fall in (R's "Others"). */
export const RFM_OTHERS = "Others";

/**
 * The package's default segment table (the vignette "RFM - Introduction" and the examples of
 * `rfm_segment`), in its order: first match wins.
 */
export const DEFAULT_RFM_SEGMENTS: readonly RfmSegment[] = [
  { name: "Champions", rLow: 5, rHigh: 5, fLow: 5, fHigh: 5, mLow: 5, mHigh: 5 },
  { name: "Potential Loyalist", rLow: 3, rHigh: 5, fLow: 3, fHigh: 5, mLow: 2, mHigh: 5 },
  { name: "Loyal Customers", rLow: 2, rHigh: 4, fLow: 2, fHigh: 4, mLow: 2, mHigh: 4 },
  { name: "Promising", rLow: 3, rHigh: 4, fLow: 1, fHigh: 3, mLow: 3, mHigh: 5 },
  { name: "New Customers", rLow: 4, rHigh: 5, fLow: 1, fHigh: 3, mLow: 1, mHigh: 5 },
  { name: "Can't Lose Them", rLow: 1, rHigh: 2, fLow: 3, fHigh: 4, mLow: 4, mHigh: 5 },
  { name: "At Risk", rLow: 1, rHigh: 2, fLow: 2, fHigh: 5, mLow: 4, mHigh: 5 },
  { name: "Need Attention", rLow: 1, rHigh: 3, fLow: 3, fHigh: 5, mLow: 3, mHigh: 5 },
  { name: "About To Sleep", rLow: 2, rHigh: 3, fLow: 1, fHigh: 3, mLow: 1, mHigh: 4 },
  { name: "Lost", rLow: 1, rHigh: 1, fLow: 1, fHigh: 5, mLow: 1, mHigh: 5 },
];

/**
 * R's default segments for `bins` scores per measure. The package's table is written for 5 bins (its
 * default); for another number each 1–5 bound is carried onto the 1–`bins` scale — a low bound to the
 * first score its fifth of the range covers, a high bound to the last — so every bound stays a whole
 * number from 1 to `bins`, the order of the bounds is kept and 5 bins give the package's table unchanged.
 * R's rfm has no such rule (its segments are always the user's); this is our choice for a pre-filled table.
 *
 * @example defaultRfmSegments(3)[0] // { name: "Champions", rLow: 3, rHigh: 3, fLow: 3, fHigh: 3, mLow: 3, mHigh: 3 }
 * @example defaultRfmSegments(5) // the same bounds as DEFAULT_RFM_SEGMENTS
 */
export function defaultRfmSegments(bins: number): RfmSegment[] {
  if (!Number.isInteger(bins) || bins < 2) refuse("bins-whole", { bins });
  const low = (b: number) => 1 + Math.floor(((b - 1) * bins) / 5);
  const high = (b: number) => Math.ceil((b * bins) / 5);
  return DEFAULT_RFM_SEGMENTS.map((s) => ({
    name: s.name,
    rLow: low(s.rLow),
    rHigh: high(s.rHigh),
    fLow: low(s.fLow),
    fHigh: high(s.fHigh),
    mLow: low(s.mLow),
    mHigh: high(s.mHigh),
  }));
}

/**
 * Each customer's segment as `rfm_segment` assigns it: the first row (in table order) whose three
 * inclusive ranges hold the customer's R, F and M; -1 ("Others") when none does.
 *
 * Throws RangeError on a row with a bound that is not a number or a low above its high, and on
 * score columns of different lengths.
 *
 * @example rfmSegmentOf(Int32Array.of(5, 1), Int32Array.of(5, 1), Int32Array.of(5, 1), DEFAULT_RFM_SEGMENTS)
 * // Int32Array [0, 9]: Champions, Lost
 */
export function rfmSegmentOf(r: ArrayLike<number>, f: ArrayLike<number>, m: ArrayLike<number>, segments: readonly RfmSegment[]): Int32Array {
  const n = r.length;
  if (f.length !== n || m.length !== n) throw new RangeError(`${n} R scores, ${f.length} F scores and ${m.length} M scores`);
  segments.forEach((s, j) => {
    for (const [lo, hi] of [
      [s.rLow, s.rHigh],
      [s.fLow, s.fHigh],
      [s.mLow, s.mHigh],
    ]) {
      if (!Number.isFinite(lo) || !Number.isFinite(hi)) refuse("segment-bound", { segment: j + 1, name: s.name });
      if (lo > hi) refuse("segment-bounds-order", { segment: j + 1, name: s.name });
    }
  });
  const out = new Int32Array(n).fill(-1);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < segments.length; j++) {
      const s = segments[j];
      if (r[i] >= s.rLow && r[i] <= s.rHigh && f[i] >= s.fLow && f[i] <= s.fHigh && m[i] >= s.mLow && m[i] <= s.mHigh) {
        out[i] = j;
        break;
      }
    }
  }
  return out;
}

/** One row of the segment summary (R's `rfm_segment_summary`). */
export interface RfmSegmentSummaryRow {
  segment: string;
  customers: number;
  orders: number;
  revenue: number;
  /** revenue / orders (average order value). */
  aov: number;
}

/**
 * Customers, orders (sum of frequency), revenue (sum of monetary, exact) and average order value per
 * segment, in the segment table's order then "Others"; segments without customers are left out, as
 * R's grouped summary leaves them out.
 *
 * @example rfmSegmentSummary(Int32Array.of(0, 0, -1), [3, 1, 2], [300, 50, 80], [{ name: "Top", rLow: 5, rHigh: 5, fLow: 1, fHigh: 5, mLow: 1, mHigh: 5 }])
 * // [{ segment: "Top", customers: 2, orders: 4, revenue: 350, aov: 87.5 },
 * //  { segment: "Others", customers: 1, orders: 2, revenue: 80, aov: 40 }]
 */
export function rfmSegmentSummary(
  segment: ArrayLike<number>,
  frequency: ArrayLike<number>,
  monetary: ArrayLike<number>,
  segments: readonly RfmSegment[],
): RfmSegmentSummaryRow[] {
  const k = segments.length;
  const customers = new Float64Array(k + 1);
  const orders = Array.from({ length: k + 1 }, () => new ExactSum());
  const revenue = Array.from({ length: k + 1 }, () => new ExactSum());
  for (let i = 0; i < segment.length; i++) {
    const s = segment[i] < 0 ? k : segment[i];
    customers[s]++;
    orders[s].add(frequency[i]);
    revenue[s].add(monetary[i]);
  }
  const rows: RfmSegmentSummaryRow[] = [];
  for (let s = 0; s <= k; s++) {
    if (customers[s] === 0) continue;
    const o = orders[s].value();
    const v = revenue[s].value();
    rows.push({ segment: s < k ? segments[s].name : RFM_OTHERS, customers: customers[s], orders: o, revenue: v, aov: v / o });
  }
  return rows;
}

/**
 * The R × F heat map: customers (count) per recency score (rows, 1..rBins) and frequency score
 * (columns, 1..fBins); `mean` holds the mean monetary value of each cell (NaN when empty), what the
 * package's `rfm_heatmap` colours.
 *
 * @example rfmHeatmap(Int32Array.of(1, 2, 2), Int32Array.of(1, 1, 1), [10, 20, 40], 2, 2).count // [[1, 0], [2, 0]]
 */
export function rfmHeatmap(
  r: ArrayLike<number>,
  f: ArrayLike<number>,
  monetary: ArrayLike<number>,
  rBins: number,
  fBins: number,
): { count: number[][]; mean: number[][] } {
  const count = Array.from({ length: rBins }, () => new Array<number>(fBins).fill(0));
  const sums = Array.from({ length: rBins }, () => Array.from({ length: fBins }, () => new ExactSum()));
  for (let i = 0; i < r.length; i++) {
    const a = r[i] - 1;
    const b = f[i] - 1;
    if (a < 0 || a >= rBins || b < 0 || b >= fBins) refuse("scores-outside", { customer: i + 1, rBins, fBins });
    count[a][b]++;
    sums[a][b].add(monetary[i]);
  }
  const mean = count.map((row, a) => row.map((c, b) => (c === 0 ? NaN : sums[a][b].value() / c)));
  return { count, mean };
}

/** Everything the RFM scheme reports: per-customer columns, the segment table, the heat map, the bins. */
export interface RfmAnalysis extends RfmScores {
  /** Index into `segments` per customer; -1 = "Others". */
  segment: Int32Array;
  /** Segment name per customer ("Others" included). */
  segmentName: string[];
  summary: RfmSegmentSummaryRow[];
  heatmap: { count: number[][]; mean: number[][] };
}

/**
 * The whole RFM scheme in one call, from per-customer recency (days), frequency and monetary value
 * (from customerIndicators, or a customer table's own three columns): rfmScores, rfmSegmentOf,
 * rfmSegmentSummary and the R × F heat map (rows R = 1..rBins, columns F = 1..fBins, as many as there
 * are bins: thresholds + 1 when thresholds are given).
 *
 * Throws RangeError as the functions it calls do.
 *
 * @example rfmAnalysis([10, 200, 40], [5, 1, 3], [500, 20, 90], 3, DEFAULT_RFM_SEGMENTS).segmentName
 * // ["Potential Loyalist", "Lost", "About To Sleep"]: scores 333, 111, 212
 */
export function rfmAnalysis(
  recencyDays: ArrayLike<number>,
  frequency: ArrayLike<number>,
  monetary: ArrayLike<number>,
  bins: RfmBins | { r: RfmBins; f: RfmBins; m: RfmBins },
  segments: readonly RfmSegment[],
): RfmAnalysis {
  const scores = rfmScores(recencyDays, frequency, monetary, bins);
  const segment = rfmSegmentOf(scores.r, scores.f, scores.m, segments);
  const segmentName = Array.from(segment, (s) => (s < 0 ? RFM_OTHERS : segments[s].name));
  const rBins = scores.thresholds.recency.lower.length;
  const fBins = scores.thresholds.frequency.lower.length;
  return {
    ...scores,
    segment,
    segmentName,
    summary: rfmSegmentSummary(segment, frequency, monetary, segments),
    heatmap: rfmHeatmap(scores.r, scores.f, monetary, rBins, fBins),
  };
}
