// LibreOffice, a program nobody here wrote, opens what the .xlsx executor writes, recalculates it and
// draws it. These tests need soffice and pdftoppm; without them they are skipped with a message.

import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import type { GradeOutcome } from "../../src/workbook/run";
import { defaultSettings, gradeWorkbook } from "../../src/workbook/run";
import { tierStyles } from "../../src/workbook/planning/styles";
import { openXlsx } from "../../src/workbook/executors/xlsx";
import { cellXmlAt } from "../../src/workbook/executors/xlsx/cellXml";
import { colouredPixels, describeWithLibreOffice, renderSheet, sheetsAsCsv } from "../support/libreoffice";
import { buildWorkbook, smallCustomerSheets } from "./buildWorkbook";

const NOW = new Date(Date.UTC(2026, 10, 22, 9, 30));
const SAMPLE_ZH = path.join(__dirname, "..", "..", "assets", "sample-customers.zh-CN.xlsx");
const made: string[] = [];
afterAll(() => made.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

async function gradeToFile(data: Uint8Array, settings: Parameters<typeof gradeWorkbook>[1]): Promise<{ file: string; outcome: Extract<GradeOutcome, { ok: true }> }> {
  const workbook = await openXlsx(data);
  const outcome = await gradeWorkbook(workbook, settings);
  if (!outcome.ok) throw new Error(outcome.inspection.problems.map((p) => p.message["en-US"]).join("\n"));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tiers-graded-"));
  made.push(dir);
  const file = path.join(dir, "graded.xlsx");
  fs.writeFileSync(file, await workbook.save());
  return { file, outcome };
}

/** Score, Rank and Tier as LibreOffice computes them: the last three columns of the customer sheet. */
function outputColumns(rows: string[][]): { score: number; rank: number; tier: string }[] {
  return rows.slice(1).filter((row) => row[0] !== "").map((row) => ({
    score: Number(row[row.length - 3]),
    rank: Number(row[row.length - 2]),
    tier: row[row.length - 1],
  }));
}

describeWithLibreOffice("LibreOffice reads what the .xlsx executor writes", () => {
  test("the graded zh-CN sample opened by LibreOffice shows the engine's scores, ranks and tiers", async () => {
    const { file, outcome } = await gradeToFile(fs.readFileSync(SAMPLE_ZH), defaultSettings("zh-CN", NOW));
    const sheets = sheetsAsCsv(file, ["权重", "客户", "分级汇总"]);
    expect(Object.keys(sheets)).toEqual(["权重", "客户", "分级汇总"]);
    expect(sheets["客户"][0].slice(-3)).toEqual(["得分", "排名", "等级"]);
    const seen = outputColumns(sheets["客户"]);
    expect(seen).toHaveLength(200);
    seen.forEach((row, i) => {
      expect(row.score).toBeCloseTo(outcome.result.score[i], 9);
      expect(row.rank).toBe(outcome.result.rank[i]);
      expect(row.tier).toBe(outcome.result.labels[outcome.result.tier[i]]);
    });
  });

  test("in live-formula mode LibreOffice recalculates the engine's exact scores and tiers", async () => {
    const { file, outcome } = await gradeToFile(fs.readFileSync(SAMPLE_ZH), { ...defaultSettings("zh-CN", NOW), mode: "formulas" });
    const seen = outputColumns(sheetsAsCsv(file, ["客户"])["客户"]);
    expect(seen).toHaveLength(200);
    seen.forEach((row, i) => {
      expect(Math.abs(row.score - outcome.result.score[i])).toBeLessThan(1e-9);
      expect(row.rank).toBe(outcome.result.rank[i]);
      expect(row.tier).toBe(outcome.result.labels[outcome.result.tier[i]]);
    });
  });

  test("the summary sheet renders both pyramids with each tier's bar in the tier's colour", async () => {
    const { file, outcome } = await gradeToFile(fs.readFileSync(SAMPLE_ZH), defaultSettings("zh-CN", NOW));
    // Sheet 3 is the summary; each sheet is one page.
    const page = renderSheet(file, 3);
    const tiers = tierStyles(outcome.result.labels);
    expect(tiers.length).toBeGreaterThanOrEqual(3);
    const starts: number[] = [];
    for (const { fill } of tiers.slice(0, 3)) {
      // The tier table is black on white, so a tier's fill on the page is its bars (anti-aliasing aside).
      const [r0, g0, b0] = [1, 3, 5].map((i) => parseInt(fill.slice(i, i + 2), 16));
      const bars = colouredPixels(page, (r, g, b) => Math.abs(r - r0) <= 3 && Math.abs(g - g0) <= 3 && Math.abs(b - b0) <= 3);
      // One bar in each pyramid: two separate runs of columns, each a bar's width.
      const wide = bars.columns.filter(([from, to]) => to - from >= 4);
      expect(wide.length).toBeGreaterThanOrEqual(2);
      expect(bars.count).toBeGreaterThan(100);
      starts.push(wide[0][0]);
    }
    // The charts sit right of the tier table, which starts at the left edge of the page.
    for (const start of starts) expect(start).toBeGreaterThan(page.width * 0.2);
    // The old single-colour series (#4472C4) is gone.
    expect(colouredPixels(page, (r, g, b) => Math.abs(r - 0x44) <= 3 && Math.abs(g - 0x72) <= 3 && Math.abs(b - 0xc4) <= 3).count).toBeLessThan(50);
  });

  test("texts keep their white space where it matters and need no attribute where it does not (cellXml's <t>)", () => {
    // Written by the .xlsx executor's own cell writer, read by LibreOffice: xml:space="preserve" only on the first three.
    const texts = [" C-7", "C-7 ", "A  B", "Region North", "客户 甲", "plain"];
    return buildWorkbook([{ name: "T", rows: texts.map((t) => [{ raw: (ref: string) => cellXmlAt(ref, t) }]) }]).then((data) => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tiers-space-"));
      made.push(dir);
      const file = path.join(dir, "texts.xlsx");
      fs.writeFileSync(file, data);
      expect(texts.map((t) => cellXmlAt("A1", t).includes("preserve"))).toEqual([true, true, true, false, false, false]);
      expect(sheetsAsCsv(file, ["T"])["T"].map((row) => row[0])).toEqual(texts);
    });
  });

  test("a workbook with every kind of user part still opens after grading, its data intact and names as text", async () => {
    const names = ['=HYPERLINK("http://x","y")', "+1-2", "Gamma & Sons", "-3", "@Delta"];
    const original = await buildWorkbook(smallCustomerSheets({ tables: true, names }), { userParts: true });
    const { file } = await gradeToFile(original, defaultSettings("en-US", NOW));
    const sheets = sheetsAsCsv(file, ["Customers", "Weights", "Notes", "Tier summary"]);
    expect(Object.keys(sheets)).toEqual(["Customers", "Weights", "Notes", "Tier summary"]);
    expect(sheets["Customers"].slice(1, 6).map((row) => row[1])).toEqual(names);
    expect(outputColumns(sheets["Customers"]).map((row) => [Math.round(row.score), row.rank, row.tier])).toEqual([
      [100, 1, "A"],
      [75, 2, "B"],
      [50, 3, "C"],
      [25, 4, "C"],
      [0, 5, "C"],
    ]);
    expect(sheets["Notes"].slice(0, 4).map((row) => row.slice(0, 2))).toEqual([["Month", "Amount"], ["Jan", "10"], ["Feb", "20"], ["Mar", "15"]]);
  });
});
