// The built page (dist/taskpane.html: the pane, functions and commands bundles) in Chromium when
// office.js is not there: Microsoft's CDN blocked (offline, a proxy, a firewall), or office.js
// loaded but Office.onReady never answering. The pane must start as a web page and grade the
// sample, and no bundle may throw. A third run serves the real office.js (outside Office it
// answers with host null) and checks the same: no uncaught error from any bundle.
// Skipped, visibly, only when Chromium is not installed (in CI: fails).

import * as fs from "fs";
import * as http from "http";
import type { AddressInfo } from "net";
import * as path from "path";
import type { Browser, Page } from "playwright-core";
import { BUILDS, ensureBuilt } from "../support/builds";
import { DIST, OFFICE, ROOT, describeInBrowser, launchChromium, serve } from "./browser";

const SAMPLE = path.join(ROOT, "assets", "sample-customers.en-US.xlsx");
const OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";


/** What Microsoft's CDN does for office.js in each case. */
type Cdn = "blocked" | "never-ready" | "served";

describeInBrowser("the page without Office, in Chromium", () => {
  let server: http.Server;
  let browser: Browser;
  let base: string;

  beforeAll(async () => {
    ensureBuilt(BUILDS.dist); // rebuilt when a source is newer than dist/, not only when it is missing
    server = await serve(DIST);
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await launchChromium();
  }, 600000);

  afterAll(async () => {
    await browser?.close();
    server?.close();
  });

  /** The page, with every uncaught error of its scripts and whether office.js was asked for. */
  async function open(cdn: Cdn): Promise<{ page: Page; errors: string[]; officeRequested: () => boolean }> {
    const context = await browser.newContext({ locale: "en-US" });
    let requested = false;
    await context.route("**/*", (route) => {
      const url = new URL(route.request().url());
      if (url.hostname === "127.0.0.1") return route.continue();
      if (url.href === OFFICE_JS) requested = true;
      if (url.hostname === "appsforoffice.microsoft.com") {
        if (cdn === "never-ready") {
          // office.js that loads but whose onReady never settles (a hung Office start-up).
          return route.fulfill({
            contentType: "application/javascript",
            body: "window.Office = { HostType: { Excel: 'Excel' }, onReady: function () { return new Promise(function () {}); } };",
          });
        }
        if (cdn === "served") {
          const file = path.join(OFFICE, url.pathname.replace(/^\/lib\/1\/hosted\//, ""));
          if (file.startsWith(OFFICE) && fs.existsSync(file)) return route.fulfill({ path: file, contentType: "application/javascript" });
        }
      }
      // Blocked, as a firewall or an offline machine blocks it.
      return route.abort("internetdisconnected");
    });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    await page.goto(`${base}/taskpane.html`);
    return { page, errors, officeRequested: () => requested };
  }

  test("with Microsoft's CDN blocked the pane starts at once as a web page, opens and grades the sample; nothing throws", async () => {
    const { page, errors, officeRequested } = await open("blocked");
    const started = Date.now();
    await page.getByRole("button", { name: "Open workbook…" }).waitFor({ timeout: 60000 });
    // No wait for an onReady that cannot come: there is no Office at all.
    expect(Date.now() - started).toBeLessThan(30000);
    expect(officeRequested()).toBe(true);
    expect(await page.evaluate(() => typeof (window as unknown as { Office?: unknown }).Office)).toBe("undefined");

    await page.locator('input[type="file"]').setInputFiles(SAMPLE);
    await page.getByText("200 customers · 8 indicators · ready to grade").waitFor({ timeout: 60000 });
    await page.waitForFunction(
      () => [...document.querySelectorAll("button")].some((b) => b.textContent?.trim() === "Grade" && !b.disabled),
      undefined,
      { timeout: 60000 },
    );
    await page.getByRole("button", { name: "Grade", exact: true }).click();
    await page.getByRole("button", { name: "Download graded workbook" }).waitFor({ timeout: 120000 });
    expect(errors).toEqual([]);
    await page.context().close();
  }, 300000);

  test("with Microsoft's CDN blocked, none of the three bundles throws (no Office, no CustomFunctions)", async () => {
    const { page, errors } = await open("blocked");
    await page.waitForLoadState("load");
    await page.waitForTimeout(1000);
    expect(await page.evaluate(() => typeof (window as unknown as { CustomFunctions?: unknown }).CustomFunctions)).toBe("undefined");
    expect(errors).toEqual([]);
    await page.context().close();
  }, 300000);

  test("when office.js loads but Office.onReady never answers, the pane starts as a web page after its wait", async () => {
    const { page, errors } = await open("never-ready");
    await page.getByRole("button", { name: "Open workbook…" }).waitFor({ timeout: 60000 });
    expect(await page.evaluate(() => typeof (window as unknown as { Office?: unknown }).Office)).toBe("object");
    expect(errors).toEqual([]);
    await page.context().close();
  }, 300000);

  test("with the real office.js outside Office, the functions and commands bundles load without throwing", async () => {
    const { page, errors } = await open("served");
    await page.getByRole("button", { name: "Open workbook…" }).waitFor({ timeout: 60000 });
    // Every bundle ran to its end: the functions bundle registered nothing (no Excel runtime) and threw nothing.
    const scripts = await page.evaluate(() => [...document.scripts].map((s) => s.getAttribute("src")));
    expect(scripts).toEqual(expect.arrayContaining(["functions.js", "commands.js", "taskpane.js"]));
    // Give the commands bundle's Office.onReady a moment to settle, then look again.
    await page.waitForTimeout(2000);
    expect(errors).toEqual([]);
    await page.context().close();
  }, 300000);
});
