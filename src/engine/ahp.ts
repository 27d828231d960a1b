// AHP (Saaty): weights from a pairwise-comparison matrix, a_ij = how much more important i is than j.
// The weights are the principal (Perron) eigenvector; the consistency ratio says how far the
// judgements are from a consistent set a_ij = w_i / w_j.

import { refuse } from "./errors";
/**
 * How far a_ij × a_ji may be from 1 (relative). DECISION: 5 %. Analysts type reciprocals with two
 * decimals (0.33 for 1/3, 0.14 for 1/7, 0.13 for 1/8: at most 4 % off), and the slips that matter —
 * the same judgement typed on both sides, or an un-inverted one — are off by a factor of 4 or more
 * on Saaty's 1..9 scale. The matrix is used as typed; the consistency ratio reflects any rounding.
 */
export const RECIPROCAL_TOLERANCE = 0.05;

/** Saaty's random index RI for n = 1..10 (n = 1, 2 are always consistent). */
const RANDOM_INDEX = [0, 0, 0, 0.58, 0.9, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49];

/**
 * Checks a pairwise-comparison matrix; returns nothing. Throws RangeError with the first reason
 * found, naming the cell (1-based): empty or not square; an entry that is not a finite positive
 * number; a diagonal entry other than 1 (within 1e-9); or a pair with a_ij × a_ji more than
 * RECIPROCAL_TOLERANCE (5 %) away from 1.
 *
 * @example checkPairwiseMatrix([[1, 3], [1 / 3, 1]]) // ok
 * @example checkPairwiseMatrix([[1, 3], [3, 1]]) // throws: row 2, column 1 should be 1/3
 */
export function checkPairwiseMatrix(matrix: number[][]): void {
  if (!Array.isArray(matrix) || matrix.length === 0) refuse("matrix-empty");
  const n = matrix.length;
  for (let i = 0; i < n; i++) {
    if (!Array.isArray(matrix[i]) || matrix[i].length !== n) {
      refuse("matrix-not-square", { rows: n, row: i + 1, entries: matrix[i]?.length ?? 0 });
    }
  }
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const a = matrix[i][j];
      if (typeof a !== "number" || !Number.isFinite(a) || a <= 0) {
        refuse("comparison-not-positive", { row: i + 1, column: j + 1, value: String(a) });
      }
    }
  }
  for (let i = 0; i < n; i++) {
    if (Math.abs(matrix[i][i] - 1) > 1e-9) refuse("diagonal-not-one", { row: i + 1, column: i + 1, value: matrix[i][i] });
  }
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      if (Math.abs(matrix[i][j] * matrix[j][i] - 1) > RECIPROCAL_TOLERANCE) {
        refuse("not-reciprocal", {
          row: j + 1,
          column: i + 1,
          value: matrix[j][i],
          pairRow: i + 1,
          pairColumn: j + 1,
          pairValue: matrix[i][j],
          reciprocal: 1 / matrix[i][j],
        });
      }
    }
  }
}

/** Power iteration: the principal eigenvector normalised to sum 1, and A·w (whose sum is λmax). */
function principal(matrix: number[][]): { w: number[]; product: number[] } {
  const n = matrix.length;
  let w = new Array<number>(n).fill(1 / n);
  // A positive matrix has a simple dominant eigenvalue (Perron), so this converges geometrically;
  // the cap only guards against a pathological input looping for ever.
  for (let iteration = 0; iteration < 100000; iteration++) {
    const product = multiply(matrix, w);
    let sum = 0;
    for (const x of product) sum += x;
    const next = product.map((x) => x / sum);
    let change = 0;
    for (let i = 0; i < n; i++) change = Math.max(change, Math.abs(next[i] - w[i]));
    w = next;
    if (change < 1e-12) return { w, product: multiply(matrix, w) };
  }
  throw new RangeError("the eigenvector did not converge");
}

function multiply(matrix: number[][], w: number[]): number[] {
  return matrix.map((row) => {
    let s = 0;
    for (let j = 0; j < row.length; j++) s += row[j] * w[j];
    return s;
  });
}

/**
 * The priority weights of a pairwise-comparison matrix: its principal eigenvector, found by power
 * iteration until no weight moves by 1e-12, normalised to add up to 1.
 *
 * Throws RangeError on a matrix checkPairwiseMatrix rejects.
 *
 * @example ahpWeights([[1, 2], [1 / 2, 1]]) // [2/3, 1/3]
 * @example ahpWeights([[1, 4, 2], [1 / 4, 1, 1 / 2], [1 / 2, 2, 1]]) // [4/7, 1/7, 2/7] (consistent)
 */
export function ahpWeights(matrix: number[][]): number[] {
  checkPairwiseMatrix(matrix);
  return principal(matrix).w;
}

/**
 * Saaty's consistency of a pairwise-comparison matrix: λmax (the principal eigenvalue, Σ (A·w)_i
 * for w normalised to sum 1), CI = (λmax − n) / (n − 1) and CR = CI / RI with Saaty's random index
 * 0.58, 0.90, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49 for n = 3..10. For n = 1 and 2, CI and CR are 0
 * (every such matrix is consistent). CR >= 0.1 is Saaty's threshold for revising the judgements;
 * the value is returned either way. With reciprocals typed short (0.33 for 1/3) λmax can fall
 * slightly below n and CI slightly below 0.
 *
 * Throws RangeError on a matrix checkPairwiseMatrix rejects, and for n > 10 (no random index).
 *
 * @example ahpConsistency([[1, 4, 2], [1 / 4, 1, 1 / 2], [1 / 2, 2, 1]]) // { lambdaMax: 3, ci: 0, cr: 0 }
 * @example ahpConsistency([[1, 3, 5], [1 / 3, 1, 3], [1 / 5, 1 / 3, 1]]).cr // 0.0332
 */
export function ahpConsistency(matrix: number[][]): { lambdaMax: number; ci: number; cr: number } {
  checkPairwiseMatrix(matrix);
  const n = matrix.length;
  if (n > 10) refuse("ahp-too-many", { n });
  const { product } = principal(matrix);
  let lambdaMax = 0;
  for (const x of product) lambdaMax += x;
  if (n <= 2) return { lambdaMax, ci: 0, cr: 0 };
  const ci = (lambdaMax - n) / (n - 1);
  return { lambdaMax, ci, cr: ci / RANDOM_INDEX[n] };
}
