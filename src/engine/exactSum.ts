// Sums that do not depend on the order of their terms. Pareto classes compare ratios of sums with
// cut-offs such as 0.8; a plain running sum rounds differently in a different order, so a shuffled
// table, or a per-cell formula that sums in sheet order, could land on the other side of a cut-off.
// Shewchuk's algorithm (as in Python's math.fsum) keeps the sum exactly as a list of
// non-overlapping partials and rounds only once, so every order gives the correctly rounded sum.

/** A running sum kept exactly; `value()` is the correctly rounded total of everything added. */
export class ExactSum {
  // Non-overlapping partials of doubles number at most about 40 (2098 exponents / 53 bits).
  private partials = new Float64Array(64);
  private count = 0;

  /** Adds x (finite; a NaN is skipped, like Excel's SUM skips blanks). */
  add(x: number): void {
    if (x !== x) return;
    const partials = this.partials;
    const count = this.count;
    let kept = 0;
    for (let j = 0; j < count; j++) {
      let y = partials[j];
      if (Math.abs(x) < Math.abs(y)) {
        const t = x;
        x = y;
        y = t;
      }
      const hi = x + y;
      const lo = y - (hi - x);
      if (lo !== 0) partials[kept++] = lo;
      x = hi;
    }
    partials[kept] = x;
    this.count = kept + 1;
  }

  /** Adds everything another exact sum holds, exactly. */
  addSum(other: ExactSum): void {
    for (let j = 0; j < other.count; j++) this.add(other.partials[j]);
  }

  /** The exact sum so far, rounded once to the nearest double (ties to even). */
  value(): number {
    const p = this.partials;
    let k = this.count;
    if (k === 0) return 0;
    let hi = p[--k];
    let lo = 0;
    while (k > 0) {
      const x = hi;
      const y = p[--k];
      hi = x + y;
      lo = y - (hi - x);
      if (lo !== 0) break;
    }
    // Half-way cases: the partials below decide which way the rounding must go.
    if (k > 0 && ((lo < 0 && p[k - 1] < 0) || (lo > 0 && p[k - 1] > 0))) {
      const y = lo * 2;
      const x = hi + y;
      if (y === x - hi) hi = x;
    }
    return hi;
  }
}

/**
 * The sum of the non-NaN values, correctly rounded and so the same in any order.
 * Throws nothing; an empty input sums to 0.
 *
 * @example exactSum([0.1, 0.2, 0.3]) // 0.6 (a running sum gives 0.6000000000000001)
 * @example exactSum([1e16, 1, -1e16]) // 1
 */
export function exactSum(values: ArrayLike<number>): number {
  const sum = new ExactSum();
  for (let i = 0; i < values.length; i++) sum.add(values[i]);
  return sum.value();
}
