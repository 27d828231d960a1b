// TIERS.EXPLAIN's per-customer form (its `customer` argument): one customer's contributions, weight ×
// points per indicator, which add up to TIERS.CUSTOMERSCORE's value for that customer bit for bit,
// and the points to the next tier up. Small tables to check by hand, a larger irregular one for the
// bits, and the errors Excel shows.
import "./customFunctionsGlobal";
import { customerScore, explainTiers, gradeCustomers } from "../../src/functions/functions";

const row = (xs: unknown[]) => [xs] as never;
const NAMES = row(["Sales", "Visits"]);

// Sales 0..100 weighted 0.6, Visits 0..10 weighted 0.4; scores 40, 32, 60, 100, 0 of 5 customers;
// shares 20/30/50: A = rank 1 (100), B = rank 2 (60), C = the rest.
const DATA = [
  [0, 10],
  [20, 5],
  [100, 0],
  [100, 10],
  [0, 0],
];

/** EXPLAIN with GRADE's default arguments, the names, and `customer`. */
function explainOne(customer: unknown, data: unknown[][] = DATA): any[][] {
  return explainTiers(data, row([0.6, 0.4]), undefined, undefined, undefined, undefined, NAMES, customer);
}

/** The error a function threw, as Excel would show it. */
function thrown(body: () => unknown): { code: string; message: string } {
  try {
    body();
  } catch (error) {
    return error as { code: string; message: string };
  }
  throw new Error("no error thrown");
}

/** Adds numbers in order from 0, as Excel's score is defined (and as scoreOf adds). */
function sumInOrder(values: number[]): number {
  let sum = 0;
  for (const v of values) sum += v;
  return sum;
}

describe("TIERS.EXPLAIN(..., customer)", () => {
  test("spills each indicator's weight × points and the points below the next tier, checkable by hand", () => {
    // Customer 2: sales 20 of 0..100 = 20 points × 0.6 = 12; visits 5 of 0..10 = 50 points × 0.4 = 20;
    // score 32 (C); B's lowest score is 60: 28 points below B.
    const two = explainOne(2);
    expect(two.map((r) => r[0])).toEqual(["Sales", "Visits", "points below B"]);
    expect(two[0][1]).toBeCloseTo(12, 12);
    expect(two[1][1]).toBeCloseTo(20, 12);
    expect(two[2][1]).toBeCloseTo(28, 12);
    // Customer 3: sales 100 = 100 points × 0.6 = 60, visits 0 = 0; score 60 (B); A's lowest is 100: 40.
    const three = explainOne(3);
    expect(three.map((r) => r[1])).toEqual([60, 0, 40]);
    expect(three[2][0]).toBe("points below A");
  });

  test("FUNCTIONS.md's example table (docs/EXCEL-CHECK.md §5): C-01's contributions 0 + 15 + 20 = 35, 15 points below B", () => {
    const table = [
      [100, 10, 0],
      [300, 5, 2],
      [500, 20, 4],
      [200, 15, 1],
      [400, 0, 3],
    ];
    const args = [table, row([0.5, 0.3, 0.2]), row(["higher", "higher", "lower"]), undefined, undefined, undefined, row(["Sales", "Growth", "Complaints"])] as const;
    // Sales (100−100)/400 = 0 points × 0.5; growth 10/20 = 50 × 0.3 = 15; complaints (4−0)/4 = 100 × 0.2 = 20.
    // Scores 35, 42.5, 80, 50, 42.5: A = 80, B = 50 (rank 2), so C-01 is 15 below B.
    const one = explainTiers(...args, 1);
    expect(one.map((r) => r[0])).toEqual(["Sales", "Growth", "Complaints", "points below B"]);
    expect(one[0][1]).toBe(0);
    expect(one[1][1]).toBeCloseTo(15, 12);
    expect(one[2][1]).toBeCloseTo(20, 12);
    expect(one[3][1]).toBeCloseTo(15, 12);
    expect(String(explainTiers(...args)[0][0])).toMatch(/^C: 15\.0 points below B; /);
  });

  test("at the top tier the gap row says so, with #N/A for the number (there is no tier above)", () => {
    const four = explainOne(4);
    expect(four.slice(0, 2)).toEqual([
      ["Sales", 60],
      ["Visits", 40],
    ]);
    expect(four[2][0]).toBe("A: the top tier");
    expect(four[2][1]).toMatchObject({ code: "#N/A", message: "A is the top tier; there is no tier above" });
  });

  test("the same rows as GRADE's: the contributions add up to GRADE's score of that customer", () => {
    const graded = gradeCustomers(DATA, row([0.6, 0.4]));
    for (let c = 1; c <= DATA.length; c++) {
      const rows = explainOne(c);
      expect(sumInOrder([rows[0][1], rows[1][1]])).toBe(graded[c - 1][0]);
    }
  });

  test("on an irregular table the contributions add up to TIERS.CUSTOMERSCORE's value bit for bit, for every customer and both scorings", () => {
    // Added in reverse order, the same contributions give other bits for 25 of these 80 scores, so
    // the order (the weights' order) is what this checks, not only the values.
    // 40 customers, 4 indicators with fractional values, weights that do not add up to 1, two lower-is-better.
    const data: number[][] = [];
    for (let i = 0; i < 40; i++) data.push([((i * 7919) % 1013) / 7.3, ((i * 104729) % 97) * 1.37, (i * i) % 23, 1000 / (i + 3)]);
    const weights = row([3, 1.7, 2.2, 0.9]);
    const directions = row(["higher", "lower", "higher", "lower"]);
    const names = row(["Sales", "Overdue days", "Orders", "Complaints"]);
    for (const scoring of ["minmax", "percentile"]) {
      let exact = 0;
      for (let c = 1; c <= data.length; c++) {
        const rows = explainTiers(data, weights, directions, undefined, undefined, scoring, names, c);
        expect(rows.map((r) => r[0]).slice(0, 4)).toEqual(["Sales", "Overdue days", "Orders", "Complaints"]);
        const score = customerScore(row(data[c - 1]), weights, data, directions, scoring);
        expect(sumInOrder(rows.slice(0, 4).map((r) => r[1]))).toBe(score);
        exact++;
      }
      expect(exact).toBe(40);
    }
  });

  test("a customer with a blank value gets #N/A in every number cell", () => {
    const out = explainTiers([[1, 2], [null, 3], [3, 4]], row([1, 1]), undefined, undefined, undefined, undefined, undefined, 2);
    expect(out.map((r) => r[0])).toEqual(["indicator 1", "indicator 2", expect.objectContaining({ code: "#N/A" })]);
    for (const r of out) expect(r[1]).toMatchObject({ code: "#N/A", message: "customer 2 has a blank value and no score" });
  });

  test("a customer that is not a position in data is #VALUE! naming the argument and the range", () => {
    for (const bad of [0, 6, 2.5, -1, "second"]) {
      const error = thrown(() => explainOne(bad));
      expect(error.code).toBe("#VALUE!");
      expect(error.message).toMatch(/^customer: /);
    }
    expect(thrown(() => explainOne(6)).message).toBe("customer: give the customer's position in data, a whole number from 1 to 5");
    // A range of several cells is not one customer.
    expect(thrown(() => explainOne([[1, 2]])).code).toBe("#VALUE!");
  });

  test("without customer (omitted or a blank cell) EXPLAIN keeps its sentences", () => {
    expect(explainOne(undefined)[1]).toEqual(["C: 28.0 points below B; Sales +234 % would close it"]);
    expect(explainOne([[null]])[1]).toEqual(["C: 28.0 points below B; Sales +234 % would close it"]);
  });

  test("in Office's Chinese display language the words are Chinese", () => {
    const global = globalThis as unknown as { Office?: unknown };
    global.Office = { context: { displayLanguage: "zh-CN" } };
    try {
      expect(explainOne(2)[2][0]).toBe("距 B 还差");
      expect(explainOne(4)[2][0]).toBe("A：已是最高一级");
      expect(explainOne(4)[2][1]).toMatchObject({ code: "#N/A", message: "A 已是最高一级，没有更高的级别" });
      expect(thrown(() => explainOne(9)).message).toBe("customer：请给出客户在 data 中的位置，即 1 到 5 之间的整数");
    } finally {
      delete global.Office;
    }
  });
});
