import fc from "fast-check";
import {
  checkBands,
  columnStats,
  indicatorPoints,
  percentileCountAbove,
  percentileCountBelow,
  pointsOf,
} from "../../src/engine/points";
import type { Band, Direction, ScoringRule } from "../../src/engine/types";

const salesBands: Band[] = [
  { threshold: 0, points: 20 },
  { threshold: 100000, points: 60 },
  { threshold: 1000000, points: 100 },
];

describe("columnStats", () => {
  it("counts the non-blank values and finds their minimum and maximum", () => {
    const stats = columnStats([3, NaN, 1, 2]);
    expect([stats.n, stats.min, stats.max]).toEqual([3, 1, 3]);
    expect(stats.sorted).toBeUndefined();
    expect(Array.from(columnStats([3, NaN, 1, 2], { sorted: true }).sorted!)).toEqual([1, 2, 3]);
  });

  it("rejects infinite values", () => {
    expect(() => columnStats([1, Infinity])).toThrow(RangeError);
  });
});

describe("minmax", () => {
  it("gives (x - min) / (max - min) × 100, and the mirror for lower-is-better", () => {
    // min 10, max 50: 30 is half-way.
    expect(Array.from(indicatorPoints([10, 30, 50, 20], "minmax", "higher"))).toEqual([0, 50, 100, 25]);
    // Complaints: 10 is the best, 50 the worst.
    expect(Array.from(indicatorPoints([10, 30, 50, 20], "minmax", "lower"))).toEqual([100, 50, 0, 75]);
  });

  it("keeps a blank blank", () => {
    const points = indicatorPoints([10, NaN, 50], "minmax", "higher");
    expect(points[0]).toBe(0);
    expect(points[1]).toBeNaN();
    expect(points[2]).toBe(100);
  });

  it("gives everyone 100 points when all values are equal, and for a single customer", () => {
    expect(Array.from(indicatorPoints([7, 7, 7], "minmax", "higher"))).toEqual([100, 100, 100]);
    expect(Array.from(indicatorPoints([7, 7, 7], "minmax", "lower"))).toEqual([100, 100, 100]);
    expect(Array.from(indicatorPoints([42], "minmax", "higher"))).toEqual([100]);
  });

  it("clamps a per-cell value outside the column's range to 0..100", () => {
    const stats = columnStats([10, 50]);
    expect(pointsOf(60, stats, "minmax", "higher")).toBe(100);
    expect(pointsOf(0, stats, "minmax", "higher")).toBe(0);
  });
});

describe("percentile", () => {
  it("gives (count of values below x) / (n - 1) × 100", () => {
    // Of 5 customers, 30 has 2 below it: 2/4 = 50 points.
    expect(Array.from(indicatorPoints([10, 20, 30, 40, 50], "percentile", "higher"))).toEqual([0, 25, 50, 75, 100]);
  });

  it("lets ties share the count of strictly lower values", () => {
    // 20, 20 both have one value below: 1/3.
    const points = indicatorPoints([10, 20, 20, 40], "percentile", "higher");
    expect(points[1]).toBe((1 / 3) * 100);
    expect(points[2]).toBe(points[1]);
    expect(points[3]).toBe(100);
  });

  it("counts values above x for lower-is-better", () => {
    // Overdue days 0, 5, 5, 30: 0 has three worse, 5 has one worse, 30 none.
    expect(Array.from(indicatorPoints([0, 5, 5, 30], "percentile", "lower"))).toEqual([100, (1 / 3) * 100, (1 / 3) * 100, 0]);
  });

  it("skips blanks in the count and in n", () => {
    const points = indicatorPoints([10, NaN, 30], "percentile", "higher");
    expect(points[0]).toBe(0);
    expect(points[1]).toBeNaN();
    expect(points[2]).toBe(100);
  });

  it("gives everyone 100 points with no spread or a single customer", () => {
    expect(Array.from(indicatorPoints([3, 3], "percentile", "higher"))).toEqual([100, 100]);
    expect(Array.from(indicatorPoints([3], "percentile", "lower"))).toEqual([100]);
  });

  it("refuses a summary without the column, which only minmax can do without", () => {
    const { n, min, max } = columnStats([10, 20, 30]);
    expect(pointsOf(20, { n, min, max }, "minmax", "higher")).toBe(50);
    expect(() => pointsOf(20, { n, min, max }, "percentile", "higher")).toThrow(/needs the column's values/);
  });

  it("counts in one pass per cell", () => {
    expect(percentileCountBelow(20, [10, 20, 20, 30, NaN])).toBe(1);
    expect(percentileCountAbove(20, [10, 20, 20, 30, NaN])).toBe(1);
  });
});

describe("bands", () => {
  it("gives the points of the largest threshold at or below x", () => {
    const stats = columnStats([]);
    expect(pointsOf(1000000, stats, "bands", "higher", salesBands)).toBe(100);
    expect(pointsOf(999999, stats, "bands", "higher", salesBands)).toBe(60);
    expect(pointsOf(50, stats, "bands", "higher", salesBands)).toBe(20);
    // Below every band: 0 points.
    expect(pointsOf(-5, stats, "bands", "higher", salesBands)).toBe(0);
  });

  it("gives the points of the smallest threshold at or above x for lower-is-better", () => {
    // Overdue days: up to 0 → 100, up to 30 → 60, up to 90 → 20, beyond → 0.
    const overdue: Band[] = [
      { threshold: 0, points: 100 },
      { threshold: 30, points: 60 },
      { threshold: 90, points: 20 },
    ];
    expect(Array.from(indicatorPoints([0, 10, 30, 60, 120], "bands", "lower", overdue))).toEqual([100, 60, 60, 20, 0]);
  });

  it("rejects missing, unsorted or out-of-range bands", () => {
    expect(() => checkBands(undefined)).toThrow(RangeError);
    expect(() => checkBands([])).toThrow(RangeError);
    expect(() => checkBands([{ threshold: 5, points: 1 }, { threshold: 1, points: 2 }])).toThrow(/ascending/);
    expect(() => checkBands([{ threshold: 5, points: 120 }])).toThrow(/0\.\.100/);
    expect(() => indicatorPoints([1], "bands", "higher")).toThrow(RangeError);
  });
});

describe("raw", () => {
  it("keeps 0..100 points as they are, and mirrors them for lower-is-better", () => {
    expect(Array.from(indicatorPoints([0, 35, 100], "raw", "higher"))).toEqual([0, 35, 100]);
    expect(Array.from(indicatorPoints([0, 35, 100], "raw", "lower"))).toEqual([100, 65, 0]);
  });

  it("rejects a value outside 0..100", () => {
    expect(() => indicatorPoints([50, 101], "raw", "higher")).toThrow(/0\.\.100/);
    expect(() => pointsOf(-1, columnStats([]), "raw", "higher")).toThrow(RangeError);
  });
});

describe("pointsOf", () => {
  it("rejects unknown rules and directions", () => {
    const stats = columnStats([1, 2]);
    expect(() => pointsOf(1, stats, "zscore" as ScoringRule, "higher")).toThrow(/scoring/);
    expect(() => pointsOf(1, stats, "minmax", "up" as Direction)).toThrow(/direction/);
  });

  it("whole numbers are counted, not sorted, and give the sorting path's points bit for bit", () => {
    const cell = fc.oneof(fc.integer({ min: -40, max: 40 }), fc.constant(NaN), fc.constant(-0));
    fc.assert(
      fc.property(fc.array(cell, { minLength: 2, maxLength: 60 }), fc.constantFrom<Direction>("higher", "lower"), (values, direction) => {
        const counted = indicatorPoints(values, "percentile", direction);
        // Shifted by a half, the same order goes down the sorting path.
        const sorted = indicatorPoints(values.map((v) => v + 0.5), "percentile", direction);
        const stats = columnStats(values);
        values.forEach((x, i) => {
          expect(Object.is(counted[i], sorted[i])).toBe(true);
          expect(Object.is(counted[i], pointsOf(x, stats, "percentile", direction))).toBe(true);
        });
      }),
    );
    // A span wider than the counters, or a fraction, takes the sorting path with the same answer.
    expect(Array.from(indicatorPoints([0, 1e6, 5, 5], "percentile", "higher"))).toEqual([0, 100, (1 / 3) * 100, (1 / 3) * 100]);
    expect(Array.from(indicatorPoints([0, 2.5, 5, 5], "percentile", "higher"))).toEqual([0, (1 / 3) * 100, (2 / 3) * 100, (2 / 3) * 100]);
  });

  it("agrees bit for bit with the whole-column path, with or without a sorted column", () => {

    // Awkward decimals so that any difference in the arithmetic would show in the last bit.
    const values = [0.1, 0.7, 0.3, 1 / 3, 2.9, 0.3, NaN, 1e-7, 123.456, 99.99];
    for (const scoring of ["minmax", "percentile"] as ScoringRule[]) {
      for (const direction of ["higher", "lower"] as Direction[]) {
        const column = indicatorPoints(values, scoring, direction);
        const plain = columnStats(values);
        const sorted = columnStats(values, { sorted: true });
        values.forEach((x, i) => {
          expect(Object.is(pointsOf(x, plain, scoring, direction), column[i])).toBe(true);
          expect(Object.is(pointsOf(x, sorted, scoring, direction), column[i])).toBe(true);
        });
      }
    }
  });
});
