// How Excel's arguments become numbers: the rules every TIERS.* function shares.
import {
  ArgumentError,
  directionsOf,
  labelsOf,
  numbersOf,
  paretoCutoffsOf,
  sharesOf,
  tableOf,
  vectorOf,
} from "../../src/functions/arguments";

function refusal(call: () => unknown): ArgumentError {
  try {
    call();
  } catch (error) {
    if (error instanceof ArgumentError) return error;
    throw error;
  }
  throw new Error("the call did not fail");
}

test("numbers typed as text count as the task pane counts them: 1,200 and 12% and ¥3,000", () => {
  expect(Array.from(numbersOf([["1,200"], ["12%"], ["¥3,000"], [5]], "scores"))).toEqual([1200, 0.12, 3000, 5]);
});

test("blank cells (null, undefined, empty or spaces) are skipped in a list", () => {
  expect(Array.from(numbersOf([[1, null, undefined, "", "  ", 2]], "scores"))).toEqual([1, 2]);
});

test("a boolean or an error value stops the call, naming argument and cell in both languages", () => {
  const error = refusal(() => numbersOf([[1], [true]], "scores"));
  expect(error.text["en-US"]).toBe('scores: cell 2 holds "true", not a number');
  expect(error.text["zh-CN"]).toBe('scores：第 2 个单元格是"true"，不是数字');
  expect(refusal(() => numbersOf([[{ code: "#N/A" }]], "values")).text["en-US"]).toBe("values: cell 1 holds an error value, not a number");
});

test("a vector keeps blanks as NaN in place and says whether it is a row or a column", () => {
  const { values, orientation } = vectorOf([[3], [null], [5]], "values");
  expect(Array.from(values)).toEqual([3, NaN, 5]);
  expect(orientation).toBe("column");
  expect(refusal(() => vectorOf([[1, 2], [3, 4]], "values")).text["en-US"]).toBe("values: give one row or one column, not 2×2 cells");
});

test("a table is read one column per indicator from customers in rows or in columns", () => {
  const byRows = tableOf([[1, 10], [2, 20], [3, 30]], "data", 2, "rows").map((c) => Array.from(c));
  const byColumns = tableOf([[1, 2, 3], [10, 20, 30]], "data", 2, "columns").map((c) => Array.from(c));
  expect(byRows).toEqual([[1, 2, 3], [10, 20, 30]]);
  expect(byColumns).toEqual(byRows);
  expect(refusal(() => tableOf([[1, 2, 3]], "data", 2, "rows")).text["en-US"]).toBe(
    "data: 3 columns for 2 indicators; give one column per indicator",
  );
});

test("directions: words in both languages and ±1, one cell for all, blanks are higher", () => {
  expect(directionsOf([["正向", "负向", -1, 1, null]], "directions", 5)).toEqual(["higher", "lower", "lower", "higher", "higher"]);
  expect(directionsOf("lower", "directions", 2)).toEqual(["lower", "lower"]);
  expect(refusal(() => directionsOf([["up", "down"]], "directions", 2)).text["en-US"]).toMatch(/^directions: cell 1 says "up"/);
});

test("shares as fractions, percentages or percent cells are the same fractions", () => {
  expect(sharesOf([[20, 30, 50]], "shares")).toEqual([0.2, 0.3, 0.5]);
  expect(sharesOf([["20%", "30%", "50%"]], "shares")).toEqual([0.2, 0.3, 0.5]);
  expect(sharesOf([[0.1, 0.2, 0.7]], "shares")).toEqual([0.1, 0.2, 0.7]);
  expect(refusal(() => sharesOf([[0.2, 0, 0.8]], "shares")).text["en-US"]).toBe("shares: value 2 is 0; it must be greater than 0");
});

test("Pareto cut-offs: 80, 95 are 0.8, 0.95; descending cut-offs are refused", () => {
  expect(paretoCutoffsOf([[80, 95]], "cutoffs")).toEqual([0.8, 0.95]);
  expect(refusal(() => paretoCutoffsOf([[0.95, 0.8]], "cutoffs")).text["en-US"]).toBe("cutoffs: cut-offs must be ascending (80, 95)");
});

test("labels: A, B, C, D by default; the user's words otherwise, blanks skipped", () => {
  expect(labelsOf(null, "labels", 4)).toEqual(["A", "B", "C", "D"]);
  expect(labelsOf([["VIP"], [null], ["高净值"], ["普通"]], "labels", 3)).toEqual(["VIP", "高净值", "普通"]);
});
