import { pyramid } from "../../src/engine/pyramid";

describe("pyramid", () => {
  it("counts customers and sums value per tier, best first", () => {
    // A holds 1 of 3 graded customers and 60 of 100; the ungraded customer (-1) counts nowhere.
    const rows = pyramid(Int32Array.of(0, 1, 1, -1), ["A", "B"], [60, 30, 10, 99]);
    expect(rows).toEqual([
      { tier: "A", customers: 1, customerShare: 1 / 3, value: 60, valueShare: 0.6 },
      { tier: "B", customers: 2, customerShare: 2 / 3, value: 40, valueShare: 0.4 },
    ]);
  });

  it("lists empty tiers and gives shares 0 when the totals are 0", () => {
    expect(pyramid(Int32Array.of(-1, -1), ["A", "B"], [5, 5])).toEqual([
      { tier: "A", customers: 0, customerShare: 0, value: 0, valueShare: 0 },
      { tier: "B", customers: 0, customerShare: 0, value: 0, valueShare: 0 },
    ]);
    expect(pyramid(Int32Array.of(0, 1), ["A", "B"], [0, 0])[0].valueShare).toBe(0);
  });

  it("counts a customer with a blank value but adds no value", () => {
    const [a] = pyramid(Int32Array.of(0, 0), ["A"], [NaN, 8]);
    expect([a.customers, a.value, a.valueShare]).toEqual([2, 8, 1]);
  });

  it("rejects a tier without a label and mismatched lengths", () => {
    expect(() => pyramid(Int32Array.of(2), ["A", "B"], [1])).toThrow(RangeError);
    expect(() => pyramid(Int32Array.of(0), ["A"], [1, 2])).toThrow(RangeError);
  });
});
