// Looks are the plan's (issue 15): a block's CellLook (bold, font size, a line under it), the header
// look of the audit log and the pyramid charts' PyramidLook are decided in planning/styles.ts, and the
// Office.js and .xlsx executors only translate them. One plan through both, read back: the Excel stand-in records each range's font and
// border as Office.js set them (RangeFont.bold/size, RangeBorder.style); the .xlsx file is read by
// xlsx-populate, a reader nobody here wrote (cell.style("bold" | "fontSize" | "bottomBorder")); its chart
// parts by @xmldom/xmldom, element by element as ECMA-376 Part 1 §21.2.2 names them.

import { ExcelWorkbook } from "../../src/workbook/executors/excel";
import { openXlsx } from "../../src/workbook/executors/xlsx";
import { defaultSettings, gradeWorkbook } from "../../src/workbook/run";
import type { GradeSettings } from "../../src/workbook/run";
import { DOMParser } from "@xmldom/xmldom";
import type { Document, Element } from "@xmldom/xmldom";
import { HEADER_LOOK, PYRAMID_LOOK, TITLE_LOOK } from "../../src/workbook/planning/styles";
import type { CellLook, PyramidLook, WritePlan } from "../../src/workbook/types";
import { StandinWorkbook } from "../support/excel-standin";
import { buildWorkbook, packageParts } from "../xlsx/buildWorkbook";
import type { FixtureCell } from "../xlsx/buildWorkbook";

// xlsx-populate ships no type declarations.
const XlsxPopulate = require("xlsx-populate");

const NOW = new Date(2026, 10, 22, 9, 30);
const WEIGHTS: FixtureCell[][] = [
  ["Indicator", "Weight", "Direction"],
  ["Sales", 0.6, "higher"],
  ["Complaints", 0.4, "lower"],
];
const CUSTOMERS: FixtureCell[][] = [["Customer ID", "Sales", "Complaints", "Overdue days", "YoY growth"]];
for (let i = 0; i < 10; i++) CUSTOMERS.push([`C${i + 1}`, 1000 * (((i * 7) % 10) + 1), i % 4, (i * 17) % 120, ((i % 5) - 2) / 10]);
const OVERRIDES: FixtureCell[][] = [
  ["Customer ID", "Tier", "Reason"],
  ["C3", "A", "strategic account"],
];

/** What a cell shows of a look: bold or not, its size when not the default font's, a line under it or not. */
interface Shown {
  bold: boolean;
  size?: number;
  bottomBorder: boolean;
}
const expected = (look: CellLook | undefined): Shown => ({
  bold: look?.bold ?? false,
  ...(look?.size !== undefined ? { size: look.size } : {}),
  bottomBorder: look?.bottomBorder ?? false,
});

/** Every cell a look applies to: each block's cells, and a new audit log's header row. */
function lookedCells(plan: WritePlan): { sheet: string; row: number; column: number; look: CellLook | undefined }[] {
  const cells: { sheet: string; row: number; column: number; look: CellLook | undefined }[] = [];
  for (const sheet of plan.sheets) {
    for (const block of sheet.blocks) {
      block.values.forEach((row, r) =>
        row.forEach((value, c) => {
          if (value !== null && value !== "") cells.push({ sheet: sheet.name, row: block.top + r, column: block.left + c, look: block.look });
        }),
      );
    }
  }
  for (const append of plan.appends ?? []) {
    append.header.forEach((_, c) => cells.push({ sheet: append.sheet, row: 0, column: c, look: append.headerLook }));
    // The rows under a new log's header are plain.
    append.rows[0]?.forEach((value, c) => {
      if (value !== null && value !== "") cells.push({ sheet: append.sheet, row: 1, column: c, look: undefined });
    });
  }
  return cells;
}

function excelModel(): StandinWorkbook {
  const model = new StandinWorkbook();
  for (const [name, rows] of [["Weights", WEIGHTS], ["Customers", CUSTOMERS], ["Overrides", OVERRIDES]] as const) {
    model.addSheet(name);
    model.setValues(name, 0, 0, rows as (string | number)[][]);
  }
  return model;
}

async function xlsxBytes(): Promise<Uint8Array> {
  return buildWorkbook([
    { name: "Weights", rows: WEIGHTS },
    { name: "Customers", rows: CUSTOMERS },
    { name: "Overrides", rows: OVERRIDES },
  ]);
}

/** How the Excel stand-in shows each cell: the font and border Office.js set on its ranges. */
function shownInExcel(model: StandinWorkbook, cells: ReturnType<typeof lookedCells>): Shown[] {
  return cells.map(({ sheet, row, column }) => {
    const style = model.sheet(sheet)!.styles.get(`${row},${column}`) ?? {};
    return {
      bold: style.bold ?? false,
      ...(style.fontSize !== undefined ? { size: style.fontSize } : {}),
      bottomBorder: style.borderBottom === "Continuous",
    };
  });
}

/** How xlsx-populate shows each cell of the saved file; a size equal to the workbook's default font's is the default. */
async function shownInFile(bytes: Uint8Array, cells: ReturnType<typeof lookedCells>, plan: WritePlan): Promise<Shown[]> {
  const workbook = await XlsxPopulate.fromDataAsync(Buffer.from(bytes));
  // The default font's size, as the plain first cell of the analyst's sheet shows it.
  const plain = workbook.sheet("Customers").cell("A1").style("fontSize") ?? 11;
  return cells.map(({ sheet, row, column }) => {
    const cell = workbook.sheet(sheet).cell(row + 1, column + 1);
    // The right cell: xlsx-populate finds sheets by position, so check it holds what the plan wrote.
    const written = plan.sheets.find((s) => s.name === sheet)?.blocks.find((b) => row >= b.top && row < b.top + b.values.length && column >= b.left);
    const value = written?.values[row - written.top]?.[column - written.left];
    if (typeof value === "string") expect({ sheet, row, column, value: cell.value() }).toEqual({ sheet, row, column, value });
    const style = cell.style(["bold", "fontSize", "bottomBorder"]);
    const size = style.fontSize === undefined || style.fontSize === plain ? undefined : style.fontSize;
    return { bold: !!style.bold, ...(size !== undefined ? { size } : {}), bottomBorder: !!style.bottomBorder };
  });
}

/** Runs `settings` on both executors (the plan is the same: executors.test.ts), or runs `change(plan)` instead. */
async function runBoth(settings: GradeSettings, change?: (plan: WritePlan) => WritePlan) {
  const model = excelModel();
  let bytes = await xlsxBytes();
  const xlsx = await openXlsx(bytes);
  const planned = await gradeWorkbook(xlsx, settings);
  if (!planned.ok) throw new Error(planned.inspection.problems.map((p) => p.message["en-US"]).join("; "));
  let plan = planned.plan;
  if (change) {
    plan = change(structuredClone(plan));
    const fresh = await openXlsx(await xlsxBytes());
    await fresh.execute(plan);
    bytes = await fresh.save();
    model.install();
    await new ExcelWorkbook().execute(plan);
  } else {
    bytes = await xlsx.save();
    model.install();
    const outcome = await gradeWorkbook(new ExcelWorkbook(), settings);
    if (!outcome.ok) throw new Error("the Excel run refused");
    expect(outcome.plan).toEqual(plan);
  }
  const cells = lookedCells(plan);
  return { plan, cells, model, bytes, excel: shownInExcel(model, cells), file: await shownInFile(bytes, cells, plan) };
}

/** Each chart as the Excel stand-in holds it, by title: what Office.js set (a property never set is Excel's default). */
function chartsInExcel(model: StandinWorkbook): Record<string, PyramidLook> {
  const found: Record<string, PyramidLook> = {};
  for (const sheet of model.sheets) {
    for (const chart of sheet.charts) {
      const [spacer, bars] = chart.series;
      found[chart.title ?? ""] = {
        gapWidth: bars.gapWidth ?? 150,
        hideSpacer: spacer.fillCleared === true,
        firstOnTop: chart.reversePlotOrder === true,
        legend: chart.legendVisible ?? true,
        valueAxis: chart.valueAxisVisible ?? true,
        labelPosition: bars.labelPosition as PyramidLook["labelPosition"],
      };
    }
  }
  return found;
}

/** Each chart part of the file, by title, read element by element (an absent element is the schema's default). */
async function chartsInFile(bytes: Uint8Array): Promise<Record<string, PyramidLook>> {
  const C = "http://schemas.openxmlformats.org/drawingml/2006/chart";
  const A = "http://schemas.openxmlformats.org/drawingml/2006/main";
  const positions: Record<string, PyramidLook["labelPosition"]> = { ctr: "Center", inEnd: "InsideEnd", inBase: "InsideBase" };
  const found: Record<string, PyramidLook> = {};
  for (const [path, xml] of await packageParts(bytes)) {
    if (!/^xl\/charts\/chart\d+\.xml$/.test(path)) continue;
    const doc = new DOMParser().parseFromString(xml, "text/xml");
    const first = (parent: Element | Document, name: string, ns = C) => parent.getElementsByTagNameNS(ns, name)[0] as Element | undefined;
    const val = (parent: Element | Document, name: string) => first(parent, name)?.getAttribute("val") ?? undefined;
    const series = doc.getElementsByTagNameNS(C, "ser");
    const spacerFill = first(series[0] as Element, "spPr");
    const title = [...Array.from(first(doc, "title")!.getElementsByTagNameNS(A, "t"))].map((t) => t.textContent).join("");
    found[title] = {
      gapWidth: Number(val(doc, "gapWidth") ?? 150),
      hideSpacer: !!spacerFill && first(spacerFill, "noFill", A)?.parentNode === spacerFill,
      firstOnTop: val(first(doc, "catAx")!, "orientation") === "maxMin",
      legend: first(doc, "legend") !== undefined,
      valueAxis: val(first(doc, "valAx")!, "delete") !== "1",
      labelPosition: positions[val(series[1] as Element, "dLblPos") ?? ""],
    };
  }
  return found;
}

const SETTINGS: GradeSettings = { ...defaultSettings("en-US", NOW), risk: true, strategy: {}, period: "2026-Q4" };

describe("looks are the plan's; both executors translate them", () => {
  test("a grading plan's title, header and audit-log looks read back the same from Excel and from the file", async () => {
    const { plan, cells, excel, file } = await runBoth(SETTINGS);
    // The plan carries the looks: a title, header rows on several sheets, the new audit log's header.
    expect(plan.sheets[0].blocks[0].look).toEqual(TITLE_LOOK);
    expect(plan.sheets.filter((sheet) => sheet.blocks.some((block) => block.look === HEADER_LOOK)).length).toBeGreaterThanOrEqual(3);
    expect(plan.appends?.[0]?.headerLook).toEqual(HEADER_LOOK);
    const want = cells.map((cell) => expected(cell.look));
    expect(cells.filter((cell) => cell.look === TITLE_LOOK).length).toBeGreaterThan(0);
    expect(excel).toEqual(want);
    expect(file).toEqual(want);
  }, 60000);

  test("looks the add-in never uses (16 pt, not bold; 9 pt bold and underlined) are drawn as the plan says, by both", async () => {
    const looks: CellLook[] = [{ size: 16 }, { bold: true, size: 9, bottomBorder: true }, { bottomBorder: true }, { bold: false }];
    const { plan, cells, excel, file } = await runBoth(SETTINGS, (p) => {
      let k = 0;
      for (const sheet of p.sheets) {
        for (const block of sheet.blocks) {
          // Titles become 16 pt and not bold; every other looked block gets the next look in turn.
          if (block.look) block.look = block.look.size === TITLE_LOOK.size ? { size: 16 } : looks[k++ % looks.length];
        }
      }
      for (const append of p.appends ?? []) append.headerLook = { size: 16 };
      return p;
    });
    expect(plan.sheets[0].blocks[0].look).toEqual({ size: 16 });
    const want = cells.map((cell) => expected(cell.look));
    // Every invented look is in use, so an executor that draws its own header or title fails here.
    for (const look of looks) expect(cells.some((cell) => cell.look && JSON.stringify(cell.look) === JSON.stringify(look))).toBe(true);
    expect(excel).toEqual(want);
    expect(file).toEqual(want);
  }, 60000);
});

describe("the pyramid charts' presentation is the plan's; both executors translate it", () => {
  test("a grading plan's two pyramids are drawn with PYRAMID_LOOK by Excel and in the file", async () => {
    const { plan, model, bytes } = await runBoth(SETTINGS);
    const charts = plan.sheets.flatMap((sheet) => sheet.charts);
    expect(charts.length).toBe(2);
    const want = Object.fromEntries(charts.map((chart) => [chart.title, { ...PYRAMID_LOOK }]));
    expect(chartsInExcel(model)).toEqual(want);
    expect(await chartsInFile(bytes)).toEqual(want);
  }, 60000);

  test("a look the add-in never uses (wide gaps, spacer shown, best tier at the bottom, legend, value axis, labels at the base) is drawn by both", async () => {
    const other: PyramidLook = { gapWidth: 75, hideSpacer: false, firstOnTop: false, legend: true, valueAxis: true, labelPosition: "InsideBase" };
    const { plan, model, bytes } = await runBoth(SETTINGS, (p) => {
      for (const sheet of p.sheets) for (const chart of sheet.charts) chart.look = { ...other };
      return p;
    });
    const want = Object.fromEntries(plan.sheets.flatMap((sheet) => sheet.charts).map((chart) => [chart.title, other]));
    expect(Object.keys(want).length).toBe(2);
    expect(chartsInExcel(model)).toEqual(want);
    expect(await chartsInFile(bytes)).toEqual(want);
  }, 60000);
});
