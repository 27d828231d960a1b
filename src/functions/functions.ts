// The TIERS.* custom functions (docs/DESIGN.md §5). Thin wrappers: arguments.ts turns Excel's ranges
// into arrays, the engine computes, and the numbers are the engine's to the last bit, as in the
// task pane. The JSDoc below is what Excel shows in formula autocomplete (webpack.config.js writes
// functions.json from it with custom-functions-metadata), so it speaks to the analyst. The file
// registers the functions itself, only where Excel's runtime is (registerFunctions, at the end).
//
// Cost: Excel calls a per-cell function once per customer with the same big ranges, so
// CUSTOMERSCORE, CUSTOMERRANK, CUSTOMERTIER and PARETOCLASS make one pass over their ranges and
// never sort; GRADE grades everyone at once (one sort). Each call's arguments travel as JSON,
// capped at 5 MB: docs/FUNCTIONS.md gives the largest table per function.

/* global CustomFunctions, Office */

import {
  ahpConsistency,
  ahpWeights,
  entropyWeights,
  explainGrade,
  globalWeights,
  grade,
  paretoTierFromSums,
  paretoTierOf,
  pcaWeights,
  pointsOf,
  scoreOf,
  shareTier,
} from "../engine";
import type { Direction, Explanation, GradeInput, Indicator } from "../engine";
import { textOf } from "../text";
import type { Lang } from "../workbook/types";
import { explanationText } from "../workbook/explainWords";
import type { FunctionsText } from "./arguments";
import {
  argued,
  ArgumentError,
  columnCount,
  countAbove,
  directionsOf,
  engineRefusal,
  labelsOf,
  matrixOf,
  normalizationOf,
  numberOf,
  numbersOf,
  omitted,
  paretoCutoffsOf,
  paretoSumsOf,
  scoringArgumentOf,
  sharesOf,
  tableOf,
  tableStatsOf,
  vectorOf,
  weightsOf,
} from "./arguments";

/** zh-CN when Office's display language is Chinese, en-US otherwise (and outside Office). */
function displayLanguage(): Lang {
  try {
    const language = typeof Office === "undefined" ? "" : (Office.context?.displayLanguage ?? "");
    return language.toLowerCase().startsWith("zh") ? "zh-CN" : "en-US";
  } catch {
    return "en-US";
  }
}

/** An Excel error for what went wrong: #N/A for a missing value, #VALUE! for a bad argument. */
function excelError(error: unknown): CustomFunctions.Error {
  if (error instanceof CustomFunctions.Error) return error;
  if (error instanceof ArgumentError) {
    const code = error.blank ? CustomFunctions.ErrorCode.notAvailable : CustomFunctions.ErrorCode.invalidValue;
    return new CustomFunctions.Error(code, error.text[displayLanguage()]);
  }
  const message = error instanceof Error ? error.message : String(error);
  return new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidValue, message);
}

function excelCall<T>(body: () => T): T {
  try {
    return body();
  } catch (error) {
    throw excelError(error);
  }
}

/** Runs an engine step, reporting a value it refuses as a bad `argument`. */
function engineStep<T>(argument: string, step: () => T): T {
  try {
    return step();
  } catch (error) {
    if (error instanceof RangeError) throw engineRefusal(argument, error);
    throw error;
  }
}

function blankValue(argument: string, what: (t: FunctionsText) => string): ArgumentError {
  return new ArgumentError(argument, argued(argument, what), true);
}

/** Indicators of a formula: no names or dimensions, the given weights, directions and rule. */
function formulaIndicators(weights: number[], directions: Direction[], scoring: Indicator["scoring"]): Indicator[] {
  return weights.map((weight, j) => ({
    name: `indicator ${j + 1}`,
    weight,
    direction: directions[j],
    scoring,
    column: `indicator ${j + 1}`,
  }));
}

/**
 * One customer's weighted score from 0 to 100.
 * @customfunction CUSTOMERSCORE
 * @param values The customer's indicator values: one row (or column) with one value per indicator.
 * @param weights One weight per indicator, in the same order (normalised to add up to 1).
 * @param data All customers' indicator values, one row per customer (one column if values is a column): the reference for min-max or percentile points.
 * @param [directions] Per indicator "higher" or "lower" (or 1 / -1) is better; default higher.
 * @param [scoring] "minmax" (default): (x-min)/(max-min). "percentile": share of customers below x.
 * @returns The score, 0 to 100.
 */
export function customerScore(
  values: any[][],
  weights: any[][],
  data: any[][],
  directions?: any[][],
  scoring?: any,
): number {
  return excelCall(() => {
    const customer = vectorOf(values, "values");
    const k = customer.values.length;
    const raw = weightsOf(weights, "weights", k);
    const direction = directionsOf(directions, "directions", k);
    const rule = scoringArgumentOf(scoring, "scoring");
    const layout = customer.orientation === "row" ? "rows" : customer.orientation === "column" ? "columns" : "either";
    // Each column's count, min and max come from the pass that reads the range (columnStats's numbers).
    // Minmax points need only those three numbers, so the columns are not even kept; percentile needs them.
    const stats = tableStatsOf(data, "data", k, layout, rule === "percentile");
    const global = globalWeights({ dimensions: [], indicators: formulaIndicators(raw, direction, rule) }).weights;
    const points = new Float64Array(k);
    for (let j = 0; j < k; j++) {
      const x = customer.values[j];
      if (x !== x) {
        throw blankValue("values", (t) => t.valueBlank(j + 1));
      }
      points[j] = engineStep("data", () => pointsOf(x, stats[j], rule, direction[j]));
    }
    return scoreOf(points, global);
  });
}

/**
 * The rank of a score among all scores, largest first, as RANK.EQ: ties share the best rank.
 * @customfunction CUSTOMERRANK
 * @param score The customer's score.
 * @param scores All customers' scores (a row or a column; blanks are skipped).
 * @returns 1 for the best score.
 */
export function customerRank(score: any, scores: any[][]): number {
  return excelCall(() => {
    const s = numberOf(score, "score");
    if (s !== s) throw blankValue("score", (t) => t.scoreBlank);
    // RANK.EQ, as the engine's rankOf: 1 + the number of scores above, counted while the cells are read.
    const { count, greater } = countAbove(scores, "scores", s);
    if (count === 0) throw blankValue("scores", (t) => t.noScores);
    return 1 + greater;
  });
}

/**
 * The tier of a score by shares of customers, best first: A is the top 20 %, B the next 30 %, C the rest.
 * @customfunction CUSTOMERTIER
 * @param score The customer's score.
 * @param scores All customers' scores (blanks are skipped).
 * @param [shares] Share of customers per tier, best first: 0.2, 0.3, 0.5 (default) or 20, 30, 50.
 * @param [labels] Tier labels, best first, one per share; default A, B, C.
 * @returns The tier label.
 */
export function customerTier(score: any, scores: any[][], shares?: any[][], labels?: any[][]): string {
  return excelCall(() => {
    const s = numberOf(score, "score");
    if (s !== s) throw blankValue("score", (t) => t.scoreBlank);
    const { count, greater } = countAbove(scores, "scores", s);
    if (count === 0) throw blankValue("scores", (t) => t.noScores);
    const fractions = sharesOf(shares, "shares");
    const names = labelsOf(labels, "labels", fractions.length);
    const tier = engineStep("shares", () => shareTier(1 + greater, count, fractions));
    return names[tier];
  });
}

/**
 * The ABC (Pareto) class of a value: A while the customers above it hold less than 80 % of the total, B below 95 %, C the rest.
 * @customfunction PARETOCLASS
 * @param value The customer's value (revenue, profit).
 * @param values All customers' values (blanks are skipped).
 * @param [cutoffs] Cumulative shares of the total, ascending: 0.8, 0.95 (default) or 80, 95.
 * @param [labels] Class labels, one more than the cut-offs; default A, B, C.
 * @returns The class label.
 */
export function paretoClass(value: any, values: any[][], cutoffs?: any[][], labels?: any[][]): string {
  return excelCall(() => {
    const x = numberOf(value, "value");
    if (x !== x) throw blankValue("value", (t) => t.valueIsBlank);
    // One pass for the plain sums; the list only when they cannot decide (a share within rounding
    // error of a cut-off, or a total that is not clearly positive).
    const sums = paretoSumsOf(values, "values", x);
    const fractions = paretoCutoffsOf(cutoffs, "cutoffs");
    const names = labelsOf(labels, "labels", fractions.length + 1);
    let tier: number;
    try {
      tier = paretoTierFromSums(sums, fractions) ?? paretoTierOf(x, numbersOf(values, "values"), fractions);
    } catch (error) {
      // The cut-offs are checked above, so the engine can only refuse the total.
      if (!(error instanceof RangeError)) throw error;
      throw new ArgumentError("values", argued("values", (t) => t.totalNotPositive));
    }
    return names[tier];
  });
}

/**
 * The GradeInput that GRADE and EXPLAIN both grade: their shared arguments read the same way, one customer
 * per row of `data` (no IDs: a customer is its row), blanks excluded. `names` renames the indicators.
 */
function gradeInputOf(data: any[][], weights: any[][], directions: any[][] | undefined, shares: any[][] | undefined, labels: any[][] | undefined, scoring: any, names?: string[]): GradeInput {
  const raw = weightsOf(weights, "weights");
  const k = raw.length;
  const direction = directionsOf(directions, "directions", k);
  const rule = scoringArgumentOf(scoring, "scoring");
  const fractions = sharesOf(shares, "shares");
  const tierNames = labelsOf(labels, "labels", fractions.length);
  const indicators = formulaIndicators(raw, direction, rule);
  names?.forEach((name, j) => (indicators[j].name = name));
  const columns = tableOf(data, "data", k, "either");
  return {
    ids: new Array<string>(columns[0].length).fill(""),
    indicatorValues: columns,
    weightTable: { dimensions: [], indicators },
    scheme: { kind: "shares", shares: fractions },
    labels: tierNames,
    missing: "exclude",
  };
}

/**
 * Grades every customer at once; spills one row per customer: score, rank, tier.
 * @customfunction GRADE
 * @param data All customers' indicator values, one row per customer, one column per indicator.
 * @param weights One weight per indicator (normalised to add up to 1).
 * @param [directions] Per indicator "higher" or "lower" (or 1 / -1) is better; default higher.
 * @param [shares] Share of customers per tier, best first: 0.2, 0.3, 0.5 (default) or 20, 30, 50.
 * @param [labels] Tier labels, best first, one per share; default A, B, C.
 * @param [scoring] "minmax" (default) or "percentile".
 * @returns Rows of score, rank and tier; #N/A for a customer with a blank value.
 */
export function gradeCustomers(
  data: any[][],
  weights: any[][],
  directions?: any[][],
  shares?: any[][],
  labels?: any[][],
  scoring?: any,
): any[][] {
  return excelCall(() => {
    // GRADE has no customer IDs: a customer is its row, and a blank row is reported by number below.
    const input = gradeInputOf(data, weights, directions, shares, labels, scoring);
    const n = input.ids.length;
    const result = engineStep("data", () => grade(input));
    const rows: any[][] = new Array(n);
    for (let i = 0; i < n; i++) {
      if (result.tier[i] < 0) {
        const message = textOf(displayLanguage()).functions.customerLeftOut(i + 1);
        const missing = new CustomFunctions.Error(CustomFunctions.ErrorCode.notAvailable, message);
        rows[i] = [missing, missing, missing];
      } else {
        rows[i] = [result.score[i], result.rank[i], result.labels[result.tier[i]]];
      }
    }
    return rows;
  });
}

/**
 * The priority weights of a pairwise-comparison matrix (AHP, principal eigenvector); spills one weight per row of the matrix.
 * @customfunction AHPWEIGHTS
 * @param matrix Square matrix of judgements: a_ij = how much more important i is than j (1..9), a_ji = 1/a_ij, 1 on the diagonal.
 * @returns A column of weights adding up to 1.
 */
export function ahpPriorityWeights(matrix: any[][]): number[][] {
  return excelCall(() => {
    const judgements = matrixOf(matrix, "matrix");
    return engineStep("matrix", () => ahpWeights(judgements)).map((w) => [w]);
  });
}

/**
 * The consistency ratio of a pairwise-comparison matrix (Saaty): below 0.1 the judgements are consistent enough.
 * @customfunction AHPCR
 * @param matrix Square matrix of judgements, 1 to 10 rows, a_ji = 1/a_ij.
 * @returns CR = CI / RI; 0 for 1 or 2 criteria.
 */
export function ahpConsistencyRatio(matrix: any[][]): number {
  return excelCall(() => {
    const judgements = matrixOf(matrix, "matrix");
    return engineStep("matrix", () => ahpConsistency(judgements)).cr;
  });
}

/**
 * Objective indicator weights by the entropy method; spills one weight per column of data. Rows with a blank or text (a header) are left out.
 * @customfunction ENTROPYWEIGHTS
 * @param data All customers' indicator values, one row per customer, one column per indicator.
 * @param [directions] Per indicator "higher" or "lower" (or 1 / -1) is better; default higher.
 * @param [normalization] "minmax" (default, per direction) or "sum" (the raw values, which must not be negative).
 * @returns A row of weights adding up to 1; a constant column gets 0.
 */
export function entropyIndicatorWeights(data: any[][], directions?: any[][], normalization?: any): number[][] {
  return excelCall(() => {
    const k = columnCount(data);
    const columns = tableOf(data, "data", k, "rows");
    const direction = directionsOf(directions, "directions", k);
    const method = normalizationOf(normalization, "normalization");
    const rows: number[][] = [];
    const n = columns[0].length;
    for (let i = 0; i < n; i++) {
      const row = columns.map((column) => column[i]);
      if (row.every((x) => x === x)) rows.push(row);
    }
    return [engineStep("data", () => entropyWeights(rows, direction, method))];
  });
}

/**
 * Objective indicator weights by principal components (factor analysis): components of the correlation matrix with eigenvalue above 1, each indicator weighted by its loadings; spills one weight per column of data. Rows with a blank are left out.
 * @customfunction PCAWEIGHTS
 * @param data All customers' indicator values, one row per customer, one column per indicator.
 * @param [directions] Per indicator "higher" or "lower" (or 1 / -1); checked, but they do not change the weights.
 * @returns A row of weights adding up to 1; a constant column gets 0.
 */
export function pcaIndicatorWeights(data: any[][], directions?: any[][]): number[][] {
  return excelCall(() => {
    const k = columnCount(data);
    const columns = tableOf(data, "data", k, "rows");
    directionsOf(directions, "directions", k);
    const rows: number[][] = [];
    const n = columns[0].length;
    for (let i = 0; i < n; i++) {
      const row = columns.map((column) => column[i]);
      if (row.every((x) => x === x)) rows.push(row);
    }
    return [engineStep("data", () => pcaWeights(rows).weights)];
  });
}

/**
 * Why each customer got its tier, in words; or, given customer, that customer's contributions: one row per indicator (name, weight × points) and the points to the next tier.
 * @customfunction EXPLAIN
 * @param data All customers' indicator values, one row per customer, one column per indicator.
 * @param weights One weight per indicator (normalised to add up to 1).
 * @param [directions] Per indicator "higher" or "lower" (or 1 / -1) is better; default higher.
 * @param [shares] Share of customers per tier, best first: 0.2, 0.3, 0.5 (default) or 20, 30, 50.
 * @param [labels] Tier labels, best first, one per share; default A, B, C.
 * @param [scoring] "minmax" (default) or "percentile".
 * @param [names] Indicator names for the sentences (the header row); default indicator 1, 2, ...
 * @param [customer] One customer's position in data (1 for the first row): spills its contributions, which add up to its score, and the points below the next tier.
 * @returns Without customer, a column of sentences such as "B: 6.2 points below A; Sales +18 % would close it". With customer, rows of indicator name and weight × points, then the next tier and the points to it. #N/A for a customer with a blank value.
 */
export function explainTiers(
  data: any[][],
  weights: any[][],
  directions?: any[][],
  shares?: any[][],
  labels?: any[][],
  scoring?: any,
  names?: any[][],
  customer?: any,
): any[][] {
  return excelCall(() => {
    let given: string[] | undefined;
    if (!omitted(names)) {
      const k = weightsOf(weights, "weights").length;
      try {
        given = labelsOf(names, "names", k);
      } catch {
        throw new ArgumentError("names", argued("names", (t) => t.namePerIndicator(k)));
      }
    }
    const input = gradeInputOf(data, weights, directions, shares, labels, scoring, given);
    const which = omitted(customer) ? undefined : customerOf(customer, input.ids.length);
    const result = engineStep("data", () => grade(input));
    const explanations = explainGrade(input, result);
    const zh = displayLanguage() === "zh-CN";
    if (which !== undefined) return contributionRows(input, result.labels, explanations[which], which, zh);
    return explanations.map((e, i) => {
      if (e) return [explanationText(e, zh ? "zh-CN" : "en-US")];
      const message = textOf(zh ? "zh-CN" : "en-US").functions.customerBlank(i + 1);
      return [new CustomFunctions.Error(CustomFunctions.ErrorCode.notAvailable, message)];
    });
  });
}

/** EXPLAIN's `customer`: a whole number from 1 to the number of customers; returned 0-based. */
function customerOf(value: unknown, n: number): number {
  const position = numberOf(value, "customer");
  if (!Number.isInteger(position) || position < 1 || position > n) {
    throw new ArgumentError("customer", argued("customer", (t) => t.explainCustomer(n)));
  }
  return position - 1;
}

/**
 * EXPLAIN's per-customer form: one row per indicator, [name, global weight × points] in the weight
 * order (added in that order from 0 they give the score, bit for bit, as TIERS.CUSTOMERSCORE), then
 * [the next tier up, target − score]; at the top tier [its label, #N/A], as there is no tier above.
 */
function contributionRows(input: GradeInput, tierLabels: string[], explanation: Explanation | null, i: number, zh: boolean): any[][] {
  const t = textOf(zh ? "zh-CN" : "en-US").functions;
  const indicators = input.weightTable.indicators;
  if (!explanation) {
    const missing = new CustomFunctions.Error(CustomFunctions.ErrorCode.notAvailable, t.explainBlank(i + 1));
    return [...indicators.map((indicator) => [indicator.name, missing]), [missing, missing]];
  }
  const rows: any[][] = indicators.map((indicator, j) => [indicator.name, explanation.contributions[j]]);
  const label = tierLabels[explanation.tier];
  if (explanation.nextTier === undefined || explanation.gap === undefined) {
    rows.push([t.explainTopRow(label), new CustomFunctions.Error(CustomFunctions.ErrorCode.notAvailable, t.explainTop(label))]);
  } else {
    rows.push([t.explainBelow(tierLabels[explanation.nextTier]), explanation.gap]);
  }
  return rows;
}

/**
 * The functions Excel calls, by the ids the metadata (functions.json, generated from the
 * @customfunction tags above) gives them. A test checks the two lists are the same.
 */
export const FUNCTIONS: Readonly<Record<string, (...args: any[]) => unknown>> = {
  CUSTOMERSCORE: customerScore,
  CUSTOMERRANK: customerRank,
  CUSTOMERTIER: customerTier,
  PARETOCLASS: paretoClass,
  GRADE: gradeCustomers,
  AHPWEIGHTS: ahpPriorityWeights,
  AHPCR: ahpConsistencyRatio,
  ENTROPYWEIGHTS: entropyIndicatorWeights,
  PCAWEIGHTS: pcaIndicatorWeights,
  EXPLAIN: explainTiers,
};

/**
 * Registers the functions with Excel's runtime when there is one. Outside Office (the pane opened
 * as a web page, office.js blocked or not yet loaded) there is no CustomFunctions and nothing to do:
 * the bundle must load without throwing, so the pane beside it still starts.
 * @returns how many functions were registered (0 outside Excel).
 */
export function registerFunctions(runtime: { associate(id: string, f: (...args: any[]) => unknown): void } | undefined): number {
  if (!runtime || typeof runtime.associate !== "function") return 0;
  let count = 0;
  for (const id of Object.keys(FUNCTIONS)) {
    runtime.associate(id, FUNCTIONS[id]);
    count++;
  }
  return count;
}

registerFunctions(typeof CustomFunctions === "undefined" ? undefined : CustomFunctions);
