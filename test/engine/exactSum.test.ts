import { ExactSum, exactSum } from "../../src/engine/exactSum";

describe("exactSum", () => {
  it("rounds the exact sum once", () => {
    // A running sum gives 0.6000000000000001.
    expect(exactSum([0.1, 0.2, 0.3])).toBe(0.6);
    expect(exactSum([1e16, 1, -1e16])).toBe(1);
    expect(exactSum([])).toBe(0);
    expect(exactSum([1, NaN, 2])).toBe(3);
  });

  it("does not depend on the order of the terms", () => {
    const terms = [1e20, 3.14, -1e20, 2.71, 1e-10, 0.1, 0.7, 1 / 3];
    const reversed = [...terms].reverse();
    expect(exactSum(terms)).toBe(exactSum(reversed));
    expect(exactSum(terms)).toBe(exactSum([0.1, 0.7, 1e-10, 3.14, 2.71, 1 / 3]));
  });

  it("merges another exact sum exactly", () => {
    const a = new ExactSum();
    const b = new ExactSum();
    [1e16, 0.5].forEach((x) => a.add(x));
    [1, -1e16].forEach((x) => b.add(x));
    a.addSum(b);
    expect(a.value()).toBe(1.5);
  });
});
