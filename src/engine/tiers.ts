// Tier schemes (docs/DESIGN.md §2): by rank shares, by cumulative value (Pareto/ABC), by score cut-offs,
// and by ordered rules. A tier is an index into the labels, best first; -1 means "not graded".

import { refuse } from "./errors";
import { ExactSum } from "./exactSum";
import { sortedOrder } from "./sortedOrder";
import type { SortScratch } from "./sortedOrder";
import type { Comparison, TierRule } from "./types";

const ONE_TOLERANCE = 1e-9;

/**
 * Checks tier shares: at least one, each finite and > 0, adding up to 1 within 1e-9.
 * Returns nothing; throws RangeError saying which rule is broken.
 *
 * @example checkShares([0.2, 0.3, 0.5]) // ok
 * @example checkShares([0.2, 0.3]) // throws: they add up to 0.5
 */
export function checkShares(shares: number[]): void {
  if (!Array.isArray(shares) || shares.length === 0) refuse("shares-empty");
  let sum = 0;
  for (let k = 0; k < shares.length; k++) {
    const s = shares[k];
    if (!(Number.isFinite(s) && s > 0)) refuse("share-not-positive", { share: k + 1, value: s });
    sum += s;
  }
  if (Math.abs(sum - 1) > ONE_TOLERANCE) refuse("shares-sum", { sum });
}

/**
 * The running sums of the shares, rounded to 12 decimals: the multipliers of COUNT in the
 * equivalent Excel formula. Rounding makes 0.7 + 0.1 exactly the double 0.8 that an analyst types,
 * so that rank 8 of 10 falls inside "RANK.EQ <= 0.8 * COUNT" here as in Excel.
 * Throws RangeError as checkShares does.
 *
 * @example cumulativeShares([0.2, 0.3, 0.5]) // [0.2, 0.5, 1]
 * @example cumulativeShares([0.7, 0.1, 0.2]) // [0.7, 0.8, 1]
 */
export function cumulativeShares(shares: number[]): number[] {
  checkShares(shares);
  let running = 0;
  return shares.map((s) => {
    running += s;
    return Math.round(running * 1e12) / 1e12;
  });
}

function tierOfRank(rank: number, n: number, cumulative: number[]): number {
  const last = cumulative.length - 1;
  for (let k = 0; k < last; k++) if (rank <= cumulative[k] * n) return k;
  return last;
}

/**
 * The tier of a customer of RANK.EQ rank `rank` among n graded customers: the first tier k with
 * rank <= cumulative share k × n, no rounding of the cut (with 0.2/0.3/0.5 and n = 7 the cuts are
 * 1.4 and 3.5); the last tier takes the rest. Equal scores have equal ranks and so share a tier.
 * A rank below 1 (0 = not graded) or NaN gives -1. Like the Excel formula, a small n can leave a
 * tier empty: a single customer under 20/30/50 has rank 1 > 0.2 and 1 > 0.5, so it is C.
 *
 * Throws RangeError on invalid shares (see checkShares).
 *
 * @example shareTier(1, 7, [0.2, 0.3, 0.5]) // 0
 * @example shareTier(4, 7, [0.2, 0.3, 0.5]) // 2: 4 > 3.5
 */
export function shareTier(rank: number, n: number, shares: number[]): number {
  const cumulative = cumulativeShares(shares);
  if (!(rank >= 1)) return -1;
  return tierOfRank(rank, n, cumulative);
}

/**
 * The share tier of every customer from their RANK.EQ ranks (see rankEq); n is the number of
 * ranks > 0, and rank 0 (not graded) gives -1.
 *
 * Throws RangeError on invalid shares.
 *
 * @example tiersByShares(Int32Array.of(1, 2, 3, 4, 5, 6, 7), [0.2, 0.3, 0.5]) // [0, 1, 1, 2, 2, 2, 2]
 * @example tiersByShares(Int32Array.of(1, 2, 2, 4, 0), [0.5, 0.5]) // [0, 0, 0, 1, -1]: the tie at the cut 2 stays on top
 */
export function tiersByShares(rank: Int32Array, shares: number[]): Int32Array {
  const cumulative = cumulativeShares(shares);
  let n = 0;
  for (let i = 0; i < rank.length; i++) if (rank[i] > 0) n++;
  const tier = new Int32Array(rank.length);
  for (let i = 0; i < rank.length; i++) tier[i] = rank[i] > 0 ? tierOfRank(rank[i], n, cumulative) : -1;
  return tier;
}

/**
 * Checks Pareto cut-offs: at least one, each within (0, 1], strictly ascending (0.8, 0.95).
 * Returns nothing; throws RangeError naming the cut-off at fault.
 *
 * @example checkParetoCutoffs([0.8, 0.95]) // ok
 */
export function checkParetoCutoffs(cutoffs: number[]): void {
  if (!Array.isArray(cutoffs) || cutoffs.length === 0) refuse("pareto-cutoffs-empty");
  for (let k = 0; k < cutoffs.length; k++) {
    const c = cutoffs[k];
    if (!(c > 0 && c <= 1)) refuse("pareto-cutoff-range", { cutoff: k + 1, value: c });
    if (k > 0 && !(c > cutoffs[k - 1])) refuse("pareto-cutoff-order", { cutoff: k + 1 });
  }
}

function paretoClass(above: number, total: number, cutoffs: number[]): number {
  const share = above / total;
  for (let k = 0; k < cutoffs.length; k++) if (share < cutoffs[k]) return k;
  return cutoffs.length;
}

/**
 * The Pareto (ABC) class of every customer by a value column (revenue, profit), largest first:
 * class k is the first with SUMIF(values, ">" & v) / SUM(values) < cutoffs[k], else the last class
 * (cutoffs.length). So the customer that crosses 80 % is still A, and equal values share a class.
 * NaN (blank) values get -1 and count for nobody. Sums are exact (see exactSum), so the row order
 * and the per-cell paretoTierOf cannot change a class.
 * DECISION on negative values (returns, losses): they are kept, as Excel's SUMIF/SUM keep them.
 * The share held above a negative value is then more than 100 %, so negative customers always fall
 * in the last class, and they lower the total that everyone's share is measured against.
 *
 * Throws RangeError on invalid cut-offs, or when the values add up to 0 or less (no share of a
 * total is defined then). An all-blank column gives all -1. With `scratch` the sort works in its memory.
 *
 * @example paretoTiers([90, 5, 3, 2], [0.8, 0.95]) // [0, 1, 2, 2]: above 5 is 90 %, above 3 is 95 %
 * @example paretoTiers([40, 40, 20], [0.5]) // [0, 0, 1]: ties share A though 80 % > 50 %
 */
export function paretoTiers(values: ArrayLike<number>, cutoffs: number[], scratch?: SortScratch): Int32Array {
  checkParetoCutoffs(cutoffs);
  const tier = new Int32Array(values.length).fill(-1);
  const { sorted, order } = sortedOrder(values, scratch);
  const m = sorted.length;
  if (m === 0) return tier;
  if (sorted[0] === -Infinity || sorted[m - 1] === Infinity) refuse("value-infinite");
  const totalSum = new ExactSum();
  for (let k = 0; k < m; k++) totalSum.add(sorted[k]);
  const total = totalSum.value();
  if (!(total > 0)) refuse("pareto-total", { total });
  // Walk down from the largest value, one group of equal values at a time.
  const above = new ExactSum();
  let end = m - 1;
  while (end >= 0) {
    const v = sorted[end];
    let start = end;
    while (start > 0 && sorted[start - 1] === v) start--;
    const k = paretoClass(above.value(), total, cutoffs);
    for (let j = start; j <= end; j++) {
      tier[order[j]] = k;
      above.add(sorted[j]);
    }
    end = start - 1;
  }
  return tier;
}

/** The plain sums one pass over the values gives for the class of x: what paretoTierFromSums decides on. */
export interface ParetoSums {
  /** Non-blank values. */
  n: number;
  total: number;
  /** The sum of the values strictly greater than x. */
  above: number;
  /** The sum of the values' magnitudes (for the rounding-error bound). */
  magnitude: number;
}

/**
 * The Pareto class from plain (floating-point) sums when their rounding error cannot change it, else
 * undefined: then only exact sums can decide (paretoTierOf's second pass). Uses Higham's bound on the
 * error of a sum (γ_n Σ|v|): when the share is clearly on one side of every cut-off, the exact sums
 * would decide the same way. Throws RangeError when a value was infinite.
 *
 * @example paretoTierFromSums({ n: 4, total: 100, above: 90, magnitude: 100 }, [0.8, 0.95]) // 1
 */
export function paretoTierFromSums(sums: ParetoSums, cutoffs: number[]): number | undefined {
  const { n, total, above, magnitude } = sums;
  if (magnitude === Infinity) refuse("value-infinite");
  const unit = 2 ** -53;
  const error = 4 * (n + 2) * unit * magnitude;
  if (!(total > error)) return undefined;
  const share = above / total;
  const band = (error * (magnitude + total)) / ((total - error) * total) + 8 * unit;
  for (let k = 0; k < cutoffs.length; k++) if (!(Math.abs(share - cutoffs[k]) > band)) return undefined;
  for (let k = 0; k < cutoffs.length; k++) if (share < cutoffs[k]) return k;
  return cutoffs.length;
}

/**
 * The Pareto class of one value x among `values` in one O(n) pass, exactly as paretoTiers would
 * classify it: the first k with SUMIF(values, ">" & x) / SUM(values) < cutoffs[k]. NaN x gives -1.
 * Plain sums decide unless the share lies within their rounding-error bound of a cut-off
 * (paretoTierFromSums); then a second pass with exact sums decides, as paretoTiers does.
 *
 * Throws RangeError on invalid cut-offs or a total <= 0 (see paretoTiers for negative values).
 *
 * @example paretoTierOf(5, [90, 5, 3, 2], [0.8, 0.95]) // 1
 * @example paretoTierOf(90, [90, 5, 3, 2], [0.8, 0.95]) // 0
 */
export function paretoTierOf(x: number, values: ArrayLike<number>, cutoffs: number[]): number {
  checkParetoCutoffs(cutoffs);
  if (x !== x) return -1;
  const sums: ParetoSums = { n: 0, total: 0, above: 0, magnitude: 0 };
  const length = values.length;
  for (let i = 0; i < length; i++) {
    const v = values[i];
    if (v !== v) continue;
    sums.n++;
    sums.total += v;
    sums.magnitude += v < 0 ? -v : v;
    if (v > x) sums.above += v;
  }
  const clear = paretoTierFromSums(sums, cutoffs);
  if (clear !== undefined) return clear;
  const exactTotal = new ExactSum();
  const exactAbove = new ExactSum();
  for (let i = 0; i < length; i++) {
    const v = values[i];
    if (v !== v) continue;
    exactTotal.add(v);
    if (v > x) exactAbove.add(v);
  }
  const sum = exactTotal.value();
  if (!(sum > 0)) refuse("pareto-total", { total: sum });
  return paretoClass(exactAbove.value(), sum, cutoffs);
}

/**
 * Checks score cut-offs: at least one, finite, strictly descending (85, 70, 50).
 * Returns nothing; throws RangeError naming the cut-off at fault.
 *
 * @example checkScoreCutoffs([85, 70, 50]) // ok
 */
export function checkScoreCutoffs(cutoffs: number[]): void {
  if (!Array.isArray(cutoffs) || cutoffs.length === 0) refuse("cutoffs-empty");
  for (let k = 0; k < cutoffs.length; k++) {
    if (!Number.isFinite(cutoffs[k])) refuse("cutoff-not-number", { cutoff: k + 1 });
    if (k > 0 && !(cutoffs[k] < cutoffs[k - 1])) refuse("cutoff-order", { cutoff: k + 1 });
  }
}

/**
 * The tier of every score by minimum scores: the first k with score >= cutoffs[k], else the last
 * tier (cutoffs.length). NaN scores get -1.
 *
 * Throws RangeError on invalid cut-offs.
 *
 * @example tiersByCutoffs([90, 85, 60, 10], [85, 70, 50]) // [0, 0, 2, 3]
 */
export function tiersByCutoffs(scores: ArrayLike<number>, cutoffs: number[]): Int32Array {
  checkScoreCutoffs(cutoffs);
  const tier = new Int32Array(scores.length);
  for (let i = 0; i < scores.length; i++) {
    const s = scores[i];
    if (s !== s) {
      tier[i] = -1;
      continue;
    }
    let k = 0;
    while (k < cutoffs.length && !(s >= cutoffs[k])) k++;
    tier[i] = k;
  }
  return tier;
}

function holds(x: number, op: Comparison, value: number): boolean {
  switch (op) {
    case ">":
      return x > value;
    case ">=":
      return x >= value;
    case "<":
      return x < value;
    case "<=":
      return x <= value;
    case "=":
      return x === value;
    default:
      return x !== value && x === x;
  }
}

const OPERATORS: Comparison[] = [">", ">=", "<", "<=", "=", "<>"];

/**
 * The tier of each of n customers by ordered rules: the index of the first rule whose conditions
 * all hold, else rules.length (the `otherwise` tier). A condition on a blank (NaN) value is false,
 * "<>" included; a rule without conditions matches everyone.
 *
 * Throws RangeError for a rule naming a column that is not in `columns`, a column whose length is
 * not n, an unknown operator, or a comparison value that is not a finite number.
 *
 * @example tiersByRules(3, { spend: Float64Array.of(200000, 5000, NaN) },
 *   [{ label: "VIP", conditions: [{ column: "spend", op: ">", value: 100000 }] }]) // [0, 1, 1]
 */
export function tiersByRules(n: number, columns: Record<string, Float64Array>, rules: TierRule[]): Int32Array {
  const data: Float64Array[][] = [];
  for (const rule of rules) {
    const columnsOfRule: Float64Array[] = [];
    for (const condition of rule.conditions) {
      if (!Object.prototype.hasOwnProperty.call(columns, condition.column)) {
        refuse("rule-column-missing", { rule: rule.label, column: condition.column });
      }
      const column = columns[condition.column];
      if (column.length !== n) {
        throw new RangeError(`column "${condition.column}" has ${column.length} values, expected ${n}`);
      }
      if (!OPERATORS.includes(condition.op)) refuse("rule-operator", { rule: rule.label, op: String(condition.op) });
      if (!Number.isFinite(condition.value)) refuse("rule-value", { rule: rule.label, value: String(condition.value) });
      columnsOfRule.push(column);
    }
    data.push(columnsOfRule);
  }
  const tier = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    let r = 0;
    for (; r < rules.length; r++) {
      const conditions = rules[r].conditions;
      let all = true;
      for (let c = 0; c < conditions.length && all; c++) {
        all = holds(data[r][c][i], conditions[c].op, conditions[c].value);
      }
      if (all) break;
    }
    tier[i] = r;
  }
  return tier;
}
