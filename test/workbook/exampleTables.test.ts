// "Insert example tables" (issue 16 §6): both templates, in both languages, written through the .xlsx
// executor into an empty workbook, grade with no problem at all; the value model has its three
// dimensions and seven indicators, the same 36 customers in either language, and its weights multiply
// out to the model's global weights.

import { defaultSettings, gradeWorkbook } from "../../src/workbook/run";
import { EXAMPLE_TEMPLATES, exampleTablesPlan, valueModelNumbers } from "../../src/workbook/features/exampleTables";
import type { ExampleTemplate } from "../../src/workbook/features/exampleTables";
import type { Lang } from "../../src/workbook/types";
import { openXlsx } from "../../src/workbook/executors/xlsx";
import { buildWorkbook } from "../xlsx/buildWorkbook";

const NOW = new Date(Date.UTC(2026, 10, 22, 9, 30));

async function inserted(lang: Lang, template: ExampleTemplate) {
  const workbook = await openXlsx(await buildWorkbook([{ name: "Sheet1", rows: [["notes"]] }]));
  const index = await workbook.index();
  await workbook.execute(exampleTablesPlan(lang, await workbook.readState(), index.sheets.map((s) => s.name), template));
  return openXlsx(await workbook.save());
}

describe.each(["en-US", "zh-CN"] as Lang[])("example tables in %s", (lang) => {
  test.each(EXAMPLE_TEMPLATES as ExampleTemplate[])("the %s template grades with no problem", async (template) => {
    const workbook = await inserted(lang, template);
    const outcome = await gradeWorkbook(workbook, defaultSettings(lang, NOW));
    if (!outcome.ok) throw new Error(outcome.inspection.problems.map((p) => p.message["en-US"]).join("\n"));
    expect(outcome.inspection.problems).toEqual([]);
    expect(outcome.inspection.excluded).toBe(0);
    expect(outcome.inspection.customers).toBe(template === "value" ? 36 : 12);
    expect(outcome.result.pyramid.map((row) => row.customers)).toEqual(template === "value" ? [7, 11, 18] : [2, 4, 6]);
    // Nothing of the add-in's was owned by the insert; the grading owns only its own outputs.
    expect((await workbook.readState())?.weightCells).toBeUndefined();
  });

  test("the value model: economic, social and potential value; global weights 0.5 × (0.6, 0.4), 0.2 × (0.4, 0.3, 0.3), 0.3 × (0.5, 0.5)", async () => {
    const workbook = await inserted(lang, "value");
    const outcome = await gradeWorkbook(workbook, defaultSettings(lang, NOW));
    if (!outcome.ok) throw new Error("problems");
    const dimensions = lang === "zh-CN" ? ["经济价值", "社会价值", "潜在价值"] : ["Economic value", "Social value", "Potential value"];
    expect([...new Set(outcome.inspection.indicators.map((i) => i.dimension))]).toEqual(dimensions);
    const expected = [0.3, 0.2, 0.08, 0.06, 0.06, 0.15, 0.15];
    outcome.inspection.indicators.forEach((indicator, j) => expect(indicator.globalWeight).toBeCloseTo(expected[j], 12));
    expect(outcome.inspection.indicators.map((i) => i.name)).toEqual(
      lang === "zh-CN"
        ? ["利润贡献", "销售额", "推荐客户数", "口碑评分", "行业影响力", "增长率", "钱包份额"]
        : ["Profit contribution", "Sales", "Referrals", "Reputation", "Influence", "Growth", "Share of wallet"],
    );
    // The same customers in either language: the numbers are the seeded generator's.
    const rows = await workbook.read(lang === "zh-CN" ? "客户" : "Customers", { top: 1, left: 3, rows: 36, columns: 7 });
    expect(rows).toEqual(valueModelNumbers());
    // Long-tailed sales, as a value pyramid should show: the top fifth holds most of the value.
    expect(outcome.result.pyramid[0].valueShare).toBeGreaterThan(0.5);
  });

  test("the value model also takes PCA weights (replace: the template's weights are the analyst's)", async () => {
    const workbook = await inserted(lang, "value");
    const refused = await gradeWorkbook(workbook, { ...defaultSettings(lang, NOW), weightsFrom: { method: "pca", replace: false } });
    expect(refused.ok).toBe(false);
    const outcome = await gradeWorkbook(workbook, { ...defaultSettings(lang, NOW), weightsFrom: { method: "pca", replace: true } });
    if (!outcome.ok) throw new Error(outcome.inspection.problems.map((p) => p.message["en-US"]).join("\n"));
    expect(outcome.pca?.customersUsed).toBe(36);
    Array.from(outcome.result.weights).forEach((w, j) => expect(Math.abs(w - outcome.pca!.pca.weights[j])).toBeLessThan(1e-12));
    // The filled cells keep the template's number format; the dimension rows hold their indicators' sums.
    const saved = await openXlsx(await workbook.save());
    const sheet = lang === "zh-CN" ? "权重" : "Weights";
    for (const row of [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]) expect(await saved.numberFormats(sheet, row, 2, 1)).toEqual(["0.00"]);
    const cells = (await saved.read(sheet, { top: 1, left: 2, rows: 10, columns: 1 })).map((r) => r[0] as number);
    const w = outcome.pca!.pca.weights;
    expect(Math.abs(cells[0] - (w[0] + w[1]))).toBeLessThan(1e-12);
    expect(Math.abs(cells[3] - (w[2] + w[3] + w[4]))).toBeLessThan(1e-12);
    expect(Math.abs(cells[7] - (w[5] + w[6]))).toBeLessThan(1e-12);
  });
});

test("the value model's numbers are fixed: the first customer and the totals", () => {
  const numbers = valueModelNumbers();
  expect(numbers[0]).toEqual([15700, 108000, 0, 93, 3, -0.047, 0.85]);
  expect(numbers.reduce((sum, row) => sum + row[1], 0)).toBe(12677000);
});

test("a sheet of an example table's name already there: refused in the pane's language, naming the sheet and what to do", () => {
  expect(() => exampleTablesPlan("en-US", undefined, ["weights"])).toThrow('The workbook already has a sheet named "Weights". Rename or delete it, then insert the example tables again.');
  expect(() => exampleTablesPlan("zh-CN", undefined, ["Sheet1", "客户"])).toThrow("工作簿中已有名为“客户”的工作表。请将其重命名或删除，然后再插入示例表。");
});
