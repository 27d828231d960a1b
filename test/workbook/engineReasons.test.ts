// When the engine refuses what only it can judge, the run reports a problem whose reason is the engine's
// refusal in each language (src/workbook/reading/problems.ts engineReason): the pane and `tiers grade`
// show a zh-CN user the problem's Chinese message, so the reason in it must be Chinese too.

import { EngineError } from "../../src/engine/errors";
import { engineReason, problem } from "../../src/workbook/reading/problems";
import { defaultSettings, gradeWorkbook } from "../../src/workbook/run";
import { openXlsx } from "../../src/workbook/executors/xlsx";
import { pcaSheets } from "../support/pcaFixture";
import { buildWorkbook, smallCustomerSheets } from "../xlsx/buildWorkbook";
import type { FixtureCell } from "../xlsx/buildWorkbook";

const NOW = new Date(Date.UTC(2026, 10, 22, 9, 30));

test("engineReason says an EngineError by its code in both languages, any other error as its message", () => {
  expect(engineReason(new EngineError("k-range", { k: 9, n: 4 }))).toEqual({
    "en-US": "k = 9: use a whole number from 1 to the 4 customers",
    "zh-CN": "k = 9：请用 1 到客户数 4 之间的整数",
  });
  expect(engineReason(new RangeError("internal"))).toEqual({ "en-US": "internal", "zh-CN": "internal" });
});

test("a problem's parameter given in both languages is read in each message's own language", () => {
  const p = problem("cannot-grade", "Customers", "", { reason: engineReason(new EngineError("entropy-few", {})) });
  expect(p.message["en-US"]).toBe("Customers: the customers cannot be graded: the entropy method needs at least 2 customers. Check the weight table and the settings.");
  expect(p.message["zh-CN"]).toContain("熵权法至少需要 2 个客户");
  expect(p.message["zh-CN"]).not.toMatch(/entropy method/);
});

describe("a run the engine refuses", () => {
  test("k-means with more clusters than customers: cannot-grade, its reason in Chinese for a zh-CN run", async () => {
    const sheets = smallCustomerSheets();
    const customers = sheets.find((s) => s.name === "Customers")!.rows.length - 1;
    for (const lang of ["en-US", "zh-CN"] as const) {
      const workbook = await openXlsx(await buildWorkbook(sheets));
      const outcome = await gradeWorkbook(workbook, { ...defaultSettings(lang, NOW), method: { kind: "kmeans", k: 99 } });
      expect(outcome.ok).toBe(false);
      const found = outcome.inspection.problems.find((p) => p.code === "cannot-grade");
      expect(found?.message["en-US"]).toContain(`k = 99: use a whole number from 1 to the ${customers} customers`);
      expect(found?.message["zh-CN"]).toContain(`k = 99：请用 1 到客户数 ${customers} 之间的整数`);
    }
  });

  test("PCA weights from one customer: pca-weights-failed, its reason in Chinese", async () => {
    const { weights, customers } = pcaSheets();
    const workbook = await openXlsx(
      await buildWorkbook([
        { name: "Weights", rows: weights as FixtureCell[][] },
        { name: "Customers", rows: customers.slice(0, 2) as FixtureCell[][] },
      ]),
    );
    const outcome = await gradeWorkbook(workbook, { ...defaultSettings("zh-CN", NOW), weightsFrom: { method: "pca", replace: false } });
    const found = outcome.inspection.problems.find((p) => p.code === "pca-weights-failed");
    expect(found?.message["en-US"]).toContain("a correlation needs at least 2 customers");
    expect(found?.message["zh-CN"]).toContain("计算相关系数至少需要 2 个客户");
    expect(found?.message["zh-CN"]).not.toMatch(/correlation/);
  });

  test("RFM when no customer has all three measures: cannot-grade, in Chinese for a zh-CN run", async () => {
    const customers = { name: "Customers", rows: [["Customer ID", "Days since", "Orders", "Spend"], ["A", 3, null, 900], ["B", null, 4, 400]] as FixtureCell[][] };
    const workbook = await openXlsx(await buildWorkbook([customers]));
    const outcome = await gradeWorkbook(workbook, { ...defaultSettings("zh-CN", NOW), method: { kind: "rfm", bins: 2, columns: ["Days since", "Orders", "Spend"] } });
    const found = outcome.inspection.problems.find((p) => p.code === "cannot-grade");
    expect(found?.message["en-US"]).toContain("no customer has all three measures");
    expect(found?.message["zh-CN"]).toContain("没有一个客户三项指标齐全");
  });
});
