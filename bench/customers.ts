// Synthetic customers for the benchmarks: 12 indicators in the method's 3 reference dimensions
// (docs/DESIGN.md §2), drawn from a seeded generator so every run grades the same numbers. The shapes are
// an analyst's, not uniform noise: sales are log-normal (a few customers carry most of the value, so
// pareto is realistic), counts and rates are rounded (so ranks and percentiles have ties), and two
// indicators are lower-is-better.

import { seededRandom } from "../src/engine/kmeans";
import type { Direction, Indicator, ScoringRule, WeightTable } from "../src/engine/types";

// The engine's seeded generator (mulberry32): same seed, same customers, on every machine.
export { seededRandom };

/** One indicator of the synthetic table and how its values are drawn. */
interface Spec {
  name: string;
  dimension: string;
  weight: number;
  direction: Direction;
  draw: (random: () => number) => number;
}

function normal(random: () => number): number {
  // Box-Muller; 1 - u keeps the logarithm finite.
  return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

function logNormal(random: () => number, median: number, sigma: number): number {
  return Math.round(median * Math.exp(sigma * normal(random)));
}

const SPECS: Spec[] = [
  { name: "Sales volume", dimension: "Profitability", weight: 0.3, direction: "higher", draw: (r) => logNormal(r, 2000, 1.2) },
  { name: "Sales this year", dimension: "Profitability", weight: 0.35, direction: "higher", draw: (r) => logNormal(r, 150000, 1.5) },
  { name: "YoY growth", dimension: "Profitability", weight: 0.2, direction: "higher", draw: (r) => Math.round(1000 * (0.05 + 0.2 * normal(r))) / 1000 },
  { name: "Gross margin", dimension: "Profitability", weight: 0.15, direction: "higher", draw: (r) => Math.round(1000 * (0.1 + 0.3 * r())) / 1000 },
  { name: "Capital", dimension: "Operating strength", weight: 0.4, direction: "higher", draw: (r) => logNormal(r, 5e6, 1.1) },
  { name: "Market share", dimension: "Operating strength", weight: 0.35, direction: "higher", draw: (r) => Math.round(10000 * r() * r() * 0.3) / 10000 },
  { name: "Employees", dimension: "Operating strength", weight: 0.25, direction: "higher", draw: (r) => 1 + logNormal(r, 40, 1) },
  { name: "Years of cooperation", dimension: "Cooperation", weight: 0.3, direction: "higher", draw: (r) => Math.floor(21 * r()) },
  { name: "On-time payment rate", dimension: "Cooperation", weight: 0.3, direction: "higher", draw: (r) => Math.round(100 * (1 - r() * r() * 0.5)) / 100 },
  { name: "Orders per month", dimension: "Cooperation", weight: 0.1, direction: "higher", draw: (r) => Math.floor(12 * r() * r()) },
  { name: "Complaints", dimension: "Cooperation", weight: 0.15, direction: "lower", draw: (r) => Math.floor(-Math.log(1 - r()) * 1.5) },
  { name: "Overdue days", dimension: "Cooperation", weight: 0.15, direction: "lower", draw: (r) => (r() < 0.6 ? 0 : Math.floor(90 * r())) },
];

const DIMENSIONS = [
  { name: "Profitability", weight: 0.4 },
  { name: "Operating strength", weight: 0.3 },
  { name: "Cooperation", weight: 0.3 },
];

/** The indicator whose values are the pareto scheme's and the value pyramid's value column. */
export const VALUE_INDICATOR = 1;

export interface SyntheticCustomers {
  ids: string[];
  /** One Float64Array per indicator, in `weightTable.indicators` order. */
  indicatorValues: Float64Array[];
  /** The value column (sales this year): the same array as indicatorValues[VALUE_INDICATOR]. */
  value: Float64Array;
  weightTable: WeightTable;
}

/**
 * The weight table of the synthetic customers: 3 dimensions (0.4, 0.3, 0.3) and 12 indicators, every
 * indicator scored by `scoring`. Throws nothing.
 *
 * @example benchWeightTable("minmax").indicators.length // 12
 * @example benchWeightTable("percentile").indicators[10] // { name: "Complaints", direction: "lower", scoring: "percentile", ... }
 */
export function benchWeightTable(scoring: ScoringRule): WeightTable {
  const indicators: Indicator[] = SPECS.map((s) => ({
    name: s.name,
    dimension: s.dimension,
    weight: s.weight,
    direction: s.direction,
    scoring,
    column: s.name,
  }));
  return { dimensions: DIMENSIONS.map((d) => ({ ...d })), indicators };
}

/**
 * n synthetic customers with ids C0000001..., drawn from `seed`. Throws RangeError when n is not a
 * positive integer.
 *
 * @example syntheticCustomers(3).ids // ["C0000001", "C0000002", "C0000003"]
 * @example syntheticCustomers(1000).indicatorValues[7].every((y) => y >= 0 && y <= 20) // true (years of cooperation)
 */
export function syntheticCustomers(n: number, scoring: ScoringRule = "minmax", seed = 20261122): SyntheticCustomers {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`syntheticCustomers needs a positive whole n, got ${n}`);
  const random = seededRandom(seed);
  const indicatorValues = SPECS.map(() => new Float64Array(n));
  const ids = new Array<string>(n);
  for (let i = 0; i < n; i++) {
    ids[i] = `C${String(i + 1).padStart(7, "0")}`;
    for (let j = 0; j < SPECS.length; j++) indicatorValues[j][i] = SPECS[j].draw(random);
  }
  return { ids, indicatorValues, value: indicatorValues[VALUE_INDICATOR], weightTable: benchWeightTable(scoring) };
}

/**
 * The headers of the synthetic customer table: the id column, then one per indicator.
 * @example customerHeaders().slice(0, 3) // ["Customer ID", "Sales volume", "Sales this year"]
 */
export function customerHeaders(): string[] {
  return ["Customer ID", ...SPECS.map((s) => s.name)];
}

/**
 * The weight table as sheet rows (header first) in the workbook convention of docs/DESIGN.md §4: dimension
 * rows have an empty Indicator. Throws nothing.
 *
 * @example weightSheetRows("minmax")[0] // ["Dimension", "Indicator", "Weight", "Direction", "Scoring"]
 * @example weightSheetRows("minmax")[1] // ["Profitability", "", 0.4, "", ""]
 */
export function weightSheetRows(scoring: ScoringRule): (string | number)[][] {
  const rows: (string | number)[][] = [["Dimension", "Indicator", "Weight", "Direction", "Scoring"]];
  for (const d of DIMENSIONS) rows.push([d.name, "", d.weight, "", ""]);
  for (const s of SPECS) rows.push([s.dimension, s.name, s.weight, s.direction, scoring]);
  return rows;
}
