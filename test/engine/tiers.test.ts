import { rankEq } from "../../src/engine/rank";
import {
  checkParetoCutoffs,
  checkScoreCutoffs,
  checkShares,
  cumulativeShares,
  paretoTierOf,
  paretoTiers,
  shareTier,
  tiersByCutoffs,
  tiersByRules,
  tiersByShares,
} from "../../src/engine/tiers";
import type { TierRule } from "../../src/engine/types";

const list = (a: Int32Array) => Array.from(a);

describe("shares", () => {
  it("splits 7 customers 20/30/50 at the cuts 1.4 and 3.5: A 1, B 2, C 4", () => {
    const ranks = Int32Array.of(1, 2, 3, 4, 5, 6, 7);
    expect(list(tiersByShares(ranks, [0.2, 0.3, 0.5]))).toEqual([0, 1, 1, 2, 2, 2, 2]);
    expect(shareTier(1, 7, [0.2, 0.3, 0.5])).toBe(0);
    expect(shareTier(2, 7, [0.2, 0.3, 0.5])).toBe(1);
    expect(shareTier(3, 7, [0.2, 0.3, 0.5])).toBe(1);
    expect(shareTier(4, 7, [0.2, 0.3, 0.5])).toBe(2);
  });

  it("keeps customers tied exactly at the 20 % boundary together in A", () => {
    // 10 customers: the A cut is rank 2. The two 90s both rank 2, so both are A (3 A of 10).
    const scores = [100, 90, 90, 80, 70, 60, 50, 40, 30, 20];
    const tiers = tiersByShares(rankEq(scores), [0.2, 0.3, 0.5]);
    expect(list(tiers)).toEqual([0, 0, 0, 1, 1, 2, 2, 2, 2, 2]);
  });

  it("keeps customers tied just past the boundary together outside A", () => {
    // Ranks 1, 2, 3, 3: the two 80s rank 3 > 2, so both are B.
    const scores = [100, 90, 80, 80, 70, 60, 50, 40, 30, 20];
    expect(list(tiersByShares(rankEq(scores), [0.2, 0.3, 0.5])).slice(0, 5)).toEqual([0, 0, 1, 1, 1]);
  });

  it("counts only graded customers in n and gives rank 0 tier -1", () => {
    // n = 5 (rank 0 does not count): A cut 1, B cut 2.5.
    expect(list(tiersByShares(Int32Array.of(1, 2, 0, 3, 4, 5), [0.2, 0.3, 0.5]))).toEqual([0, 1, -1, 2, 2, 2]);
    expect(shareTier(0, 5, [0.2, 0.3, 0.5])).toBe(-1);
  });

  it("puts a single customer where the Excel formula does: past every cut below 1", () => {
    // n = 1: cuts 0.2 and 0.5, rank 1 exceeds both, so =IF(RANK.EQ<=0.2*COUNT,..) says C.
    expect(list(tiersByShares(Int32Array.of(1), [0.2, 0.3, 0.5]))).toEqual([2]);
    expect(list(tiersByShares(Int32Array.of(1), [0.5, 0.5]))).toEqual([1]);
    expect(list(tiersByShares(Int32Array.of(1), [1]))).toEqual([0]);
  });

  it("uses cumulative shares rounded to what an analyst types", () => {
    // 0.7 + 0.1 is 0.7999999999999999 in floating point; rank 8 of 10 must still be within 0.8 × 10.
    expect(cumulativeShares([0.7, 0.1, 0.2])).toEqual([0.7, 0.8, 1]);
    expect(shareTier(8, 10, [0.7, 0.1, 0.2])).toBe(1);
  });

  it("rejects shares that are not positive or do not add up to 1", () => {
    expect(() => checkShares([0.2, 0.3])).toThrow(/0.5/);
    expect(() => checkShares([0.5, 0, 0.5])).toThrow(/positive/);
    expect(() => checkShares([])).toThrow(RangeError);
    expect(() => tiersByShares(Int32Array.of(1), [1.2, -0.2])).toThrow(RangeError);
    expect(() => checkShares([0.2, 0.3, 0.5 + 5e-10])).not.toThrow();
  });
});

describe("pareto", () => {
  it("makes the customer holding 90 % of the value the only A", () => {
    // Total 1000. Above 40: 900 = 90 % < 95 % → B. Above 30: 940 → B. Above 20: 970 → C.
    const values = [900, 40, 30, 20, 10];
    expect(list(paretoTiers(values, [0.8, 0.95]))).toEqual([0, 1, 1, 2, 2]);
  });

  it("puts the customer that crosses 80 % in A", () => {
    // Above 30 the others hold 50 % < 80 %: A, though with it the total reaches 80 %.
    expect(list(paretoTiers([50, 30, 20], [0.8, 0.95]))).toEqual([0, 0, 1]);
  });

  it("lets equal values share a class", () => {
    expect(list(paretoTiers([40, 40, 20], [0.5]))).toEqual([0, 0, 1]);
  });

  it("gives blanks -1 and leaves them out of the total", () => {
    expect(list(paretoTiers([90, NaN, 10], [0.8]))).toEqual([0, -1, 1]);
    expect(list(paretoTiers([NaN, NaN], [0.8]))).toEqual([-1, -1]);
  });

  it("keeps negative values, which always land in the last class", () => {
    // Total 120. Above 50: 100/120 = 83 % → B. Above -10: 150/120 → C.
    expect(list(paretoTiers([100, 50, -10, -20], [0.8, 0.95]))).toEqual([0, 1, 2, 2]);
  });

  it("rejects a total of zero or less", () => {
    expect(() => paretoTiers([10, -10], [0.8])).toThrow(/positive total/);
    expect(() => paretoTierOf(1, [0, 0], [0.8])).toThrow(/positive total/);
  });

  it("agrees with the one-pass paretoTierOf, whatever the order", () => {
    const values = [0.1, 0.7, 0.3, 0.1, 1 / 3, 2.2, NaN, 0.05, 0.2, 0.8];
    const tiers = paretoTiers(values, [0.8, 0.95]);
    values.forEach((x, i) => expect(paretoTierOf(x, values, [0.8, 0.95])).toBe(tiers[i]));
    const reversed = [...values].reverse();
    expect(list(paretoTiers(reversed, [0.8, 0.95])).reverse()).toEqual(list(tiers));
  });

  it("rejects cut-offs outside (0, 1] or not ascending", () => {
    expect(() => checkParetoCutoffs([0.95, 0.8])).toThrow(/ascending/);
    expect(() => checkParetoCutoffs([80, 95])).toThrow(/fractions/);
    expect(() => checkParetoCutoffs([])).toThrow(RangeError);
  });
});

describe("cutoffs", () => {
  it("gives the first tier whose minimum the score reaches, else the last", () => {
    expect(list(tiersByCutoffs([90, 85, 84.99, 70, 60, 10, NaN], [85, 70, 50]))).toEqual([0, 0, 1, 1, 2, 3, -1]);
  });

  it("rejects cut-offs that are not strictly descending", () => {
    expect(() => checkScoreCutoffs([50, 70, 85])).toThrow(/descending/);
    expect(() => checkScoreCutoffs([85, 85])).toThrow(/descending/);
    expect(() => checkScoreCutoffs([NaN])).toThrow(RangeError);
  });
});

describe("rules", () => {
  const rules: TierRule[] = [
    { label: "VIP", conditions: [{ column: "spend", op: ">", value: 100000 }] },
    { label: "high-frequency", conditions: [{ column: "purchases", op: ">", value: 5 }] },
  ];
  const columns = {
    spend: Float64Array.of(200000, 5000, NaN, NaN, 150000),
    purchases: Float64Array.of(1, 8, 6, NaN, 10),
  };

  it("gives the first matching rule, else otherwise; a blank never matches", () => {
    expect(list(tiersByRules(5, columns, rules))).toEqual([0, 1, 1, 2, 0]);
  });

  it("requires every condition of a rule", () => {
    const both: TierRule[] = [
      {
        label: "big and frequent",
        conditions: [
          { column: "spend", op: ">=", value: 150000 },
          { column: "purchases", op: "<>", value: 1 },
        ],
      },
    ];
    expect(list(tiersByRules(5, columns, both))).toEqual([1, 1, 1, 1, 0]);
  });

  it("supports every comparison", () => {
    const x = { x: Float64Array.of(1, 2, 3) };
    const by = (op: TierRule["conditions"][number]["op"]) => list(tiersByRules(3, x, [{ label: "r", conditions: [{ column: "x", op, value: 2 }] }]));
    expect(by(">")).toEqual([1, 1, 0]);
    expect(by(">=")).toEqual([1, 0, 0]);
    expect(by("<")).toEqual([0, 1, 1]);
    expect(by("<=")).toEqual([0, 0, 1]);
    expect(by("=")).toEqual([1, 0, 1]);
    expect(by("<>")).toEqual([0, 1, 0]);
  });

  it("rejects a rule naming a missing column or a column of another length", () => {
    expect(() => tiersByRules(5, columns, [{ label: "x", conditions: [{ column: "profit", op: ">", value: 0 }] }])).toThrow(
      /"profit", which does not exist/,
    );
    expect(() => tiersByRules(4, columns, rules)).toThrow(/expected 4/);
  });
});
