// The engine's refusals (src/engine/errors.ts): every code is thrown by a real call with bad input, as an
// EngineError that is still a RangeError, with its English message; and the text catalogue's English
// repeats that message word for word, so a surface that says a refusal in en-US says what the engine said.

import { ENGINE_ENGLISH, EngineError } from "../../src/engine/errors";
import type { EngineErrorCode } from "../../src/engine/errors";
import {
  ahpConsistency,
  ahpWeights,
  checkBands,
  checkParetoCutoffs,
  checkScoreCutoffs,
  checkShares,
  columnStats,
  customerIndicators,
  entropyWeights,
  globalWeights,
  grade,
  paretoTierOf,
  paretoTiers,
  pointsOf,
  pyramid,
  serialOfDate,
  tiersByRules,
} from "../../src/engine";
import type { GradeInput, Indicator } from "../../src/engine";
import { clusterCustomers, kmeans, standardize } from "../../src/engine/kmeans";
import { migration } from "../../src/engine/migration";
import { correlationMatrix, pcaWeights } from "../../src/engine/pca";
import { defaultRfmSegments, rfmBinScores, rfmBreaks, rfmHeatmap, rfmSegmentOf } from "../../src/engine/rfm";
import { potentialFromGrowth } from "../../src/engine/strategy";
import { CATALOGUES } from "../../src/text";

function thrown(call: () => unknown): EngineError {
  try {
    call();
  } catch (error) {
    if (error instanceof EngineError) return error;
    throw error;
  }
  throw new Error("nothing was thrown");
}

const indicator = (name: string, weight: number, dimension?: string): Indicator => ({
  name,
  weight,
  dimension,
  direction: "higher",
  scoring: "minmax",
  column: name,
});

const gradeInput = (over: Partial<GradeInput>): GradeInput => ({
  ids: ["a", "b", "c"],
  indicatorValues: [Float64Array.of(1, 2, 3)],
  weightTable: { dimensions: [], indicators: [indicator("sales", 1)] },
  scheme: { kind: "shares", shares: [0.5, 0.5] },
  labels: ["A", "B"],
  missing: "exclude",
  ...over,
});

const stats = columnStats(Float64Array.of(1, 2, 3));
const orders = (over: Record<string, unknown>) => ({
  customer: ["a"],
  date: [45000],
  amount: [10],
  ...over,
});
const segment = { name: "Top", rLow: 1, rHigh: 3, fLow: 1, fHigh: 3, mLow: 1, mHigh: 3 };

/** Each code, a call that makes the engine refuse with it, and the message it gives. */
const CASES: [EngineErrorCode, () => unknown, string][] = [
  ["shares-empty", () => checkShares([]), "the shares scheme needs at least one share"],
  ["share-not-positive", () => checkShares([0.5, -0.5, 1]), "share 2 is -0.5; shares must be positive"],
  ["shares-sum", () => checkShares([0.2, 0.3]), "the shares add up to 0.5, not 1"],
  ["pareto-cutoffs-empty", () => checkParetoCutoffs([]), "the pareto scheme needs at least one cut-off"],
  ["pareto-cutoff-range", () => checkParetoCutoffs([0.8, 1.5]), "pareto cut-off 2 is 1.5; cut-offs are fractions in (0, 1]"],
  ["pareto-cutoff-order", () => checkParetoCutoffs([0.9, 0.8]), "pareto cut-off 2: cut-offs must be strictly ascending"],
  ["value-infinite", () => paretoTiers(Float64Array.of(1, Infinity), [0.8]), "a value is infinite"],
  ["pareto-total", () => paretoTierOf(1, Float64Array.of(-3, 1, 1), [0.8]), "the values add up to -1; a Pareto class needs a positive total"],
  ["cutoffs-empty", () => checkScoreCutoffs([]), "the cutoffs scheme needs at least one cut-off"],
  ["cutoff-not-number", () => checkScoreCutoffs([80, NaN]), "cut-off 2 is not a number"],
  ["cutoff-order", () => checkScoreCutoffs([50, 80]), "cut-off 2: cut-offs must be strictly descending"],
  [
    "rule-column-missing",
    () => tiersByRules(1, {}, [{ label: "VIP", conditions: [{ column: "sales", op: ">=", value: 1 }] }]),
    'rule "VIP" reads column "sales", which does not exist',
  ],
  [
    "rule-operator",
    () => tiersByRules(1, { sales: Float64Array.of(1) }, [{ label: "VIP", conditions: [{ column: "sales", op: "=>" as never, value: 1 }] }]),
    'rule "VIP": unknown operator "=>"',
  ],
  [
    "rule-value",
    () => tiersByRules(1, { sales: Float64Array.of(1) }, [{ label: "VIP", conditions: [{ column: "sales", op: ">=", value: NaN }] }]),
    'rule "VIP": "NaN" is not a number',
  ],
  ["shares-labels", () => grade(gradeInput({ labels: ["A", "B", "C"] })), "2 shares need 2 labels, found 3"],
  ["cutoffs-labels", () => grade(gradeInput({ scheme: { kind: "cutoffs", cutoffs: [50] }, labels: ["A"] })), "1 cut-offs need 2 labels, found 1"],
  ["pareto-no-value", () => grade(gradeInput({ scheme: { kind: "pareto", cutoffs: [0.8] } })), "the pareto scheme needs a value column"],
  ["weight-missing", () => globalWeights({ dimensions: [], indicators: [indicator("sales", NaN)] }), 'indicator "sales" has no weight'],
  [
    "weight-invalid",
    () => globalWeights({ dimensions: [{ name: "profit", weight: -1 }], indicators: [indicator("sales", 1, "profit")] }),
    'dimension "profit" has weight -1; weights must be finite and not negative',
  ],
  ["no-indicators", () => globalWeights({ dimensions: [], indicators: [] }), "the weight table has no indicators"],
  ["indicator-weights-zero", () => globalWeights({ dimensions: [], indicators: [indicator("sales", 0)] }), "all indicator weights are zero"],
  [
    "dimension-twice",
    () => globalWeights({ dimensions: [{ name: "p", weight: 1 }, { name: "p", weight: 1 }], indicators: [indicator("sales", 1, "p")] }),
    'dimension "p" is listed twice',
  ],
  [
    "dimension-weights-zero",
    () => globalWeights({ dimensions: [{ name: "p", weight: 0 }], indicators: [indicator("sales", 1, "p")] }),
    "all dimension weights are zero",
  ],
  [
    "indicator-no-dimension",
    () => globalWeights({ dimensions: [{ name: "p", weight: 1 }], indicators: [indicator("sales", 1)] }),
    'indicator "sales" names no dimension, but the table has dimensions',
  ],
  [
    "indicator-unknown-dimension",
    () => globalWeights({ dimensions: [{ name: "p", weight: 1 }], indicators: [indicator("sales", 1, "q")] }),
    'indicator "sales" names dimension "q", which does not exist',
  ],
  [
    "dimension-no-indicators",
    () => globalWeights({ dimensions: [{ name: "p", weight: 1 }, { name: "q", weight: 1 }], indicators: [indicator("sales", 1, "p")] }),
    'dimension "q" has no indicators',
  ],
  [
    "dimension-indicator-weights-zero",
    () => globalWeights({ dimensions: [{ name: "p", weight: 1 }], indicators: [indicator("sales", 0, "p")] }),
    'all indicator weights of dimension "p" are zero',
  ],
  ["value-infinite-at", () => columnStats(Float64Array.of(1, -Infinity)), "value 2 is infinite"],
  ["bands-empty", () => checkBands([]), "scoring by bands needs at least one band"],
  ["band-threshold", () => checkBands([{ threshold: NaN, points: 10 }]), "band 1 has no finite threshold"],
  ["band-points", () => checkBands([{ threshold: 0, points: 120 }]), "band 1 gives 120 points; points are 0..100"],
  ["band-order", () => checkBands([{ threshold: 5, points: 10 }, { threshold: 1, points: 20 }]), "band 2: thresholds must be strictly ascending"],
  ["scoring-unknown", () => pointsOf(1, stats, "linear" as never, "higher"), 'unknown scoring rule "linear"'],
  ["direction-unknown", () => pointsOf(1, stats, "minmax", "up" as never), 'unknown direction "up"'],
  ["raw-points-range", () => pointsOf(101, stats, "raw", "higher"), "raw points must be within 0..100, found 101"],
  ["indicator-infinite", () => pointsOf(Infinity, stats, "minmax", "higher"), "an indicator value is infinite"],
  ["scoring-no-values", () => pointsOf(1, columnStats(new Float64Array(0)), "minmax", "higher"), "minmax scoring needs at least one value in the column"],
  ["matrix-empty", () => ahpWeights([]), "the comparison matrix is empty"],
  ["matrix-not-square", () => ahpWeights([[1, 2], [0.5]]), "the comparison matrix is not square: it has 2 rows but row 2 has 1 entries"],
  ["comparison-not-positive", () => ahpWeights([[1, -2], [-0.5, 1]]), "row 1, column 2 is -2; comparisons must be positive numbers"],
  ["diagonal-not-one", () => ahpWeights([[2, 1], [1, 1]]), "row 1, column 1 is 2; the diagonal must be 1"],
  ["not-reciprocal", () => ahpWeights([[1, 4], [4, 1]]), "row 2, column 1 is 4 but should be the reciprocal of row 1, column 2, 1/4 = 0.25"],
  ["ahp-too-many", () => ahpConsistency(Array.from({ length: 11 }, () => new Array<number>(11).fill(1))), "Saaty's random index is defined for up to 10 criteria, not 11"],
  ["row-length", () => pcaWeights([[1, 2], [3]]), "row 2 has 1 values for 2 indicators"],
  ["cell-not-number", () => correlationMatrix([[1, 2], [3, NaN]]), "row 2, column 2 is not a number"],
  ["normalization-unknown", () => entropyWeights([[1], [2]], ["higher"], "zscore" as never), 'unknown normalization "zscore"; use "minmax" or "sum"'],
  ["entropy-few", () => entropyWeights([[1]], ["higher"], "sum"), "the entropy method needs at least 2 customers"],
  ["direction-at-unknown", () => entropyWeights([[1], [2]], ["up" as never], "sum"), 'direction 1 is "up"; use "higher" or "lower"'],
  ["sum-negative", () => entropyWeights([[1], [-2]], ["higher"], "sum"), 'row 2, column 1 is -2; "sum" normalization needs values >= 0'],
  ["entropy-constant", () => entropyWeights([[1, 5], [1, 5]], ["higher", "higher"], "minmax"), "every indicator is constant; the entropy method cannot weight them"],
  ["correlation-few", () => pcaWeights([[1, 2]]), "a correlation needs at least 2 customers"],
  ["pca-constant", () => pcaWeights([[1, 5], [1, 5]]), "every indicator is constant; principal components cannot weight them"],
  ["standardise-few", () => standardize([[1]], ["higher"]), "standardising needs at least 2 customers"],
  ["k-range", () => kmeans([[1], [2]], 3), "k = 3: use a whole number from 1 to the 2 customers"],
  ["choose-k-few", () => clusterCustomers([[1], [2]], ["higher"], [1, 2], "auto"), "choosing k needs at least 3 customers"],
  ["bins-count", () => rfmBreaks(Float64Array.of(1, 2, 3), 1), "1 bins: use a whole number of at least 2"],
  ["bins-whole", () => defaultRfmSegments(1), "bins must be a whole number of at least 2, not 1"],
  ["rfm-empty", () => rfmBreaks(new Float64Array(0), 3), "RFM scores need at least one customer"],
  ["value-not-number", () => rfmBreaks(Float64Array.of(1, NaN), 3), "value 2 is not a number"],
  ["threshold-not-number", () => rfmBinScores(Float64Array.of(1, 2), [NaN], false), "threshold 1 is not a number"],
  ["thresholds-order", () => rfmBinScores(Float64Array.of(1, 2), [5, 1], false), "the thresholds must be ascending"],
  ["thresholds-empty", () => rfmBinScores(Float64Array.of(1, 2), [], false), "give at least one threshold"],
  ["segment-bound", () => rfmSegmentOf([1], [1], [1], [{ ...segment, rLow: NaN }]), 'segment 1 ("Top") has a bound that is not a number'],
  ["segment-bounds-order", () => rfmSegmentOf([1], [1], [1], [{ ...segment, rLow: 3, rHigh: 1 }]), 'segment 1 ("Top") has a low bound above its high bound'],
  ["scores-outside", () => rfmHeatmap([1, 4], [1, 1], [10, 10], 3, 3), "customer 2 has scores outside 1..3 × 1..3"],
  ["as-of-not-date", () => customerIndicators(orders({}), NaN), "the analysis date is not a date"],
  ["order-no-id", () => customerIndicators(orders({ customer: [" "] }), 45100), "order 1 has no customer ID"],
  ["order-no-date", () => customerIndicators(orders({ date: [NaN] }), 45100), "order 1 has no valid date"],
  ["order-after-as-of", () => customerIndicators(orders({ date: [45200] }), 45100), "order 1 is dated after the analysis date"],
  ["order-no-amount", () => customerIndicators(orders({ amount: [NaN] }), 45100), "order 1 has no valid amount"],
  ["order-margin-infinite", () => customerIndicators(orders({ margin: [Infinity] }), 45100), "order 1 has an infinite margin"],
  ["date-invalid", () => serialOfDate(2025, 2.5, 1), "2025-2.5-1 is not a date"],
  ["date-out-of-range", () => serialOfDate(2025, 2, 30), "2025-2-30 is not a date Excel can hold"],
  [
    "customer-twice",
    () => migration({ ids: ["a"], tiers: ["A"] }, { ids: ["a", "a"], tiers: ["A", "B"] }, ["A", "B"]),
    'customer "a" appears twice in the second period',
  ],
  ["tier-no-label", () => pyramid(Int32Array.of(0, 2), ["A", "B"], [1, 1]), "customer 2 is in tier 3, which has no label"],
  ["growth-threshold", () => potentialFromGrowth([0.1], NaN), "the growth threshold NaN is not a number"],
];

describe("the engine's refusals", () => {
  test.each(CASES)("%s: a real call refuses with its code, as a RangeError with the English message", (code, call, message) => {
    const error = thrown(call);
    expect(error).toBeInstanceOf(RangeError);
    expect([error.code, error.message]).toEqual([code, message]);
  });

  test("every code is thrown by some call above", () => {
    const thrownCodes = new Set(CASES.map(([code]) => code));
    expect(Object.keys(ENGINE_ENGLISH).filter((code) => !thrownCodes.has(code as EngineErrorCode))).toEqual([]);
  });

  test("the catalogue's English says each refusal as the engine does, the Chinese in other words", () => {
    for (const [code, call] of CASES) {
      const error = thrown(call);
      const say = (lang: "en-US" | "zh-CN") => (CATALOGUES[lang].engineErrors[code] as (p: unknown) => string)(error.params);
      expect([code, say("en-US")]).toEqual([code, error.message]);
      expect([code, /[\u4e00-\u9fff]/.test(say("zh-CN"))]).toEqual([code, true]);
    }
  });

  test("the two tables have the same codes", () => {
    expect(Object.keys(CATALOGUES["en-US"].engineErrors).sort()).toEqual(Object.keys(ENGINE_ENGLISH).sort());
  });
});
