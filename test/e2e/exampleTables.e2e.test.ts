// "Insert example tables" in a real browser (issue 16 §6): the pane as a web page opens a workbook
// without tables, the analyst picks the customer value model, inserts it, and grades it; the downloaded
// file holds the value model's weight table and the engine's tiers for it. Skipped, visibly, when
// Chromium is not installed (in CI: fails).

import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import type { Page } from "playwright-core";
import { exampleTablesPlan } from "../../src/workbook/features/exampleTables";
import { defaultSettings, gradeWorkbook } from "../../src/workbook/run";
import { openXlsx } from "../../src/workbook/executors/xlsx";
import { buildWorkbook } from "../xlsx/buildWorkbook";
import { axeViolations, describeInBrowser, startSite, type Site } from "./browser";

describeInBrowser("Insert example tables: the value model, in Chromium", () => {
  let site: Site;
  let work: string;

  beforeAll(async () => {
    site = await startSite();
    work = fs.mkdtempSync(path.join(os.tmpdir(), "tiers-e2e-examples-"));
  }, 600000);

  afterAll(async () => {
    await site?.close();
    if (work) fs.rmSync(work, { recursive: true, force: true });
  });

  const pane = (locale: string): Promise<Page> => site.pane({ locale });

  test("a zh-CN analyst picks the customer value model, inserts it and grades it", async () => {
    const file = path.join(work, "empty.xlsx");
    fs.writeFileSync(file, await buildWorkbook([{ name: "Sheet1", rows: [["notes"]] }]));
    const page = await pane("zh-CN");
    await page.getByRole("button", { name: "打开工作簿…" }).waitFor({ timeout: 60000 });
    await page.locator('input[type="file"]').setInputFiles(file);
    await page.getByText(/还没有“权重”或“客户”表/).waitFor({ timeout: 60000 });
    // The chooser is accessible as the rest of the pane is: no serious or critical axe violation.
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole("radio", { name: /客户价值模型/ }).check();
    await page.getByRole("button", { name: "插入示例表" }).click();
    await page.getByText("36 位客户 · 7 个指标 · 可以分级").waitFor({ timeout: 60000 });
    const gradeButton = page.getByRole("button", { name: "分级", exact: true });
    await page.waitForFunction(
      () => [...document.querySelectorAll("button")].some((b) => b.textContent?.trim() === "分级" && !b.disabled),
      undefined,
      { timeout: 60000 },
    );
    await gradeButton.click();
    const download = page.getByRole("button", { name: "下载已分级的工作簿" });
    await download.waitFor({ timeout: 120000 });
    await page.waitForFunction(
      () => [...document.querySelectorAll("button")].some((b) => b.textContent?.includes("下载已分级的工作簿") && !b.disabled),
      undefined,
      { timeout: 120000 },
    );
    const [event] = await Promise.all([page.waitForEvent("download"), download.click()]);
    const saved = path.join(work, "graded.xlsx");
    await event.saveAs(saved);

    const got = await openXlsx(fs.readFileSync(saved));
    expect((await got.index()).sheets.map((s) => s.name)).toEqual(["Sheet1", "权重", "客户", "分级汇总"]);
    const weights = await got.read("权重", { top: 0, left: 0, rows: 11, columns: 3 });
    expect(weights.map((row) => row[0]).filter((d, i, all) => i > 0 && all.indexOf(d) === i)).toEqual(["经济价值", "社会价值", "潜在价值"]);
    // The engine's tiers for the same template, inserted and graded here.
    const expected = await openXlsx(await buildWorkbook([{ name: "Sheet1", rows: [["notes"]] }]));
    await expected.execute(exampleTablesPlan("zh-CN", undefined, ["Sheet1"], "value"));
    const outcome = await gradeWorkbook(expected, defaultSettings("zh-CN", new Date()));
    if (!outcome.ok) throw new Error("the value model has problems");
    const rows = await got.read("客户", { top: 0, left: 0, rows: 37, columns: 13 });
    const tierAt = rows[0].indexOf("等级");
    expect(tierAt).toBeGreaterThan(0);
    expect(rows.slice(1).map((row) => row[tierAt])).toEqual(Array.from(outcome.result.tier, (t) => outcome.result.labels[t]));
    await page.context().close();
  }, 300000);
});
