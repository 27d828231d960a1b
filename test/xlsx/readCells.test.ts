import { openXlsx } from "../../src/workbook/executors/xlsx";
import { cellValue, sharedStrings, splitCells, splitSheet } from "../../src/workbook/executors/xlsx/sheetScanner";
import { buildWorkbook } from "./buildWorkbook";

describe("reading an .xlsx: what each kind of cell holds", () => {
  test("shared strings, inline strings, numbers, booleans, error values and dates as serial numbers", async () => {
    const data = await buildWorkbook([
      {
        name: "Mixed",
        rows: [
          ["text", { inline: "inline <b>" }, 12.5, true, { error: "#N/A" }, { date: "2024-01-01" }],
          [null, "甲 & 乙", -3, false, { error: "#DIV/0!" }, { date: "1900-03-01T12:00:00" }],
        ],
      },
    ]);
    const workbook = await openXlsx(data);
    const index = await workbook.index();
    expect(index.sheets).toEqual([{ name: "Mixed", used: { top: 0, left: 0, rows: 2, columns: 6 } }]);
    const values = await workbook.read("Mixed", { top: 0, left: 0, rows: 2, columns: 6 });
    // 2024-01-01 is serial 45292 in Excel's 1900 system; 1900-03-01 noon is 61.5.
    expect(values).toEqual([
      ["text", "inline <b>", 12.5, true, { error: "#N/A" }, 45292],
      [null, "甲 & 乙", -3, false, { error: "#DIV/0!" }, 61.5],
    ]);
  });

  test("a box larger than the data reads blanks as null; a box inside reads only its cells", async () => {
    const workbook = await openXlsx(await buildWorkbook([{ name: "S", rows: [[1, 2], [3, 4]] }]));
    expect(await workbook.read("S", { top: 1, left: 1, rows: 2, columns: 2 })).toEqual([
      [4, null],
      [null, null],
    ]);
  });

  test("Excel tables are listed with their sheet and box, header row included", async () => {
    const workbook = await openXlsx(
      await buildWorkbook([{ name: "Data", table: "Customers", rows: [["ID", "Sales"], ["C1", 1], ["C2", 2]] }]),
    );
    expect((await workbook.index()).tables).toEqual([{ name: "Customers", sheet: "Data", box: { top: 0, left: 0, rows: 3, columns: 2 } }]);
  });

  test("rows and cells without an r attribute follow the one before, as the format allows", () => {
    const split = splitSheet('<worksheet><sheetData><row r="3"><c><v>1</v></c><c t="b"><v>1</v></c></row><row><c r="C4"><v>9</v></c></row></sheetData></worksheet>');
    expect(split.rows.map((row) => row.index)).toEqual([2, 3]);
    const cells = splitCells(split.rows[0].inner);
    expect(cells.map((cell) => [cell.column, cellValue(cell, [])])).toEqual([
      [0, 1],
      [1, true],
    ]);
  });

  test("rich-text shared strings join their runs and drop phonetic hints", () => {
    expect(sharedStrings('<sst><si><r><t>Acme </t></r><r><rPr><b/></rPr><t>Ltd</t></r></si><si><t>東京</t><rPh sb="0" eb="2"><t>トウキョウ</t></rPh></si></sst>')).toEqual([
      "Acme Ltd",
      "東京",
    ]);
  });

  test("bytes that are not a zip are refused", async () => {
    await expect(openXlsx(new TextEncoder().encode("not a workbook"))).rejects.toThrow();
  });
});

describe("the scanner's column of a cell reference", () => {
  test("letters are read in base 26, in either case; a cell without r has none", async () => {
    const { referenceColumn } = await import("../../src/workbook/executors/xlsx/sheetScanner");
    expect(referenceColumn(' r="A1"')).toBe(0);
    expect(referenceColumn(' s="3" r="AB12"')).toBe(27);
    expect(referenceColumn(' r="xfd7"')).toBe(16383);
    expect(referenceColumn(' s="3"')).toBe(-1);
    // "r=" inside another attribute's name is not the reference.
    expect(referenceColumn(' xr="Z9" r="C2"')).toBe(2);
  });
});
