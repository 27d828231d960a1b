import { scoreOf, weightedScore } from "../../src/engine/score";

describe("scoreOf and weightedScore", () => {
  it("sum weight × points", () => {
    // 0.6 × 100 + 0.4 × 50 = 80; 0.6 × 0 + 0.4 × 100 = 40.
    expect(scoreOf([100, 50], [0.6, 0.4])).toBe(80);
    expect(Array.from(weightedScore([Float64Array.of(100, 0), Float64Array.of(50, 100)], [0.6, 0.4]))).toEqual([80, 40]);
  });

  it("is NaN when any point is NaN", () => {
    expect(scoreOf([100, NaN], [0.6, 0.4])).toBeNaN();
    expect(weightedScore([Float64Array.of(1, 2), Float64Array.of(NaN, 3)], [0.5, 0.5])[0]).toBeNaN();
  });

  it("gives the same bits per customer and for the whole column", () => {
    const weights = [0.1, 0.2, 0.3, 0.15, 0.25];
    const points = [0, 1, 2, 3, 4].map((j) => Float64Array.from([33.3, 1 / 3, 66.7, 12.5, 99.9], (x, i) => (x * (j + 1) + i) % 100));
    const column = weightedScore(points, weights);
    for (let i = 0; i < 5; i++) {
      expect(Object.is(scoreOf(points.map((p) => p[i]), weights), column[i])).toBe(true);
    }
  });

  it("rejects mismatched lengths", () => {
    expect(() => scoreOf([1, 2], [1])).toThrow(RangeError);
    expect(() => weightedScore([Float64Array.of(1)], [0.5, 0.5])).toThrow(RangeError);
    expect(() => weightedScore([Float64Array.of(1), Float64Array.of(1, 2)], [0.5, 0.5])).toThrow(RangeError);
  });
});
