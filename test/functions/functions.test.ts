// Each TIERS.* function against the Excel formula an analyst would write for the same idea,
// implemented here independently of the engine, on small tables a reader can check by hand.
import "./customFunctionsGlobal";
import {
  ahpConsistencyRatio,
  ahpPriorityWeights,
  customerRank,
  customerScore,
  customerTier,
  entropyIndicatorWeights,
  gradeCustomers,
  paretoClass,
} from "../../src/functions/functions";

// ---- Excel's formulas, written out -------------------------------------------------------------

const COUNT = (xs: number[]) => xs.length;
const SUM = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
const MIN = (xs: number[]) => Math.min(...xs);
const MAX = (xs: number[]) => Math.max(...xs);
const COUNTIF_GT = (xs: number[], x: number) => xs.filter((v) => v > x).length;
const COUNTIF_LT = (xs: number[], x: number) => xs.filter((v) => v < x).length;
const SUMIF_GT = (xs: number[], x: number) => SUM(xs.filter((v) => v > x));

/** RANK.EQ(s, scores): 1 + how many scores are larger. */
const RANK_EQ = (s: number, scores: number[]) => 1 + COUNTIF_GT(scores, s);

/** IF(RANK.EQ(s,scores)<=0.2*COUNT(scores),"A",IF(RANK.EQ(s,scores)<=0.5*COUNT(scores),"B","C")) */
const TIER_FORMULA = (s: number, scores: number[]) =>
  RANK_EQ(s, scores) <= 0.2 * COUNT(scores) ? "A" : RANK_EQ(s, scores) <= 0.5 * COUNT(scores) ? "B" : "C";

/** IF(SUMIF(v,">"&x)/SUM(v)<0.8,"A",IF(SUMIF(v,">"&x)/SUM(v)<0.95,"B","C")) */
const PARETO_FORMULA = (x: number, v: number[]) =>
  SUMIF_GT(v, x) / SUM(v) < 0.8 ? "A" : SUMIF_GT(v, x) / SUM(v) < 0.95 ? "B" : "C";

/** Points as a sheet computes them: (x-MIN)/(MAX-MIN), or COUNTIF(col,"<"&x)/(COUNT(col)-1). */
function sheetPoints(x: number, column: number[], scoring: "minmax" | "percentile", lower: boolean): number {
  if (scoring === "minmax") {
    return lower ? ((MAX(column) - x) / (MAX(column) - MIN(column))) * 100 : ((x - MIN(column)) / (MAX(column) - MIN(column))) * 100;
  }
  const better = lower ? COUNTIF_GT(column, x) : COUNTIF_LT(column, x);
  return (better / (COUNT(column) - 1)) * 100;
}

/** SUMPRODUCT(weights/SUM(weights), points). */
function sheetScore(row: number[], data: number[][], weights: number[], scoring: "minmax" | "percentile", lower: boolean[]) {
  const total = SUM(weights);
  return SUM(row.map((x, j) => (weights[j] / total) * sheetPoints(x, data.map((r) => r[j]), scoring, lower[j])));
}

/** What a call threw, as Excel would show it: code and message. */
function excelErrorOf(call: () => unknown): { code: string; message: string } {
  try {
    call();
  } catch (error) {
    return error as { code: string; message: string };
  }
  throw new Error("the call did not fail");
}

const column = (xs: unknown[]) => xs.map((x) => [x]);
const row = (xs: unknown[]) => [xs];

// ---- Hand data -----------------------------------------------------------------------------------

// Five customers × sales (higher), growth % (higher), complaints (lower); weights 0.5, 0.3, 0.2.
// Min-max points: sales 0/50/100/25/75, growth 50/25/100/75/0, complaints 100/50/0/75/25, so the
// scores are 35, 42.5, 80, 50, 42.5 (c2 and c5 tie).
const customers = [
  [100, 10, 0],
  [300, 5, 2],
  [500, 20, 4],
  [200, 15, 1],
  [400, 0, 3],
];
const weights = [0.5, 0.3, 0.2];
const directions = ["higher", "higher", "lower"];

// Ten scores with ties on both boundaries: 20 % of 10 is rank 2 (80, 80 tie there), 50 % is rank 5 (three 60s).
const tenScores = [90, 80, 80, 70, 60, 60, 60, 50, 40, 30];

describe("CUSTOMERSCORE", () => {
  test("min-max scores of the five customers are 35, 42.5, 80, 50 and 42.5", () => {
    const scores = customers.map((c) => customerScore(row(c), row(weights), customers, row(directions)));
    expect(scores.map((s) => Math.round(s * 1e9) / 1e9)).toEqual([35, 42.5, 80, 50, 42.5]);
  });

  test("equals SUMPRODUCT of MIN/MAX points on a long-tailed column, both scoring rules", () => {
    const data = [
      [1200, 3, 7],
      [45000, 1, 2],
      [3100, 8, 0],
      [980000, 2, 5],
      [3100, 5, 1],
      [15000, 13, 9],
    ];
    const lower = [false, false, true];
    for (const scoring of ["minmax", "percentile"] as const) {
      for (const r of data) {
        const expected = sheetScore(r, data, [4, 3, 3], scoring, lower);
        expect(customerScore(row(r), row([4, 3, 3]), data, row(["higher", 1, -1]), scoring)).toBeCloseTo(expected, 10);
      }
    }
  });

  test("percentile points are (count below)/(n-1): 3100 has one value below among six, so 20 points", () => {
    const sales = [[1200], [45000], [3100], [980000], [3100], [15000]];
    expect(customerScore([[3100]], [[1]], sales, null as never, "percentile")).toBe(20);
    expect(customerScore([[980000]], [[1]], sales, null as never, "percentile")).toBe(100);
  });

  test("a customer given as a column reads the data with one column per customer", () => {
    const transposed = [0, 1, 2].map((j) => customers.map((c) => c[j]));
    expect(customerScore(column(customers[2]), column(weights), transposed, column(directions))).toBeCloseTo(80, 12);
  });

  test("blank cells in the data are skipped like MIN and MAX skip them", () => {
    const withBlank = customers.concat([[null, "", null] as never]);
    expect(customerScore(row(customers[1]), row(weights), withBlank, row(directions))).toBe(
      customerScore(row(customers[1]), row(weights), customers, row(directions)),
    );
  });

  test("a blank value of the customer is #N/A; text in the data is skipped as MIN skips it; an error cell is #VALUE! naming data", () => {
    expect(excelErrorOf(() => customerScore(row([100, null, 0]), row(weights), customers)).code).toBe("#N/A");
    const noted = customers.map((c) => c.slice()) as unknown[][];
    noted[3][1] = "n/a";
    const blanked = customers.map((c) => c.slice()) as unknown[][];
    blanked[3][1] = null;
    expect(customerScore(row(customers[0]), row(weights), noted)).toBe(customerScore(row(customers[0]), row(weights), blanked));
    const broken = customers.map((c) => c.slice()) as unknown[][];
    broken[3][1] = { type: "Error", basicValue: "#DIV/0!", errorType: "Div0" };
    const error = excelErrorOf(() => customerScore(row(customers[0]), row(weights), broken));
    expect(error.code).toBe("#VALUE!");
    expect(error.message).toBe("data: row 4, column 2 holds the error #DIV/0!; correct that cell, or leave it out of the range");
    expect(excelErrorOf(() => customerScore(row([100, "n/a", 0]), row(weights), customers)).message).toBe('values: cell 2 holds "n/a", not a number');
  });

  test("weights and values of different lengths are #VALUE! naming weights", () => {
    const error = excelErrorOf(() => customerScore(row(customers[0]), row([0.5, 0.5]), customers));
    expect(error).toMatchObject({ code: "#VALUE!", message: "weights: 2 weights for 3 indicators" });
  });
});

describe("CUSTOMERRANK", () => {
  test("equals RANK.EQ: ties share the best rank and the next rank is skipped", () => {
    const ranks = tenScores.map((s) => customerRank(s, column(tenScores)));
    expect(ranks).toEqual([1, 2, 2, 4, 5, 5, 5, 8, 9, 10]);
    expect(ranks).toEqual(tenScores.map((s) => RANK_EQ(s, tenScores)));
  });

  test("reads a row as it reads a column, and skips blanks", () => {
    expect(customerRank(60, row(tenScores))).toBe(5);
    expect(customerRank(60, column([90, null, 80, "", 80, 70, 60]))).toBe(5);
  });

  test("text and TRUE/FALSE among the scores are skipped, as RANK.EQ skips them; an error cell is named", () => {
    expect(customerRank(60, column([90, "ninety", true, 60]))).toBe(RANK_EQ(60, [90, 60]));
    const error = excelErrorOf(() => customerRank(60, column([90, { type: "Error", basicValue: "#N/A", errorType: "NotAvailable" }, 60])));
    expect(error).toMatchObject({ code: "#N/A", message: "scores: cell 2 holds the error #N/A; correct that cell, or leave it out of the range" });
    expect(excelErrorOf(() => customerRank("ninety", column([90, 60]))).message).toBe('score: the cell holds "ninety", not a number');
  });
});

describe("CUSTOMERTIER", () => {
  test("equals the RANK.EQ/COUNT formula; the tie at the 20 % boundary stays in A", () => {
    const tiers = tenScores.map((s) => customerTier(s, column(tenScores)));
    expect(tiers).toEqual(["A", "A", "A", "B", "B", "B", "B", "C", "C", "C"]);
    expect(tiers).toEqual(tenScores.map((s) => TIER_FORMULA(s, tenScores)));
  });

  test("seven customers with 20/30/50: the cuts are 1.4 and 3.5, so ranks 1 | 2-3 | 4-7", () => {
    const seven = [70, 60, 50, 40, 30, 20, 10];
    expect(seven.map((s) => customerTier(s, row(seven)))).toEqual(["A", "B", "B", "C", "C", "C", "C"]);
    expect(seven.map((s) => customerTier(s, row(seven)))).toEqual(seven.map((s) => TIER_FORMULA(s, seven)));
  });

  test("shares as percentages give the same tiers as fractions; labels are the user's", () => {
    const labels = row(["关键", "普通", "小"]);
    const asPercent = tenScores.map((s) => customerTier(s, column(tenScores), row([20, 30, 50]), labels));
    const asFraction = tenScores.map((s) => customerTier(s, column(tenScores), column([0.2, 0.3, 0.5]), labels));
    expect(asPercent).toEqual(asFraction);
    expect(asPercent.slice(0, 4)).toEqual(["关键", "关键", "关键", "普通"]);
  });

  test("four shares need four labels; shares that add up to 90 are #VALUE! naming shares", () => {
    expect(customerTier(90, column(tenScores), row([10, 20, 30, 40]))).toBe("A");
    expect(customerTier(30, column(tenScores), row([10, 20, 30, 40]))).toBe("D");
    const error = excelErrorOf(() => customerTier(90, column(tenScores), row([20, 30, 40])));
    expect(error.code).toBe("#VALUE!");
    expect(error.message).toMatch(/^shares: the shares add up to 90/);
    expect(excelErrorOf(() => customerTier(90, column(tenScores), null as never, row(["A", "B"]))).message).toBe(
      "labels: 2 labels for 3 tiers",
    );
  });
});

describe("PARETOCLASS", () => {
  // Sum 100. Above 20 are 50 (50 %): A. Above each 10 are 70 (70 %): A, both. Above 5 are 90: B.
  // Above 3 are 95: not < 95 %, so C.
  const values = [50, 20, 10, 10, 5, 3, 2];

  test("equals the SUMIF/SUM formula; the customer that crosses 80 % is A and ties share a class", () => {
    const classes = values.map((v) => paretoClass(v, column(values)));
    expect(classes).toEqual(["A", "A", "A", "A", "B", "C", "C"]);
    expect(classes).toEqual(values.map((v) => PARETO_FORMULA(v, values)));
  });

  test("one customer holding 90 % of the value is A and everyone else is B or C", () => {
    const skewed = [90, 4, 3, 2, 1];
    expect(skewed.map((v) => paretoClass(v, row(skewed)))).toEqual(["A", "B", "B", "C", "C"]);
    expect(skewed.map((v) => paretoClass(v, row(skewed)))).toEqual(skewed.map((v) => PARETO_FORMULA(v, skewed)));
  });

  test("cut-offs as percentages equal fractions; blanks and text are skipped as SUMIF skips them; an error cell is #VALUE! naming values", () => {
    expect(paretoClass(5, column(values), row([80, 95]))).toBe(paretoClass(5, column(values), row([0.8, 0.95])));
    expect(paretoClass(5, column([50, null, 20, 10, 10, "", 5, 3, 2]))).toBe("B");
    expect(paretoClass(5, column(["Revenue", 50, 20, 10, 10, "x", 5, 3, false, 2]))).toBe("B");
    expect(excelErrorOf(() => paretoClass(5, column([50, { code: "#REF!" }]))).message).toMatch(/^values: cell 2 holds the error #REF!/);
  });

  test("a total of 0 or less is #VALUE! naming values (the plain sums defer to the exact pass, which refuses)", () => {
    expect(excelErrorOf(() => paretoClass(1, column([-5, 2, 3]))).message).toBe("values: they add up to 0 or less; a share of the total needs a positive total");
    expect(excelErrorOf(() => paretoClass(1, column([-3, 1, 1]))).message).toMatch(/^values: they add up to 0 or less/);
  });
});

describe("GRADE", () => {
  test("spills score, rank and tier per customer, equal to the per-cell functions bit for bit", () => {
    const spilled = gradeCustomers(customers, row(weights), row(directions));
    const scores = customers.map((c) => customerScore(row(c), row(weights), customers, row(directions)));
    expect(spilled.map((r) => r[0])).toEqual(scores);
    expect(spilled.map((r) => r[1])).toEqual(scores.map((s) => customerRank(s, column(scores))));
    expect(spilled.map((r) => r[2])).toEqual(scores.map((s) => customerTier(s, column(scores))));
    // Cuts 0.2 × 5 = 1 and 0.5 × 5 = 2.5: 80 (rank 1) is A, 50 (rank 2) B, the 42.5 pair (rank 3) C.
    expect(spilled.map((r) => [r[1], r[2]])).toEqual([
      [5, "C"],
      [3, "C"],
      [1, "A"],
      [2, "B"],
      [3, "C"],
    ]);
  });

  test("percentile scoring and custom shares match the per-cell functions too", () => {
    const spilled = gradeCustomers(customers, column(weights), column(directions), row([40, 60]), row(["Key", "Other"]), "percentile");
    customers.forEach((c, i) => {
      const s = customerScore(row(c), column(weights), customers, column(directions), "percentile");
      expect(spilled[i][0]).toBe(s);
    });
    const scores = spilled.map((r) => r[0] as number);
    expect(spilled.map((r) => r[2])).toEqual(scores.map((s) => customerTier(s, row(scores), row([40, 60]), row(["Key", "Other"]))));
  });

  test("a customer with a blank value spills #N/A and counts for nobody's rank", () => {
    const data = [[10], [null], [30], [20]];
    const spilled = gradeCustomers(data, [[1]]);
    expect(spilled[1].map((e) => (e as { code: string }).code)).toEqual(["#N/A", "#N/A", "#N/A"]);
    expect([spilled[0][1], spilled[2][1], spilled[3][1]]).toEqual([3, 1, 2]);
  });
});

describe("AHPWEIGHTS and AHPCR", () => {
  // Saaty's classic three-criteria example: w ≈ (0.637, 0.258, 0.105), λmax ≈ 3.039, CR ≈ 0.033.
  const saaty = [
    [1, 3, 5],
    [1 / 3, 1, 3],
    [1 / 5, 1 / 3, 1],
  ];

  test("Saaty's example gives weights 0.637, 0.258, 0.105 as a column and CR 0.033", () => {
    const w = ahpPriorityWeights(saaty);
    expect(w.map((r) => r.length)).toEqual([1, 1, 1]);
    expect(w.map((r) => Math.round(r[0] * 1000) / 1000)).toEqual([0.637, 0.258, 0.105]);
    expect(ahpConsistencyRatio(saaty)).toBeCloseTo(0.033, 3);
  });

  test("a consistent matrix (a_ij = w_i / w_j) gives its weights back and CR 0", () => {
    const consistent = [
      [1, 4, 2],
      [1 / 4, 1, 1 / 2],
      [1 / 2, 2, 1],
    ];
    const w = ahpPriorityWeights(consistent).map((r) => r[0]);
    [4 / 7, 1 / 7, 2 / 7].forEach((expected, i) => expect(w[i]).toBeCloseTo(expected, 10));
    expect(ahpConsistencyRatio(consistent)).toBeCloseTo(0, 10);
  });

  test("a matrix that is not square, not positive or not reciprocal is #VALUE! naming matrix", () => {
    expect(excelErrorOf(() => ahpPriorityWeights([[1, 2, 3], [0.5, 1, 2]]))).toMatchObject({
      code: "#VALUE!",
      message: "matrix: the matrix must be square, not 2×3",
    });
    expect(excelErrorOf(() => ahpConsistencyRatio([[1, -2], [-0.5, 1]])).message).toMatch(/^matrix: /);
    expect(excelErrorOf(() => ahpPriorityWeights([[1, 3], [3, 1]])).message).toMatch(/^matrix: /);
  });
});

describe("ENTROPYWEIGHTS", () => {
  test("sum normalization by hand: H(1/4, 3/4) = 0.8113 bits, a constant column 0, a one-hot column 0", () => {
    // Columns [1, 3], [1, 1], [0, 2]: e = 0.811278, 1, 0 (0·ln 0 = 0); d = 0.188722, 0, 1.
    const w = entropyIndicatorWeights([[1, 1, 0], [3, 1, 2]], null as never, "sum")[0];
    const d = 1 - 0.8112781244591328;
    expect(w[0]).toBeCloseTo(d / (d + 1), 12);
    expect(w[1]).toBe(0);
    expect(w[2]).toBeCloseTo(1 / (d + 1), 12);
  });

  test("min-max normalization equals the formula written out, with a lower-is-better column", () => {
    const data = [
      [120, 3, 0],
      [80, 5, 2],
      [200, 1, 1],
      [150, 4, 6],
    ];
    const lower = [false, false, true];
    const m = data.length;
    const d = [0, 1, 2].map((j) => {
      const col = data.map((r) => r[j]);
      const x = col.map((v) => (lower[j] ? MAX(col) - v : v - MIN(col)) / (MAX(col) - MIN(col)));
      const p = x.map((v) => v / SUM(x));
      return 1 + SUM(p.map((v) => (v === 0 ? 0 : v * Math.log(v)))) / Math.log(m);
    });
    const w = entropyIndicatorWeights(data, row(["higher", "higher", "lower"]))[0];
    d.forEach((dj, j) => expect(w[j]).toBeCloseTo(dj / SUM(d), 12));
  });

  test("rows with a blank or text (a header) are left out; an error cell is #VALUE! naming data", () => {
    const data = [
      [1, 1, 0],
      [3, 1, 2],
    ];
    expect(entropyIndicatorWeights(data.concat([[null, 5, 5] as never]), null as never, "sum")).toEqual(
      entropyIndicatorWeights(data, null as never, "sum"),
    );
    expect(entropyIndicatorWeights([["Sales", "Growth", "Complaints"] as never, ...data], null as never, "sum")).toEqual(
      entropyIndicatorWeights(data, null as never, "sum"),
    );
    expect(excelErrorOf(() => entropyIndicatorWeights([[1, { type: "Error", basicValue: "#NUM!" }], [2, 3]])).message).toMatch(/^data: row 1, column 2 holds the error #NUM!/);
  });
});
