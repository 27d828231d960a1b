// The task pane as a web page, in a real browser: Chromium driven by playwright-core opens the built
// dist/taskpane.html outside Office (Office.onReady gives host null), opens the sample workbook, changes
// the tier scheme, grades, downloads, and the downloaded file holds the engine's tiers. An invalid
// workbook shows its problem with sheet and cell. Skipped, visibly, when Chromium is not installed (in CI: fails).

import * as fs from "fs";
import * as http from "http";
import type { AddressInfo } from "net";
import * as os from "os";
import * as path from "path";
import type { Browser, Page } from "playwright-core";
import { defaultSettings, gradeWorkbook } from "../../src/workbook/run";
import { openXlsx } from "../../src/workbook/executors/xlsx";
import { BUILDS, ensureBuilt } from "../support/builds";
import { buildWorkbook, smallCustomerSheets } from "../xlsx/buildWorkbook";
import { describeInBrowser, DIST, launchChromium, OFFICE, openSection, ROOT, serve } from "./browser";

const SAMPLE = path.join(ROOT, "assets", "sample-customers.en-US.xlsx");
const SAMPLE_ZH = path.join(ROOT, "assets", "sample-customers.zh-CN.xlsx");

describeInBrowser("the task pane as a web page in Chromium", () => {
  let server: http.Server;
  let browser: Browser;
  let base: string;
  let work: string;

  beforeAll(async () => {
    ensureBuilt(BUILDS.dist); // rebuilt when a source is newer than dist/, not only when it is missing
    server = await serve(DIST);
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    work = fs.mkdtempSync(path.join(os.tmpdir(), "tiers-e2e-"));
    browser = await launchChromium();
  }, 600000);

  afterAll(async () => {
    await browser?.close();
    server?.close();
    if (work) fs.rmSync(work, { recursive: true, force: true });
  });

  /** A page whose office.js comes from node_modules and which reaches nothing but this machine. */
  async function pane(locale: string): Promise<Page> {
    const context = await browser.newContext({ locale, acceptDownloads: true });
    await context.route("**/*", (route) => {
      const url = new URL(route.request().url());
      if (url.hostname === "127.0.0.1") return route.continue();
      if (url.hostname === "appsforoffice.microsoft.com") {
        const file = path.join(OFFICE, url.pathname.replace(/^\/lib\/1\/hosted\//, ""));
        if (file.startsWith(OFFICE) && fs.existsSync(file)) {
          return route.fulfill({ path: file, contentType: "application/javascript" });
        }
      }
      return route.abort();
    });
    const page = await context.newPage();
    await page.goto(`${base}/taskpane.html`);
    return page;
  }

  test("opens the sample, grades it by the analyst's score cut-offs and downloads the engine's tiers", async () => {
    const page = await pane("en-US");
    await page.locator('input[type="file"]').setInputFiles(SAMPLE);
    const gradeButton = page.getByRole("button", { name: "Grade", exact: true });
    await gradeButton.waitFor({ timeout: 60000 });
    await page.getByText("200 customers · 8 indicators · ready to grade").waitFor({ timeout: 60000 });

    await page.getByRole("combobox", { name: "Tier scheme" }).click();
    await page.getByRole("option", { name: "Score cut-offs" }).click();
    // The analyst's own cut-offs, typed into the scheme editor.
    await page.getByLabel("Minimum score for A").fill("50");
    await page.getByLabel("Minimum score for B").fill("30");
    // The pane checks the workbook again after a settings change; Grade is enabled once that is done.
    await page.waitForFunction(
      () => [...document.querySelectorAll("button")].some((b) => b.textContent?.trim() === "Grade" && !b.disabled),
      undefined,
      { timeout: 60000 },
    );
    await gradeButton.click();

    const downloadButton = page.getByRole("button", { name: "Download graded workbook" });
    await downloadButton.waitFor({ timeout: 120000 });
    await page.waitForFunction(
      () => [...document.querySelectorAll("button")].some((b) => b.textContent?.includes("Download graded workbook") && !b.disabled),
      undefined,
      { timeout: 120000 },
    );
    const [download] = await Promise.all([page.waitForEvent("download"), downloadButton.click()]);
    const saved = path.join(work, "graded.xlsx");
    await download.saveAs(saved);
    expect(download.suggestedFilename()).toBe("sample-customers.en-US.graded.xlsx");

    // The engine's answer for the same file and settings.
    const expected = await openXlsx(fs.readFileSync(SAMPLE));
    const outcome = await gradeWorkbook(expected, {
      ...defaultSettings("en-US", new Date()),
      scheme: { kind: "cutoffs", cutoffs: [50, 30] },
    });
    if (!outcome.ok) throw new Error("the sample has problems");
    const got = await openXlsx(fs.readFileSync(saved));
    const index = await got.index();
    const customers = index.sheets.find((s) => s.name === "Customers")!;
    const rows = await got.read("Customers", customers.used!);
    const tierAt = rows[0].indexOf("Tier");
    expect(tierAt).toBeGreaterThan(0);
    const tiers = rows.slice(1).map((row) => row[tierAt]);
    expect(tiers).toEqual(Array.from(outcome.result.tier, (t) => outcome.result.labels[t]));
    expect(new Set(tiers)).toEqual(new Set(["A", "B", "C"]));
    await page.context().close();
  }, 300000);

  test("speaks Chinese in a zh-CN browser and grades the Chinese sample", async () => {
    const page = await pane("zh-CN");
    await page.getByRole("button", { name: "打开工作簿…" }).waitFor({ timeout: 60000 });
    await page.locator('input[type="file"]').setInputFiles(SAMPLE_ZH);
    const gradeButton = page.getByRole("button", { name: "分级", exact: true });
    await page.getByText("200 位客户 · 8 个指标 · 可以分级").waitFor({ timeout: 60000 });
    await gradeButton.click();
    await page.getByRole("button", { name: "下载已分级的工作簿" }).waitFor({ timeout: 120000 });
    await page.context().close();
  }, 300000);

  test("grades, then downloads one owner's copy and a copy prepared for sharing", async () => {
    const file = path.join(work, "owners.xlsx");
    fs.writeFileSync(file, await buildWorkbook(smallCustomerSheets()));
    const page = await pane("en-US");
    await page.locator('input[type="file"]').setInputFiles(file);
    const gradeButton = page.getByRole("button", { name: "Grade", exact: true });
    await page.waitForFunction(
      () => [...document.querySelectorAll("button")].some((b) => b.textContent?.trim() === "Grade" && !b.disabled),
      undefined,
      { timeout: 60000 },
    );
    await gradeButton.click();
    await page.getByRole("button", { name: "Download graded workbook" }).waitFor({ timeout: 120000 });

    // "Send it to others" appears once there is something to send.
    await openSection(page, page.getByRole("button", { name: "Send it to others" }));
    await page.getByRole("button", { name: "Make the copies" }).click();
    await page.getByText(/owners\.Wu\.xlsx — salesperson, 3 customers/).waitFor({ timeout: 60000 });
    expect(await page.getByRole("button", { name: /^Save .*'s copy$/ }).count()).toBe(3);
    const [copy] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Save Wu's copy" }).click()]);
    expect(copy.suggestedFilename()).toBe("owners.Wu.xlsx");
    const copyFile = path.join(work, "wu.xlsx");
    await copy.saveAs(copyFile);
    const wu = await openXlsx(fs.readFileSync(copyFile));
    const rows = await wu.read("Customers", { top: 1, left: 0, rows: 5, columns: 3 });
    expect(rows.map((row) => row[0])).toEqual(["C3", "C4", "C5", null, null]);
    expect(rows.slice(0, 3).every((row) => row[2] === "Wu")).toBe(true);

    const [shared] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Prepare a copy for sharing" }).click()]);
    expect(shared.suggestedFilename()).toBe("owners.shared.xlsx");
    const sharedFile = path.join(work, "shared.xlsx");
    await shared.saveAs(sharedFile);
    expect((await (await openXlsx(fs.readFileSync(sharedFile))).index()).sheets.map((s) => s.name)).toContain("About this grading");
    await page.getByText(/the sheet “About this grading” says how it was graded/).waitFor({ timeout: 60000 });
    await page.context().close();
  }, 300000);

  test("an invalid workbook shows its problem with sheet and cell", async () => {
    const sheets = smallCustomerSheets();
    const customers = sheets.find((s) => s.name === "Customers")!;
    customers.rows[3][customers.rows[0].indexOf("Sales")] = "lots";
    const file = path.join(work, "broken.xlsx");
    fs.writeFileSync(file, await buildWorkbook(sheets));
    const page = await pane("en-US");
    await page.locator('input[type="file"]').setInputFiles(file);
    const column = String.fromCharCode(65 + customers.rows[0].indexOf("Sales"));
    await page.getByText(`Customers!${column}4`).first().waitFor({ timeout: 60000 });
    expect(await page.getByRole("button", { name: "Grade", exact: true }).isDisabled()).toBe(true);
    await page.context().close();
  }, 300000);
});
