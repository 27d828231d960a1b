// Entropy weights: an objective weighting. An indicator whose values are spread unevenly across
// customers carries more information (lower entropy) and so earns more weight.

import { refuse } from "./errors";
import type { Direction } from "./types";

/**
 * Entropy weights of the indicators (columns) of `data` (rows = customers, m >= 2):
 * x' = (x − min) / (max − min) for "higher", (max − x) / (max − min) for "lower" under
 * "minmax"; x' = x (which must be >= 0) under "sum", where direction is not used.
 * Then p_ij = x'_ij / Σ_i x'_ij, e_j = −(1 / ln m) Σ_i p_ij ln p_ij with 0 · ln 0 = 0,
 * and w_j = (1 − e_j) / Σ_k (1 − e_k). A constant column (and, under "sum", an all-zero one)
 * carries no information and gets weight exactly 0.
 *
 * Throws RangeError on fewer than 2 rows, rows of a length other than directions.length, a value
 * that is not a finite number (remove blank rows first), an unknown direction or normalization,
 * a negative value under "sum", and when every column is constant.
 *
 * @example entropyWeights([[0, 1], [1, 1]], ["higher", "higher"], "minmax") // [1, 0]
 * @example entropyWeights([[1, 1], [2, 1]], ["higher", "higher"], "sum") // [1, 0]: the only informative column
 */
export function entropyWeights(data: number[][], directions: Direction[], normalization: "minmax" | "sum"): number[] {
  if (normalization !== "minmax" && normalization !== "sum") {
    refuse("normalization-unknown", { normalization: String(normalization) });
  }
  const m = data.length;
  if (m < 2) refuse("entropy-few");
  const k = directions.length;
  directions.forEach((d, j) => {
    if (d !== "higher" && d !== "lower") refuse("direction-at-unknown", { index: j + 1, direction: String(d) });
  });
  for (let i = 0; i < m; i++) {
    if (!Array.isArray(data[i]) || data[i].length !== k) {
      refuse("row-length", { row: i + 1, count: data[i]?.length ?? 0, indicators: k });
    }
    for (let j = 0; j < k; j++) {
      const x = data[i][j];
      if (typeof x !== "number" || !Number.isFinite(x)) refuse("cell-not-number", { row: i + 1, column: j + 1 });
      if (normalization === "sum" && x < 0) {
        refuse("sum-negative", { row: i + 1, column: j + 1, value: x });
      }
    }
  }

  const divergence = new Array<number>(k).fill(0);
  const logM = Math.log(m);
  for (let j = 0; j < k; j++) {
    let min = Infinity;
    let max = -Infinity;
    for (let i = 0; i < m; i++) {
      min = Math.min(min, data[i][j]);
      max = Math.max(max, data[i][j]);
    }
    if (!(max > min)) continue;
    const normalised = new Array<number>(m);
    let total = 0;
    for (let i = 0; i < m; i++) {
      const x = data[i][j];
      const v =
        normalization === "sum" ? x : directions[j] === "higher" ? (x - min) / (max - min) : (max - x) / (max - min);
      normalised[i] = v;
      total += v;
    }
    let plogp = 0;
    for (let i = 0; i < m; i++) {
      const p = normalised[i] / total;
      if (p > 0) plogp += p * Math.log(p);
    }
    const e = -plogp / logM;
    // Rounding can push e a hair above 1 for a nearly uniform column; information is never negative.
    divergence[j] = Math.max(0, 1 - e);
  }
  let sum = 0;
  for (const d of divergence) sum += d;
  if (!(sum > 0)) refuse("entropy-constant");
  return divergence.map((d) => d / sum);
}
