// Cluster analysis (聚类分析, issue 16 §3): k-means on standardised indicators. Written by hand: the
// registry's k-means packages either pull in a numeric library far larger than this file or seed
// from Math.random, and a run must be reproducible from a fixed seed.

import { refuse } from "./errors";
import type { Direction } from "./types";

/**
 * A small seeded generator (mulberry32, 32-bit state): the same seed gives the same sequence on
 * every machine. Returns a function giving numbers in [0, 1).
 *
 * @example const next = seededRandom(42); next() // 0.6011037519201636, then 0.44829055899754167, ...
 */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * z-scores of each column (x − mean) / s with the sample standard deviation s (n − 1, as R's
 * `scale()` and Excel's STANDARDIZE with STDEV.S), negated for a "lower is better" column so that
 * larger is better everywhere. A column without spread gives 0 for everyone. Rows are customers.
 *
 * Throws RangeError on fewer than 2 rows, a row of the wrong length or a value that is not finite.
 *
 * @example standardize([[1, 10], [3, 30]], ["higher", "lower"]) // [[-0.7071…, 0.7071…], [0.7071…, -0.7071…]]
 */
export function standardize(rows: number[][], directions: Direction[]): number[][] {
  const n = rows.length;
  const k = directions.length;
  if (n < 2) refuse("standardise-few");
  checkRows(rows, k);
  const out = rows.map(() => new Array<number>(k));
  for (let j = 0; j < k; j++) {
    let mean = 0;
    for (let i = 0; i < n; i++) mean += rows[i][j];
    mean /= n;
    let ss = 0;
    for (let i = 0; i < n; i++) ss += (rows[i][j] - mean) ** 2;
    const sd = Math.sqrt(ss / (n - 1));
    const sign = directions[j] === "lower" ? -1 : 1;
    for (let i = 0; i < n; i++) out[i][j] = sd > 0 ? (sign * (rows[i][j] - mean)) / sd : 0;
  }
  return out;
}

function checkRows(rows: number[][], k: number): void {
  rows.forEach((row, i) => {
    if (!Array.isArray(row) || row.length !== k) refuse("row-length", { row: i + 1, count: row?.length ?? 0, indicators: k });
    row.forEach((x, j) => {
      if (typeof x !== "number" || !Number.isFinite(x)) refuse("cell-not-number", { row: i + 1, column: j + 1 });
    });
  });
}

function distance2(a: number[], b: number[]): number {
  let s = 0;
  for (let j = 0; j < a.length; j++) {
    const d = a[j] - b[j];
    s += d * d;
  }
  return s;
}

/** One k-means solution. */
export interface KMeansResult {
  /** Cluster index 0..k−1 per row. */
  assignment: Int32Array;
  centers: number[][];
  /** Within-cluster sum of squared distances to the centres (inertia). */
  inertia: number;
  /** Lloyd iterations of the start that won. */
  iterations: number;
}

/**
 * k-means++ seeding (Arthur & Vassilvitskii 2007): the first centre a uniformly drawn row, each next
 * one a row drawn with probability proportional to its squared distance to the nearest centre so far.
 */
function seedCenters(rows: number[][], k: number, random: () => number): number[][] {
  const n = rows.length;
  const centers = [rows[Math.floor(random() * n)].slice()];
  const nearest = rows.map((row) => distance2(row, centers[0]));
  while (centers.length < k) {
    let total = 0;
    for (const d of nearest) total += d;
    let pick = 0;
    if (total > 0) {
      let target = random() * total;
      for (pick = 0; pick < n - 1; pick++) {
        target -= nearest[pick];
        if (target < 0) break;
      }
      // Rounding could land on a row already chosen (distance 0): take the next row that is not.
      while (nearest[pick] === 0 && pick < n - 1) pick++;
    } else pick = Math.floor(random() * n);
    const c = rows[pick].slice();
    centers.push(c);
    for (let i = 0; i < n; i++) nearest[i] = Math.min(nearest[i], distance2(rows[i], c));
  }
  return centers;
}

/** Lloyd's iterations from given centres until no row changes cluster (or maxIterations). */
function lloyd(rows: number[][], centers: number[][], maxIterations: number): KMeansResult {
  const n = rows.length;
  const k = centers.length;
  const dims = rows[0].length;
  const assignment = new Int32Array(n).fill(-1);
  let iterations = 0;
  for (; iterations < maxIterations; iterations++) {
    let changed = false;
    for (let i = 0; i < n; i++) {
      let best = 0;
      let bestD = Infinity;
      for (let c = 0; c < k; c++) {
        const d = distance2(rows[i], centers[c]);
        if (d < bestD) {
          bestD = d;
          best = c;
        }
      }
      if (assignment[i] !== best) {
        assignment[i] = best;
        changed = true;
      }
    }
    if (!changed) break;
    const sums = centers.map(() => new Array<number>(dims).fill(0));
    const counts = new Int32Array(k);
    for (let i = 0; i < n; i++) {
      counts[assignment[i]]++;
      for (let j = 0; j < dims; j++) sums[assignment[i]][j] += rows[i][j];
    }
    for (let c = 0; c < k; c++) {
      if (counts[c] > 0) {
        for (let j = 0; j < dims; j++) centers[c][j] = sums[c][j] / counts[c];
        continue;
      }
      // An empty cluster takes the row farthest from its centre (the usual repair).
      let far = 0;
      let farD = -1;
      for (let i = 0; i < n; i++) {
        const d = distance2(rows[i], centers[assignment[i]]);
        if (d > farD) {
          farD = d;
          far = i;
        }
      }
      centers[c] = rows[far].slice();
      assignment[far] = c;
    }
  }
  let inertia = 0;
  for (let i = 0; i < n; i++) inertia += distance2(rows[i], centers[assignment[i]]);
  return { assignment, centers, inertia, iterations };
}

/**
 * k-means of `rows` (customers × standardised indicators): `starts` k-means++ seedings drawn from one
 * seeded generator (seededRandom(seed)), each refined by Lloyd's iterations; the start with the lowest
 * within-cluster sum of squares wins (the first on a tie), so a seed always gives the same clusters.
 *
 * Throws RangeError when k is not a whole number in 1..rows, on ragged rows or a non-finite value.
 *
 * @example kmeans([[0], [1], [10], [11]], 2).inertia // 1: clusters {0, 1} and {10, 11}, each 2 × 0.5²
 */
export function kmeans(
  rows: number[][],
  k: number,
  options: { seed?: number; starts?: number; maxIterations?: number } = {},
): KMeansResult {
  const n = rows.length;
  if (!Number.isInteger(k) || k < 1 || k > n) refuse("k-range", { k, n });
  checkRows(rows, rows[0].length);
  const random = seededRandom(options.seed ?? 1);
  const starts = Math.max(1, options.starts ?? 10);
  let best: KMeansResult | undefined;
  for (let s = 0; s < starts; s++) {
    const result = lloyd(rows, seedCenters(rows, k, random), options.maxIterations ?? 300);
    if (!best || result.inertia < best.inertia) best = result;
  }
  return best as KMeansResult;
}

/**
 * Silhouette of each row (Rousseeuw 1987): s = (b − a) / max(a, b) with a the mean distance to the
 * other rows of its cluster and b the smallest mean distance to another cluster's rows; 0 for a row
 * alone in its cluster. Euclidean distances, O(n²) time.
 *
 * @example silhouettes([[0], [1], [10], [11]], Int32Array.of(0, 0, 1, 1), 2)[0] // (10.5 − 1) / 10.5 = 0.9047…
 */
export function silhouettes(rows: number[][], assignment: ArrayLike<number>, k: number): Float64Array {
  const n = rows.length;
  const counts = new Int32Array(k);
  for (let i = 0; i < n; i++) counts[assignment[i]]++;
  const s = new Float64Array(n);
  const sums = new Float64Array(k);
  for (let i = 0; i < n; i++) {
    sums.fill(0);
    for (let q = 0; q < n; q++) if (q !== i) sums[assignment[q]] += Math.sqrt(distance2(rows[i], rows[q]));
    const own = assignment[i];
    if (counts[own] <= 1) continue;
    const a = sums[own] / (counts[own] - 1);
    let b = Infinity;
    for (let c = 0; c < k; c++) if (c !== own && counts[c] > 0) b = Math.min(b, sums[c] / counts[c]);
    s[i] = b === Infinity || Math.max(a, b) === 0 ? 0 : (b - a) / Math.max(a, b);
  }
  return s;
}

/** Rows silhouettes are computed on when choosing k: all of them up to this many, else a seeded sample. */
export const SILHOUETTE_SAMPLE = 3000;

/** A cluster's profile for the summary. */
export interface ClusterProfile {
  /** "Cluster 1" is the cluster with the highest mean score. */
  label: string;
  size: number;
  /** Mean of each indicator's raw values (as given, before standardising). */
  means: number[];
  meanScore: number;
  /** Mean silhouette of the cluster's customers. */
  silhouette: number;
}

export interface ClusterResult {
  k: number;
  /** Cluster rank per customer: 0 = "Cluster 1" (best mean score). */
  cluster: Int32Array;
  labels: string[];
  profiles: ClusterProfile[];
  inertia: number;
  /** Mean silhouette per k tried (k = 2..8 under "auto"; only the given k otherwise). */
  silhouetteByK: { k: number; silhouette: number }[];
}

/**
 * Customers clustered on their indicators: z-scores with directions applied (standardize), k-means
 * (kmeans: k-means++ from `seed`, `starts` starts, lowest within-cluster sum of squares), k given or
 * "auto" = the k in 2..8 (at most n − 1) with the best mean silhouette (the smallest k on a tie).
 * Clusters are then numbered by their mean score, best first ("Cluster 1"), so they can serve as tiers.
 * Under "auto" with more than SILHOUETTE_SAMPLE customers, mean silhouettes are taken over a seeded
 * sample of that many customers (an O(n²) measure); the profiles' silhouettes likewise.
 *
 * Throws RangeError as standardize and kmeans do, on a score array of another length, and when
 * "auto" has fewer than 3 customers.
 *
 * @example clusterCustomers([[1], [2], [10], [11]], ["higher"], [5, 10, 90, 95], 2).cluster
 * // Int32Array [1, 1, 0, 0]: the cluster of 10 and 11 has the higher mean score, so it is Cluster 1
 */
export function clusterCustomers(
  rows: number[][],
  directions: Direction[],
  score: ArrayLike<number>,
  k: number | "auto",
  options: { seed?: number; starts?: number; labelPrefix?: string } = {},
): ClusterResult {
  const n = rows.length;
  if (score.length !== n) throw new RangeError(`${score.length} scores for ${n} customers`);
  const z = standardize(rows, directions);
  const seed = options.seed ?? 1;
  const sample = sampleRows(n, seed);
  const zSample = sample.map((i) => z[i]);
  const meanSilhouette = (assignment: Int32Array, kk: number): number => {
    const s = silhouettes(zSample, sample.map((i) => assignment[i]), kk);
    let t = 0;
    for (const x of s) t += x;
    return t / s.length;
  };
  const silhouetteByK: { k: number; silhouette: number }[] = [];
  let chosen: KMeansResult;
  let chosenK: number;
  if (k === "auto") {
    if (n < 3) refuse("choose-k-few");
    let best: { k: number; result: KMeansResult; silhouette: number } | undefined;
    for (let kk = 2; kk <= Math.min(8, n - 1); kk++) {
      const result = kmeans(z, kk, { seed, starts: options.starts });
      const silhouette = meanSilhouette(result.assignment, kk);
      silhouetteByK.push({ k: kk, silhouette });
      if (!best || silhouette > best.silhouette) best = { k: kk, result, silhouette };
    }
    chosen = (best as { result: KMeansResult }).result;
    chosenK = (best as { k: number }).k;
  } else {
    chosen = kmeans(z, k, { seed, starts: options.starts });
    chosenK = k;
    silhouetteByK.push({ k, silhouette: k > 1 ? meanSilhouette(chosen.assignment, k) : 0 });
  }

  // Number clusters by mean score, best first (ties: lower original index first).
  const dims = directions.length;
  const size = new Array<number>(chosenK).fill(0);
  const scoreSum = new Array<number>(chosenK).fill(0);
  const sums = Array.from({ length: chosenK }, () => new Array<number>(dims).fill(0));
  for (let i = 0; i < n; i++) {
    const c = chosen.assignment[i];
    size[c]++;
    scoreSum[c] += score[i];
    for (let j = 0; j < dims; j++) sums[c][j] += rows[i][j];
  }
  const order = Array.from({ length: chosenK }, (_, c) => c).sort((a, b) => scoreSum[b] / size[b] - scoreSum[a] / size[a] || a - b);
  const rankOf = new Int32Array(chosenK);
  order.forEach((c, r) => (rankOf[c] = r));
  const cluster = new Int32Array(n);
  for (let i = 0; i < n; i++) cluster[i] = rankOf[chosen.assignment[i]];
  const prefix = options.labelPrefix ?? "Cluster";
  const labels = order.map((_, r) => `${prefix} ${r + 1}`);
  const sil = chosenK > 1 ? silhouettes(zSample, sample.map((i) => cluster[i]), chosenK) : new Float64Array(sample.length);
  const silSum = new Array<number>(chosenK).fill(0);
  const silCount = new Array<number>(chosenK).fill(0);
  sample.forEach((i, s) => {
    silSum[cluster[i]] += sil[s];
    silCount[cluster[i]]++;
  });
  const profiles = order.map((c, r) => ({
    label: labels[r],
    size: size[c],
    means: sums[c].map((x) => x / size[c]),
    meanScore: scoreSum[c] / size[c],
    silhouette: silCount[r] > 0 ? silSum[r] / silCount[r] : NaN,
  }));
  return { k: chosenK, cluster, labels, profiles, inertia: chosen.inertia, silhouetteByK };
}

/** All row indices up to SILHOUETTE_SAMPLE rows, else a seeded sample of that many, ascending. */
function sampleRows(n: number, seed: number): number[] {
  const all = Array.from({ length: n }, (_, i) => i);
  if (n <= SILHOUETTE_SAMPLE) return all;
  const random = seededRandom(seed ^ 0x5bd1e995);
  // Partial Fisher-Yates: the first SILHOUETTE_SAMPLE places hold a uniform sample.
  for (let i = 0; i < SILHOUETTE_SAMPLE; i++) {
    const j = i + Math.floor(random() * (n - i));
    const t = all[i];
    all[i] = all[j];
    all[j] = t;
  }
  return all.slice(0, SILHOUETTE_SAMPLE).sort((a, b) => a - b);
}
