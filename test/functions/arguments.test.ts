// How Excel's arguments become numbers: the rules every TIERS.* function shares.
import fc from "fast-check";
import { columnStats, rankOf } from "../../src/engine";
import {
  ArgumentError,
  countAbove,
  directionsOf,
  labelsOf,
  numbersOf,
  paretoSumsOf,
  paretoCutoffsOf,
  sharesOf,
  tableOf,
  tableStatsOf,
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

describe("the one-pass readers the per-cell functions use", () => {
  const cell = fc.oneof(
    { weight: 6, arbitrary: fc.double({ min: -1e6, max: 1e6, noNaN: true }) },
    { weight: 1, arbitrary: fc.constantFrom(null, "", "  ") },
    { weight: 1, arbitrary: fc.integer({ min: -500, max: 500 }).map((k) => String(k)) },
  );

  test("countAbove counts what numbersOf lists and what rankOf ranks above", () => {
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 40 }), fc.double({ min: -1e6, max: 1e6, noNaN: true }), (rows, x) => {
        const width = rows[0].length;
        const grid = rows.map((r) => Array.from({ length: width }, (_, c) => r[c % r.length]));
        const list = numbersOf(grid, "scores");
        const { count, greater } = countAbove(grid, "scores", x);
        expect(count).toBe(list.length);
        expect(1 + greater).toBe(rankOf(x, list));
      }),
    );
    expect(countAbove([[90], [null], ["80"], [70]], "scores", 80)).toEqual({ count: 3, greater: 1 });
    expect(refusal(() => countAbove([[1], ["many"]], "scores", 0)).text["en-US"]).toBe('scores: cell 2 holds "many", not a number');
  });

  test("paretoSumsOf adds up what numbersOf lists, in the same pass that checks the cells", () => {
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 30 }), fc.integer({ min: -5, max: 5 }), (grid, x) => {
        const list = Array.from(numbersOf(grid, "values"));
        expect(paretoSumsOf(grid, "values", x)).toEqual({
          n: list.length,
          total: list.reduce((a, v) => a + v, 0),
          above: list.filter((v) => v > x).reduce((a, v) => a + v, 0),
          magnitude: list.reduce((a, v) => a + Math.abs(v), 0),
        });
      }),
    );
    expect(refusal(() => paretoSumsOf([[1], ["lots"]], "values", 0)).text["en-US"]).toBe('values: cell 2 holds "lots", not a number');
  });

  test("tableStatsOf gives exactly columnStats of tableOf's columns, either layout", () => {
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 3, maxLength: 3 }), { minLength: 1, maxLength: 30 }), (rows) => {
        const byRows = tableOf(rows, "data", 3, "rows");
        tableStatsOf(rows, "data", 3, "rows").forEach((stats, j) => {
          const { n, min, max } = columnStats(byRows[j]);
          expect({ n: stats.n, min: stats.min, max: stats.max }).toEqual({ n, min, max });
          expect(Array.from(stats.values ?? [])).toEqual(Array.from(byRows[j]));
        });
        const transposed = [0, 1, 2].map((j) => rows.map((r) => r[j]));
        const byColumns = tableStatsOf(transposed, "data", 3, "columns");
        byColumns.forEach((stats, j) => expect(Array.from(stats.values ?? [])).toEqual(Array.from(byRows[j])));
        // Without the columns kept: the same three numbers, and no values.
        expect(tableStatsOf(rows, "data", 3, "rows", false)).toEqual(tableStatsOf(rows, "data", 3, "rows").map(({ n, min, max }) => ({ n, min, max })));
        expect(tableStatsOf(transposed, "data", 3, "columns", false)).toEqual(tableStatsOf(rows, "data", 3, "rows", false));
      }),
    );
    expect(tableStatsOf([[1, 10], [null, 30]], "data", 2, "rows")[0]).toEqual({ n: 1, min: 1, max: 1, values: Float64Array.from([1, NaN]) });
    expect(refusal(() => tableStatsOf([[1, 2], [3, Infinity]], "data", 2, "rows")).text["en-US"]).toMatch(/^data: cell 4 holds/);
  });
});
