// The add-in's state in Excel: a Custom XML part through workbook.customXmlParts (ExcelApi 1.5), on the
// strict stand-in, compared with what the .xlsx executor records for the same workbook and settings.

import * as fs from "fs";
import * as path from "path";
import { ExcelWorkbook } from "../../src/workbook/executors/excel";
import { executePlan } from "../../src/workbook/executors/excel/executePlan";
import { HostTooOldError } from "../../src/workbook/executors/excel/features";
import { defaultSettings, gradeWorkbook } from "../../src/workbook/run";
import { LEGACY_STATE_NAME, STATE_NAMESPACE, stateXml } from "../../src/workbook/planning/state";
import type { GradeSettings } from "../../src/workbook/settings";
import type { CellValue } from "../../src/workbook/types";
import { openXlsx } from "../../src/workbook/executors/xlsx";
import { RequestContext, StandinWorkbook } from "../support/excel-standin";
import { recordedState } from "../support/standin-customxml";
import { bigState } from "../support/stateFixtures";
import { customerSheet, plan } from "./fixtures";

const NOW = new Date(Date.UTC(2026, 10, 20, 9, 30));
const sample = (lang: "en-US" | "zh-CN") => fs.readFileSync(path.join(__dirname, "../../assets", `sample-customers.${lang}.xlsx`));

/** The stand-in holding what an .xlsx holds: every sheet's values, and its Excel tables. */
async function standinOf(data: Uint8Array, excelApi = 1.8): Promise<StandinWorkbook> {
  const book = await openXlsx(data);
  const index = await book.index();
  const model = new StandinWorkbook({ excelApi });
  for (const sheet of index.sheets) {
    model.addSheet(sheet.name);
    if (!sheet.used) continue;
    const rows = await book.read(sheet.name, { top: 0, left: 0, rows: sheet.used.top + sheet.used.rows, columns: sheet.used.left + sheet.used.columns });
    model.setValues(sheet.name, 0, 0, rows.map((row) => row.map((v: CellValue) => v)));
  }
  for (const table of index.tables) model.addTable(table.name, table.sheet, table.box);
  return model;
}

describe("the state in Excel (customXmlParts, strict stand-in)", () => {
  test.each(["en-US", "zh-CN"] as const)("grading the %s sample in Excel and with the .xlsx executor records the same state", async (lang) => {
    const settings: GradeSettings = { ...defaultSettings(lang, NOW), period: "2026-Q3" };
    const model = await standinOf(sample(lang));
    model.install();
    const inExcel = await gradeWorkbook(new ExcelWorkbook(), settings);
    expect(inExcel.ok).toBe(true);
    const file = await openXlsx(sample(lang));
    expect((await gradeWorkbook(file, settings)).ok).toBe(true);

    const excelState = await new ExcelWorkbook().readState();
    const fileState = await (await openXlsx(await file.save())).readState();
    expect(excelState).toEqual(fileState);
    expect(excelState?.grading?.periods).toEqual(["2026-Q3"]);
    // One part, in our namespace, holding exactly the text the file's customXml/item1.xml holds.
    expect(model.customXmlParts).toHaveLength(1);
    expect(model.customXmlParts[0].namespaceUri).toBe(STATE_NAMESPACE);
    const item = (await file.partText("customXml/item1.xml"))!;
    expect(item.replace(/^<\?xml[^>]*\?>\n/, "")).toBe(model.customXmlParts[0].xml);
    expect(model.names.size).toBe(0);
  });

  test("a record far over 255 characters is written and read back", async () => {
    const f = customerSheet(3);
    f.model.install();
    await new ExcelWorkbook().execute({ state: bigState(), sheets: [] });
    expect(stateXml(bigState()).length).toBeGreaterThan(2000);
    expect(await new ExcelWorkbook().readState()).toEqual(bigState());
  });

  test("the record written is the plan's state as it is, as the .xlsx executor writes it", async () => {
    const f = customerSheet(20);
    f.model.install();
    const made = plan(f);
    const { tierColumn: _column, rowCount: _rows, tierStyles: _styles, ...partial } = made.state;
    await new ExcelWorkbook().execute({ ...made, state: partial });
    expect(recordedState(f.model)).toEqual(partial);
  });

  test("a re-run rewrites the one part (same id); no defined name is ever written", async () => {
    const f = customerSheet(20);
    f.model.install();
    const first = plan(f);
    await new ExcelWorkbook().execute(first);
    const id = f.model.customXmlParts[0].id;
    const previous = await new ExcelWorkbook().readState();
    await new ExcelWorkbook().execute({ ...first, previous, state: { ...first.state, sheets: ["Tier summary"] } });
    expect(f.model.customXmlParts.map((p) => p.id)).toEqual([id]);
    expect(recordedState(f.model)).toMatchObject({ sheets: ["Tier summary"], rowCount: 20 });
    expect(f.model.names.size).toBe(0);
  });

  test("a workbook with the legacy defined name is recognised, and its next run deletes the name and writes the part", async () => {
    const f = customerSheet(20);
    const first = plan(f);
    // A legacy record held no tier styles (a defined name cannot hold more than 255 characters).
    const { tierStyles: _styles, ...legacyState } = first.state;
    const legacy = JSON.stringify(legacyState);
    expect(legacy.length).toBeLessThan(255); // only a record this small could ever have been written by Excel
    f.model.names.set(LEGACY_STATE_NAME, { formula: `="${legacy.replace(/"/g, '""')}"`, visible: false });
    f.model.install();
    const previous = await new ExcelWorkbook().readState();
    expect(previous).toEqual(legacyState);
    await new ExcelWorkbook().execute({ ...first, previous });
    expect(f.model.names.has(LEGACY_STATE_NAME)).toBe(false);
    expect(recordedState(f.model)).toMatchObject({ ...first.state, tierColumn: 2, rowCount: 20 });
  });

  // Whether Excel opens a file holding a sheet named "History" is not documented (Excel refuses to create
  // one; ExcelJS refuses to open such a file), so the stand-in refuses the name and the Excel path is
  // tested on the old zh-CN name 历史, which Excel accepts; the en-US file is migrated by the .xlsx
  // executor (test/xlsx/statePart.test.ts).
  test("a legacy workbook (name + 历史 sheet) opened in Excel: the next Grade migrates 历史 to 分级历史 with its rows", async () => {
    const data = fs.readFileSync(path.join(__dirname, "../fixtures/legacy-state.en-US.xlsx"));
    const book = await openXlsx(data);
    const legacy = (await book.readState())!;
    legacy.sheets = legacy.sheets.map((name) => (name === "History" ? "历史" : name));
    const index = await book.index();
    const model = new StandinWorkbook();
    for (const sheet of index.sheets) {
      model.addSheet(sheet.name === "History" ? "历史" : sheet.name);
      if (!sheet.used) continue;
      const rows = await book.read(sheet.name, { top: 0, left: 0, rows: sheet.used.top + sheet.used.rows, columns: sheet.used.left + sheet.used.columns });
      model.setValues(sheet.name === "History" ? "历史" : sheet.name, 0, 0, rows);
    }
    for (const table of index.tables) model.addTable(table.name, table.sheet, table.box);
    model.names.set(LEGACY_STATE_NAME, { formula: `="${JSON.stringify(legacy).replace(/"/g, '""')}"`, visible: false });
    model.install();
    const oldRows = await new ExcelWorkbook().read("历史", { top: 0, left: 0, rows: 201, columns: 7 });
    expect(await new ExcelWorkbook().readState()).toEqual(legacy);
    const outcome = await gradeWorkbook(new ExcelWorkbook(), { ...defaultSettings("zh-CN", NOW), period: "2026-Q4" });
    expect(outcome.ok).toBe(true);
    expect(model.sheets.map((sheet) => sheet.name)).toEqual(["Weights", "Customers", "分级汇总", "分级历史"]);
    expect(model.names.has(LEGACY_STATE_NAME)).toBe(false);
    expect(recordedState(model)).toMatchObject({ sheets: ["分级汇总", "分级历史"], grading: { periods: ["2026-Q3", "2026-Q4"] } });
    const rows = await new ExcelWorkbook().read("分级历史", { top: 0, left: 0, rows: 402, columns: 7 });
    // The rows carry over; the yes/no column speaks the run's language (no -> 否).
    expect(rows.slice(1, 201).map((row) => row.slice(0, 6))).toEqual(oldRows.slice(1).map((row) => row.slice(0, 6)));
    expect(rows.slice(1, 201).every((row) => row[6] === "否")).toBe(true);
    expect(rows.slice(201, 401).every((row) => row[1] === "2026-Q4")).toBe(true);
  });

  test("below ExcelApi 1.8 (custom XML parts need 1.5) the run stops before writing anything, with both languages", async () => {
    const f = customerSheet(20, { excelApi: 1.4 });
    f.model.names.set(LEGACY_STATE_NAME, { formula: `="${JSON.stringify(plan(f).state).replace(/"/g, '""')}"`, visible: false });
    f.model.install();
    const before = JSON.stringify(f.model.snapshot());
    const error = await new ExcelWorkbook().execute(plan(f)).catch((e: Error) => e);
    expect(error).toBeInstanceOf(HostTooOldError);
    expect((error as Error).message).toMatch(/ExcelApi 1\.8.*ExcelApi 1\.8/);
    expect(JSON.stringify(f.model.snapshot())).toBe(before);
    expect(f.model.syncs).toHaveLength(0);
  });
});

describe("the stand-in's customXmlParts follows Excel's documented rules", () => {
  const context = (excelApi = 1.8) => new RequestContext(new StandinWorkbook({ excelApi }));

  test("add() refuses XML that is not well-formed (\"Must be a valid XML fragment\")", async () => {
    const ctx = context();
    ctx.workbook.customXmlParts.add("<state xmlns='urn:x'>unclosed");
    await expect(ctx.sync()).rejects.toThrow(/InvalidArgument/);
    expect(ctx.model.customXmlParts).toHaveLength(0);
  });

  test("getByNamespace returns exactly the parts of that namespace; an empty namespace is refused", async () => {
    const ctx = context();
    ctx.workbook.customXmlParts.add("<a xmlns='urn:one'/>");
    ctx.workbook.customXmlParts.add("<b xmlns='urn:two'>2</b>");
    ctx.workbook.customXmlParts.add("<c/>");
    const one = ctx.workbook.customXmlParts.getByNamespace("urn:two").load("items/id");
    await ctx.sync();
    expect(one.items).toHaveLength(1);
    const xml = one.items[0].getXml();
    // eslint-disable-next-line office-addins/call-sync-before-read, office-addins/load-object-before-read -- the stand-in must refuse this read; the test checks it does
    expect(() => xml.value).toThrow(/PropertyNotLoaded/);
    await ctx.sync();
    // eslint-disable-next-line office-addins/call-sync-before-read, office-addins/load-object-before-read -- synced above; a ClientResult needs no load
    expect(xml.value).toBe("<b xmlns='urn:two'>2</b>");
    ctx.workbook.customXmlParts.getByNamespace("").load("items/id");
    await expect(ctx.sync()).rejects.toThrow(/InvalidArgument/);
  });

  test("items are readable only after load and sync; below ExcelApi 1.5 every call fails at sync", async () => {
    const ctx = context();
    const parts = ctx.workbook.customXmlParts.getByNamespace("urn:one");
    // eslint-disable-next-line office-addins/call-sync-before-read, office-addins/load-object-before-read -- the stand-in must refuse this read; the test checks it does
    expect(() => parts.items).toThrow(/PropertyNotLoaded/);
    const old = context(1.4);
    old.workbook.customXmlParts.add("<a xmlns='urn:one'/>");
    await expect(old.sync()).rejects.toThrow(/ApiNotFound/);
  });

  test("executePlan on the stand-in records through customXmlParts only", async () => {
    const f = customerSheet(5);
    f.model.install();
    await executePlan(new RequestContext(f.model) as unknown as Excel.RequestContext, plan(f));
    expect(f.model.customXmlParts.map((p) => p.namespaceUri)).toEqual([STATE_NAMESPACE]);
  });
});
