// How Excel's arguments become numbers: the rules every TIERS.* function shares.
import fc from "fast-check";
import { columnStats, rankOf } from "../../src/engine";
import {
  ArgumentError,
  basicValueOf,
  countAbove,
  directionsOf,
  errorValueOf,
  labelsOf,
  matrixOf,
  numberOf,
  numbersOf,
  scoringArgumentOf,
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

test("in a reference, words and TRUE/FALSE are skipped as RANK.EQ, SUM and MIN skip them; elsewhere they stop the call", () => {
  expect(Array.from(numbersOf([["Score"], [1], [true], [false], ["n/a"], [3]], "scores"))).toEqual([1, 3]);
  const error = refusal(() => numbersOf([[1], [true]], "shares", false));
  expect(error.text["en-US"]).toBe("shares: cell 2 holds TRUE, not a number");
  expect(error.text["zh-CN"]).toBe("shares：第 2 个单元格是 TRUE，不是数字");
  expect(refusal(() => vectorOf([[1, "ninety"]], "values")).text["en-US"]).toBe('values: cell 2 holds "ninety", not a number');
  expect(refusal(() => numberOf(false, "score")).text["en-US"]).toBe("score: the cell holds FALSE, not a number");
});

describe("error cells, in both shapes an error argument can take", () => {
  // The ErrorCellValue JSON of @types/office-js and a CustomFunctions.Error (its code).
  const div0 = { type: "Error", basicValue: "#DIV/0!", errorType: "Div0" };
  const na = { type: "Error", basicValue: "#N/A", errorType: "NotAvailable" };

  test("name the argument, the cell and the error, in both languages, in every reader", () => {
    // In a block, the cell is named by row and column of the range.
    expect(refusal(() => tableStatsOf([[1, 2, 3], [4, 5, div0]], "data", 3, "rows", false)).text).toEqual({
      "en-US": "data: row 2, column 3 holds the error #DIV/0!; correct that cell, or leave it out of the range",
      "zh-CN": "data：第 2 行第 3 列是错误值 #DIV/0!；请更正该单元格，或把它移出区域",
    });
    const error = refusal(() => numbersOf([[1], [2], [div0]], "scores"));
    expect(error.text["en-US"]).toBe("scores: cell 3 holds the error #DIV/0!; correct that cell, or leave it out of the range");
    expect(error.text["zh-CN"]).toBe("scores：第 3 个单元格是错误值 #DIV/0!；请更正该单元格，或把它移出区域");
    expect(error.blank).toBe(false);
    const readers: [string, () => unknown][] = [
      ["countAbove", () => countAbove([[1], [div0]], "scores", 0)],
      ["paretoSumsOf", () => paretoSumsOf([[1], [div0]], "values", 0)],
      ["tableOf", () => tableOf([[1, 2], [3, div0]], "data", 2, "rows")],
      ["tableStatsOf", () => tableStatsOf([[1, 2], [3, div0]], "data", 2, "rows", false)],
      ["tableStatsOf by columns", () => tableStatsOf([[1, 3], [2, div0]], "data", 2, "columns", false)],
      ["vectorOf", () => vectorOf([[1, div0]], "values")],
      ["matrixOf", () => matrixOf([[1, 2], [0.5, div0]], "matrix")],
      ["sharesOf", () => sharesOf([[20, div0]], "shares")],
      ["directionsOf", () => directionsOf([["higher", div0]], "directions", 2)],
      ["labelsOf", () => labelsOf([["A", div0]], "labels", 2)],
      ["scoringArgumentOf", () => scoringArgumentOf(div0, "scoring")],
    ];
    for (const [, call] of readers) expect(refusal(call).text["en-US"]).toMatch(/: (cell \d|the cell|row \d, column \d) holds the error #DIV\/0!;/);
  });

  test("#N/A stays #N/A (so IFNA still works), with the message; a CustomFunctions.Error is read by its code", () => {
    const error = refusal(() => countAbove([[1], [na]], "scores", 0));
    expect(error.blank).toBe(true);
    expect(error.text["en-US"]).toBe("scores: cell 2 holds the error #N/A; correct that cell, or leave it out of the range");
    expect(refusal(() => numberOf({ code: "#NUM!", message: "" }, "score")).text["en-US"]).toBe(
      "score: the cell holds the error #NUM!; correct that cell, or leave it out of the range",
    );
    expect(errorValueOf({ type: "Error", errorType: "Ref" })).toBe("#REF!");
    expect(errorValueOf({ type: "Double", basicValue: 1 })).toBeUndefined();
  });
});

describe("data types (Stocks, Geography, entities) never reach the maths", () => {
  const stock = {
    type: "LinkedEntity",
    text: "Microsoft Corp",
    id: { entityId: "MSFT", serviceId: 268, culture: "en-US" },
    basicValue: "#VALUE!",
    basicType: "Error",
  };
  const entity = { type: "Entity", text: "Shanghai", properties: { Population: { type: "Double", basicValue: 24870895 } } };

  test("an entity or linked entity is #VALUE! naming argument, cell and entity, also in a reference", () => {
    const error = refusal(() => numbersOf([[1], [stock]], "scores"));
    expect(error.text["en-US"]).toBe(
      'scores: cell 2 holds a data type, "Microsoft Corp" (LinkedEntity), not a number; refer to one of its fields instead (for example =A2.Price)',
    );
    expect(error.text["zh-CN"]).toBe('scores：第 2 个单元格是数据类型 "Microsoft Corp" (LinkedEntity)，不是数字；请改为引用它的某个字段（例如 =A2.Price）');
    expect(error.blank).toBe(false);
    expect(refusal(() => tableStatsOf([[entity, 1]], "data", 2, "rows", false)).text["en-US"]).toMatch(/^data: cell 1 holds a data type, "Shanghai" \(Entity\)/);
    expect(refusal(() => labelsOf([[entity]], "labels", 1)).text["en-US"]).toMatch(/^labels: cell 1 holds a data type/);
    expect(refusal(() => numberOf({ type: "WebImage", address: "https://example.test/a.png" }, "score")).text["en-US"]).toMatch(
      /^score: the cell holds a data type, WebImage,/,
    );
  });

  test("a formatted number, a Double, a String or an Empty value is read by its basic value", () => {
    const formatted = { type: "FormattedNumber", basicValue: 1200.5, numberFormat: "¥#,##0.00" };
    expect(Array.from(numbersOf([[formatted], [{ type: "Double", basicValue: 7 }], [{ type: "String", basicValue: "12%" }], [{ type: "Empty", basicValue: "" }]], "values"))).toEqual([
      1200.5, 7, 0.12,
    ]);
    expect(numberOf(formatted, "score")).toBe(1200.5);
    expect(labelsOf([[{ type: "String", basicValue: "VIP" }]], "labels", 1)).toEqual(["VIP"]);
    expect(basicValueOf(stock)).toBeUndefined();
  });
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
    // What a reference skips: a header, a note, TRUE/FALSE (blanks above).
    { weight: 1, arbitrary: fc.constantFrom<unknown>("Score", "n/a", true, false) },
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
    expect(countAbove([[1], ["many"], [true]], "scores", 0)).toEqual({ count: 1, greater: 1 });
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
    expect(paretoSumsOf([["Sales"], [1], ["lots"], [false]], "values", 0)).toEqual({ n: 1, total: 1, above: 1, magnitude: 1 });
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
    expect(refusal(() => tableStatsOf([[1, 2], [3, Infinity]], "data", 2, "rows")).text["en-US"]).toBe("data: row 2, column 2 holds Infinity, not a number");
    // A header row is skipped like a blank one, as MIN and MAX skip text in a reference.
    expect(tableStatsOf([["Sales", "Growth"], [1, 10], [3, 30]], "data", 2, "rows", false)).toEqual([
      { n: 2, min: 1, max: 3 },
      { n: 2, min: 10, max: 30 },
    ]);
  });
});
