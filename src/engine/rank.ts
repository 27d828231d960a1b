// Rank with Excel's RANK.EQ semantics, largest first: 1 + the number of strictly larger scores, so
// ties share the best rank and the next rank is skipped (90, 80, 80, 70 rank 1, 2, 2, 4).

import { sortedOrder } from "./sortedOrder";
import type { SortScratch } from "./sortedOrder";

/**
 * The RANK.EQ rank of every score (descending: 1 = largest); NaN scores (blanks, excluded
 * customers) get 0 and are not counted for anyone else. One radix sort (see sortedOrder), then
 * one walk from the largest score down; with `scratch` the sort works in its memory. Throws nothing.
 *
 * @example rankEq([70, 90, 80, 80]) // Int32Array [4, 1, 2, 2]
 * @example rankEq([5, NaN, 7]) // Int32Array [2, 0, 1]
 */
export function rankEq(scores: ArrayLike<number>, scratch?: SortScratch): Int32Array {
  const rank = new Int32Array(scores.length);
  const { sorted, order } = sortedOrder(scores, scratch);
  const m = sorted.length;
  let end = m - 1;
  while (end >= 0) {
    const v = sorted[end];
    let start = end;
    while (start > 0 && sorted[start - 1] === v) start--;
    // m - 1 - end scores are strictly larger than this group.
    const r = m - end;
    for (let k = start; k <= end; k++) rank[order[k]] = r;
    end = start - 1;
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
