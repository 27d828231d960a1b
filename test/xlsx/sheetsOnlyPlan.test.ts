import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import type { WritePlan } from "../../src/workbook/types";
import { heatMapXml } from "../../src/workbook/executors/xlsx/heatMapXml";
import { heatMap } from "../../src/workbook/planning/styles";
import { openXlsx } from "../../src/workbook/executors/xlsx";
import { colouredPixels, describeWithLibreOffice, renderSheet } from "../support/libreoffice";
import { buildWorkbook, packageParts, smallCustomerSheets } from "./buildWorkbook";
import { migration } from "../support/migrationSheetFixture";

// `tiers migrate` writes one sheet and no output columns: a customer-count matrix from one period's
// tiers (rows) to the next one's (columns), shaded as a heat map. 3 customers stayed in A, 1 moved
// A -> B, 5 stayed in B, 2 moved B -> C, 9 stayed in C: the heat map is B5:D7, its maximum 9 in D7.


function migrationPlan(previous?: WritePlan["previous"]): WritePlan {
  return {
    previous,
    state: { version: 1, sheet: "Customers", headerRow: 0, firstColumn: 5, headers: [], sheets: ["Migration"] },
    sheets: [migration],
  };
}

async function written(data: Uint8Array, plan: WritePlan): Promise<Uint8Array> {
  const workbook = await openXlsx(data);
  await workbook.execute(plan);
  return workbook.save();
}

const COLOUR_SCALE =
  '<cfRule type="colorScale" priority="1"><colorScale><cfvo type="min"/><cfvo type="max"/><color rgb="FFFFFFFF"/><color rgb="FFF8696B"/></colorScale></cfRule>';

describe("a heat map", () => {
  test("is a two-colour scale from white at the minimum to red at the maximum, one per range", () => {
    expect(heatMapXml([heatMap("B5:D7")])).toBe(`<conditionalFormatting sqref="B5:D7">${COLOUR_SCALE}</conditionalFormatting>`);
    const two = heatMapXml([heatMap("$B$5:$D$7"), heatMap("B12")], 3);
    expect([...two.matchAll(/sqref="([^"]+)"><cfRule type="colorScale" priority="(\d+)"/g)].map((m) => [m[1], m[2]])).toEqual([
      ["B5:D7", "3"],
      ["B12", "4"],
    ]);
    expect(() => heatMapXml([heatMap("Migration!B5:D7")])).toThrow(/A1/);
  });

  test("the colours are the plan's: the file writes whatever scale the plan carries", () => {
    expect(heatMap("B5:D7")).toEqual({ range: "B5:D7", low: "#FFFFFF", high: "#F8696B" });
    const xml = heatMapXml([{ range: "B5:D7", low: "#63be7b", high: "#5A8AC6" }]);
    expect(xml).toContain('<color rgb="FF63BE7B"/><color rgb="FF5A8AC6"/>');
  });

  test("lands on its range after </sheetData> and before <pageMargins> (CT_Worksheet's order)", async () => {
    const parts = await packageParts(await written(await buildWorkbook(smallCustomerSheets()), migrationPlan()));
    const sheet = parts.get("xl/worksheets/sheet3.xml")!;
    expect(sheet).toContain(`</sheetData><conditionalFormatting sqref="B5:D7">${COLOUR_SCALE}</conditionalFormatting><pageMargins `);
  });
});

describe("a plan without output columns", () => {
  test("writes its sheet and leaves the customer sheet and its table byte-identical", async () => {
    const original = await buildWorkbook(smallCustomerSheets({ tables: true }), { userParts: true });
    const before = await packageParts(original);
    const data = await written(original, migrationPlan());
    const after = await packageParts(data);
    expect(after.get("xl/worksheets/sheet1.xml")).toBe(before.get("xl/worksheets/sheet1.xml"));
    expect(after.get("xl/tables/table1.xml")).toBe(before.get("xl/tables/table1.xml"));
    const workbook = await openXlsx(data);
    expect(await workbook.read("Migration", { top: 4, left: 0, rows: 3, columns: 4 })).toEqual([
      ["A", 3, 1, 0],
      ["B", 0, 5, 2],
      ["C", 0, 0, 9],
    ]);
    expect((await workbook.readState())?.sheets).toEqual(["Migration"]);
  });

  test("a second migration replaces the first one's sheet and still leaves the customer sheet alone", async () => {
    const original = await buildWorkbook(smallCustomerSheets());
    const once = await written(original, migrationPlan());
    const workbook = await openXlsx(once);
    await workbook.execute(migrationPlan(await workbook.readState()));
    const twice = await packageParts(await workbook.save());
    expect([...twice.get("xl/workbook.xml")!.matchAll(/<sheet name="([^"]+)"/g)].map((m) => m[1])).toEqual(["Customers", "Weights", "Migration"]);
    expect(twice.get("xl/worksheets/sheet1.xml")).toBe((await packageParts(original)).get("xl/worksheets/sheet1.xml"));
  });
});

describeWithLibreOffice("LibreOffice draws what a sheets-only plan writes", () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

  test("the file opens and the heat map shades by value: the maximum (9 in D7) red, 3 and 5 a lighter pink", async () => {
    // The same run also appends to a new audit log, so one LibreOffice call covers both new parts.
    const plan: WritePlan = { ...migrationPlan(), appends: [{ sheet: "Audit log", header: ["Customer", "Tier"], rows: [["C1", "A"]] }] };
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tiers-heatmap-"));
    dirs.push(dir);
    const file = path.join(dir, "migration.xlsx");
    fs.writeFileSync(file, await written(await buildWorkbook(smallCustomerSheets()), plan));
    // Sheet 3 of Customers, Weights, Migration, Audit log: one page per sheet.
    const page = renderSheet(file, 3);
    // #F8696B is the scale's top: only the cell holding 9 is that red; 3 and 5 (a third and a half of
    // the way) are lighter, 0 and 1 nearly white.
    const red = colouredPixels(page, (r, g, b) => r > 230 && g > 85 && g < 125 && b > 85 && b < 125);
    const pink = colouredPixels(page, (r, g, b) => r > 235 && g >= 140 && g < 215 && b >= 140 && b < 215);
    expect(red.count).toBeGreaterThan(100);
    expect(pink.count).toBeGreaterThan(100);
    // The red cell (column D) is right of the first pink one (3 in column B).
    expect(red.columns[0][0]).toBeGreaterThan(pink.columns[0][0]);
  });
});
