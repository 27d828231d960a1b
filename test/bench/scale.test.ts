// The scale section's jobs on a tiny workbook: the fixture is written the way Excel writes one and is
// graded by `tiers grade`; the floor rewrites the same sheet, token for token, into a readable package.

import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import JSZip from "jszip";
import { excelLikeWorkbook, scaleFloor, scaleGrade } from "../../bench/jobs/scale";
import { openXlsx } from "../../src/workbook/executors/xlsx";

describe("the scale section's jobs, on 300 customers", () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "bench-scale-"));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("writes an Excel-like workbook (shared strings, references, spans) that tiers grade grades, and a floor that keeps the sheet", async () => {
    const file = await excelLikeWorkbook({ n: 300, scratch: dir });
    const zip = await JSZip.loadAsync(fs.readFileSync(file));
    const sheet = await zip.file("xl/worksheets/sheet2.xml")!.async("string");
    expect(sheet).toContain('<row r="301" spans="1:14" x14ac:dyDescent="0.25"><c r="A301" t="s">');
    expect(await zip.file("xl/sharedStrings.xml")!.async("string")).toContain("<si><t>C0000300</t></si>");

    const graded = await scaleGrade({ file, out: path.join(dir, "graded.xlsx") });
    expect(graded.outBytes).toBeGreaterThan(0);
    const workbook = await openXlsx(fs.readFileSync(path.join(dir, "graded.xlsx")));
    const index = await workbook.index();
    const customers = index.sheets.find((s) => s.name === "Customers")!;
    expect(customers.used).toEqual({ top: 0, left: 0, rows: 301, columns: 17 });
    expect((await workbook.read("Customers", { top: 0, left: 14, rows: 1, columns: 3 }))[0]).toEqual(["Score", "Rank", "Tier"]);

    const floor = await scaleFloor({ file, out: path.join(dir, "floor.xlsx") });
    expect(floor.sheetBytes).toBe(Buffer.byteLength(sheet, "utf8"));
    const copy = await JSZip.loadAsync(fs.readFileSync(path.join(dir, "floor.xlsx")));
    expect(await copy.file("xl/worksheets/sheet2.xml")!.async("string")).toBe(sheet);
  }, 120000);
});
