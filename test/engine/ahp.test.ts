import { ahpConsistency, ahpWeights, checkPairwiseMatrix } from "../../src/engine/ahp";

/**
 * Saaty's drink example: "Which drink is consumed more in the U.S.?" — T. L. Saaty, "Decision
 * making with the analytic hierarchy process", Int. J. Services Sciences 1(1), 2008, pp. 83-98.
 * Published priorities: coffee .177, wine .019, tea .042, beer .116, sodas .190, milk .129,
 * water .327; consistency ratio 0.022.
 */
const drinks = [
  [1, 9, 5, 2, 1, 1, 1 / 2],
  [1 / 9, 1, 1 / 3, 1 / 9, 1 / 9, 1 / 9, 1 / 9],
  [1 / 5, 3, 1, 1 / 3, 1 / 4, 1 / 3, 1 / 9],
  [1 / 2, 9, 3, 1, 1 / 2, 1, 1 / 3],
  [1, 9, 4, 2, 1, 2, 1 / 2],
  [1, 9, 3, 1, 1 / 2, 1, 1 / 3],
  [2, 9, 9, 3, 2, 3, 1],
];

describe("ahpWeights", () => {
  it("reproduces Saaty's published drink-consumption priorities to 3 decimals", () => {
    const w = ahpWeights(drinks);
    expect(w.map((x) => Number(x.toFixed(3)))).toEqual([0.177, 0.019, 0.042, 0.116, 0.19, 0.129, 0.327]);
    expect(w.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 14);
  });

  it("recovers the weights of a consistent matrix a_ij = w_i / w_j exactly", () => {
    // Weights 4 : 1 : 2.
    const w = ahpWeights([
      [1, 4, 2],
      [1 / 4, 1, 1 / 2],
      [1 / 2, 2, 1],
    ]);
    [4 / 7, 1 / 7, 2 / 7].forEach((x, i) => expect(w[i]).toBeCloseTo(x, 12));
  });

  it("handles 1 and 2 criteria", () => {
    expect(ahpWeights([[1]])).toEqual([1]);
    const w = ahpWeights([
      [1, 2],
      [1 / 2, 1],
    ]);
    expect(w[0]).toBeCloseTo(2 / 3, 12);
    expect(w[1]).toBeCloseTo(1 / 3, 12);
  });
});

describe("ahpConsistency", () => {
  it("gives Saaty's published consistency ratio 0.022 for the drink example", () => {
    const { lambdaMax, ci, cr } = ahpConsistency(drinks);
    expect(cr.toFixed(3)).toBe("0.022");
    // CI = (λmax − 7) / 6 and CR = CI / 1.32.
    expect(ci).toBeCloseTo((lambdaMax - 7) / 6, 14);
    expect(cr).toBeCloseTo(ci / 1.32, 14);
  });

  it("gives λmax 3.0385 and CR 0.0332 for the textbook 1-3-5 matrix", () => {
    // Cross-checked with numpy.linalg.eig: λmax 3.03851109, weights 0.6370, 0.2583, 0.1047.
    const m = [
      [1, 3, 5],
      [1 / 3, 1, 3],
      [1 / 5, 1 / 3, 1],
    ];
    const { lambdaMax, cr } = ahpConsistency(m);
    expect(lambdaMax).toBeCloseTo(3.03851109, 7);
    expect(cr).toBeCloseTo(0.0331992, 6);
    const w = ahpWeights(m);
    expect(w.map((x) => Number(x.toFixed(4)))).toEqual([0.637, 0.2583, 0.1047]);
  });

  it("is 0 for a consistent matrix and for n = 1 and 2", () => {
    const consistent = ahpConsistency([
      [1, 4, 2],
      [1 / 4, 1, 1 / 2],
      [1 / 2, 2, 1],
    ]);
    expect(consistent.lambdaMax).toBeCloseTo(3, 12);
    expect(consistent.cr).toBeCloseTo(0, 12);
    expect(ahpConsistency([[1]])).toEqual({ lambdaMax: 1, ci: 0, cr: 0 });
    expect(ahpConsistency([
      [1, 5],
      [1 / 5, 1],
    ]).cr).toBe(0);
  });

  it("still returns an inconsistent CR (>= 0.1) for the analyst to judge", () => {
    // A prefers B (9), B prefers C (9), yet C prefers A (9): a cycle.
    const { cr } = ahpConsistency([
      [1, 9, 1 / 9],
      [1 / 9, 1, 9],
      [9, 1 / 9, 1],
    ]);
    expect(cr).toBeGreaterThan(0.1);
  });

  it("has no random index beyond 10 criteria", () => {
    const eleven = Array.from({ length: 11 }, () => new Array<number>(11).fill(1));
    expect(() => ahpConsistency(eleven)).toThrow(/up to 10/);
    expect(ahpWeights(eleven)[0]).toBeCloseTo(1 / 11, 12);
  });
});

describe("checkPairwiseMatrix", () => {
  it("accepts reciprocals typed with two decimals", () => {
    expect(() =>
      checkPairwiseMatrix([
        [1, 3, 7],
        [0.33, 1, 2],
        [0.14, 0.5, 1],
      ]),
    ).not.toThrow();
  });

  it("names the reason and the cell", () => {
    expect(() => checkPairwiseMatrix([])).toThrow(/empty/);
    expect(() => checkPairwiseMatrix([[1, 2], [0.5]])).toThrow(/not square/);
    expect(() => checkPairwiseMatrix([[1, 0], [1, 1]])).toThrow(/row 1, column 2 is 0; comparisons must be positive/);
    expect(() => checkPairwiseMatrix([[1, NaN], [1, 1]])).toThrow(/positive/);
    expect(() => checkPairwiseMatrix([[2, 1], [1, 1]])).toThrow(/row 1, column 1 is 2; the diagonal must be 1/);
    expect(() => checkPairwiseMatrix([[1, 3], [3, 1]])).toThrow(/row 2, column 1 is 3 but should be the reciprocal/);
    expect(() => ahpWeights([[1, 3], [0.5, 1]])).toThrow(RangeError);
  });
});
