import * as fs from "fs";
import * as path from "path";
import { defaultSettings, gradeWorkbook } from "../../src/workbook/run";
import { openXlsx } from "../../src/workbook/executors/xlsx";
import { buildWorkbook, packageParts, smallCustomerSheets } from "./buildWorkbook";

const NOW = new Date(Date.UTC(2026, 10, 22, 9, 30));
const SAMPLE_ZH = path.join(__dirname, "..", "..", "assets", "sample-customers.zh-CN.xlsx");
const SAMPLE_EN = path.join(__dirname, "..", "..", "assets", "sample-customers.en-US.xlsx");

describe("grading .xlsx workbooks through the shared grading run", () => {
  test("five customers scored 100, 75, 50, 25, 0 by hand are A, B, C, C, C in the saved file", async () => {
    const workbook = await openXlsx(await buildWorkbook(smallCustomerSheets({ tables: true })));
    const outcome = await gradeWorkbook(workbook, defaultSettings("en-US", NOW));
    expect(outcome.ok).toBe(true);
    const saved = await openXlsx(await workbook.save());
    const columns = await saved.read("Customers", { top: 0, left: 5, rows: 6, columns: 3 });
    expect(columns[0]).toEqual(["Score", "Rank", "Tier"]);
    expect(columns.slice(1).map((row) => [Math.round((row[0] as number) * 1e9) / 1e9, row[1], row[2]])).toEqual([
      [100, 1, "A"],
      [75, 2, "B"],
      [50, 3, "C"],
      [25, 4, "C"],
      [0, 5, "C"],
    ]);
    expect((await saved.index()).tables.find((t) => t.name === "Customers")?.box.columns).toBe(8);
  });

  test("the zh-CN sample grades: 200 customers, 40 / 60 / 100 in A / B / C, Chinese headers and summary", async () => {
    const workbook = await openXlsx(fs.readFileSync(SAMPLE_ZH));
    const outcome = await gradeWorkbook(workbook, defaultSettings("zh-CN", NOW));
    if (!outcome.ok) throw new Error(outcome.inspection.problems.map((p) => p.message["en-US"]).join("\n"));
    expect(outcome.inspection.customers).toBe(200);
    expect(outcome.inspection.excluded).toBe(0);
    expect(outcome.inspection.indicators.map((i) => i.name)).toEqual([
      "销售额", "本年销售额", "同比增长率", "注册资本", "市场份额", "合作年限", "按时回款率", "投诉次数",
    ]);
    expect(outcome.result.pyramid.map((row) => [row.tier, row.customers])).toEqual([["A", 40], ["B", 60], ["C", 100]]);
    // Long-tailed sales: the top 20 % of customers carry far more than 20 % of the value.
    expect(outcome.result.pyramid[0].valueShare).toBeGreaterThan(0.5);
    const saved = await openXlsx(await workbook.save());
    const index = await saved.index();
    expect(index.sheets.map((s) => s.name)).toEqual(["权重", "客户", "分级汇总"]);
    const tiers = await saved.read("客户", { top: 0, left: 13, rows: 201, columns: 1 });
    expect(tiers[0]).toEqual(["等级"]);
    expect(tiers.slice(1).map((row) => row[0])).toEqual(Array.from(outcome.result.tier, (t) => outcome.result.labels[t]));
  });

  test("the English twin holds the same customers and grades to the same tiers", async () => {
    const zh = await gradeWorkbook(await openXlsx(fs.readFileSync(SAMPLE_ZH)), defaultSettings("zh-CN", NOW));
    const en = await gradeWorkbook(await openXlsx(fs.readFileSync(SAMPLE_EN)), defaultSettings("en-US", NOW));
    if (!zh.ok || !en.ok) throw new Error("a sample has problems");
    expect(Array.from(en.result.score)).toEqual(Array.from(zh.result.score));
    expect(Array.from(en.result.tier)).toEqual(Array.from(zh.result.tier));
  });

  test("grading the sample twice leaves the same file as grading it once", async () => {
    const workbook = await openXlsx(fs.readFileSync(SAMPLE_EN));
    await gradeWorkbook(workbook, defaultSettings("en-US", NOW));
    const once = await packageParts(await workbook.save());
    await gradeWorkbook(workbook, defaultSettings("en-US", NOW));
    expect(await packageParts(await workbook.save())).toEqual(once);
  });
});
