import type { Indicator, WeightTable } from "../../../src/engine/types";
import { CELL_PROBLEMS_PER_COLUMN, parseCustomerTable } from "../../../src/workbook/reading/customerTable";
import type { CellValue, Problem } from "../../../src/workbook/types";
import { blockAt } from "./block";

const where = (problems: Problem[]) => problems.map((p) => `${p.sheet}!${p.cell} ${p.code}`);

function indicator(name: string, more: Partial<Indicator> = {}): Indicator {
  return { name, weight: 0.5, direction: "higher", scoring: "minmax", column: name, ...more };
}
const table = (...indicators: Indicator[]): WeightTable => ({ dimensions: [], indicators });

describe("a Chinese customer table on a sheet with leading blank rows, not at A1", () => {
  // Used range B2:F9: one blank row, the header in row 3, customers in rows 4-7, then a blank area.
  const block = blockAt("客户", "B2", [
    [null, null, null, null, null],
    ["客户编号", "客户名称", "负责人", "销售额", "投诉次数"],
    [10001, "甲公司", "王", "¥1,200", 2],
    ["C-02", "乙公司", "李", "１，５００", null],
    [null, null, null, null, null],
    ["C-03", "丙公司", "王", "(300)", "3"],
    [null, "  ", null, null, null],
    [null, null, null, null, null],
  ]);
  const parsed = parseCustomerTable(block, table(indicator("销售额"), indicator("投诉", { column: "投诉 次数", direction: "lower" })));

  test("reads ids, names, owners and indicator values, blanks as NaN", () => {
    expect(parsed.problems).toEqual([]);
    const customers = parsed.customers!;
    expect(customers.ids).toEqual(["10001", "C-02", "C-03"]);
    expect(customers.names).toEqual(["甲公司", "乙公司", "丙公司"]);
    expect(customers.owners).toEqual(["王", "李", "王"]);
    expect(Array.from(customers.indicatorValues[0])).toEqual([1200, 1500, -300]);
    expect(Array.from(customers.indicatorValues[1])).toEqual([2, NaN, 3]);
  });

  test("rows are absolute sheet rows; blank rows are skipped", () => {
    expect(parsed.customers!.rows).toEqual([3, 4, 6]);
  });

  test("headers as written; numeric columns are those holding only numbers and blanks", () => {
    expect(parsed.customers!.headers).toEqual(["客户编号", "客户名称", "负责人", "销售额", "投诉次数"]);
    expect(Object.keys(parsed.customers!.numericColumns).sort()).toEqual(["投诉次数", "销售额"].sort());
    expect(parsed.customers!.numericColumns["销售额"]).toBe(parsed.customers!.indicatorValues[0]);
  });
});

describe("an English customer table", () => {
  test("Customer ID, Name, Salesperson; numeric ids are a numeric column too", () => {
    const block = blockAt("Customers", "A1", [
      ["Customer ID", "Customer name", "Salesperson", "Sales", "Growth"],
      [1, "Acme", "Ann", 1200, "12%"],
      [2, "Bolt", "Bob", "$800.50", "-3%"],
    ]);
    const parsed = parseCustomerTable(block, table(indicator("sales"), indicator("Growth")), { valueColumn: "SALES" });
    expect(parsed.problems).toEqual([]);
    expect(parsed.customers!.ids).toEqual(["1", "2"]);
    expect(parsed.customers!.owners).toEqual(["Ann", "Bob"]);
    expect(Array.from(parsed.customers!.indicatorValues[0])).toEqual([1200, 800.5]);
    expect(Array.from(parsed.customers!.indicatorValues[1])).toEqual([0.12, -0.03]);
    expect(Object.keys(parsed.customers!.numericColumns)).toEqual(["Customer ID", "Sales", "Growth"]);
  });

  test("the add-in's own earlier output columns are ignored entirely", () => {
    const block = blockAt("Customers", "A1", [
      ["ID", "Sales", "Score", "Tier"],
      ["a", 10, 55.5, "B"],
      [null, null, 70, "A"],
      ["b", 20, "#", "C"],
    ]);
    const parsed = parseCustomerTable(block, table(indicator("Sales")), { ignoreFromColumn: 2 });
    expect(parsed.problems).toEqual([]);
    expect(parsed.customers!.headers).toEqual(["ID", "Sales"]);
    expect(parsed.customers!.ids).toEqual(["a", "b"]);
    expect(parsed.customers!.rows).toEqual([1, 3]);
    expect(Object.keys(parsed.customers!.numericColumns)).toEqual(["Sales"]);
  });
});

describe("each problem is reported at its cell", () => {
  test("no ID column: at the header row", () => {
    const parsed = parseCustomerTable(blockAt("C", "B2", [["Name", "Sales"], ["x", 1]]), table(indicator("Sales")));
    expect(where(parsed.problems)).toEqual(["C!B2:C2 missing-header"]);
    expect(parsed.problems[0].message["en-US"]).toContain('"Customer ID"');
    expect(parsed.problems[0].message["zh-CN"]).toContain("“客户编号”");
    expect(parsed.customers).toBeUndefined();
  });

  test("blank and duplicate ids; a duplicate names both cells", () => {
    const parsed = parseCustomerTable(
      blockAt("C", "A1", [
        ["ID", "Sales"],
        ["c1", 1],
        [null, 2],
        ["C1", 3],
        ["c2", 4],
      ]),
      table(indicator("Sales")),
    );
    expect(where(parsed.problems)).toEqual(["C!A3 blank-id", "C!A4 duplicate-id"]);
    expect(parsed.problems[1].message["en-US"]).toBe('C!A4: customer ID "C1" already appears in A2. Give each customer its own ID.');
  });

  test("an indicator without a customer column: at its weight-table cell", () => {
    const block = blockAt("Customers", "A1", [["ID", "Sales"], ["a", 1]]);
    const weights = table(indicator("Sales"), indicator("Margin"));
    const parsed = parseCustomerTable(block, weights, { indicatorCells: ["B2", "B3"], weightSheet: "Weights" });
    expect(where(parsed.problems)).toEqual(["Weights!B3 indicator-column-missing"]);
    expect(parsed.problems[0].message["en-US"]).toContain('indicator "Margin" reads the column "Margin", but the customer table (Customers) has no such header');
    // Without the weight table's cells it points at the customer header row instead.
    expect(where(parseCustomerTable(block, weights).problems)).toEqual(["Customers!A1:B1 indicator-column-missing"]);
  });

  test("text and error values in an indicator column", () => {
    const parsed = parseCustomerTable(
      blockAt("C", "C5", [
        ["ID", "Sales", "Note"],
        ["a", "abc", "x"],
        ["b", { error: "#N/A" }, "y"],
        ["c", 3, "z"],
      ]),
      table(indicator("Sales")),
    );
    expect(where(parsed.problems)).toEqual(["C!D6 not-a-number", "C!D7 not-a-number"]);
    expect(parsed.problems[0].message["en-US"]).toBe('C!D6: "abc" is not a number. Enter a number or leave the cell blank.');
    expect(parsed.problems[1].message["zh-CN"]).toContain("#N/A");
  });

  test("raw points outside 0..100", () => {
    const parsed = parseCustomerTable(
      blockAt("C", "A1", [["ID", "Rate"], ["a", 101], ["b", "-1"], ["c", 100], ["d", 0]]),
      table(indicator("Rate", { scoring: "raw" })),
    );
    expect(where(parsed.problems)).toEqual(["C!B2 raw-out-of-range", "C!B3 raw-out-of-range"]);
  });

  test("the value column must exist and hold numbers", () => {
    const block = blockAt("C", "A1", [["ID", "Sales", "Profit"], ["a", 1, "n/a"]]);
    expect(where(parseCustomerTable(block, table(indicator("Sales")), { valueColumn: "Revenue" }).problems)).toEqual(["C!A1:C1 value-column-missing"]);
    expect(where(parseCustomerTable(block, table(indicator("Sales")), { valueColumn: "profit" }).problems)).toEqual(["C!C2 not-a-number"]);
  });

  test("two columns with the header an indicator reads", () => {
    const parsed = parseCustomerTable(blockAt("C", "A1", [["ID", "Sales", "sales "], ["a", 1, 2]]), table(indicator("Sales")));
    expect(where(parsed.problems)).toEqual(["C!C1 duplicate-header"]);
    expect(parsed.problems[0].message["en-US"]).toContain("also heads column B1");
  });

  test("a header without customers, and a blank block, are empty tables", () => {
    expect(where(parseCustomerTable(blockAt("C", "B2", [["ID", "Sales"], [null, " "]]), table(indicator("Sales"))).problems)).toEqual([
      "C!B2:C2 table-empty",
    ]);
    expect(where(parseCustomerTable(blockAt("C", "A1", [[null], [null]]), table(indicator("Sales"))).problems)).toEqual(["C!A1:A2 table-empty"]);
  });

  test("a column full of text names the first cells, then counts the rest", () => {
    const rows: CellValue[][] = [["ID", "Sales"]];
    for (let i = 0; i < 25; i++) rows.push([`c${i}`, "n/a"]);
    const parsed = parseCustomerTable(blockAt("C", "A1", rows), table(indicator("Sales")));
    expect(parsed.problems).toHaveLength(CELL_PROBLEMS_PER_COLUMN + 1);
    expect(parsed.problems[0].cell).toBe("B2");
    const last = parsed.problems[CELL_PROBLEMS_PER_COLUMN];
    expect(last).toMatchObject({ code: "more-problems", cell: "B2:B26", severity: "error" });
    expect(last.message["en-US"]).toContain(`${25 - CELL_PROBLEMS_PER_COLUMN} more cells`);
  });

  test("collect-all: three different problems in one table are three problems", () => {
    const parsed = parseCustomerTable(
      blockAt("Customers", "A1", [
        ["ID", "Sales"],
        ["a", 1],
        ["a", 2],
        ["b", "lots"],
        [null, 4],
      ]),
      table(indicator("Sales")),
    );
    expect(where(parsed.problems).sort()).toEqual(["Customers!A3 duplicate-id", "Customers!A5 blank-id", "Customers!B4 not-a-number"]);
  });
});
