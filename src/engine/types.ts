// The grading method's vocabulary (docs/DESIGN.md §2). Plain data only: the engine takes arrays and
// returns arrays; it never reads a clock, a global, a file or Office.

/** "higher" is better (sales), or "lower" is better (complaints, overdue days). */
export type Direction = "higher" | "lower";

/** How an indicator's raw values become 0..100 points. */
export type ScoringRule = "minmax" | "percentile" | "bands" | "raw";

/**
 * One step of a `bands` rule (积分法). For direction "higher" a value x earns the points of the
 * band with the largest threshold <= x; for "lower", of the band with the smallest threshold >= x.
 * A value outside every band earns 0 points.
 */
export interface Band {
  threshold: number;
  points: number;
}

/** A dimension (维度) such as profitability, with its weight among dimensions. */
export interface Dimension {
  name: string;
  weight: number;
}

/** One indicator (指标) of the weight table. */
export interface Indicator {
  name: string;
  /** The dimension it belongs to, by name; undefined when the table has no dimensions. */
  dimension?: string;
  /** Weight within its dimension (or among all indicators when there are no dimensions). */
  weight: number;
  direction: Direction;
  scoring: ScoringRule;
  /** Only for scoring "bands": sorted by threshold ascending. */
  bands?: Band[];
  /** The customer-table header this indicator reads. */
  column: string;
}

export interface WeightTable {
  /** Empty when the table uses no dimension weights. */
  dimensions: Dimension[];
  indicators: Indicator[];
}

/** What happens to a customer with a blank indicator value. Never a silent 0. */
export type MissingPolicy = "exclude" | "zero";

export type TierScheme =
  /** By rank: shares of customers best first, as fractions adding up to 1 (0.2, 0.3, 0.5). */
  | { kind: "shares"; shares: number[] }
  /** ABC by cumulative value, largest first: cumulative cut-offs as fractions (0.8, 0.95). */
  | { kind: "pareto"; cutoffs: number[] }
  /** By score: descending minimum scores (85, 70, 50); below the last is the last tier. */
  | { kind: "cutoffs"; cutoffs: number[] }
  /** Ordered rules, first match wins; a customer no rule matches gets `otherwise`. */
  | { kind: "rules"; rules: TierRule[]; otherwise: string };

export type Comparison = ">" | ">=" | "<" | "<=" | "=" | "<>";

/** One condition on a named column ("annual spend > 100000"). */
export interface Condition {
  column: string;
  op: Comparison;
  value: number;
}

/** All conditions must hold (AND). */
export interface TierRule {
  label: string;
  conditions: Condition[];
}

/** Something the analyst should see, but that does not stop the run. */
export interface EngineWarning {
  code:
    | "weights-normalised"
    | "dimension-weights-normalised"
    | "customers-excluded"
    | "missing-scored-zero"
    | "no-spread";
  /** Indicator or dimension name, or customer ids, depending on the code. */
  subject: string[];
  /** For weights-normalised: the sum found. */
  sum?: number;
}

export interface GradeInput {
  ids: string[];
  /**
   * Indicator values, one Float64Array per indicator of `weightTable.indicators` (same order), one
   * entry per customer; NaN marks a blank.
   */
  indicatorValues: Float64Array[];
  weightTable: WeightTable;
  scheme: TierScheme;
  /** Tier labels best first; for `rules` the rule labels and `otherwise` are used instead. */
  labels: string[];
  missing: MissingPolicy;
  /** The value column for `pareto` and the value pyramid (revenue, profit); NaN = blank. */
  value?: Float64Array;
  /** Further columns by header, for `rules` conditions. NaN = blank. */
  columns?: Record<string, Float64Array>;
}

/** Per tier, best first: the quantity pyramid beside the value pyramid. */
export interface PyramidRow {
  tier: string;
  customers: number;
  customerShare: number;
  value: number;
  valueShare: number;
}

export interface GradeResult {
  /** Global weight per indicator (product down the hierarchy, normalised to add up to 1). */
  weights: number[];
  /** Points 0..100 per indicator and customer; NaN where the customer was excluded. */
  points: Float64Array[];
  /** Score 0..100 per customer; NaN when excluded. */
  score: Float64Array;
  /** RANK.EQ rank among graded customers (1 = best); 0 when excluded. */
  rank: Int32Array;
  /** Index into `labels`, or -1 when excluded. */
  tier: Int32Array;
  /** The labels the tier indices refer to, best first. */
  labels: string[];
  /**
   * Indices of customers left out by the missing-value policy, with the blank indicators.
   * `blankValue` is true when (also) the value column was blank under the `pareto` scheme.
   */
  excluded: { index: number; id: string; indicators: string[]; blankValue?: boolean }[];
  pyramid: PyramidRow[];
  warnings: EngineWarning[];
}

/**
 * What points need to know about one indicator's column: count, minimum and maximum of its
 * non-blank values; `values` is the column itself (not copied) so that a per-cell percentile can
 * count in one pass, and `sorted` its non-blank values in ascending order, present only when
 * asked for (percentile scoring on a whole column).
 */
export interface ColumnStats {
  n: number;
  min: number;
  max: number;
  /** The column; only percentile points read it (when `sorted` is absent), so a minmax caller may omit it. */
  values?: ArrayLike<number>;
  sorted?: Float64Array;
}
