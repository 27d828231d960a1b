import { grade } from "../../src/engine/grade";
import { columnStats, pointsOf } from "../../src/engine/points";
import { scoreOf } from "../../src/engine/score";
import type { GradeInput, Indicator } from "../../src/engine/types";

const sales: Indicator = { name: "sales", weight: 0.6, direction: "higher", scoring: "minmax", column: "sales" };
const complaints: Indicator = { name: "complaints", weight: 0.4, direction: "lower", scoring: "minmax", column: "complaints" };

/** Seven customers; sales run 0..100 (points = sales), complaints 0..5 (points = (5 - c) / 5 × 100). */
function sevenCustomers(): GradeInput {
  return {
    ids: ["c1", "c2", "c3", "c4", "c5", "c6", "c7"],
    indicatorValues: [Float64Array.of(100, 80, 60, 40, 20, 0, 50), Float64Array.of(0, 2, 1, 4, 3, 5, 2)],
    weightTable: { dimensions: [], indicators: [sales, complaints] },
    scheme: { kind: "shares", shares: [0.2, 0.3, 0.5] },
    labels: ["A", "B", "C"],
    missing: "exclude",
  };
}

describe("grade", () => {
  it("grades 7 customers 20/30/50 with a lower-is-better indicator", () => {
    const input = sevenCustomers();
    input.value = input.indicatorValues[0];
    const result = grade(input);
    // c2: 0.6 × 80 + 0.4 × 60 = 72; c7: 0.6 × 50 + 0.4 × 60 = 54 ...
    const expected = [100, 72, 68, 32, 28, 0, 54];
    expected.forEach((s, i) => expect(result.score[i]).toBeCloseTo(s, 12));
    expect(Array.from(result.rank)).toEqual([1, 2, 3, 5, 6, 7, 4]);
    // Cuts 1.4 and 3.5: rank 1 is A, ranks 2-3 B, the rest C.
    expect(Array.from(result.tier)).toEqual([0, 1, 1, 2, 2, 2, 2]);
    expect(result.labels).toEqual(["A", "B", "C"]);
    expect(result.weights).toEqual([0.6, 0.4]);
    // Value pyramid by sales: A 100, B 80 + 60, C 40 + 20 + 0 + 50 of 350.
    expect(result.pyramid.map((r) => [r.tier, r.customers, r.value])).toEqual([
      ["A", 1, 100],
      ["B", 2, 140],
      ["C", 4, 110],
    ]);
    expect(result.pyramid[0].valueShare).toBeCloseTo(100 / 350, 15);
    expect(result.excluded).toEqual([]);
    expect(result.warnings).toEqual([]);
  });

  it("builds the pyramid on the score when no value column is given", () => {
    const result = grade(sevenCustomers());
    expect(result.pyramid[0].value).toBeCloseTo(100, 12);
    expect(result.pyramid[1].value).toBeCloseTo(140, 12);
  });

  describe("missing values", () => {
    const input = (missing: GradeInput["missing"]): GradeInput => ({
      ids: ["a", "b", "c"],
      indicatorValues: [Float64Array.of(10, 20, 30), Float64Array.of(1, NaN, 3)],
      weightTable: {
        dimensions: [],
        indicators: [
          { ...sales, weight: 0.75 },
          { ...complaints, weight: 0.25 },
        ],
      },
      scheme: { kind: "cutoffs", cutoffs: [50] },
      labels: ["A", "B"],
      missing,
    });

    it("exclude: leaves the customer out, lists the blank indicator and warns", () => {
      const result = grade(input("exclude"));
      // a: 0.75 × 0 + 0.25 × 100 = 25; c: 0.75 × 100 + 0 = 75. Sales statistics still include b's 20.
      expect(result.score[0]).toBe(25);
      expect(result.score[1]).toBeNaN();
      expect(result.score[2]).toBe(75);
      expect(result.points[0][1]).toBeNaN();
      expect(Array.from(result.rank)).toEqual([2, 0, 1]);
      expect(Array.from(result.tier)).toEqual([1, -1, 0]);
      expect(result.excluded).toEqual([{ index: 1, id: "b", indicators: ["complaints"] }]);
      expect(result.warnings).toEqual([{ code: "customers-excluded", subject: ["b"] }]);
      expect(result.pyramid.map((r) => r.customers)).toEqual([1, 1]);
    });

    it("zero: scores the blank as 0 points and warns", () => {
      const result = grade(input("zero"));
      // b: 0.75 × 50 + 0.25 × 0 = 37.5.
      expect(Array.from(result.score)).toEqual([25, 37.5, 75]);
      expect(result.points[1][1]).toBe(0);
      expect(Array.from(result.rank)).toEqual([3, 2, 1]);
      expect(result.excluded).toEqual([]);
      expect(result.warnings).toEqual([{ code: "missing-scored-zero", subject: ["complaints"] }]);
    });
  });

  it("gives every customer 100 points on an all-equal column and warns no-spread", () => {
    const result = grade({
      ids: ["a", "b"],
      indicatorValues: [Float64Array.of(5, 5), Float64Array.of(0, 5)],
      weightTable: { dimensions: [], indicators: [sales, complaints] },
      scheme: { kind: "cutoffs", cutoffs: [70] },
      labels: ["A", "B"],
      missing: "exclude",
    });
    expect(Array.from(result.points[0])).toEqual([100, 100]);
    // a: 60 + 0.4 × 100 = 100; b: 60 + 0 = 60.
    expect(result.score[0]).toBeCloseTo(100, 12);
    expect(result.score[1]).toBeCloseTo(60, 12);
    expect(result.warnings).toEqual([{ code: "no-spread", subject: ["sales"] }]);
  });

  it("grades a single customer: 100 points everywhere, rank 1", () => {
    const one: GradeInput = {
      ...sevenCustomers(),
      ids: ["only"],
      indicatorValues: [Float64Array.of(7), Float64Array.of(3)],
    };
    const byShares = grade(one);
    expect(byShares.score[0]).toBeCloseTo(100, 12);
    expect(Array.from(byShares.rank)).toEqual([1]);
    // As the Excel formula: 1 > 0.2 × 1 and 1 > 0.5 × 1, so C.
    expect(Array.from(byShares.tier)).toEqual([2]);
    const byCutoffs = grade({ ...one, scheme: { kind: "cutoffs", cutoffs: [85, 70, 50] }, labels: ["A", "B", "C", "D"] });
    expect(Array.from(byCutoffs.tier)).toEqual([0]);
  });

  it("classifies by pareto on the value column and excludes a blank value", () => {
    const result = grade({
      ...sevenCustomers(),
      scheme: { kind: "pareto", cutoffs: [0.8, 0.95] },
      value: Float64Array.of(900, 40, 30, 20, 10, NaN, 0),
    });
    // Of 1000: above 40 lies 90 % → B, above 20 lies 97 % → C.
    expect(Array.from(result.tier)).toEqual([0, 1, 1, 2, 2, -1, 2]);
    expect(result.excluded).toEqual([{ index: 5, id: "c6", indicators: [], blankValue: true }]);
    expect(result.rank[5]).toBe(0);
    expect(result.pyramid.map((r) => r.value)).toEqual([900, 70, 30]);
  });

  it("tiers by rules with the rule labels then otherwise", () => {
    const result = grade({
      ...sevenCustomers(),
      scheme: {
        kind: "rules",
        rules: [{ label: "VIP", conditions: [{ column: "spend", op: ">", value: 100000 }] }],
        otherwise: "普通",
      },
      labels: [],
      columns: { spend: Float64Array.of(200000, 0, 0, 0, 0, 0, 150000) },
    });
    expect(result.labels).toEqual(["VIP", "普通"]);
    expect(Array.from(result.tier)).toEqual([0, 1, 1, 1, 1, 1, 0]);
  });

  it("uses the same bits as the per-cell path, percentile included", () => {
    const input: GradeInput = {
      ids: ["a", "b", "c", "d", "e"],
      indicatorValues: [Float64Array.of(0.1, 0.7, 1 / 3, 0.7, 2.9), Float64Array.of(13, 7, 0.3, 99, 41)],
      weightTable: {
        dimensions: [],
        indicators: [
          { ...sales, weight: 0.3 },
          { ...complaints, weight: 0.7, scoring: "percentile" },
        ],
      },
      scheme: { kind: "shares", shares: [0.2, 0.3, 0.5] },
      labels: ["A", "B", "C"],
      missing: "exclude",
    };
    const result = grade(input);
    const indicators = input.weightTable.indicators;
    const stats = input.indicatorValues.map((column) => columnStats(column));
    for (let i = 0; i < 5; i++) {
      const points = indicators.map((ind, j) => pointsOf(input.indicatorValues[j][i], stats[j], ind.scoring, ind.direction));
      expect(Object.is(scoreOf(points, result.weights), result.score[i])).toBe(true);
    }
  });

  it("rejects inconsistent input", () => {
    const base = sevenCustomers();
    expect(() => grade({ ...base, labels: ["A", "B"] })).toThrow(/3 labels/);
    expect(() => grade({ ...base, ids: ["c1"] })).toThrow(/7 values for 1 customers/);
    expect(() => grade({ ...base, indicatorValues: [base.indicatorValues[0]] })).toThrow(/1 value columns for 2/);
    expect(() => grade({ ...base, value: Float64Array.of(1) })).toThrow(/value column/);
    expect(() => grade({ ...base, scheme: { kind: "pareto", cutoffs: [0.8] }, labels: ["A", "B"] })).toThrow(/value column/);
    expect(() => grade({ ...base, scheme: { kind: "cutoffs", cutoffs: [85, 70, 50] } })).toThrow(/need 4 labels/);
    expect(() => grade({ ...base, missing: "ignore" as GradeInput["missing"] })).toThrow(/policy/);
  });
});
