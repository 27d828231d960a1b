// Rank with Excel's RANK.EQ semantics, largest first: 1 + the number of strictly larger scores, so
// ties share the best rank and the next rank is skipped (90, 80, 80, 70 rank 1, 2, 2, 4).

/** Index of the first element of an ascending array that is > x. */
function firstAbove(sorted: Float64Array, x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The RANK.EQ rank of every score (descending: 1 = largest); NaN scores (blanks, excluded
 * customers) get 0 and are not counted for anyone else. O(n log n): one sort of a copy, then a
 * binary search per score. Throws nothing.
 *
 * @example rankEq([70, 90, 80, 80]) // Int32Array [4, 1, 2, 2]
 * @example rankEq([5, NaN, 7]) // Int32Array [2, 0, 1]
 */
export function rankEq(scores: ArrayLike<number>): Int32Array {
  const n = scores.length;
  let m = 0;
  for (let i = 0; i < n; i++) if (scores[i] === scores[i]) m++;
  const sorted = new Float64Array(m);
  let k = 0;
  for (let i = 0; i < n; i++) {
    const s = scores[i];
    if (s === s) sorted[k++] = s;
  }
  sorted.sort();
  const rank = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const s = scores[i];
    if (s === s) rank[i] = 1 + m - firstAbove(sorted, s);
  }
  return rank;
}

/**
 * The RANK.EQ rank of x among `scores` in one O(n) pass: 1 + the number of scores strictly above
 * x, NaN scores skipped. x need not be one of the scores (Excel would answer #N/A there; here it
 * is where x would stand). NaN x gives 0.
 *
 * @example rankOf(80, [70, 90, 80, 80]) // 2
 * @example rankOf(75, [70, 90, 80, 80]) // 4
 */
export function rankOf(x: number, scores: ArrayLike<number>): number {
  if (x !== x) return 0;
  let above = 0;
  for (let i = 0; i < scores.length; i++) if (scores[i] > x) above++;
  return 1 + above;
}
