// The whole method in one call (docs/DESIGN.md §2): weights, points, score, rank, tier, pyramid.
// Built for Excel's 1,048,575 rows × a dozen indicators: typed arrays, one column at a time,
// no object or closure per customer (only the excluded customers are listed as objects).

import { refuse } from "./errors";
import { indicatorPoints, columnStats } from "./points";
import { SortScratch } from "./sortedOrder";
import { pyramid } from "./pyramid";
import { rankEq } from "./rank";
import { weightedScore } from "./score";
import {
  checkParetoCutoffs,
  checkScoreCutoffs,
  checkShares,
  paretoTiers,
  tiersByCutoffs,
  tiersByRules,
  tiersByShares,
} from "./tiers";
import type { EngineWarning, GradeInput, GradeResult, TierScheme } from "./types";
import { globalWeights } from "./weights";

/** The labels the tiers of a scheme refer to, after checking the scheme and the label count. */
function labelsOf(scheme: TierScheme, labels: string[]): string[] {
  switch (scheme.kind) {
    case "shares":
      checkShares(scheme.shares);
      if (labels.length !== scheme.shares.length) {
        refuse("shares-labels", { shares: scheme.shares.length, labels: labels.length });
      }
      return labels.slice();
    case "cutoffs":
    case "pareto": {
      if (scheme.kind === "cutoffs") checkScoreCutoffs(scheme.cutoffs);
      else checkParetoCutoffs(scheme.cutoffs);
      const expected = scheme.cutoffs.length + 1;
      if (labels.length !== expected) {
        refuse("cutoffs-labels", { cutoffs: scheme.cutoffs.length, expected, labels: labels.length });
      }
      return labels.slice();
    }
    case "rules":
      return scheme.rules.map((r) => r.label).concat(scheme.otherwise);
    default:
      throw new RangeError(`unknown tier scheme "${(scheme as { kind: string }).kind}"`);
  }
}

/**
 * Grades every customer. Steps: global weights (globalWeights); points per indicator
 * (indicatorPoints, statistics always over the column's non-blank values, whoever is excluded);
 * the missing-value policy — "exclude": a customer with any blank indicator is left out, listed in
 * `excluded` and warned about ("customers-excluded"); "zero": a blank scores 0 points
 * ("missing-scored-zero", subject the indicators); score (weightedScore); RANK.EQ rank among graded
 * customers (rankEq); tiers by the scheme; the pyramid by `input.value` when given, else by score.
 * Under `pareto` a customer with a blank value is excluded too (`blankValue: true`). Excluded
 * customers have NaN points and score, rank 0 and tier -1, and count for nobody's rank, tier,
 * Pareto total or pyramid (only for the column statistics of points, like MIN/MAX over the column). Labels: shares need one per share, cutoffs and pareto one more than the cut-offs, rules
 * use the rule labels then `otherwise`. Warns "no-spread" for minmax/percentile indicators whose
 * column has no spread (every customer gets 100 points there, see pointsOf).
 *
 * Throws RangeError on inconsistent input: column lengths that differ from ids, a number of value
 * columns other than the number of indicators, a wrong label count, an unknown policy or scheme,
 * pareto without a value column, and everything globalWeights, pointsOf and the tier schemes reject.
 *
 * @example grade({ ids: ["a", "b", "c"], indicatorValues: [Float64Array.of(10, 20, 30)],
 *   weightTable: { dimensions: [], indicators: [{ name: "sales", weight: 1, direction: "higher",
 *   scoring: "minmax", column: "sales" }] }, scheme: { kind: "cutoffs", cutoffs: [50] },
 *   labels: ["A", "B"], missing: "exclude" }) // score [0, 50, 100], rank [3, 2, 1], tier [1, 0, 0]
 */
export function grade(input: GradeInput): GradeResult {
  const { ids, indicatorValues, weightTable, scheme, missing, value } = input;
  const n = ids.length;
  const indicators = weightTable.indicators;
  if (indicatorValues.length !== indicators.length) {
    throw new RangeError(`${indicatorValues.length} value columns for ${indicators.length} indicators`);
  }
  indicatorValues.forEach((column, j) => {
    if (column.length !== n) {
      throw new RangeError(`indicator "${indicators[j].name}" has ${column.length} values for ${n} customers`);
    }
  });
  if (value && value.length !== n) throw new RangeError(`the value column has ${value.length} values for ${n} customers`);
  if (missing !== "exclude" && missing !== "zero") throw new RangeError(`unknown missing-value policy "${String(missing)}"`);
  if (scheme.kind === "pareto" && !value) refuse("pareto-no-value");
  const labels = labelsOf(scheme, input.labels);
  const { weights, warnings: weightWarnings } = globalWeights(weightTable);
  const warnings: EngineWarning[] = [...weightWarnings];

  // Who is left out: any blank indicator under "exclude", a blank value under "pareto".
  // Column statistics first: a column with n non-blank values needs no scan for blanks.
  const stats = indicatorValues.map((column) => columnStats(column));
  const out = new Uint8Array(n);
  if (missing === "exclude") {
    indicatorValues.forEach((column, j) => {
      if (stats[j].n < n) for (let i = 0; i < n; i++) if (column[i] !== column[i]) out[i] = 1;
    });
  }
  const blankValue = scheme.kind === "pareto" && value ? value : undefined;
  if (blankValue) for (let i = 0; i < n; i++) if (blankValue[i] !== blankValue[i]) out[i] = 1;

  const excluded: GradeResult["excluded"] = [];
  for (let i = 0; i < n; i++) {
    if (!out[i]) continue;
    const blanks: string[] = [];
    if (missing === "exclude") {
      for (let j = 0; j < indicators.length; j++) if (indicatorValues[j][i] !== indicatorValues[j][i]) blanks.push(indicators[j].name);
    }
    const entry: GradeResult["excluded"][number] = { index: i, id: ids[i], indicators: blanks };
    if (blankValue && blankValue[i] !== blankValue[i]) entry.blankValue = true;
    excluded.push(entry);
  }
  if (excluded.length > 0) warnings.push({ code: "customers-excluded", subject: excluded.map((e) => e.id) });

  const noSpread: string[] = [];
  const scoredZero: string[] = [];
  // One sort's working memory serves every percentile column in turn, then the rank and Pareto sorts.
  const scratch = new SortScratch();
  const points = indicators.map((indicator, j) => {
    const column = indicatorValues[j];
    const p = indicatorPoints(column, indicator.scoring, indicator.direction, indicator.bands, stats[j], scratch);
    if ((indicator.scoring === "minmax" || indicator.scoring === "percentile") && !(stats[j].max > stats[j].min)) {
      noSpread.push(indicator.name);
    }
    if (excluded.length === 0 && stats[j].n === n) return p;
    let zeroed = false;
    for (let i = 0; i < n; i++) {
      if (out[i]) p[i] = NaN;
      else if (p[i] !== p[i]) {
        p[i] = 0;
        zeroed = true;
      }
    }
    if (zeroed) scoredZero.push(indicator.name);
    return p;
  });
  if (scoredZero.length > 0) warnings.push({ code: "missing-scored-zero", subject: scoredZero });
  if (noSpread.length > 0) warnings.push({ code: "no-spread", subject: noSpread });

  const score = weightedScore(points, weights);
  const rank = rankEq(score, scratch);
  let tier: Int32Array;
  switch (scheme.kind) {
    case "shares":
      tier = tiersByShares(rank, scheme.shares);
      break;
    case "cutoffs":
      tier = tiersByCutoffs(score, scheme.cutoffs);
      break;
    case "pareto": {
      const graded = Float64Array.from(value as Float64Array);
      for (let i = 0; i < n; i++) if (out[i]) graded[i] = NaN;
      tier = paretoTiers(graded, scheme.cutoffs, scratch);
      break;
    }
    default:
      tier = tiersByRules(n, input.columns ?? {}, scheme.rules);
      for (let i = 0; i < n; i++) if (out[i]) tier[i] = -1;
  }

  return {
    weights,
    points,
    score,
    rank,
    tier,
    labels,
    excluded,
    pyramid: pyramid(tier, labels, value ?? score),
    warnings,
  };
}
