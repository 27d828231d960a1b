// Cells written without r: a cell that directly follows the previous cell of its row (or is the row's
// first, in column A) stands where a reader puts a cell without r, so the writer of whole rows leaves r
// out ([MS-OI29500] Part 1 §18.3.1.4 c, item c). Checked against this project's readers, against the
// editor of output columns (which judges a row by its last cell) and against LibreOffice.

import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { openXlsx } from "../../src/workbook/executors/xlsx";
import { cellXmlAt } from "../../src/workbook/executors/xlsx/cellXml";
import fc from "fast-check";
import { appendsAfter, lastCellColumn, lastCellScan, splitCells, splitSheet } from "../../src/workbook/executors/xlsx/sheetScanner";
import { outputColumnsXml } from "../../src/workbook/executors/xlsx/outputColumnsXml";
import { Stylesheet, EMPTY_STYLESHEET } from "../../src/workbook/executors/xlsx/stylesheet";
import { SheetXmlWriter } from "../../src/workbook/executors/xlsx/summarySheetXml";
import { lazyArray } from "../../src/workbook/lazyArray";
import { columnName } from "../../src/workbook/reading/address";
import { ROOT_SCOPE } from "../../src/workbook/executors/xlsx/xmlTokens";
import type { CellOut, OutputColumns, OutputSheet } from "../../src/workbook/types";
import { describeWithLibreOffice, sheetsAsCsv } from "../support/libreoffice";
import { buildWorkbook, packageParts, smallCustomerSheets } from "./buildWorkbook";

const ROWS: CellOut[][] = [
  ["C1", 12.5, null, true],
  ["C2", null, "x y", false],
  [null, 3, "", null],
  ["C4", 7, "z", null],
];

/** A sheet of a header, a dense table (a lazy view, as a copy's rows are) with blanks in it, and a block that starts in column C. */
function sheetWithGaps(): OutputSheet {
  return {
    name: "Gaps",
    blocks: [
      { top: 0, left: 0, values: [["ID", "Sales", "Note", "Flag"]], look: { bold: true } },
      {
        top: 1,
        left: 0,
        values: lazyArray({ length: ROWS.length, make: (i) => [...ROWS[i]], valuesOnly: true, width: 4 }),
        // Sales is styled: its blank cell is written (a style alone), so the cell after it follows it.
        numberFormats: [null, "0.00", null, null],
      },
      { top: 6, left: 2, values: [["far", 9]] },
    ],
    columnWidths: [],
    charts: [],
  };
}

const PLAN = {
  state: { version: 1 as const, sheet: "Customers", headerRow: 0, firstColumn: 5, headers: [], sheets: ["Gaps"] },
  sheets: [sheetWithGaps()],
};

describe("a cell's r left out where it follows the previous cell", () => {
  test("cellXmlAt writes r when given one and none for ''", () => {
    expect(cellXmlAt("F2", 87.5, 3)).toBe('<c r="F2" s="3"><v>87.5</v></c>');
    expect(cellXmlAt("", 87.5, 3)).toBe('<c s="3"><v>87.5</v></c>');
    expect(cellXmlAt("", 87.5)).toBe("<c><v>87.5</v></c>");
    expect(cellXmlAt("", "A")).toBe('<c t="inlineStr"><is><t>A</t></is></c>');
    expect(cellXmlAt("", null, 2)).toBe('<c s="2"/>');
    expect(cellXmlAt("", null)).toBe("");
  });

  test("the writer of whole rows gives r exactly to the cells that do not follow the one before them", () => {
    const writer = new SheetXmlWriter(sheetWithGaps(), new Stylesheet(EMPTY_STYLESHEET));
    const rows = splitSheet([...writer.chunks()].join("")).rows;
    const withR = rows.map((row) => splitCells(row.inner, row.scope).map((cell) => [cell.column, /\br="/.test(cell.attributes)]));
    expect(withR).toEqual([
      [[0, false], [1, false], [2, false], [3, false]],
      [[0, false], [1, false], [3, true]], // C2 blank without a style: nothing written, so D2 carries r
      [[0, false], [1, false], [2, false], [3, false]], // B3 blank but styled: written, so C3 follows it
      [[1, true]], // A4 blank: the row starts at B (C4's "" is blank too)
      [[0, false], [1, false], [2, false]],
      [[2, true], [3, false]], // the block that starts in column C (row 6 has no cell: no row)
    ]);
  });

  test("a row's last column counts the cells without r after the last one with r", () => {
    expect(lastCellColumn('<c r="A2"><v>1</v></c><c r="D2" t="s"><v>0</v></c>', "")).toBe(3);
    // Read as the cell "<c " before it (column A) when lastCellColumn looked only for "<c ": a row so
    // ending went to the editor as ending left of where it ends.
    expect(lastCellColumn('<c r="A2"><v>1</v></c><c><v>2</v></c>', "")).toBe(1);
    expect(lastCellColumn('<c r="C2"><v>1</v></c><c><v>2</v></c><c s="1"/>', "")).toBe(4);
    expect(lastCellColumn('<c><v>1</v></c><c t="b"><v>0</v></c>', "")).toBe(1);
    expect(lastCellColumn('<x:c r="B2"><x:v>1</x:v></x:c><x:c><x:v>2</x:v></x:c>', "x")).toBe(2);
    expect(lastCellColumn("", "")).toBe(-1);
  });

  test("lastCellScan is lastCellColumn and appendsAfter in one, and both agree with the tokenizer", () => {
    // Rows of cells in ascending columns, each with r or (where it directly follows the cell before) without.
    const cells = fc.array(fc.record({ skip: fc.integer({ min: 0, max: 3 }), withR: fc.boolean(), value: fc.integer({ min: 0, max: 99 }) }), { maxLength: 8 });
    fc.assert(
      fc.property(cells, fc.constantFrom("", "x"), (list, prefix) => {
        const q = prefix ? `${prefix}:` : "";
        let column = -1;
        let inner = "";
        for (const cell of list) {
          const follows = cell.skip === 0;
          column += 1 + cell.skip;
          const r = cell.withR || !follows ? ` r="${columnName(column)}2"` : "";
          inner += `<${q}c${r}><${q}v>${cell.value}</${q}v></${q}c>`;
        }
        const scope = prefix ? { ...ROOT_SCOPE, x: "http://schemas.openxmlformats.org/spreadsheetml/2006/main" } : undefined;
        const read = splitCells(inner, scope);
        const last = read.length ? read[read.length - 1].column : -1;
        const bare = read.length > 0 && !/\br="/.test(read[read.length - 1].attributes);
        expect(lastCellColumn(inner, prefix)).toBe(last);
        expect(appendsAfter(inner, prefix, last)).toBe(bare ? last : -1);
        expect(lastCellScan(inner, prefix)).toBe(last < 0 ? -1 : last * 2 + (bare ? 1 : 0));
      }),
    );
  });

  test("every row's last column is what the writer says it is, and what the tokenizer reads", () => {
    const writer = new SheetXmlWriter(sheetWithGaps(), new Stylesheet(EMPTY_STYLESHEET));
    for (const row of [...writer.rowBatches()].flat()) {
      const cells = splitCells(row.inner);
      expect(lastCellColumn(row.inner, "")).toBe(row.last);
      expect(cells[cells.length - 1].column).toBe(row.last);
    }
  });

  test("written into a workbook, the sheet reads back cell for cell", async () => {
    const workbook = await openXlsx(await buildWorkbook(smallCustomerSheets()));
    await workbook.execute(PLAN);
    const back = await openXlsx(await workbook.save());
    const grid = await back.read("Gaps", { top: 0, left: 0, rows: 7, columns: 4 });
    expect(grid).toEqual([
      ["ID", "Sales", "Note", "Flag"],
      ["C1", 12.5, null, true],
      ["C2", null, "x y", false],
      [null, 3, null, null],
      ["C4", 7, "z", null],
      [null, null, null, null],
      [null, null, "far", 9],
    ]);
  });
});

/** A worksheet part of `rows` (each a row's inner XML, rows 1..n). */
const sheetOf = (rows: string[]) =>
  '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="A1:E3"/><sheetData>' +
  rows.map((inner, i) => `<row r="${i + 1}">${inner}</row>`).join("") +
  "</sheetData></worksheet>";

/** Each row's cells as [column, value text] by the tokenizer. */
const placed = (xml: string) => splitSheet(xml).rows.map((row) => splitCells(row.inner, row.scope).map((cell) => [cell.column, cell.inner.replace(/<[^>]+>/g, "")]));

describe("the editor of output columns and rows without r", () => {
  const columns = (values: CellOut[][]): OutputColumns => ({
    sheet: "S",
    headerRow: 0,
    firstColumn: 2,
    rowCount: values.length,
    columns: [
      { header: "Score", numberFormat: "0.0", values: values.map((v) => v[0]) },
      { header: "Tier", numberFormat: "@", values: values.map((v) => v[1]) },
    ],
    tierColumn: 1,
    tierStyles: [],
  });

  test("new cells after a row's last cell without r go without r; after a cell with r, with r", () => {
    expect(appendsAfter("<c><v>1</v></c><c><v>2</v></c>", "", 1)).toBe(1);
    expect(appendsAfter('<c r="A2"><v>1</v></c><c r="B2"><v>2</v></c>', "", 1)).toBe(-1);
    const xml = outputColumnsXml(
      sheetOf(['<c t="inlineStr"><is><t>ID</t></is></c><c t="inlineStr"><is><t>Sales</t></is></c>', "<c><v>7</v></c><c><v>5</v></c>", '<c r="A3"><v>8</v></c><c r="B3"><v>6</v></c>']),
      columns([[90, "A"], [80, "B"]]),
      [],
      new Stylesheet(EMPTY_STYLESHEET),
    );
    const rows = splitSheet(xml).rows;
    expect(rows[1].inner).toMatch(/^<c><v>7<\/v><\/c><c><v>5<\/v><\/c><c s="\d+"><v>90<\/v><\/c><c s="\d+" t="inlineStr">/);
    expect(rows[2].inner).toMatch(/<c r="B3"><v>6<\/v><\/c><c r="C3" s="\d+"><v>80<\/v><\/c><c r="D3" s="\d+" t="inlineStr">/);
    expect(placed(xml).slice(1)).toEqual([
      [[0, "7"], [1, "5"], [2, "90"], [3, "A"]],
      [[0, "8"], [1, "6"], [2, "80"], [3, "B"]],
    ]);
  });

  test("a cell without r right of cleared owned cells keeps its column (it is given its r)", () => {
    // Columns C:D were the add-in's; E is the analyst's note, written without r (as some producers do).
    const before = sheetOf(["<c><v>1</v></c><c><v>2</v></c><c><v>90</v></c><c><v>3</v></c><c t=\"inlineStr\"><is><t>note</t></is></c>"]);
    expect(placed(before)).toEqual([[[0, "1"], [1, "2"], [2, "90"], [3, "3"], [4, "note"]]]);
    const after = outputColumnsXml(before, undefined, [{ headerRow: 0, first: 2, last: 3 }], new Stylesheet(EMPTY_STYLESHEET));
    // Dropped C and D left "note" after B: read as C before cellsInPlace gave it r="E1".
    expect(placed(after)).toEqual([[[0, "1"], [1, "2"], [4, "note"]]]);
    expect(splitSheet(after).rows[0].inner).toContain('<c r="E1" t="inlineStr">');
  });
});

describeWithLibreOffice("LibreOffice places cells written without r", () => {
  test("the sheet with gaps opens with every value in its column", async () => {
    const workbook = await openXlsx(await buildWorkbook(smallCustomerSheets()));
    await workbook.execute(PLAN);
    const data = await workbook.save();
    // The rows really are written without r (else this test proves nothing about them).
    expect((await packageParts(data)).get("xl/worksheets/sheet3.xml")).toContain('<row r="2"><c t="inlineStr"><is><t>C1</t></is></c><c s="');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tiers-refs-"));
    try {
      const file = path.join(dir, "gaps.xlsx");
      fs.writeFileSync(file, data);
      const rows = sheetsAsCsv(file, ["Gaps"]).Gaps;
      expect(rows.slice(0, 7).map((row) => row.slice(0, 4))).toEqual([
        ["ID", "Sales", "Note", "Flag"],
        ["C1", "12.5", "", "TRUE"],
        ["C2", "", "x y", "FALSE"],
        ["", "3", "", ""],
        ["C4", "7", "z", ""],
        ["", "", "", ""],
        ["", "", "far", "9"],
      ]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
