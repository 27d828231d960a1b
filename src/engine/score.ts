// Score = Σ global weight × points (docs/DESIGN.md §2). Both functions add indicator 0 first, then 1, ...
// so that a whole column and a single cell give the same bits.

/**
 * One customer's score: weights[0] * points[0] + weights[1] * points[1] + ..., summed in that order.
 * NaN when any point is NaN.
 *
 * Throws RangeError when the two lengths differ.
 *
 * @example scoreOf([100, 50], [0.6, 0.4]) // 80
 * @example scoreOf([100, NaN], [0.6, 0.4]) // NaN
 */
export function scoreOf(points: ArrayLike<number>, weights: ArrayLike<number>): number {
  if (points.length !== weights.length) {
    throw new RangeError(`${points.length} points for ${weights.length} weights`);
  }
  let score = 0;
  for (let j = 0; j < points.length; j++) score += weights[j] * points[j];
  return score;
}

/**
 * Every customer's score from points per indicator (`points[j][i]` = indicator j, customer i):
 * the same sum, in the same order, as scoreOf. NaN for a customer with any NaN point.
 *
 * Throws RangeError when the number of indicators and weights differ, or the columns differ in length.
 *
 * @example weightedScore([Float64Array.of(100, 0), Float64Array.of(50, 100)], [0.6, 0.4]) // Float64Array [80, 40]
 */
export function weightedScore(points: Float64Array[], weights: number[]): Float64Array {
  if (points.length !== weights.length) {
    throw new RangeError(`${points.length} indicators of points for ${weights.length} weights`);
  }
  const n = points.length === 0 ? 0 : points[0].length;
  const score = new Float64Array(n);
  // Indicator by indicator keeps each pass sequential in memory; per customer the order is still 0, 1, 2...
  for (let j = 0; j < points.length; j++) {
    const column = points[j];
    if (column.length !== n) throw new RangeError(`indicator ${j + 1} has ${column.length} points, expected ${n}`);
    const w = weights[j];
    for (let i = 0; i < n; i++) score[i] += w * column[i];
  }
  return score;
}
