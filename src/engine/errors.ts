// The engine's refusals: each a code with typed parameters, so a surface can say it in the user's language
// (src/text's `engineErrors` section, keyed by the same codes). The engine speaks no language of the
// catalogue; its English message below is the one a developer sees in a stack trace and the one the
// catalogue's English repeats word for word (test/engine/errors.test.ts compares the two). Guards that no
// user input can reach (arrays the engine's own callers build with matching lengths) stay plain RangeErrors.

/** The parameters of each refusal. Numbers are counted from 1, as a person counts rows and cells. */
export interface EngineErrorParams {
  // Tier schemes (tiers.ts, grade.ts)
  "shares-empty": Record<string, never>;
  "share-not-positive": { share: number; value: number };
  "shares-sum": { sum: number };
  "pareto-cutoffs-empty": Record<string, never>;
  "pareto-cutoff-range": { cutoff: number; value: number };
  "pareto-cutoff-order": { cutoff: number };
  "value-infinite": Record<string, never>;
  "pareto-total": { total: number };
  "cutoffs-empty": Record<string, never>;
  "cutoff-not-number": { cutoff: number };
  "cutoff-order": { cutoff: number };
  "rule-column-missing": { rule: string; column: string };
  "rule-operator": { rule: string; op: string };
  "rule-value": { rule: string; value: string };
  "shares-labels": { shares: number; labels: number };
  "cutoffs-labels": { cutoffs: number; expected: number; labels: number };
  "pareto-no-value": Record<string, never>;
  // Weights (weights.ts)
  "weight-missing": { kind: "indicator" | "dimension"; name: string };
  "weight-invalid": { kind: "indicator" | "dimension"; name: string; weight: number };
  "no-indicators": Record<string, never>;
  "indicator-weights-zero": Record<string, never>;
  "dimension-twice": { dimension: string };
  "dimension-weights-zero": Record<string, never>;
  "indicator-no-dimension": { indicator: string };
  "indicator-unknown-dimension": { indicator: string; dimension: string };
  "dimension-no-indicators": { dimension: string };
  "dimension-indicator-weights-zero": { dimension: string };
  // Points (points.ts)
  "value-infinite-at": { value: number };
  "bands-empty": Record<string, never>;
  "band-threshold": { band: number };
  "band-points": { band: number; points: number };
  "band-order": { band: number };
  "scoring-unknown": { scoring: string };
  "direction-unknown": { direction: string };
  "raw-points-range": { value: number };
  "indicator-infinite": Record<string, never>;
  "scoring-no-values": { scoring: string };
  // AHP (ahp.ts)
  "matrix-empty": Record<string, never>;
  "matrix-not-square": { rows: number; row: number; entries: number };
  "comparison-not-positive": { row: number; column: number; value: string };
  "diagonal-not-one": { row: number; column: number; value: number };
  "not-reciprocal": { row: number; column: number; value: number; pairRow: number; pairColumn: number; pairValue: number; reciprocal: number };
  "ahp-too-many": { n: number };
  // Data tables of the weighting and clustering methods (entropy.ts, pca.ts, kmeans.ts)
  "row-length": { row: number; count: number; indicators: number };
  "cell-not-number": { row: number; column: number };
  "normalization-unknown": { normalization: string };
  "entropy-few": Record<string, never>;
  "direction-at-unknown": { index: number; direction: string };
  "sum-negative": { row: number; column: number; value: number };
  "entropy-constant": Record<string, never>;
  "correlation-few": Record<string, never>;
  "pca-constant": Record<string, never>;
  "standardise-few": Record<string, never>;
  "k-range": { k: number; n: number };
  "choose-k-few": Record<string, never>;
  // RFM (rfm.ts)
  "bins-count": { bins: number };
  "bins-whole": { bins: number };
  "rfm-empty": Record<string, never>;
  "value-not-number": { value: number };
  "threshold-not-number": { threshold: number };
  "thresholds-order": Record<string, never>;
  "thresholds-empty": Record<string, never>;
  "segment-bound": { segment: number; name: string };
  "segment-bounds-order": { segment: number; name: string };
  "scores-outside": { customer: number; rBins: number; fBins: number };
  // Orders and periods (orders.ts, migration.ts, pyramid.ts, strategy.ts)
  "as-of-not-date": Record<string, never>;
  "order-no-id": { order: number };
  "order-no-date": { order: number };
  "order-after-as-of": { order: number };
  "order-no-amount": { order: number };
  "order-margin-infinite": { order: number };
  "date-invalid": { year: number; month: number; day: number };
  "date-out-of-range": { year: number; month: number; day: number };
  "customer-twice": { id: string; period: "first" | "second" };
  "tier-no-label": { customer: number; tier: number };
  "growth-threshold": { threshold: number };
}

export type EngineErrorCode = keyof EngineErrorParams;

const q = (s: string) => `"${s}"`;

/** The engine's English for each refusal (the text catalogue's `engineErrors` repeats it; see the top). */
export const ENGINE_ENGLISH: { [C in EngineErrorCode]: (p: EngineErrorParams[C]) => string } = {
  "shares-empty": () => "the shares scheme needs at least one share",
  "share-not-positive": (p) => `share ${p.share} is ${p.value}; shares must be positive`,
  "shares-sum": (p) => `the shares add up to ${p.sum}, not 1`,
  "pareto-cutoffs-empty": () => "the pareto scheme needs at least one cut-off",
  "pareto-cutoff-range": (p) => `pareto cut-off ${p.cutoff} is ${p.value}; cut-offs are fractions in (0, 1]`,
  "pareto-cutoff-order": (p) => `pareto cut-off ${p.cutoff}: cut-offs must be strictly ascending`,
  "value-infinite": () => "a value is infinite",
  "pareto-total": (p) => `the values add up to ${p.total}; a Pareto class needs a positive total`,
  "cutoffs-empty": () => "the cutoffs scheme needs at least one cut-off",
  "cutoff-not-number": (p) => `cut-off ${p.cutoff} is not a number`,
  "cutoff-order": (p) => `cut-off ${p.cutoff}: cut-offs must be strictly descending`,
  "rule-column-missing": (p) => `rule ${q(p.rule)} reads column ${q(p.column)}, which does not exist`,
  "rule-operator": (p) => `rule ${q(p.rule)}: unknown operator ${q(p.op)}`,
  "rule-value": (p) => `rule ${q(p.rule)}: ${q(p.value)} is not a number`,
  "shares-labels": (p) => `${p.shares} shares need ${p.shares} labels, found ${p.labels}`,
  "cutoffs-labels": (p) => `${p.cutoffs} cut-offs need ${p.expected} labels, found ${p.labels}`,
  "pareto-no-value": () => "the pareto scheme needs a value column",
  "weight-missing": (p) => `${p.kind} ${q(p.name)} has no weight`,
  "weight-invalid": (p) => `${p.kind} ${q(p.name)} has weight ${p.weight}; weights must be finite and not negative`,
  "no-indicators": () => "the weight table has no indicators",
  "indicator-weights-zero": () => "all indicator weights are zero",
  "dimension-twice": (p) => `dimension ${q(p.dimension)} is listed twice`,
  "dimension-weights-zero": () => "all dimension weights are zero",
  "indicator-no-dimension": (p) => `indicator ${q(p.indicator)} names no dimension, but the table has dimensions`,
  "indicator-unknown-dimension": (p) => `indicator ${q(p.indicator)} names dimension ${q(p.dimension)}, which does not exist`,
  "dimension-no-indicators": (p) => `dimension ${q(p.dimension)} has no indicators`,
  "dimension-indicator-weights-zero": (p) => `all indicator weights of dimension ${q(p.dimension)} are zero`,
  "value-infinite-at": (p) => `value ${p.value} is infinite`,
  "bands-empty": () => "scoring by bands needs at least one band",
  "band-threshold": (p) => `band ${p.band} has no finite threshold`,
  "band-points": (p) => `band ${p.band} gives ${p.points} points; points are 0..100`,
  "band-order": (p) => `band ${p.band}: thresholds must be strictly ascending`,
  "scoring-unknown": (p) => `unknown scoring rule ${q(p.scoring)}`,
  "direction-unknown": (p) => `unknown direction ${q(p.direction)}`,
  "raw-points-range": (p) => `raw points must be within 0..100, found ${p.value}`,
  "indicator-infinite": () => "an indicator value is infinite",
  "scoring-no-values": (p) => `${p.scoring} scoring needs at least one value in the column`,
  "matrix-empty": () => "the comparison matrix is empty",
  "matrix-not-square": (p) => `the comparison matrix is not square: it has ${p.rows} rows but row ${p.row} has ${p.entries} entries`,
  "comparison-not-positive": (p) => `row ${p.row}, column ${p.column} is ${p.value}; comparisons must be positive numbers`,
  "diagonal-not-one": (p) => `row ${p.row}, column ${p.column} is ${p.value}; the diagonal must be 1`,
  "not-reciprocal": (p) =>
    `row ${p.row}, column ${p.column} is ${p.value} but should be the reciprocal of row ${p.pairRow}, column ${p.pairColumn}, 1/${p.pairValue} = ${p.reciprocal}`,
  "ahp-too-many": (p) => `Saaty's random index is defined for up to 10 criteria, not ${p.n}`,
  "row-length": (p) => `row ${p.row} has ${p.count} values for ${p.indicators} indicators`,
  "cell-not-number": (p) => `row ${p.row}, column ${p.column} is not a number`,
  "normalization-unknown": (p) => `unknown normalization ${q(p.normalization)}; use "minmax" or "sum"`,
  "entropy-few": () => "the entropy method needs at least 2 customers",
  "direction-at-unknown": (p) => `direction ${p.index} is ${q(p.direction)}; use "higher" or "lower"`,
  "sum-negative": (p) => `row ${p.row}, column ${p.column} is ${p.value}; "sum" normalization needs values >= 0`,
  "entropy-constant": () => "every indicator is constant; the entropy method cannot weight them",
  "correlation-few": () => "a correlation needs at least 2 customers",
  "pca-constant": () => "every indicator is constant; principal components cannot weight them",
  "standardise-few": () => "standardising needs at least 2 customers",
  "k-range": (p) => `k = ${p.k}: use a whole number from 1 to the ${p.n} customers`,
  "choose-k-few": () => "choosing k needs at least 3 customers",
  "bins-count": (p) => `${p.bins} bins: use a whole number of at least 2`,
  "bins-whole": (p) => `bins must be a whole number of at least 2, not ${p.bins}`,
  "rfm-empty": () => "RFM scores need at least one customer",
  "value-not-number": (p) => `value ${p.value} is not a number`,
  "threshold-not-number": (p) => `threshold ${p.threshold} is not a number`,
  "thresholds-order": () => "the thresholds must be ascending",
  "thresholds-empty": () => "give at least one threshold",
  "segment-bound": (p) => `segment ${p.segment} (${q(p.name)}) has a bound that is not a number`,
  "segment-bounds-order": (p) => `segment ${p.segment} (${q(p.name)}) has a low bound above its high bound`,
  "scores-outside": (p) => `customer ${p.customer} has scores outside 1..${p.rBins} × 1..${p.fBins}`,
  "as-of-not-date": () => "the analysis date is not a date",
  "order-no-id": (p) => `order ${p.order} has no customer ID`,
  "order-no-date": (p) => `order ${p.order} has no valid date`,
  "order-after-as-of": (p) => `order ${p.order} is dated after the analysis date`,
  "order-no-amount": (p) => `order ${p.order} has no valid amount`,
  "order-margin-infinite": (p) => `order ${p.order} has an infinite margin`,
  "date-invalid": (p) => `${p.year}-${p.month}-${p.day} is not a date`,
  "date-out-of-range": (p) => `${p.year}-${p.month}-${p.day} is not a date Excel can hold`,
  "customer-twice": (p) => `customer ${q(p.id)} appears twice in the ${p.period} period`,
  "tier-no-label": (p) => `customer ${p.customer} is in tier ${p.tier}, which has no label`,
  "growth-threshold": (p) => `the growth threshold ${p.threshold} is not a number`,
};

/**
 * A value the engine refuses, with the reason as a code and its parameters. A RangeError, so callers that
 * catch RangeError for a refusal keep working; its message is the English of ENGINE_ENGLISH.
 *
 * @example new EngineError("shares-sum", { sum: 0.9 }).message // "the shares add up to 0.9, not 1"
 */
export class EngineError<C extends EngineErrorCode = EngineErrorCode> extends RangeError {
  readonly code: C;
  readonly params: EngineErrorParams[C];

  constructor(code: C, params: EngineErrorParams[C]) {
    super(ENGINE_ENGLISH[code](params));
    this.name = "EngineError";
    this.code = code;
    this.params = params;
  }
}

/** Throws the refusal `code` with its parameters. */
export function refuse<C extends EngineErrorCode>(code: C, ...[params]: EngineErrorParams[C] extends Record<string, never> ? [params?: EngineErrorParams[C]] : [params: EngineErrorParams[C]]): never {
  throw new EngineError(code, (params ?? {}) as EngineErrorParams[C]);
}
