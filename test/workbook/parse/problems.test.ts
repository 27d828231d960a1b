import { HEADER_ALIASES } from "../../../src/workbook/reading/headers";
import { PROBLEM_CODES, formatProblem, problem } from "../../../src/workbook/reading/problems";
import { readStrategies } from "../../../src/workbook/reading/strategyTable";

describe("the problem catalogue", () => {
  test("a cell problem says where and what to do, in both languages", () => {
    const p = problem("not-a-number", "Customers", "C7", { value: "abc", column: "Sales" });
    expect(p).toMatchObject({ severity: "error", code: "not-a-number", sheet: "Customers", cell: "C7" });
    expect(p.message["en-US"]).toBe('Customers!C7: "abc" is not a number. Enter a number or leave the cell blank.');
    expect(p.message["zh-CN"]).toBe("Customers!C7：“abc”不是数字。请填写数字或留空。");
  });

  test("an error value is named as an error, not as text", () => {
    const p = problem("not-a-number", "客户", "D3", { error: "#N/A", column: "销售额" });
    expect(p.message["en-US"]).toContain("the error #N/A");
    expect(p.message["zh-CN"]).toBe("客户!D3：单元格（“销售额”列）显示错误 #N/A。请修正公式、填写数字，或留空。");
  });

  test("a sheet name with a space is quoted so the reader sees where it ends", () => {
    expect(problem("blank-id", "My customers", "A2").message["en-US"]).toMatch(/^'My customers'!A2: /);
    expect(problem("blank-id", "C", "A2").message["en-US"]).toMatch(/^C!A2: /);
  });

  test("a sheet-level problem names the sheet; a workbook-level one starts a sentence", () => {
    expect(problem("table-empty", "Weights", "", { role: "weights" }).message["en-US"]).toMatch(/^Weights: the weight table has no data\./);
    expect(problem("table-not-found", "", "", { role: "customers", names: '"Customers" / "客户"', sheets: "Sheet1" }).message["en-US"]).toBe(
      'No customer table found: looked for an Excel table or a sheet named "Customers" / "客户". Sheets in this workbook: Sheet1. Rename the table or sheet, or choose it in the settings.',
    );
  });

  test("severity follows the code unless given", () => {
    expect(problem("empty-dimension", "W", "C2", { dimension: "x" }).severity).toBe("warning");
    expect(problem("blank-id", "C", "A2").severity).toBe("error");
    expect(problem("blank-id", "C", "A2", {}, "warning").severity).toBe("warning");
  });

  test("every code has a non-empty message in both languages that mentions no undefined", () => {
    const params = { value: "x", column: "c", id: "1", first: "A2", indicator: "i", dimension: "d", known: "k", role: "customers", header: "h", sheet: "s", count: 3, subject: "s", sum: 0.9, needed: 3, given: 2, labels: "A,B", reason: "r", name: "n", names: "n", sheets: "s", scoring: "raw", table: "t", headers: ["ID", "客户编号"] };
    for (const code of PROBLEM_CODES) {
      const p = problem(code as "blank-id", "Sheet1", "B2", params as {});
      for (const text of [p.message["en-US"], p.message["zh-CN"]]) {
        expect(text.startsWith("Sheet1!B2")).toBe(true);
        expect(text.length).toBeGreaterThan(20);
        expect(text).not.toMatch(/undefined|NaN|\$\{/);
      }
      expect(p.message["zh-CN"]).toMatch(/[\u4e00-\u9fff]/);
    }
    expect(PROBLEM_CODES.length).toBeGreaterThanOrEqual(34);
  });

  test("a missing header names the header's English and Chinese names", () => {
    const p = problem("missing-header", "Customers", "A1:C1", { headers: HEADER_ALIASES.id });
    expect(p.message["en-US"]).toBe(`Customers!A1:C1: the header row has no "Customer ID" column. Add a column with that header (accepted: ${HEADER_ALIASES.id.join(", ")}).`);
    expect(p.message["zh-CN"]).toMatch(/^Customers!A1:C1：表头行中没有“客户编号”列。/);
  });

  test("a Strategies sheet without its Tier or Strategy header names the missing one", () => {
    // Before the parameters were typed this passed a parameter the message never read: 'no "" column'.
    const noStrategy = readStrategies("Strategies", [["Tier", "Potential", "Notes"], ["A", "yes", "Keep"]]).problems;
    expect(noStrategy.map((p) => p.message["en-US"])).toEqual([
      'Strategies!A1: the header row has no "Strategy" column. Add a column with that header (accepted: Strategy, 策略).',
    ]);
    const noTier = readStrategies("策略", [["潜力", "策略"]]).problems;
    expect(noTier[0].message["zh-CN"]).toBe("策略!A1：表头行中没有“等级”列。请添加该标题的列（可用：Tier, 等级）。");
  });

  test("numbers read as a person writes them", () => {
    expect(problem("weights-normalised", "W", "", { subject: "", sum: 0.1 + 0.2 }).message["en-US"]).toContain("add up to 0.3, not 1");
    expect(problem("raw-out-of-range", "C", "B2", { value: 1234567, indicator: "x" }).message["en-US"]).toMatch(/^C!B2: 1234567 is outside/);
    expect(problem("weights-normalised", "W", "", { subject: "", sum: NaN }).message["en-US"]).toContain("a total other than 1");
  });

  test("formatProblem adds the severity word", () => {
    expect(formatProblem(problem("blank-id", "Customers", "A9"), "en-US")).toBe(
      "Error: Customers!A9: this row has data but no customer ID. Enter an ID, or delete the row.",
    );
    expect(formatProblem(problem("empty-dimension", "权重", "C5", { dimension: "风险" }), "zh-CN")).toMatch(/^警告：权重!C5：维度“风险”/);
  });
});
