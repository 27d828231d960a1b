import { entropyWeights } from "../../src/engine/entropy";

describe("entropyWeights", () => {
  it("reproduces Xu's published example (sum normalization)", () => {
    // X. Xu, "A note on the subjective and objective integrated approach to determine attribute
    // weights", European Journal of Operational Research 156(2), 2004, pp. 530-532:
    // entropy weights 0.4630, 0.3992, 0.1378, 0.0000.
    const data = [
      [30, 30, 38, 29],
      [19, 54, 86, 29],
      [19, 15, 85, 28.9],
      [68, 70, 60, 29],
    ];
    const w = entropyWeights(data, ["higher", "higher", "higher", "higher"], "sum");
    expect(w.map((x) => Number(x.toFixed(4)))).toEqual([0.463, 0.3992, 0.1378, 0]);
    expect(w.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 14);
  });

  it("works by hand on two customers", () => {
    // Column 1 under "sum": p = 1/3, 2/3, e = -(1/ln 2)(1/3 ln 1/3 + 2/3 ln 2/3) = 0.918296 (binary
    // entropy of 1/3), so 1 - e = 0.081704. Column 2 under "sum": p = 0, 1, e = 0, 1 - e = 1.
    const w = entropyWeights(
      [
        [1, 0],
        [2, 5],
      ],
      ["higher", "higher"],
      "sum",
    );
    const d1 = 1 + (1 / 3) * Math.log2(1 / 3) + (2 / 3) * Math.log2(2 / 3);
    expect(w[0]).toBeCloseTo(d1 / (d1 + 1), 12);
    expect(w[1]).toBeCloseTo(1 / (d1 + 1), 12);
    expect(w[0]).toBeCloseTo(0.081704 / 1.081704, 6);
  });

  it("normalises minmax per direction: lower-is-better mirrors the column", () => {
    // Under minmax [0, 1, 2] becomes 0, 0.5, 1 (higher) or 1, 0.5, 0 (lower): same entropy.
    const data = [
      [0, 0],
      [1, 1],
      [2, 4],
    ];
    const higher = entropyWeights(data, ["higher", "higher"], "minmax");
    const lower = entropyWeights(data, ["lower", "higher"], "minmax");
    expect(lower[0]).toBeCloseTo(higher[0], 14);
    // Column 1: 0, 0.5, 1 → p = 0, 1/3, 2/3; column 2: 0, 0.25, 1 → p = 0, 0.2, 0.8.
    const e1 = -((1 / 3) * Math.log(1 / 3) + (2 / 3) * Math.log(2 / 3)) / Math.log(3);
    const e2 = -(0.2 * Math.log(0.2) + 0.8 * Math.log(0.8)) / Math.log(3);
    expect(e1).toBeCloseTo(0.57938, 5);
    expect(e2).toBeCloseTo(0.455486, 5);
    expect(higher[0]).toBeCloseTo((1 - e1) / (2 - e1 - e2), 12);
  });

  it("gives a constant column weight 0 and rejects all-constant data", () => {
    const w = entropyWeights(
      [
        [5, 1],
        [5, 3],
      ],
      ["higher", "lower"],
      "minmax",
    );
    expect(w).toEqual([0, 1]);
    expect(() =>
      entropyWeights(
        [
          [5, 1],
          [5, 1],
        ],
        ["higher", "higher"],
        "minmax",
      ),
    ).toThrow(/every indicator is constant/);
  });

  it("rejects bad input", () => {
    expect(() => entropyWeights([[1]], ["higher"], "sum")).toThrow(/at least 2/);
    expect(() => entropyWeights([[1], [2, 3]], ["higher"], "sum")).toThrow(/row 2/);
    expect(() => entropyWeights([[1], [-2]], ["higher"], "sum")).toThrow(/>= 0/);
    expect(() => entropyWeights([[1], [NaN]], ["higher"], "minmax")).toThrow(/not a number/);
    expect(() => entropyWeights([[1], [2]], ["up" as "higher"], "minmax")).toThrow(/direction/);
    expect(() => entropyWeights([[1], [2]], ["higher"], "zscore" as "sum")).toThrow(/normalization/);
  });
});
