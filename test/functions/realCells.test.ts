// The cells real Excel hands the functions, beyond the hand tables of functions.test.ts:
// - a whole-column reference (E:E): 1,048,576 cells, the header first, blanks after the data;
// - blank cells sent as 0 instead of null (office-js #4702: Excel desktop sends 0 for an empty cell
//   argument where Excel on the web sends null; #5262: 0 for the empty cells of a range), so every
//   function is run on both encodings and the difference docs/FUNCTIONS.md states is checked here.
import "./customFunctionsGlobal";
import {
  ahpConsistencyRatio,
  customerRank,
  customerScore,
  customerTier,
  entropyIndicatorWeights,
  gradeCustomers,
  paretoClass,
} from "../../src/functions/functions";

/** Excel's last row: a whole-column reference has this many cells. */
const EXCEL_ROWS = 1_048_576;

const column = (xs: unknown[]) => xs.map((x) => [x]);
const row = (xs: unknown[]) => [xs];

function excelErrorOf(call: () => unknown): { code: string; message: string } {
  try {
    call();
  } catch (error) {
    return error as { code: string; message: string };
  }
  throw new Error("the call did not fail");
}

// Five customers × sales, growth, complaints (lower is better), as in functions.test.ts.
const customers = [
  [100, 10, 0],
  [300, 5, 2],
  [500, 20, 4],
  [200, 15, 1],
  [400, 0, 3],
];
const weights = [0.5, 0.3, 0.2];
const directions = ["higher", "higher", "lower"];
const scores = [35, 42.5, 80, 50, 42.5];
const sales = customers.map((c) => c[0]);

describe("whole-column references (E:E): the header and a million blanks are skipped, as RANK.EQ, SUM and MIN skip them", () => {
  /** A column as E:E sends it: a header, the data from row 2, blanks down to row 1,048,576. */
  function wholeColumn(header: string, values: unknown[]): unknown[][] {
    const cells: unknown[][] = new Array(EXCEL_ROWS);
    cells[0] = [header];
    for (let r = 1; r < EXCEL_ROWS; r++) cells[r] = [r <= values.length ? values[r - 1] : null];
    return cells;
  }

  const scoreColumn = wholeColumn("Score", scores);
  const salesColumn = wholeColumn("Sales", sales);

  test("the column has Excel's 1,048,576 cells, the header first", () => {
    expect(scoreColumn).toHaveLength(EXCEL_ROWS);
    expect(scoreColumn[0]).toEqual(["Score"]);
    expect(scoreColumn[EXCEL_ROWS - 1]).toEqual([null]);
  });

  test("CUSTOMERRANK and CUSTOMERTIER on E:E equal them on E2:E6", () => {
    for (const s of scores) {
      expect(customerRank(s, scoreColumn)).toBe(customerRank(s, column(scores)));
      expect(customerTier(s, scoreColumn)).toBe(customerTier(s, column(scores)));
    }
    expect(scores.map((s) => customerRank(s, scoreColumn))).toEqual([5, 3, 1, 2, 3]);
  });

  test("PARETOCLASS on B:B equals it on B2:B6", () => {
    for (const v of sales) expect(paretoClass(v, salesColumn)).toBe(paretoClass(v, column(sales)));
  });

  test("CUSTOMERSCORE's data as B:D (header row, then blanks) equals B2:D6", () => {
    const data: unknown[][] = new Array(EXCEL_ROWS);
    data[0] = ["Sales", "Growth", "Complaints"];
    for (let r = 1; r < EXCEL_ROWS; r++) data[r] = r <= customers.length ? customers[r - 1] : [null, null, null];
    for (const c of [customers[0], customers[2]]) {
      for (const scoring of ["minmax", "percentile"]) {
        expect(customerScore(row(c), row(weights), data, row(directions), scoring)).toBe(
          customerScore(row(c), row(weights), customers, row(directions), scoring),
        );
      }
    }
  });
});

describe("blank cells sent as 0 (some Excel builds) and as null: what each function then gives", () => {
  // C-04's growth and the last score are left blank; `blank` is how the build sends an empty cell.
  const withBlank = (blank: null | 0) => ({
    data: customers.map((c, i) => (i === 3 ? [c[0], blank, c[2]] : c)),
    scores: [...scores.slice(0, 4), blank],
    sales: [...sales.slice(0, 4), blank],
  });
  const asNull = withBlank(null);
  const asZero = withBlank(0);

  test("CUSTOMERRANK: the same ranks for positive scores (a 0 ranks below them); a blank own score is #N/A as null, a rank as 0", () => {
    for (const s of scores.slice(0, 4)) expect(customerRank(s, column(asZero.scores))).toBe(customerRank(s, column(asNull.scores)));
    expect(excelErrorOf(() => customerRank(null, column(asNull.scores))).code).toBe("#N/A");
    expect(customerRank(0, column(asZero.scores))).toBe(5);
  });

  test("CUSTOMERTIER: a 0 counts as one more customer, so the shares' cut-offs move", () => {
    // Four scores (35, 42.5, 80, 50): A needs rank ≤ 0.2 × 4 = 0.8, so nobody is A and 80 is B. With the blank
    // sent as a fifth score, 0, A needs rank ≤ 1: 80 becomes A.
    const tiersNull = scores.slice(0, 4).map((s) => customerTier(s, column(asNull.scores)));
    const tiersZero = scores.slice(0, 4).map((s) => customerTier(s, column(asZero.scores)));
    expect(tiersNull).toEqual(["C", "C", "B", "B"]);
    expect(tiersZero).toEqual(["C", "C", "A", "B"]);
  });

  test("PARETOCLASS: the same classes (a 0 adds nothing to the sums)", () => {
    for (const v of sales.slice(0, 4)) expect(paretoClass(v, column(asZero.sales))).toBe(paretoClass(v, column(asNull.sales)));
  });

  test("CUSTOMERSCORE: a 0 is a value, so min-max and percentile points change; a blank own value is #N/A only as null", () => {
    const other = customers[0];
    expect(customerScore(row(other), row(weights), asNull.data, row(directions))).toBe(35);
    // Growth now runs from 0 with one more 0 (C-04's): C-01's growth points stay 10/20, but percentile counts change.
    expect(customerScore(row(other), row(weights), asZero.data, row(directions), "percentile")).not.toBe(
      customerScore(row(other), row(weights), asNull.data, row(directions), "percentile"),
    );
    expect(excelErrorOf(() => customerScore(row(asNull.data[3]), row(weights), asNull.data, row(directions))).code).toBe("#N/A");
    expect(typeof customerScore(row(asZero.data[3]), row(weights), asZero.data, row(directions))).toBe("number");
  });

  test("GRADE: a blank customer spills #N/A and is left out of the ranks as null; as 0 it is graded like a 0", () => {
    const nullRows = gradeCustomers(asNull.data, row(weights), row(directions));
    const zeroRows = gradeCustomers(asZero.data, row(weights), row(directions));
    expect((nullRows[3][0] as { code: string }).code).toBe("#N/A");
    expect(nullRows.filter((r) => typeof r[1] === "number").map((r) => r[1])).toEqual([4, 2, 1, 2]); // 35, 42.5, 80, 42.5
    expect(zeroRows.every((r) => typeof r[1] === "number")).toBe(true);
    expect(zeroRows.map((r) => r[1])).toHaveLength(5);
  });

  test("AHPCR/AHPWEIGHTS: a blank judgement is #VALUE! either way (blank, or a value ≤ 0)", () => {
    expect(excelErrorOf(() => ahpConsistencyRatio([[1, null], [1, 1]])).message).toBe("matrix: row 1, column 2 is blank");
    expect(excelErrorOf(() => ahpConsistencyRatio([[1, 0], [1, 1]])).code).toBe("#VALUE!");
  });

  test("directions, shares, labels: a blank is higher / skipped as null, #VALUE! as 0", () => {
    const score = (dirs: unknown[]) => customerScore(row(customers[0]), row(weights), customers, row(dirs));
    expect(score(["higher", null, "lower"])).toBe(score(directions));
    expect(excelErrorOf(() => score(["higher", 0, "lower"])).message).toMatch(/^directions: cell 2 says "0"/);
    expect(customerTier(80, column(scores), row([0.2, 0.3, 0.5, null]))).toBe("A");
    expect(excelErrorOf(() => customerTier(80, column(scores), row([0.2, 0.3, 0.5, 0]))).message).toBe("shares: value 4 is 0; it must be greater than 0");
    expect(customerTier(80, column(scores), undefined, row(["Key", "Mid", "Rest", null]))).toBe("Key");
    expect(excelErrorOf(() => customerTier(80, column(scores), undefined, row(["Key", "Mid", "Rest", 0]))).message).toBe("labels: 4 labels for 3 tiers");
  });

  test("ENTROPYWEIGHTS: a row with a blank is left out as null, kept with a 0 as 0", () => {
    const complete = asNull.data.filter((_, i) => i !== 3);
    expect(entropyIndicatorWeights(asNull.data, row(directions))).toEqual(entropyIndicatorWeights(complete, row(directions)));
    expect(entropyIndicatorWeights(asZero.data, row(directions))).not.toEqual(entropyIndicatorWeights(complete, row(directions)));
  });
});
