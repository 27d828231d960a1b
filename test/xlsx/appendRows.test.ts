import type { CellOut, WritePlan } from "../../src/workbook/types";
import { appendRowsXml, logSheet } from "../../src/workbook/executors/xlsx/appendRowsXml";
import { openXlsx } from "../../src/workbook/executors/xlsx";
import { splitCells, splitSheet } from "../../src/workbook/executors/xlsx/sheetScanner";
import { HEADER_LOOK } from "../../src/workbook/planning/styles";
import { buildWorkbook, FixtureSheet, packageParts, smallCustomerSheets } from "./buildWorkbook";

// The audit log of special grading: the add-in only ever adds rows below what is there. Each test
// writes a plan with no output columns and no sheets, only appends, so every change seen is the append.

const HEADER: CellOut[] = ["Date", "Customer", "Action", "Tier", "Reason"];
const LOGGED: FixtureSheet = {
  name: "Audit log",
  rows: [
    HEADER as string[],
    ["2026-09-01", "C1", "added", "A", "major contract"],
    ["2026-10-01", "C2", "added", "B", "strategic account"],
  ],
};

function appendPlan(rows: CellOut[][], sheet = "Audit log"): WritePlan {
  return {
    state: { version: 1, sheet: "Customers", headerRow: 0, firstColumn: 5, headers: [], sheets: [] },
    sheets: [],
    appends: [{ sheet, header: HEADER, rows, headerLook: HEADER_LOOK }],
  };
}

async function appended(data: Uint8Array, rows: CellOut[][], sheet?: string): Promise<Uint8Array> {
  const workbook = await openXlsx(data);
  await workbook.execute(appendPlan(rows, sheet));
  return workbook.save();
}

/** An inline-string cell as the executor writes text. */
const text = (ref: string, value: string) => `<c r="${ref}" t="inlineStr"><is><t>${value}</t></is></c>`;

describe("appending to the audit log", () => {
  test("a missing log sheet is created with the header as row 1 and the entries below, owned by nobody", async () => {
    const data = await appended(await buildWorkbook(smallCustomerSheets()), [["2026-11-22", "C3", "added", "A", "default risk cleared"]]);
    const workbook = await openXlsx(data);
    expect((await workbook.index()).sheets.map((s) => s.name)).toEqual(["Customers", "Weights", "Audit log"]);
    expect(await workbook.read("Audit log", { top: 0, left: 0, rows: 3, columns: 5 })).toEqual([
      HEADER,
      ["2026-11-22", "C3", "added", "A", "default risk cleared"],
      [null, null, null, null, null],
    ]);
    expect((await workbook.readState())?.sheets).toEqual([]);
    const parts = await packageParts(data);
    expect(parts.get("xl/workbook.xml")).toContain('<sheet name="Audit log" sheetId="3" r:id="rId');
    expect(parts.get("xl/_rels/workbook.xml.rels")).toContain('Target="worksheets/sheet3.xml"');
    expect(parts.get("[Content_Types].xml")).toContain('<Override PartName="/xl/worksheets/sheet3.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>');
    // The header has the plan's header look (a style of its own), the entries are plain; "default risk cleared" has 20 characters: column E is 22 wide.
    const sheet = parts.get("xl/worksheets/sheet3.xml")!;
    const rows = splitSheet(sheet).rows.map((row) => splitCells(row.inner, row.scope));
    expect(rows.map((cells) => cells.map((cell) => cell.column))).toEqual([[0, 1, 2, 3, 4], [0, 1, 2, 3, 4]]);
    expect(sheet).toMatch(/<c r="A1" s="[1-9]\d*" t="inlineStr">/);
    expect(sheet).toContain(text("A2", "2026-11-22"));
    expect(sheet).toContain('<col min="5" max="5" width="22" customWidth="1"/>');
    expect(sheet).toContain('<dimension ref="A1:E2"/>');
  });

  test("appending to an existing log keeps its rows byte for byte and puts the new ones right below", async () => {
    const original = await buildWorkbook([...smallCustomerSheets(), LOGGED]);
    const before = (await packageParts(original)).get("xl/worksheets/sheet3.xml")!;
    const data = await appended(original, [["2026-11-22", "C3", "added", "A", "new = better"]]);
    const after = (await packageParts(data)).get("xl/worksheets/sheet3.xml")!;
    // Exactly two edits: the dimension grows by a row, and one <row> is added before </sheetData>.
    const row4 = `<row r="4">${text("A4", "2026-11-22")}${text("B4", "C3")}${text("C4", "added")}${text("D4", "A")}${text("E4", "new = better")}</row>`;
    expect(after).toBe(before.replace('<dimension ref="A1:E3"/>', '<dimension ref="A1:E4"/>').replace("</sheetData>", `${row4}</sheetData>`));
  });

  test("the log only grows: a second append goes below the first, which stays as it was", async () => {
    const original = await buildWorkbook([...smallCustomerSheets(), LOGGED]);
    const once = await appended(original, [["2026-11-22", "C3", "added", "A", "first"]]);
    const twice = await appended(once, [
      ["2026-12-01", "C3", "removed", "A", "second"],
      ["2026-12-01", "C4", "added", "C", "third"],
    ]);
    const first = (await packageParts(once)).get("xl/worksheets/sheet3.xml")!;
    const second = (await packageParts(twice)).get("xl/worksheets/sheet3.xml")!;
    const body = (xml: string) => xml.slice(xml.indexOf("<sheetData>"), xml.indexOf("</sheetData>"));
    expect(body(second).startsWith(body(first))).toBe(true);
    const workbook = await openXlsx(twice);
    expect((await workbook.read("Audit log", { top: 0, left: 4, rows: 7, columns: 1 })).map((row) => row[0])).toEqual([
      "Reason",
      "major contract",
      "strategic account",
      "first",
      "second",
      "third",
      null,
    ]);
    expect(second).toContain('<dimension ref="A1:E6"/>');
  });

  test("the customer sheet and every other part stay byte-identical when only the log changes", async () => {
    const original = await buildWorkbook([...smallCustomerSheets(), LOGGED]);
    const before = await packageParts(original);
    const after = await packageParts(await appended(original, [["2026-11-22", "C3", "added", "A", "x"]]));
    // Only the log's sheet changes, and the package gains the state record (a Custom XML part, related
    // from the workbook part); styles are rewritten with nothing added.
    const changed = [...before.keys()].filter((path) => after.get(path) !== before.get(path));
    expect(changed).toEqual(["[Content_Types].xml", "xl/_rels/workbook.xml.rels", "xl/worksheets/sheet3.xml"]);
    expect([...after.keys()].filter((path) => !before.has(path)).sort()).toEqual(["customXml/_rels/item1.xml.rels", "customXml/item1.xml", "customXml/itemProps1.xml"]);
  });
});

describe("where appended rows land", () => {
  const sheet = (rows: string) =>
    `<worksheet><dimension ref="A1:B3"/><cols><col min="2" max="2" width="12" style="4"/></cols><sheetData>${rows}</sheetData><pageMargins/></worksheet>`;
  const used = '<row r="1"><c r="A1" t="s"><v>0</v></c></row>\n<row r="3"><c r="A3"><v>7</v></c></row>';

  test("below the last row holding a value, in the style of a formatted column", () => {
    const xml = appendRowsXml(sheet(used), ["Id", "Note"], [["C9", 5]]);
    expect(xml).toBe(sheet(`${used}<row r="4">${text("A4", "C9")}<c r="B4" s="4"><v>5</v></c></row>`).replace("A1:B3", "A1:B4"));
  });

  test("an empty formatted row where a new row lands keeps its height and cell styles and takes the values", () => {
    const formatted = '<row r="5" ht="30" customHeight="1"><c r="A5" s="2"/></row><row r="9" ht="12" customHeight="1"/>';
    const xml = appendRowsXml(sheet(`${used}${formatted}`), ["Id", "Note"], [["C7", 1], ["C8", 2], ["C9", 3]]);
    const rows = [
      `<row r="4">${text("A4", "C7")}<c r="B4" s="4"><v>1</v></c></row>`,
      `<row r="5" ht="30" customHeight="1"><c r="A5" s="2" t="inlineStr"><is><t>C8</t></is></c><c r="B5" s="4"><v>2</v></c></row>`,
      `<row r="6">${text("A6", "C9")}<c r="B6" s="4"><v>3</v></c></row>`,
      '<row r="9" ht="12" customHeight="1"/>',
    ];
    expect(xml).toBe(sheet(`${used}${rows.join("")}`).replace("A1:B3", "A1:B6"));
  });

  test("a log sheet with no values yet gets the header first", () => {
    const xml = appendRowsXml('<worksheet><dimension ref="A1"/><sheetData/></worksheet>', ["Id", "Note"], [["C1", "x"]]);
    expect(xml).toBe(
      `<worksheet><dimension ref="A1:B2"/><sheetData><row r="1">${text("A1", "Id")}${text("B1", "Note")}</row><row r="2">${text("A2", "C1")}${text("B2", "x")}</row></sheetData></worksheet>`,
    );
  });

  test("a new log sheet is as wide as its longest entry; Chinese characters count twice", () => {
    const log = logSheet("审计日志", ["客户", "Reason"], [["C1", "大客户"]], HEADER_LOOK);
    expect(log.columnWidths).toEqual([8, 8]);
    expect(logSheet("Audit log", ["Customer", "Reason"], [["C1", "a very long reason for it"]]).columnWidths).toEqual([10, 27]);
    expect(log.blocks).toEqual([
      { top: 0, left: 0, values: [["客户", "Reason"]], look: HEADER_LOOK },
      { top: 1, left: 0, values: [["C1", "大客户"]] },
    ]);
  });
});

describe("appending to a sheet written with a namespace prefix", () => {
  test("new rows and cells take the sheet's prefix (x:), existing rows stay byte for byte", async () => {
    const { appendRowsXml } = await import("../../src/workbook/executors/xlsx/appendRowsXml");
    const main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    const before = `<x:worksheet xmlns:x="${main}"><x:dimension ref="A1:B2"/><x:sheetData><x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>Customer</x:t></x:is></x:c></x:row><x:row r="2"><x:c r="A2"><x:v>1</x:v></x:c></x:row></x:sheetData></x:worksheet>`;
    const after = appendRowsXml(before, ["Customer"], [["C7"]]);
    expect(after).toBe(
      before
        .replace('ref="A1:B2"', 'ref="A1:B3"')
        .replace("</x:sheetData>", '<x:row r="3"><x:c r="A3" t="inlineStr"><x:is><x:t>C7</x:t></x:is></x:c></x:row></x:sheetData>'),
    );
  });
});
