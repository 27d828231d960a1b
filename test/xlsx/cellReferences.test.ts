// Cell references. Office places a cell without r one column right of the cell before it ([MS-OI29500]
// Part 1 §18.3.1.4 c, item c), and some producers write rows so: the editor of output columns must judge
// and rebuild such rows without moving a cell. What this executor writes carries r on every cell: a
// copy written without them (a third fewer bytes) was refused by xlsx-populate, a reader in wide use,
// which needs r on every cell (the test below reads a copy with it).

import fc from "fast-check";
import { openXlsx } from "../../src/workbook/executors/xlsx";
import { outputColumnsXml } from "../../src/workbook/executors/xlsx/outputColumnsXml";
import { lastCellColumn, splitCells, splitSheet } from "../../src/workbook/executors/xlsx/sheetScanner";
import { splitByOwner } from "../../src/workbook/executors/xlsx/split";
import { Stylesheet, EMPTY_STYLESHEET } from "../../src/workbook/executors/xlsx/stylesheet";
import { SheetXmlWriter } from "../../src/workbook/executors/xlsx/summarySheetXml";
import { ROOT_SCOPE } from "../../src/workbook/executors/xlsx/xmlTokens";
import { lazyArray } from "../../src/workbook/lazyArray";
import { columnName } from "../../src/workbook/reading/address";
import { defaultSettings, gradeWorkbook } from "../../src/workbook/run";
import type { CellOut, OutputSheet } from "../../src/workbook/types";
import { buildWorkbook, smallCustomerSheets } from "./buildWorkbook";

// xlsx-populate ships no type declarations.
const XlsxPopulate = require("xlsx-populate");

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
        numberFormats: [null, "0.00", null, null],
      },
      { top: 6, left: 2, values: [["far", 9]] },
    ],
    columnWidths: [],
    charts: [],
  };
}

/** A worksheet part of `rows` (each a row's inner XML, rows 1..n). */
const sheetOf = (rows: string[]) =>
  '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="A1:E3"/><sheetData>' +
  rows.map((inner, i) => `<row r="${i + 1}">${inner}</row>`).join("") +
  "</sheetData></worksheet>";

/** Each row's cells as [column, value text] by the tokenizer. */
const placed = (xml: string) => splitSheet(xml).rows.map((row) => splitCells(row.inner, row.scope).map((cell) => [cell.column, cell.inner.replace(/<[^>]+>/g, "")]));

describe("rows whose cells have no r", () => {
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

  test("lastCellColumn agrees with the tokenizer on any row of cells with and without r, prefixed or not", () => {
    const cells = fc.array(fc.record({ skip: fc.integer({ min: 0, max: 3 }), withR: fc.boolean(), value: fc.integer({ min: 0, max: 99 }) }), { maxLength: 8 });
    fc.assert(
      fc.property(cells, fc.constantFrom("", "x"), (list, prefix) => {
        const q = prefix ? `${prefix}:` : "";
        let column = -1;
        let inner = "";
        for (const cell of list) {
          // A cell may go without r only where it directly follows the one before it.
          column += 1 + cell.skip;
          const r = cell.withR || cell.skip > 0 ? ` r="${columnName(column)}2"` : "";
          inner += `<${q}c${r}><${q}v>${cell.value}</${q}v></${q}c>`;
        }
        const scope = prefix ? { ...ROOT_SCOPE, x: "http://schemas.openxmlformats.org/spreadsheetml/2006/main" } : undefined;
        const read = splitCells(inner, scope);
        expect(lastCellColumn(inner, prefix)).toBe(read.length ? read[read.length - 1].column : -1);
      }),
    );
  });

  test("a cell without r right of cleared owned cells keeps its column (it is given its r)", () => {
    // Columns C:D were the add-in's; E is the analyst's note, written without r (as some producers do).
    const before = sheetOf(['<c><v>1</v></c><c><v>2</v></c><c><v>90</v></c><c><v>3</v></c><c t="inlineStr"><is><t>note</t></is></c>']);
    expect(placed(before)).toEqual([[[0, "1"], [1, "2"], [2, "90"], [3, "3"], [4, "note"]]]);
    const after = outputColumnsXml(before, undefined, [{ headerRow: 0, first: 2, last: 3 }], new Stylesheet(EMPTY_STYLESHEET));
    // Dropped C and D left "note" after B: read as C before cellsInPlace gave it r="E1".
    expect(placed(after)).toEqual([[[0, "1"], [1, "2"], [4, "note"]]]);
    expect(splitSheet(after).rows[0].inner).toContain('<c r="E1" t="inlineStr">');
  });
});

describe("what this executor writes carries r on every cell", () => {
  test("the writer of whole rows, with gaps, blanks and a block that starts in column C", () => {
    const writer = new SheetXmlWriter(sheetWithGaps(), new Stylesheet(EMPTY_STYLESHEET));
    const rows = splitSheet([...writer.chunks()].join("")).rows;
    const cells = rows.flatMap((row) => splitCells(row.inner, row.scope));
    expect(cells.length).toBeGreaterThan(10);
    for (const cell of cells) expect(cell.attributes).toMatch(/^ r="[A-Z]+\d+"/);
  });

  test("a per-owner copy opens in xlsx-populate with every value in its cell", async () => {
    const book = await openXlsx(await buildWorkbook(smallCustomerSheets()));
    const graded = await gradeWorkbook(book, defaultSettings("en-US", new Date(Date.UTC(2026, 11, 2, 9, 0))));
    if (!graded.ok) throw new Error(graded.inspection.problems.map((p) => p.message["en-US"]).join("\n"));
    const outcome = await splitByOwner(await book.save(), { by: "Owner", lang: "en-US", baseName: "book" });
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.problems));
    const wu = outcome.copies.find((copy) => copy.owner === "Wu")!;
    const copy = await XlsxPopulate.fromDataAsync(Buffer.from(wu.data));
    const sheet = copy.sheet("Customers");
    const header = [1, 2, 3, 4, 5, 6, 7, 8].map((c) => sheet.row(1).cell(c).value());
    expect(header).toEqual(["Customer ID", "Name", "Owner", "Sales", "Complaints", "Score", "Rank", "Tier"]);
    const ids = [2, 3, 4].map((r) => sheet.row(r).cell(1).value());
    expect(ids).toEqual(["C3", "C4", "C5"]);
    expect([2, 3, 4].map((r) => sheet.row(r).cell(4).value())).toEqual([300, 200, 100]);
    // Each customer's tier as the graded workbook holds it (rows 4..6 are C3..C5, column H the tier).
    const gradedRows = await book.read("Customers", { top: 3, left: 0, rows: 3, columns: 8 });
    expect([2, 3, 4].map((r) => sheet.row(r).cell(8).value())).toEqual(gradedRows.map((row) => row[7]));
  });
});
