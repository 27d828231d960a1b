// Looks are the plan's (issue 15): a block's CellLook (bold, font size, a line under it) and the header
// look of the audit log are decided in planning/styles.ts, and the Office.js and .xlsx executors only
// translate them. One plan through both, read back: the Excel stand-in records each range's font and
// border as Office.js set them (RangeFont.bold/size, RangeBorder.style); the .xlsx file is read by
// xlsx-populate, a reader nobody here wrote (cell.style("bold" | "fontSize" | "bottomBorder")).

import { ExcelWorkbook } from "../../src/workbook/executors/excel";
import { openXlsx } from "../../src/workbook/executors/xlsx";
import { defaultSettings, gradeWorkbook } from "../../src/workbook/run";
import type { GradeSettings } from "../../src/workbook/run";
import { HEADER_LOOK, TITLE_LOOK } from "../../src/workbook/planning/styles";
import type { CellLook, WritePlan } from "../../src/workbook/types";
import { StandinWorkbook } from "../support/excel-standin";
import { buildWorkbook } from "../xlsx/buildWorkbook";
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
  return { plan, cells, excel: shownInExcel(model, cells), file: await shownInFile(bytes, cells, plan) };
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
