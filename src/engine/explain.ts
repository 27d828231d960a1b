// Why this tier (issue 16 §5): each indicator's contribution to a customer's score, the points that
// separate the customer from the next tier up, and the one indicator whose improvement would close
// that gap with the smallest relative change. The engine speaks no language: it gives the reason as a
// code with the numbers already rounded for reading; the text catalogue (src/text, `explain`) has the
// sentences, put together by workbook/explainWords.ts.

import { columnStats, pointsOf } from "./points";
import { scoreOf } from "./score";
import type { ColumnStats, GradeInput, GradeResult, Indicator } from "./types";

/** The change of one indicator that alone would lift the score to the next tier's. */
export interface IndicatorChange {
  /** Index into the weight table's indicators. */
  indicator: number;
  name: string;
  /** The customer's value and the value that closes the gap. */
  from: number;
  to: number;
  /** True when the value must pass `to` strictly (percentile: beat the value of another customer). */
  strict: boolean;
  /** to − from. */
  change: number;
  /** change / |from|; Infinity when from is 0. */
  relative: number;
  /** Points the indicator needs: its points now + gap / weight. */
  pointsNeeded: number;
}

export interface Explanation {
  /** Global weight × points per indicator, in the weight table's order: added in that order from 0 they give the score, bit for bit. */
  contributions: number[];
  score: number;
  tier: number;
  /** Index of the next tier up that has customers (shares) or the next cut-off's tier; undefined at the top or when scores do not decide tiers. */
  nextTier?: number;
  /** The score that reaches nextTier: the lowest score in it (shares) or its cut-off (cutoffs). */
  target?: number;
  /** target − score. */
  gap?: number;
  /** The single-indicator change with the smallest relative change; undefined when none can close the gap. */
  close?: IndicatorChange;
  /** Why, as a code and what its sentence shows (workbook/explainWords.ts puts it into words). */
  reason: ExplanationReason;
}

/**
 * Why a customer is in its tier, for the sentence: tiers not decided by the score (`by-value` under
 * pareto, `by-rule` under rules), already the top one, or `gap` points below the `next` tier's label,
 * with the indicator and the change (changeWords) that alone would close it when one can. `gap` is
 * gapWords' text: the numbers are rounded up here so that no language's words understate them.
 */
export type ExplanationReason =
  | { code: "by-value" | "by-rule" | "top-tier"; label: string }
  | { code: "gap"; label: string; next: string; gap: string; close?: { indicator: string; change: string } };

const EPS = 1e-9;

/**
 * The value of an indicator that earns at least `needed` points, closest to `x`, with the column's
 * statistics held as they are (the other customers unchanged); undefined when no value can. For
 * `minmax` the inverse of the formula, `raw` likewise, `percentile` the value to pass among the other
 * customers' values, `bands` the nearest threshold whose band gives enough points.
 */
function valueForPoints(
  x: number,
  needed: number,
  indicator: Indicator,
  stats: ColumnStats,
): { to: number; strict: boolean } | undefined {
  if (needed > 100 + EPS) return undefined;
  const higher = indicator.direction === "higher";
  switch (indicator.scoring) {
    case "minmax": {
      if (!(stats.max > stats.min)) return undefined;
      const span = stats.max - stats.min;
      return { to: higher ? stats.min + (needed / 100) * span : stats.max - (needed / 100) * span, strict: false };
    }
    case "raw": {
      // Held to 0..100, the only raw values there are: the points needed may come out a rounding error below
      // 0 (a fast-check counterexample needed -1.4e-14, which proposed the value 100.00000000000001).
      const points = Math.min(100, Math.max(0, needed));
      return { to: higher ? points : 100 - points, strict: false };
    }
    case "percentile": {
      const sorted = stats.sorted;
      const n = stats.n;
      if (!sorted || !(stats.max > stats.min) || n < 2) return undefined;
      // Points = (count of worse others) / (n − 1) × 100: count needed, rounded up.
      const count = Math.max(1, Math.ceil((needed / 100) * (n - 1) - EPS));
      if (count > n - 1) return undefined;
      // The others are `sorted` without one x (the customer's own value, at its first position):
      // other k is sorted[k] before that position and sorted[k + 1] from it on. No copy per customer.
      let pos = 0;
      let hi = sorted.length;
      while (pos < hi) {
        const mid = (pos + hi) >>> 1;
        if (sorted[mid] < x) pos = mid + 1;
        else hi = mid;
      }
      const k = higher ? count - 1 : n - 1 - count;
      return { to: k < pos ? sorted[k] : sorted[k + 1], strict: true };
    }
    case "bands": {
      let best: number | undefined;
      for (const band of indicator.bands ?? []) {
        if (pointsOf(band.threshold, stats, "bands", indicator.direction, indicator.bands) + EPS < needed) continue;
        if (best === undefined || Math.abs(band.threshold - x) < Math.abs(best - x)) best = band.threshold;
      }
      return best === undefined ? undefined : { to: best, strict: false };
    }
    default:
      return undefined;
  }
}

/** Rounds a positive magnitude up to `digits` significant digits (so the words never understate). */
function ceilSignificant(v: number, digits: number): number {
  if (v === 0) return 0;
  const scale = 10 ** (Math.floor(Math.log10(v)) - digits + 1);
  return Number((Math.ceil(v / scale - EPS) * scale).toPrecision(digits));
}

/**
 * The change in words: "+18 %" for a relative change (rounded up to a whole percent, or past it when
 * the value must be passed strictly), "+5" for a change from 0 (3 significant digits, rounded up).
 *
 * @example changeWords({ indicator: 0, name: "Sales", from: 100, to: 117.2, strict: false, change: 17.2, relative: 0.172, pointsNeeded: 60 }) // "+18 %"
 * @example changeWords({ indicator: 1, name: "Visits", from: 0, to: 3.33, strict: false, change: 3.33, relative: Infinity, pointsNeeded: 33.3 }) // "+3.33"
 */
export function changeWords(change: IndicatorChange): string {
  const sign = change.change < 0 ? "−" : "+";
  if (Number.isFinite(change.relative)) {
    const pct = Math.abs(change.relative) * 100;
    let shown = pct >= 1 ? (change.strict ? Math.floor(pct) + 1 : Math.ceil(pct - EPS)) : ceilSignificant(pct, 1);
    if (shown === 0) shown = ceilSignificant(pct, 1);
    return `${sign}${shown} %`;
  }
  return `${sign}${ceilSignificant(Math.abs(change.change), 3)}`;
}

/**
 * The gap in points as shown: rounded up to one decimal, at least 0.1.
 *
 * @example gapWords(6.21) // "6.3"
 */
export function gapWords(gap: number): string {
  return Math.max(0.1, Math.ceil(gap * 10 - EPS) / 10).toFixed(1);
}

/**
 * Explains every graded customer of a `grade` run (null for an excluded customer):
 * - contributions: global weight × points per indicator; scoreOf adds them in the weight table's
 *   order from 0, the way the score was computed, so they add up to the score bit for bit;
 * - the gap to the next tier up: for `shares` the lowest score among the customers of the nearest
 *   better tier that has any (reaching it ties that customer's rank, and equal ranks share a tier),
 *   for `cutoffs` the cut-off itself; none at the top tier, and none under `pareto` (tiers by value)
 *   or `rules` (tiers by conditions), where the score does not decide the tier;
 * - the indicator whose improvement alone closes the gap with the smallest relative change
 *   (|Δx| / |x|; a change from 0 ranks last), holding the column's statistics as they are:
 *   points needed = points + gap / weight (at most 100), then the value for those points
 *   (minmax: min + p/100·(max − min), lower-is-better max − p/100·(max − min); raw: p or 100 − p;
 *   percentile: pass the value of the other customer that gives enough worse others; bands: the
 *   nearest threshold whose band gives enough points). When no indicator can, the words say so.
 * The reason gives the gap and the change rounded up (gapWords, changeWords), so the sentences ("B: 6.3
 * points below A; Sales +18 % would close it") never understate what is needed.
 *
 * Throws RangeError when the result does not belong to the input (other lengths).
 *
 * @example // sales minmax 0..100 (weight 0.6), visits minmax 0..10 (weight 0.4), cut-off 50 -> A/B
 * // customer with sales 20, visits 5: score 0.6·20 + 0.4·50 = 32, tier B, gap 18 to A:
 * // Sales needs 20 + 18/0.6 = 50 points = 50 (+150 %), visits 50 + 45 = 95 points = 9.5 (+90 %)
 * // -> reason { code: "gap", label: "B", next: "A", gap: "18.0", close: { indicator: "Visits", change: "+90 %" } }
 */
export function explainGrade(input: GradeInput, result: GradeResult): (Explanation | null)[] {
  const n = input.ids.length;
  const indicators = input.weightTable.indicators;
  if (result.score.length !== n || result.points.length !== indicators.length) {
    throw new RangeError("the grade result does not belong to this input");
  }
  const stats = input.indicatorValues.map((column, j) =>
    columnStats(column, { sorted: indicators[j].scoring === "percentile" }),
  );
  const { scheme } = input;
  const labels = result.labels;
  // For shares: the lowest score of each tier.
  const lowest = new Array<number>(labels.length).fill(Infinity);
  for (let i = 0; i < n; i++) {
    const t = result.tier[i];
    if (t >= 0 && result.score[i] < lowest[t]) lowest[t] = result.score[i];
  }
  const out: (Explanation | null)[] = [];
  const points = new Float64Array(indicators.length);
  for (let i = 0; i < n; i++) {
    const tier = result.tier[i];
    if (tier < 0 || result.score[i] !== result.score[i]) {
      out.push(null);
      continue;
    }
    for (let j = 0; j < points.length; j++) points[j] = result.points[j][i];
    const contributions = new Array<number>(points.length);
    for (let j = 0; j < points.length; j++) contributions[j] = result.weights[j] * points[j];
    const score = scoreOf(points, result.weights);
    const label = labels[tier];
    const explanation: Explanation = { contributions, score, tier, reason: { code: "top-tier", label } };
    out.push(explanation);

    if (scheme.kind === "pareto" || scheme.kind === "rules") {
      explanation.reason = { code: scheme.kind === "pareto" ? "by-value" : "by-rule", label };
      continue;
    }
    let next: number | undefined;
    let target: number | undefined;
    if (scheme.kind === "shares") {
      for (let t = tier - 1; t >= 0; t--) {
        if (lowest[t] !== Infinity) {
          next = t;
          target = lowest[t];
          break;
        }
      }
    } else if (tier > 0) {
      next = tier - 1;
      target = scheme.cutoffs[tier - 1];
    }
    if (next === undefined || target === undefined || !(target > score)) {
      explanation.reason = { code: "top-tier", label };
      continue;
    }
    const gap = target - score;
    explanation.nextTier = next;
    explanation.target = target;
    explanation.gap = gap;

    let best: IndicatorChange | undefined;
    for (let j = 0; j < indicators.length; j++) {
      const w = result.weights[j];
      if (!(w > 0)) continue;
      const x = input.indicatorValues[j][i];
      if (x !== x) continue;
      const pointsNeeded = points[j] + gap / w;
      const found = valueForPoints(x, pointsNeeded, indicators[j], stats[j]);
      if (!found) continue;
      const change = found.to - x;
      const relative = x === 0 ? Infinity : Math.abs(change / x);
      if (best && !(relative < best.relative || (relative === best.relative && Math.abs(change) < Math.abs(best.change)))) continue;
      best = { indicator: j, name: indicators[j].name, from: x, to: found.to, strict: found.strict, change, relative, pointsNeeded };
    }
    if (best) explanation.close = best;
    explanation.reason = {
      code: "gap",
      label,
      next: labels[next],
      gap: gapWords(gap),
      ...(best ? { close: { indicator: best.name, change: changeWords(best) } } : {}),
    };
  }
  return out;
}
