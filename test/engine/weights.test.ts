import { globalWeights } from "../../src/engine/weights";
import type { Indicator, WeightTable } from "../../src/engine/types";

function indicator(name: string, weight: number, dimension?: string): Indicator {
  return { name, weight, dimension, direction: "higher", scoring: "minmax", column: name };
}

describe("globalWeights", () => {
  it("multiplies the dimension weight by the indicator weight within it", () => {
    const table: WeightTable = {
      dimensions: [
        { name: "profitability", weight: 0.5 },
        { name: "strength", weight: 0.3 },
        { name: "cooperation", weight: 0.2 },
      ],
      indicators: [
        indicator("sales", 0.6, "profitability"),
        indicator("growth", 0.4, "profitability"),
        indicator("capital", 1, "strength"),
        indicator("years", 0.5, "cooperation"),
        indicator("payment", 0.5, "cooperation"),
      ],
    };
    const { weights, warnings } = globalWeights(table);
    // 0.5×0.6, 0.5×0.4, 0.3×1, 0.2×0.5, 0.2×0.5
    expect(weights).toEqual([0.3, 0.2, 0.3, 0.1, 0.1]);
    expect(warnings).toEqual([]);
  });

  it("normalises indicator weights that do not add up to 1, with a warning naming the sum", () => {
    const { weights, warnings } = globalWeights({ dimensions: [], indicators: [indicator("sales", 3), indicator("growth", 1)] });
    expect(weights).toEqual([0.75, 0.25]);
    expect(warnings).toEqual([{ code: "weights-normalised", subject: [""], sum: 4 }]);
  });

  it("normalises dimension weights and each dimension's indicators separately", () => {
    const { weights, warnings } = globalWeights({
      dimensions: [
        { name: "profit", weight: 60 },
        { name: "cooperation", weight: 40 },
      ],
      indicators: [indicator("sales", 1, "profit"), indicator("years", 2, "cooperation"), indicator("payment", 2, "cooperation")],
    });
    expect(weights[0]).toBeCloseTo(0.6, 15);
    expect(weights[1]).toBeCloseTo(0.2, 15);
    expect(weights[2]).toBeCloseTo(0.2, 15);
    expect(warnings).toEqual([
      { code: "dimension-weights-normalised", subject: ["profit", "cooperation"], sum: 100 },
      { code: "weights-normalised", subject: ["cooperation"], sum: 4 },
    ]);
  });

  it("takes weights that add up to 1 within 1e-9 as typed, without a warning", () => {
    // 0.1 + 0.2 + 0.7 is 1.0000000000000002 in floating point.
    const { weights, warnings } = globalWeights({
      dimensions: [],
      indicators: [indicator("a", 0.1), indicator("b", 0.2), indicator("c", 0.7)],
    });
    expect(weights).toEqual([0.1, 0.2, 0.7]);
    expect(warnings).toEqual([]);
  });

  it("rejects negative, missing and all-zero weights", () => {
    expect(() => globalWeights({ dimensions: [], indicators: [indicator("a", -1), indicator("b", 2)] })).toThrow(RangeError);
    expect(() => globalWeights({ dimensions: [], indicators: [indicator("a", NaN)] })).toThrow(/no weight/);
    expect(() => globalWeights({ dimensions: [], indicators: [indicator("a", 0), indicator("b", 0)] })).toThrow(/zero/);
    expect(() =>
      globalWeights({ dimensions: [{ name: "d", weight: 0 }], indicators: [indicator("a", 1, "d")] }),
    ).toThrow(/dimension weights are zero/);
    expect(() =>
      globalWeights({ dimensions: [{ name: "d", weight: 1 }], indicators: [indicator("a", 0, "d")] }),
    ).toThrow(/dimension "d" are zero/);
  });

  it("rejects an empty table, unknown or missing dimensions, and a dimension without indicators", () => {
    expect(() => globalWeights({ dimensions: [], indicators: [] })).toThrow(/no indicators/);
    expect(() =>
      globalWeights({ dimensions: [{ name: "d", weight: 1 }], indicators: [indicator("a", 1, "x")] }),
    ).toThrow(/"x", which does not exist/);
    expect(() => globalWeights({ dimensions: [{ name: "d", weight: 1 }], indicators: [indicator("a", 1)] })).toThrow(
      /names no dimension/,
    );
    expect(() =>
      globalWeights({
        dimensions: [
          { name: "d", weight: 0.5 },
          { name: "e", weight: 0.5 },
        ],
        indicators: [indicator("a", 1, "d")],
      }),
    ).toThrow(/"e" has no indicators/);
  });
});
