// TIERS.PCAWEIGHTS and TIERS.EXPLAIN on small tables a reader can check by hand.
import "./customFunctionsGlobal";
import { explainTiers, pcaIndicatorWeights } from "../../src/functions/functions";

const row = (xs: unknown[]) => [xs] as never;

describe("TIERS.PCAWEIGHTS", () => {
  test("two indicators correlated at r = 0.8 share the weight evenly; a constant one gets 0", () => {
    // x = 1..4, y = 1, 3, 2, 4: r = 0.8, eigenvalues 1.8 and 0.2, one component e = (1, 1)/√2
    const w = pcaIndicatorWeights([
      [1, 1, 7],
      [2, 3, 7],
      [3, 2, 7],
      [4, 4, 7],
    ])[0];
    expect(w[0]).toBeCloseTo(0.5, 14);
    expect(w[1]).toBeCloseTo(0.5, 14);
    expect(w[2]).toBe(0);
  });
  test("leaves out rows with a blank, checks directions, refuses a bad cell", () => {
    const w = pcaIndicatorWeights(
      [
        [1, 1],
        [2, 3],
        [5, null],
        [3, 2],
        [4, 4],
      ],
      row(["higher", "lower"]),
    )[0];
    expect(w[0]).toBeCloseTo(0.5, 14);
    expect(() => pcaIndicatorWeights([[1, 2], [3, 4]], row(["up", "down"]))).toThrow("directions");
    expect(() => pcaIndicatorWeights([[1, "x"], [3, 4]])).toThrow("data");
  });
});

describe("TIERS.EXPLAIN", () => {
  test("spills one sentence per customer, with the indicator names given", () => {
    // Sales 0..100 (weight 0.6), visits 0..10 (weight 0.4); scores 40, 32, 60, 100, 0 of 5 customers;
    // shares 20/30/50: A = rank 1 (100), B = ranks 2..2.5 (60), C = the rest.
    const data = [
      [0, 10],
      [20, 5],
      [100, 0],
      [100, 10],
      [0, 0],
    ];
    const out = explainTiers(data, row([0.6, 0.4]), undefined, undefined, undefined, undefined, row(["Sales", "Visits"]));
    expect(out.map((r) => r[0])).toEqual([
      // 40 -> B's lowest is 60: gap 20; visits at 100 points already; sales 0 -> 33.3 points = 33.4 from 0
      "C: 20.0 points below B; Sales +33.4 would close it",
      // 32: gap 28; sales 20 + 46.67 = 66.67 points = 66.67 (+234 %), visits 50 + 70 > 100: sales
      "C: 28.0 points below B; Sales +234 % would close it",
      // 60: gap 40 to A (100): sales is at 100 points; visits 0 + 100 = 100 points = 10 from 0
      "B: 40.0 points below A; Visits +10 would close it",
      "A: the top tier",
      // 0: gap 60: sales 0 + 100 points = 100 from 0 (relative change from 0 ranks last, equal), visits 150 > 100
      "C: 60.0 points below B; Sales +100 would close it",
    ]);
  });
  test("names a customer with a blank as #N/A and checks the names", () => {
    const out = explainTiers([[1, 2], [null, 3], [3, 4]], row([1, 1]));
    expect((out[1][0] as { code: string }).code).toBe("#N/A");
    expect(() => explainTiers([[1, 2], [3, 4]], row([1, 1]), undefined, undefined, undefined, undefined, row(["only one"]))).toThrow("names");
  });
});
