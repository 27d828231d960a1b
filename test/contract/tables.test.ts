// Customer data in an Excel table, through the .xlsx and Excel executors: the first run adds the
// output columns to the table; the analyst then adds a "Note" column right of them (in Excel, typing
// next to a table makes it a table column; in the file, the same edit made to the table and sheet
// parts); re-runs keep the note where it is, write the outputs in place, rename them for the other
// language, and stop with the same problem when the run would need another column (issue 12 defect 4).

import JSZip from "jszip";
import { ExcelWorkbook } from "../../src/workbook/executors/excel";
import { defaultSettings, gradeWorkbook } from "../../src/workbook/run";
import type { GradeSettings } from "../../src/workbook/run";
import { openXlsx } from "../../src/workbook/executors/xlsx";
import type { CellValue } from "../../src/workbook/types";
import { StandinWorkbook } from "../support/excel-standin";
import { buildWorkbook, smallCustomerSheets } from "../xlsx/buildWorkbook";

const NOW = new Date(2026, 10, 22, 9, 30);
const settings = (overrides: Partial<GradeSettings> = {}): GradeSettings => ({ ...defaultSettings("en-US", NOW), ...overrides });
// Customers A:E (5 customers), outputs F:H, the note in I.
const NOTE = 8;

/** The file after the analyst added a "Note" table column right of the table, with a note per row. */
async function addNoteToFile(bytes: Uint8Array): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  const tablePath = Object.keys(zip.files).find((p) => /^xl\/tables\/table\d+\.xml$/.test(p))!;
  let table = await zip.file(tablePath)!.async("string");
  if (!table.includes('displayName="Customers"')) throw new Error("first table is not Customers");
  table = table
    .replace(/ref="A1:H6"/g, 'ref="A1:I6"')
    .replace(/<tableColumns count="(\d+)">/, (_, n: string) => `<tableColumns count="${Number(n) + 1}">`)
    .replace("</tableColumns>", '<tableColumn id="99" name="Note"/></tableColumns>');
  zip.file(tablePath, table);
  const sheetPath = "xl/worksheets/sheet1.xml";
  let sheet = await zip.file(sheetPath)!.async("string");
  for (let r = 1; r <= 6; r++) {
    const text = r === 1 ? "Note" : `note ${r}`;
    sheet = sheet.replace(new RegExp(`(<row r="${r}"[^>]*>[\\s\\S]*?)(</row>)`), (_, row: string, end: string) => `${row}<c r="I${r}" t="inlineStr"><is><t>${text}</t></is></c>${end}`);
  }
  zip.file(sheetPath, sheet.replace(/<dimension ref="[^"]*"\/>/, '<dimension ref="A1:I6"/>'));
  return zip.generateAsync({ type: "uint8array" });
}

function addNoteToStandin(model: StandinWorkbook): void {
  const table = model.tables.find((t) => t.name === "Customers")!;
  model.setValues("Customers", 0, NOTE, [["Note"]]);
  for (let r = 1; r <= 5; r++) model.setValues("Customers", r, NOTE, [[`note ${r + 1}`]]);
  table.headers.push("Note");
  table.box = { ...table.box, columns: table.box.columns + 1 };
}

describe("a customer table with an analyst's column right of the outputs", () => {
  test("the .xlsx and Excel executors keep the note, write in place, rename, and refuse alike", async () => {
    // .xlsx
    let bytes = await buildWorkbook(smallCustomerSheets({ tables: true }));
    let book = await openXlsx(bytes);
    expect((await gradeWorkbook(book, settings())).ok).toBe(true);
    bytes = await addNoteToFile(await book.save());
    // Excel
    const model = new StandinWorkbook();
    for (const sheet of smallCustomerSheets()) {
      model.addSheet(sheet.name);
      model.setValues(sheet.name, 0, 0, sheet.rows as (string | number)[][]);
    }
    model.addTable("Customers", "Customers", { top: 0, left: 0, rows: 6, columns: 5 });
    model.addTable("Weights", "Weights", { top: 0, left: 0, rows: 3, columns: 3 });
    model.install();
    expect((await gradeWorkbook(new ExcelWorkbook(), settings())).ok).toBe(true);
    addNoteToStandin(model);

    const excelGrid = () => {
      const rows: CellValue[][] = [];
      for (let r = 0; r < 6; r++) {
        const row: CellValue[] = [];
        for (let c = 0; c <= NOTE; c++) {
          const v = model.get("Customers", r, c);
          row.push(v === undefined ? null : (v as CellValue));
        }
        rows.push(row);
      }
      return rows;
    };
    for (const [label, s] of [
      ["again", settings()],
      ["in Chinese", settings({ lang: "zh-CN" })],
    ] as const) {
      book = await openXlsx(bytes);
      const a = await gradeWorkbook(book, s);
      expect({ label, ok: a.ok }).toEqual({ label, ok: true });
      bytes = await book.save();
      book = await openXlsx(bytes);
      model.install();
      const b = await gradeWorkbook(new ExcelWorkbook(), s);
      expect({ label, ok: b.ok }).toEqual({ label, ok: true });
      const fileGrid = await book.read("Customers", { top: 0, left: 0, rows: 6, columns: NOTE + 1 });
      expect({ label, grid: fileGrid }).toEqual({ label, grid: excelGrid() });
      expect(fileGrid.map((row) => row[NOTE])).toEqual(["Note", "note 2", "note 3", "note 4", "note 5", "note 6"]);
      const headers = label === "again" ? ["Score", "Rank", "Tier"] : ["得分", "排名", "等级"];
      expect(fileGrid[0].slice(5, 8)).toEqual(headers);
      expect(model.tables[0].headers).toEqual([...smallCustomerSheets()[0].rows[0], ...headers, "Note"]);
      const table = (await book.index()).tables.find((t) => t.name === "Customers");
      expect(table?.box).toEqual({ top: 0, left: 0, rows: 6, columns: 9 });
      const zip = await JSZip.loadAsync(bytes);
      const part = await zip.file(Object.keys(zip.files).find((p) => /^xl\/tables\/table\d+\.xml$/.test(p))!)!.async("string");
      expect([...part.matchAll(/<tableColumn\b[^>]*\bname="([^"]*)"/g)].map((m) => m[1]).slice(5)).toEqual([...headers, "Note"]);
    }

    // One more column (risk) would need room the note takes: both stop with the same problem.
    book = await openXlsx(bytes);
    const a = await gradeWorkbook(book, settings({ risk: true }));
    model.install();
    const b = await gradeWorkbook(new ExcelWorkbook(), settings({ risk: true }));
    const blocked = (o: typeof a) => o.inspection.problems.filter((p) => p.code === "output-columns-blocked").map((p) => `${p.sheet}!${p.cell}`);
    expect([a.ok, b.ok]).toEqual([false, false]);
    expect(blocked(a)).toEqual(["Customers!I1"]);
    expect(blocked(b)).toEqual(["Customers!I1"]);
  });
});
