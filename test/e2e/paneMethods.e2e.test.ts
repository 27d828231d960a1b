// The methods of issue 16 from the pane, in Chromium: R's rfm package's own orders (test/reference/rfm)
// opened as a web page's workbook are graded by RFM as of 2006-12-31 from "More options", and the
// downloaded workbook's Segment column reproduces the package's published segment table; the sample
// is graded with the Why column, and the explain view's numbers for a customer are the engine's. Both
// are axe-clean and scroll-free at 270, 320 and 350 px. Skipped, visibly, only without Chromium.

import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import type { Page } from "playwright-core";
import { defaultSettings, gradeWorkbook } from "../../src/workbook/run";
import { openXlsx } from "../../src/workbook/executors/xlsx";
import { MATCH_LIMIT } from "../../src/taskpane/explainData";
import { PUBLISHED_SEGMENT_SUMMARY } from "../reference/rfm/vignette";
import { buildWorkbook } from "../xlsx/buildWorkbook";
import { axeViolations, describeInBrowser, enabled, openSection, ROOT, startSite, type Site } from "./browser";

const WIDTHS = [270, 320, 350];
const HEIGHT = 800;

async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

/** Every width without horizontal scroll, and no serious or critical axe violation. */
async function fitsAndAccessible(page: Page): Promise<void> {
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: HEIGHT });
    expect({ width, overflow: await horizontalOverflow(page) }).toEqual({ width, overflow: 0 });
  }
  expect(await axeViolations(page)).toEqual([]);
}

/** R's rfm_data_orders as an Orders sheet: customer IDs, ISO text dates, revenue. */
function rfmOrdersSheet() {
  const lines = fs.readFileSync(path.join(ROOT, "test", "reference", "rfm", "rfm_data_orders.csv"), "utf8").trim().split(/\r?\n/);
  const rows: (string | number)[][] = [["Customer ID", "Order date", "Amount"]];
  for (const line of lines.slice(1)) {
    const [id, date, revenue] = line.split(",");
    rows.push([id, date, Number(revenue)]);
  }
  return { name: "Orders", rows };
}

describeInBrowser("the methods of issue 16 in the pane, in Chromium", () => {
  let site: Site;
  let work: string;

  beforeAll(async () => {
    site = await startSite();
    work = fs.mkdtempSync(path.join(os.tmpdir(), "tiers-methods-e2e-"));
  }, 900000);

  afterAll(async () => {
    await site?.close();
    if (work) fs.rmSync(work, { recursive: true, force: true });
  });

  test("RFM from an Orders table as of 2006-12-31: the downloaded Segment column is R's published segment table", async () => {
    const file = path.join(work, "rfm-orders.xlsx");
    fs.writeFileSync(file, await buildWorkbook([rfmOrdersSheet()]));
    const page = await site.pane({ locale: "en-US", viewport: { width: 320, height: HEIGHT } });
    await page.locator('input[type="file"]').setInputFiles(file);
    // A workbook of orders alone is graded from its orders: the pane chose that source itself.
    // Without a method that needs no weight table, the check says the orders and what is missing.
    await page.getByText(/^4,906 orders · /).waitFor({ timeout: 120000 });

    await openSection(page, page.getByRole("button", { name: "More options" }));
    expect(await page.getByRole("radio", { name: "An Orders table (one row per order)" }).isChecked()).toBe(true);
    await page.getByRole("combobox", { name: "Method" }).click();
    await page.getByRole("option", { name: "RFM segments (as R's rfm package)" }).click();
    await page.getByLabel("Analysis date").fill("2006-12-31");
    // The first screen says where the tiers come from instead of the score's scheme.
    await page.getByText("Tiers come from RFM segments (as R's rfm package); change the method under More options.").waitFor();
    await page.getByText("4,906 orders · 995 customers · 3 indicators · ready to grade").waitFor({ timeout: 120000 });
    await page
      .getByText("Grade adds Score, Rank, Tier, R, F, M, RFM score and Segment to Customer indicators; creates the sheets Customer indicators, Tier summary, Segments.")
      .waitFor();
    await fitsAndAccessible(page);

    await page.setViewportSize({ width: 320, height: HEIGHT });
    await enabled(page, "Grade");
    await page.getByRole("button", { name: "Grade", exact: true }).click();
    const downloadButton = page.getByRole("button", { name: "Download graded workbook" });
    await downloadButton.waitFor({ timeout: 120000 });
    // Segments are not tiers by score: no explain view.
    expect(await page.getByRole("button", { name: "Why this tier" }).count()).toBe(0);
    const [download] = await Promise.all([page.waitForEvent("download"), downloadButton.click()]);
    const saved = path.join(work, "rfm-orders.graded.xlsx");
    await download.saveAs(saved);

    const got = await openXlsx(fs.readFileSync(saved));
    const sheet = (await got.index()).sheets.find((s) => s.name === "Customer indicators");
    expect(sheet?.used).toBeTruthy();
    const rows = await got.read("Customer indicators", { top: 0, left: 0, rows: sheet!.used!.rows, columns: sheet!.used!.columns });
    const header = rows[0] as string[];
    const [segmentAt, ordersAt, revenueAt] = ["Segment", "Frequency (orders)", "Monetary"].map((h) => header.indexOf(h));
    expect(Math.min(segmentAt, ordersAt, revenueAt)).toBeGreaterThanOrEqual(0);
    const summary: Record<string, [number, number, number]> = {};
    for (const row of rows.slice(1)) {
      const s = (summary[row[segmentAt] as string] ??= [0, 0, 0]);
      s[0] += 1;
      s[1] += row[ordersAt] as number;
      s[2] += row[revenueAt] as number;
    }
    expect(summary).toEqual(PUBLISHED_SEGMENT_SUMMARY);
    expect((await got.index()).sheets.map((s) => s.name)).toEqual(expect.arrayContaining(["Orders", "Customer indicators", "Tier summary", "Segments"]));
    await page.context().close();
  }, 600000);

  for (const lang of ["en-US", "zh-CN"] as const) {
    test(`${lang}: graded with the Why column, the explain view shows a customer's contributions, gap and closing change as the engine computes them`, async () => {
      const zh = lang === "zh-CN";
      const sample = path.join(ROOT, "assets", `sample-customers.${lang}.xlsx`);
      const page = await site.pane({ locale: lang, viewport: { width: 320, height: HEIGHT } });
      await page.locator('input[type="file"]').setInputFiles(sample);
      const grade = zh ? "分级" : "Grade";
      await enabled(page, grade);
      await openSection(page, page.getByRole("button", { name: zh ? "更多选项" : "More options" }));
      await page.getByRole("checkbox", { name: zh ? "解释每位客户的等级（写入“原因”列）" : "Explain each tier (a Why column)" }).check();
      await page.getByText(zh ? /添加 得分、排名、等级、原因 列/ : /Grade adds Score, Rank, Tier and Why to /).waitFor({ timeout: 60000 });
      await enabled(page, grade);
      await page.getByRole("button", { name: grade, exact: true }).click();
      await openSection(page, page.getByRole("button", { name: zh ? "等级原因" : "Why this tier" }), { timeout: 120000 });

      // The engine's answer for the same file and settings.
      const expected = await gradeWorkbook(await openXlsx(fs.readFileSync(sample)), { ...defaultSettings(lang, new Date()), explain: true });
      if (!expected.ok) throw new Error("the sample has problems");
      const explanations = expected.explain!();
      // A customer below the top tier whose gap a single indicator closes.
      const i = explanations.findIndex((e) => e !== null && e.gap !== undefined && e.close !== undefined);
      const id = expected.customers.ids[i];
      const e = explanations[i]!;

      const box = page.getByRole("combobox", { name: zh ? "查找客户" : "Find a customer" });
      // Typed as an analyst types: the list follows the typing (a page of matches from the worker).
      await box.click();
      await box.pressSequentially(id);
      await page.getByRole("option", { name: id, exact: true }).click();
      const tier = expected.result.labels[e.tier];
      await page.getByText(zh ? `${id}：等级 ${tier}，得分 ${e.score.toFixed(2)}` : `${id}: tier ${tier}, score ${e.score.toFixed(2)}`).first().waitFor();
      const shown = await page.evaluate(() => ({
        contributions: [...document.querySelectorAll("[data-contribution]")].map((li) => Number(li.getAttribute("data-contribution"))),
        texts: [...document.querySelectorAll("[data-contribution]")].map((li) => li.textContent ?? ""),
        score: Number(document.querySelector("[data-score]")?.getAttribute("data-score")),
        gap: Number(document.querySelector("[data-gap]")?.getAttribute("data-gap")),
      }));
      expect(shown.contributions).toEqual(e.contributions);
      expect(shown.contributions.reduce((s, c) => s + c, 0)).toBe(e.score);
      expect(shown.score).toBe(e.score);
      expect(shown.gap).toBe(e.gap);
      // What the analyst reads: each indicator's name and its contribution to two decimals.
      const names = expected.inspection.indicators.map((ind) => ind.name);
      expect(shown.texts).toEqual(e.contributions.map((c, j) => `${names[j]}${c.toLocaleString(lang, { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`));
      const next = expected.result.labels[e.nextTier!];
      await page.getByText(zh ? `比 ${next} 低 ${e.gap!.toFixed(2)} 分。` : `${e.gap!.toFixed(2)} points below ${next}.`).waitFor();
      await page.getByText(new RegExp(`^${zh ? "仅 " : ""}${e.close!.name.replace(/[()]/g, "\\$&")} [+−]`)).waitFor();
      await fitsAndAccessible(page);

      // 270 px: the combobox's list of a page of customers fits too.
      await page.setViewportSize({ width: 270, height: HEIGHT });
      await box.fill("");
      await box.click();
      expect(await page.getByRole("option").count()).toBeLessThanOrEqual(MATCH_LIMIT);
      expect(await horizontalOverflow(page)).toBe(0);
      await page.context().close();
    }, 600000);
  }
});
