import { sortedOrder } from "../../src/engine/sortedOrder";

describe("sortedOrder", () => {
  it("sorts the non-blank values and keeps where each came from", () => {
    const { sorted, order } = sortedOrder([30, NaN, 10, 20]);
    expect(Array.from(sorted)).toEqual([10, 20, 30]);
    expect(Array.from(order)).toEqual([2, 3, 0]);
  });

  it("orders negatives, zeros, fractions and huge values like a numeric sort, ties in original order", () => {
    const values = [5, -1e300, 0.5, -0.25, 0, 1e300, -7, 0.5, 3e-320, -3e-320, 5];
    const { sorted, order } = sortedOrder(values);
    expect(Array.from(sorted)).toEqual([...values].sort((a, b) => a - b));
    order.forEach((i, k) => expect(values[i]).toBe(sorted[k]));
    // The two 0.5 (indices 2 and 7) and the two 5 (0 and 10) keep their order.
    expect(Array.from(order).filter((i) => values[i] === 0.5)).toEqual([2, 7]);
    expect(Array.from(order).filter((i) => values[i] === 5)).toEqual([0, 10]);
  });

  it("handles empty and single-value columns", () => {
    expect(sortedOrder([]).sorted.length).toBe(0);
    expect(Array.from(sortedOrder([NaN, 4]).order)).toEqual([1]);
  });
});
