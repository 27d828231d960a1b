// The customer pyramid (docs/DESIGN.md §2): per tier, how many customers and how much value, so the
// quantity pyramid can stand beside the value pyramid.

import { refuse } from "./errors";
import { ExactSum } from "./exactSum";
import type { PyramidRow } from "./types";

/**
 * One row per label, in the labels' order (best first): customers in that tier, their share of all
 * tiered customers (tier >= 0; -1 is not graded and not counted), the sum of their values and its
 * share of the total value. A blank (NaN) value counts the customer but adds no value. Shares are 0
 * when the total is 0. Sums are exact (see exactSum), so the row order cannot change them.
 *
 * Throws RangeError when `value` and `tier` differ in length or a tier has no label.
 *
 * @example pyramid(Int32Array.of(0, 1, 1, -1), ["A", "B"], [60, 30, 10, 99])
 *   // [{ tier: "A", customers: 1, customerShare: 1/3, value: 60, valueShare: 0.6 },
 *   //  { tier: "B", customers: 2, customerShare: 2/3, value: 40, valueShare: 0.4 }]
 */
export function pyramid(tier: Int32Array, labels: string[], value: ArrayLike<number>): PyramidRow[] {
  if (value.length !== tier.length) throw new RangeError(`${value.length} values for ${tier.length} customers`);
  const customers = new Array<number>(labels.length).fill(0);
  const sums = labels.map(() => new ExactSum());
  const total = new ExactSum();
  let counted = 0;
  for (let i = 0; i < tier.length; i++) {
    const t = tier[i];
    if (t < 0) continue;
    if (t >= labels.length) refuse("tier-no-label", { customer: i + 1, tier: t + 1 });
    customers[t]++;
    counted++;
    sums[t].add(value[i]);
  }
  for (const sum of sums) total.addSum(sum);
  const totalValue = total.value();
  return labels.map((label, k) => {
    const v = sums[k].value();
    return {
      tier: label,
      customers: customers[k],
      customerShare: counted === 0 ? 0 : customers[k] / counted,
      value: v,
      valueShare: totalValue === 0 ? 0 : v / totalValue,
    };
  });
}
