// Global weights: an indicator's weight is the product down the hierarchy (docs/DESIGN.md §2).

import { refuse } from "./errors";
import type { EngineWarning, WeightTable } from "./types";

/** Sums this close to 1 are taken as 1: typed decimals such as 0.1 + 0.2 + 0.7 do not add up exactly. */
const ONE_TOLERANCE = 1e-9;

function checkWeight(weight: number, kind: "indicator" | "dimension", name: string): void {
  if (typeof weight !== "number" || Number.isNaN(weight)) {
    refuse("weight-missing", { kind, name });
  }
  if (!Number.isFinite(weight) || weight < 0) {
    refuse("weight-invalid", { kind, name, weight });
  }
}

function sumOf(weights: number[]): number {
  let sum = 0;
  for (const w of weights) sum += w;
  return sum;
}

/**
 * The global weight of every indicator, in the order of `table.indicators`: the dimension's weight
 * times the indicator's weight within its dimension, adding up to 1. Dimension weights that do not
 * add up to 1 (within 1e-9) are divided by their sum, with the warning
 * "dimension-weights-normalised"; so are the indicator weights of each dimension ("weights-normalised",
 * subject the dimension's name, or "" when the table has no dimensions, and `sum` the sum found).
 * Sums within 1e-9 of 1 are used as typed, so a weight of 0.25 stays exactly 0.25.
 *
 * Throws RangeError on an empty table, a missing (NaN), negative or infinite weight, a set of
 * weights that are all zero, an indicator naming a dimension that does not exist (or naming none
 * when the table has dimensions), a dimension named twice, and a dimension without indicators.
 *
 * @example globalWeights({ dimensions: [], indicators: [sales(3), growth(1)] }).weights // [0.75, 0.25], warning sum 4
 * @example globalWeights({ dimensions: [{ name: "profit", weight: 0.6 }, { name: "cooperation", weight: 0.4 }],
 *   indicators: [sales("profit", 1), years("cooperation", 0.5), payment("cooperation", 0.5)] }).weights // [0.6, 0.2, 0.2]
 */
export function globalWeights(table: WeightTable): { weights: number[]; warnings: EngineWarning[] } {
  const { dimensions, indicators } = table;
  if (indicators.length === 0) refuse("no-indicators");
  for (const indicator of indicators) checkWeight(indicator.weight, "indicator", indicator.name);
  const warnings: EngineWarning[] = [];

  if (dimensions.length === 0) {
    const raw = indicators.map((i) => i.weight);
    const sum = sumOf(raw);
    if (sum === 0) refuse("indicator-weights-zero");
    if (Math.abs(sum - 1) <= ONE_TOLERANCE) return { weights: raw, warnings };
    warnings.push({ code: "weights-normalised", subject: [""], sum });
    return { weights: raw.map((w) => w / sum), warnings };
  }

  const dimensionIndex = new Map<string, number>();
  dimensions.forEach((d, k) => {
    checkWeight(d.weight, "dimension", d.name);
    if (dimensionIndex.has(d.name)) refuse("dimension-twice", { dimension: d.name });
    dimensionIndex.set(d.name, k);
  });
  const dimensionSum = sumOf(dimensions.map((d) => d.weight));
  if (dimensionSum === 0) refuse("dimension-weights-zero");
  const dimensionNormalised = Math.abs(dimensionSum - 1) > ONE_TOLERANCE;
  if (dimensionNormalised) {
    warnings.push({ code: "dimension-weights-normalised", subject: dimensions.map((d) => d.name), sum: dimensionSum });
  }

  const indicatorSum = new Array<number>(dimensions.length).fill(0);
  const count = new Array<number>(dimensions.length).fill(0);
  const owner = indicators.map((indicator) => {
    const k = indicator.dimension === undefined ? undefined : dimensionIndex.get(indicator.dimension);
    if (k === undefined) {
      if (indicator.dimension === undefined) refuse("indicator-no-dimension", { indicator: indicator.name });
      refuse("indicator-unknown-dimension", { indicator: indicator.name, dimension: indicator.dimension });
    }
    indicatorSum[k] += indicator.weight;
    count[k] += 1;
    return k;
  });
  dimensions.forEach((d, k) => {
    if (count[k] === 0) refuse("dimension-no-indicators", { dimension: d.name });
    if (indicatorSum[k] === 0) refuse("dimension-indicator-weights-zero", { dimension: d.name });
    if (Math.abs(indicatorSum[k] - 1) > ONE_TOLERANCE) {
      warnings.push({ code: "weights-normalised", subject: [d.name], sum: indicatorSum[k] });
    }
  });

  const weights = indicators.map((indicator, j) => {
    const k = owner[j];
    const dimensionWeight = dimensionNormalised ? dimensions[k].weight / dimensionSum : dimensions[k].weight;
    const within =
      Math.abs(indicatorSum[k] - 1) > ONE_TOLERANCE ? indicator.weight / indicatorSum[k] : indicator.weight;
    return dimensionWeight * within;
  });
  return { weights, warnings };
}
