// Factor analysis for weights (因子分析 / 主成分分析法确定权重, issue 16 §4): principal components of
// the indicators' correlation matrix. The symmetric eigen-decomposition (cyclic Jacobi) is written by
// hand: the registry's linear-algebra packages are large general libraries (or wrap native code),
// and a correlation matrix of a dozen indicators needs nothing more than Jacobi's rotations, which are
// accurate to the last bits for symmetric matrices.

import { refuse } from "./errors";
/** How far above 1 an eigenvalue must be to count as "> 1": well above rounding (~1e-15), far below any real gap. */
export const KEEP_TOLERANCE = 1e-9;

/**
 * Pearson correlation matrix of the columns of `rows` (rows = customers). Constant columns are
 * reported in `constant` and left out of the matrix (their correlation is undefined); `columns` maps
 * the matrix's rows back to the input columns.
 *
 * Throws RangeError on fewer than 2 rows, ragged rows, or a value that is not a finite number.
 *
 * @example correlationMatrix([[1, 2, 5], [2, 4, 5], [3, 5, 5]]).matrix // [[1, 0.9819…], [0.9819…, 1]], constant [2]
 */
export function correlationMatrix(rows: number[][]): { matrix: number[][]; columns: number[]; constant: number[] } {
  const n = rows.length;
  if (n < 2) refuse("correlation-few");
  const k = rows[0].length;
  rows.forEach((row, i) => {
    if (!Array.isArray(row) || row.length !== k) refuse("row-length", { row: i + 1, count: row?.length ?? 0, indicators: k });
    row.forEach((x, j) => {
      if (typeof x !== "number" || !Number.isFinite(x)) refuse("cell-not-number", { row: i + 1, column: j + 1 });
    });
  });
  const centred: Float64Array[] = [];
  const columns: number[] = [];
  const constant: number[] = [];
  const norms: number[] = [];
  for (let j = 0; j < k; j++) {
    let mean = 0;
    for (let i = 0; i < n; i++) mean += rows[i][j];
    mean /= n;
    const c = new Float64Array(n);
    let ss = 0;
    for (let i = 0; i < n; i++) {
      c[i] = rows[i][j] - mean;
      ss += c[i] * c[i];
    }
    if (!(ss > 0) || rows.every((r) => r[j] === rows[0][j])) {
      constant.push(j);
      continue;
    }
    centred.push(c);
    columns.push(j);
    norms.push(Math.sqrt(ss));
  }
  const p = centred.length;
  const matrix = Array.from({ length: p }, () => new Array<number>(p).fill(0));
  for (let a = 0; a < p; a++) {
    matrix[a][a] = 1;
    for (let b = a + 1; b < p; b++) {
      let s = 0;
      for (let i = 0; i < n; i++) s += centred[a][i] * centred[b][i];
      const r = Math.max(-1, Math.min(1, s / (norms[a] * norms[b])));
      matrix[a][b] = r;
      matrix[b][a] = r;
    }
  }
  return { matrix, columns, constant };
}

/**
 * Eigenvalues and unit eigenvectors of a symmetric matrix by the cyclic Jacobi method (rotations
 * zeroing each off-diagonal element in turn, sweeps until the off-diagonal sum of squares is below
 * 1e-30 of the total, at most 100 sweeps). Sorted by eigenvalue, largest first; `vectors[k]` is the
 * k-th eigenvector, its largest-magnitude component made positive so the result is unique.
 *
 * Throws RangeError on a matrix that is not square, symmetric (within 1e-12) or finite.
 *
 * @example symmetricEigen([[2, 1], [1, 2]]) // values [3, 1], vectors [[0.7071…, 0.7071…], [0.7071…, −0.7071…]]
 */
export function symmetricEigen(matrix: number[][]): { values: number[]; vectors: number[][] } {
  const p = matrix.length;
  matrix.forEach((row, i) => {
    if (!Array.isArray(row) || row.length !== p) throw new RangeError("the matrix is not square");
    row.forEach((x, j) => {
      if (!Number.isFinite(x)) throw new RangeError(`element (${i + 1}, ${j + 1}) is not a number`);
      if (Math.abs(x - matrix[j][i]) > 1e-12 * Math.max(1, Math.abs(x))) throw new RangeError("the matrix is not symmetric");
    });
  });
  const a = matrix.map((row) => row.slice());
  // v's columns accumulate the rotations: they become the eigenvectors.
  const v: number[][] = Array.from({ length: p }, (_, i) => Array.from({ length: p }, (_, j) => (i === j ? 1 : 0)));
  let total = 0;
  for (let i = 0; i < p; i++) for (let j = 0; j < p; j++) total += a[i][j] * a[i][j];
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    for (let i = 0; i < p; i++) for (let j = i + 1; j < p; j++) off += a[i][j] * a[i][j];
    if (off <= 1e-30 * total) break;
    for (let q = 0; q < p; q++) {
      for (let r = q + 1; r < p; r++) {
        const aqr = a[q][r];
        if (aqr === 0) continue;
        // Rotation angle (Golub & Van Loan, Matrix Computations, §8.5, symmetric Schur decomposition).
        const theta = (a[r][r] - a[q][q]) / (2 * aqr);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < p; k++) {
          const akq = a[k][q];
          const akr = a[k][r];
          a[k][q] = c * akq - s * akr;
          a[k][r] = s * akq + c * akr;
        }
        for (let k = 0; k < p; k++) {
          const aqk = a[q][k];
          const ark = a[r][k];
          a[q][k] = c * aqk - s * ark;
          a[r][k] = s * aqk + c * ark;
        }
        for (let k = 0; k < p; k++) {
          const vkq = v[k][q];
          const vkr = v[k][r];
          v[k][q] = c * vkq - s * vkr;
          v[k][r] = s * vkq + c * vkr;
        }
      }
    }
  }
  const order = Array.from({ length: p }, (_, i) => i).sort((x, y) => a[y][y] - a[x][x] || x - y);
  const values = order.map((i) => a[i][i]);
  const vectors = order.map((i) => {
    const e = v.map((row) => row[i]);
    let big = 0;
    for (let k = 1; k < p; k++) if (Math.abs(e[k]) > Math.abs(e[big])) big = k;
    return e[big] < 0 ? e.map((x) => -x) : e;
  });
  return { values, vectors };
}

/** What pcaWeights found: the weights and what the summary sheet shows beside them. */
export interface PcaWeights {
  /** One weight per input column, adding up to 1; a constant column gets 0. */
  weights: number[];
  /** Eigenvalues of the correlation matrix, largest first (over the non-constant columns). */
  eigenvalues: number[];
  /** Share of the total variance each component explains (λ_k / Σ λ). */
  explained: number[];
  /** Components kept: those with eigenvalue > 1 (beyond KEEP_TOLERANCE), at least the first. */
  kept: number;
  /** Loadings per input column and kept component: e_jk · √λ_k (0 for a constant column). */
  loadings: number[][];
  /** Input columns without spread (weight 0). */
  constant: number[];
}

/**
 * Weights from principal components (主成分分析法确定权重): the Pearson correlation matrix of the
 * indicators, its eigenvalues λ_k and unit eigenvectors e_k (symmetricEigen), the components with
 * λ_k > 1 kept (at least the first), and indicator j's weight ∝ Σ_kept (λ_k / Σ_kept λ) · |e_jk|,
 * normalised to add up to 1. Directions do not enter: turning an indicator round (lower is better)
 * flips the sign of its correlations, which changes neither the eigenvalues nor |e_jk|. A column
 * without spread carries no information: weight 0, left out of the matrix.
 *
 * Throws RangeError as correlationMatrix does, and when every column is constant.
 *
 * @example pcaWeights([[1, 1], [2, 3], [3, 2], [4, 4]]).weights // [0.5, 0.5]: r = 0.8, eigenvalues 1.8 and 0.2, one component
 */
export function pcaWeights(rows: number[][]): PcaWeights {
  const { matrix, columns, constant } = correlationMatrix(rows);
  if (columns.length === 0) refuse("pca-constant");
  const k = rows[0].length;
  const { values, vectors } = symmetricEigen(matrix);
  // "Eigenvalue > 1" with rounding allowed for: an eigenvalue that is 1 in exact arithmetic (it happens,
  // e.g. an indicator uncorrelated with all others) comes out as 0.9999999999999999 or 1.0000000000000004
  // depending on the order of the sums, and turning an indicator round must not change the weights.
  let kept = 0;
  while (kept < values.length && values[kept] > 1 + KEEP_TOLERANCE) kept++;
  kept = Math.max(1, kept);
  let keptSum = 0;
  for (let c = 0; c < kept; c++) keptSum += values[c];
  let totalVariance = 0;
  for (const l of values) totalVariance += l;
  const raw = new Array<number>(k).fill(0);
  const loadings = Array.from({ length: k }, () => new Array<number>(kept).fill(0));
  columns.forEach((col, a) => {
    for (let c = 0; c < kept; c++) {
      raw[col] += (values[c] / keptSum) * Math.abs(vectors[c][a]);
      loadings[col][c] = vectors[c][a] * Math.sqrt(Math.max(0, values[c]));
    }
  });
  let sum = 0;
  for (const w of raw) sum += w;
  return {
    weights: raw.map((w) => w / sum),
    eigenvalues: values,
    explained: values.map((l) => l / totalVariance),
    kept,
    loadings,
    constant,
  };
}
