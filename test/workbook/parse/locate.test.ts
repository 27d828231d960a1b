import { locateTable } from "../../../src/workbook/reading/locate";
import type { WorkbookIndex } from "../../../src/workbook/types";

const used = { top: 2, left: 0, rows: 10, columns: 4 };

describe("locateTable", () => {
  test("an Excel table named Weights wins over a sheet of that name", () => {
    const index: WorkbookIndex = {
      sheets: [{ name: "Weights", used }, { name: "Setup", used }],
      tables: [{ name: "weights", sheet: "Setup", box: { top: 4, left: 1, rows: 6, columns: 5 } }],
    };
    expect(locateTable(index, "weights")).toEqual({ sheet: "Setup", table: "weights", box: { top: 4, left: 1, rows: 6, columns: 5 } });
  });

  test("without a table, a sheet named 客户 gives its used range", () => {
    const index: WorkbookIndex = { sheets: [{ name: "Sheet1", used }, { name: "客户", used }], tables: [] };
    expect(locateTable(index, "customers")).toEqual({ sheet: "客户", box: used });
  });

  test("an explicit name matches tables first, then sheets, loosely", () => {
    const index: WorkbookIndex = {
      sheets: [{ name: "Q3 Data", used }],
      tables: [{ name: "Accounts_2026", sheet: "Q3 Data", box: { top: 0, left: 0, rows: 3, columns: 3 } }],
    };
    expect(locateTable(index, "customers", "accounts-2026")).toMatchObject({ table: "Accounts_2026" });
    expect(locateTable(index, "customers", "q3data")).toEqual({ sheet: "Q3 Data", box: used });
    expect(locateTable(index, "customers", "'Q3 Data'!B2:D40")).toEqual({ sheet: "Q3 Data", box: { top: 1, left: 1, rows: 39, columns: 3 } });
  });

  test("nothing found: a problem naming what was sought and the sheets present", () => {
    const index: WorkbookIndex = { sheets: [{ name: "Sheet1", used }, { name: "Data", used }], tables: [] };
    const p = locateTable(index, "customers");
    expect(p).toMatchObject({ code: "table-not-found", sheet: "", cell: "", severity: "error" });
    if (!("code" in p)) throw new Error("expected a problem");
    expect(p.message["en-US"]).toContain('"Customers" / "客户"');
    expect(p.message["en-US"]).toContain("Sheet1, Data");
    expect(p.message["zh-CN"]).toContain("未找到客户表");
    expect(p.message["zh-CN"]).toContain("Sheet1, Data");
    const named = locateTable(index, "weights", "Gewichte");
    expect("code" in named && named.message["en-US"]).toContain('"Gewichte"');
  });

  test("a sheet found but empty is table-empty on that sheet", () => {
    const index: WorkbookIndex = { sheets: [{ name: "权重", used: null }], tables: [] };
    expect(locateTable(index, "weights")).toMatchObject({ code: "table-empty", sheet: "权重", cell: "" });
  });
});
