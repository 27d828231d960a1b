// plan.fills on a worksheet part (fillCellsXml): a number into an existing cell keeps the cell's style,
// a missing cell or row is inserted in order, a formula in a filled cell goes, prefixed SpreadsheetML
// stays prefixed, untouched rows stay byte for byte, and a shared formula's first cell is refused unless
// its whole range is filled.

import { fillCellsXml } from "../../src/workbook/executors/xlsx/fillCellsXml";
import { readSheet } from "../../src/workbook/executors/xlsx/sheetScanner";

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

const values = (xml: string) =>
  Object.fromEntries(readSheet(xml, []).rows.flatMap((row) => row.cells.map((cell) => [`${row.index},${cell.column}`, cell.value])));

describe("fillCellsXml", () => {
  test("fills an existing styled cell, inserts a missing cell and a missing row, and leaves other rows as they were", () => {
    const untouched = `<row r="2"><c r="A2" t="inlineStr"><is><t>Growth</t></is></c></row>`;
    const xml =
      `<worksheet xmlns="${MAIN}"><sheetData>` +
      `<row r="1" spans="1:2"><c r="A1" t="inlineStr"><is><t>Sales</t></is></c><c r="B1" s="4"><f>1/3</f><v>0.333</v></c></row>` +
      untouched +
      `<row r="4"><c r="A4" t="inlineStr"><is><t>Years</t></is></c></row>` +
      `</sheetData></worksheet>`;
    const out = fillCellsXml(xml, [
      { row: 0, column: 1, value: 0.25 },
      { row: 2, column: 1, value: 0.125 },
      { row: 3, column: 1, value: 0.625 },
    ]);
    expect(out).toContain('<c r="B1" s="4"><v>0.25</v></c>');
    expect(out).not.toContain("<f>");
    expect(out).toContain(untouched);
    expect(out.indexOf('<row r="3">')).toBeGreaterThan(out.indexOf(untouched));
    expect(out.indexOf('<row r="3">')).toBeLessThan(out.indexOf('<row r="4">'));
    expect(values(out)).toEqual({ "0,0": "Sales", "0,1": 0.25, "1,0": "Growth", "2,1": 0.125, "3,0": "Years", "3,1": 0.625 });
  });

  test("prefixed SpreadsheetML gets prefixed cells; a row past the last is appended", () => {
    const xml = `<x:worksheet xmlns:x="${MAIN}"><x:sheetData><x:row r="1"><x:c r="A1"><x:v>1</x:v></x:c></x:row></x:sheetData></x:worksheet>`;
    const out = fillCellsXml(xml, [{ row: 0, column: 2, value: 0.5 }, { row: 4, column: 0, value: 2 }]);
    expect(out).toContain('<x:c r="C1"><x:v>0.5</x:v></x:c>');
    expect(out).toContain('<x:row r="5"><x:c r="A5"><x:v>2</x:v></x:c></x:row>');
    expect(values(out)).toEqual({ "0,0": 1, "0,2": 0.5, "4,0": 2 });
  });

  test("a shared formula's first cell is refused: other cells copy it", () => {
    const xml = `<worksheet xmlns="${MAIN}"><sheetData><row r="1"><c r="B1"><f t="shared" ref="B1:B3" si="0">A1*2</f><v>2</v></c></row></sheetData></worksheet>`;
    expect(() => fillCellsXml(xml, [{ row: 0, column: 1, value: 0.5 }])).toThrow(/shared formula/);
  });

  test("a shared formula whose whole range is filled goes with it (weights filled down)", () => {
    const cell = (r: number) => (r === 1 ? `<c r="B1"><f t="shared" ref="B1:B3" si="0">A1*2</f><v>2</v></c>` : `<c r="B${r}"><f t="shared" si="0"/><v>${2 * r}</v></c>`);
    const xml = `<worksheet xmlns="${MAIN}"><sheetData>${[1, 2, 3].map((r) => `<row r="${r}">${cell(r)}</row>`).join("")}</sheetData></worksheet>`;
    const out = fillCellsXml(xml, [0, 1, 2].map((row) => ({ row, column: 1, value: 0.25 * (row + 1) })));
    expect(out).not.toContain("<f");
    expect(values(out)).toEqual({ "0,1": 0.25, "1,1": 0.5, "2,1": 0.75 });
  });
});
