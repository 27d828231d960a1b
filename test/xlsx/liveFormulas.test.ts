// Live formulas (issue 6): a 5,000-customer workbook graded in "live formulas" mode, recalculated by
// LibreOffice, gives the engine's scores (to 1e-9) and exactly its ranks and tiers — under shares and
// Pareto, with minmax, percentile and bands scoring, a lower-is-better indicator, dimensions and blanks.
// Then a recipient without the add-in changes a weight in the file: the tiers follow, to what the engine
// says for the changed weight table.

import * as fs from "fs";
import JSZip from "jszip";
import * as os from "os";
import * as path from "path";
import type { GradeOutcome, GradeSettings } from "../../src/workbook/run";
import { defaultSettings, gradeWorkbook } from "../../src/workbook/run";
import { openXlsx } from "../../src/workbook/executors/xlsx";
import { describeWithLibreOffice, sheetsAsCsv } from "../support/libreoffice";
import { buildWorkbook } from "./buildWorkbook";
import type { FixtureCell } from "./buildWorkbook";

const NOW = new Date(Date.UTC(2026, 10, 22, 9, 30));
const N = 5000;

/** A deterministic generator (mulberry32), so every run grades the same customers. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function weights(salesWeight: number): FixtureCell[][] {
  return [
    ["Dimension", "Indicator", "Weight", "Direction", "Scoring", "Bands", "Column"],
    ["Profitability", null, 0.5, null, null, null, null],
    ["Profitability", "Sales", salesWeight, "higher", "minmax", null, "Sales"],
    ["Profitability", "Growth", 0.4, "higher", "percentile", null, "Growth"],
    ["Cooperation", null, 0.5, null, null, null, null],
    ["Cooperation", "Years", 0.5, "higher", "bands", "0:20; 3:60; 8:100", "Years"],
    ["Cooperation", "Complaints", 0.5, "lower", "minmax", null, "Complaints"],
  ];
}

function customers(): FixtureCell[][] {
  const next = random(20261122);
  const rows: FixtureCell[][] = [["Customer ID", "Name", "Sales", "Growth", "Years", "Complaints"]];
  for (let i = 0; i < N; i++) {
    // Long-tailed sales rounded to hundreds, so there are ties; a few blanks in Growth.
    const sales = Math.round(Math.exp(10 + 2 * next()) / 100) * 100;
    const growth = next() < 0.01 ? null : Math.round((next() - 0.3) * 1000) / 1000;
    rows.push([`C${String(i + 1).padStart(5, "0")}`, `Customer ${i + 1}`, sales, growth, Math.floor(next() * 15), Math.floor(next() * 6)]);
  }
  return rows;
}

const made: string[] = [];
afterAll(() => made.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

async function gradeToFile(data: Uint8Array, settings: GradeSettings): Promise<{ file: string; outcome: Extract<GradeOutcome, { ok: true }> }> {
  const workbook = await openXlsx(data);
  const outcome = await gradeWorkbook(workbook, settings);
  if (!outcome.ok) throw new Error(outcome.inspection.problems.map((p) => p.message["en-US"]).join("\n"));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tiers-live-"));
  made.push(dir);
  const file = path.join(dir, "graded.xlsx");
  fs.writeFileSync(file, await workbook.save());
  return { file, outcome };
}

/** Score, Rank and Tier as LibreOffice recalculated them, by customer row. */
function recalculated(file: string): { score: number; rank: number; tier: string }[] {
  const rows = sheetsAsCsv(file, ["Customers"]).Customers;
  const header = rows[0];
  const at = (name: string) => header.indexOf(name);
  return rows
    .slice(1)
    .filter((row) => row[0] !== "")
    .map((row) => ({ score: row[at("Score")] === "" ? NaN : Number(row[at("Score")]), rank: Number(row[at("Rank")] || 0), tier: row[at("Tier")] }));
}

function expectEngineAnswer(seen: { score: number; rank: number; tier: string }[], outcome: Extract<GradeOutcome, { ok: true }>): void {
  const { result } = outcome;
  expect(seen).toHaveLength(N);
  let graded = 0;
  seen.forEach((row, i) => {
    if (result.tier[i] < 0) {
      expect(row.tier).toBe("");
      return;
    }
    graded++;
    expect(Math.abs(row.score - result.score[i])).toBeLessThan(1e-9);
    expect(row.rank).toBe(result.rank[i]);
    expect(row.tier).toBe(result.labels[result.tier[i]]);
  });
  expect(graded).toBeGreaterThan(N * 0.95);
}

describeWithLibreOffice("live formulas recalculated by LibreOffice", () => {
  let book: Uint8Array;
  beforeAll(async () => {
    book = await buildWorkbook([
      { name: "Weights", rows: weights(0.6) },
      { name: "Customers", rows: customers() },
    ]);
  });

  test("5,000 customers by shares 20/30/50: every score, rank and tier is the engine's", async () => {
    const { file, outcome } = await gradeToFile(book, { ...defaultSettings("en-US", NOW), mode: "formulas" });
    expect(outcome.result.excluded.length).toBeGreaterThan(0); // the blank growth cells are left out
    expectEngineAnswer(recalculated(file), outcome);
  });

  test("5,000 customers by Pareto on sales, blanks scored as 0 points: the engine's classes", async () => {
    const settings: GradeSettings = {
      ...defaultSettings("en-US", NOW),
      mode: "formulas",
      missing: "zero",
      scheme: { kind: "pareto", cutoffs: [0.8, 0.95] },
      valueColumn: "Sales",
    };
    const { file, outcome } = await gradeToFile(book, settings);
    expect(outcome.result.excluded).toHaveLength(0);
    expectEngineAnswer(recalculated(file), outcome);
  });

  test("a recipient changes the sales weight in the file, and the tiers follow", async () => {
    const { file } = await gradeToFile(book, { ...defaultSettings("en-US", NOW), mode: "formulas" });
    // Edit the weight cell C3 (Sales, 0.6 -> 0.1) in the graded file's XML, as Excel would store it.
    const zip = await JSZip.loadAsync(fs.readFileSync(file));
    const workbookXml = await zip.file("xl/workbook.xml")!.async("string");
    const rels = await zip.file("xl/_rels/workbook.xml.rels")!.async("string");
    const id = /<sheet [^>]*name="Weights"[^>]*r:id="([^"]+)"/.exec(workbookXml)![1];
    const target = new RegExp(`Id="${id}"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Id="${id}"`).exec(rels)!;
    const part = `xl/${(target[1] ?? target[2]).replace(/^\/?xl\//, "")}`;
    const sheet = await zip.file(part)!.async("string");
    const edited = sheet.replace(/(<c r="C3"[^>]*>)<v>0\.6<\/v>/, "$1<v>0.1</v>");
    expect(edited).not.toBe(sheet);
    zip.file(part, edited);
    const changed = path.join(path.dirname(file), "changed.xlsx");
    fs.writeFileSync(changed, await zip.generateAsync({ type: "nodebuffer" }));

    const expected = await gradeToFile(
      await buildWorkbook([
        { name: "Weights", rows: weights(0.1) },
        { name: "Customers", rows: customers() },
      ]),
      defaultSettings("en-US", NOW),
    );
    expectEngineAnswer(recalculated(changed), expected.outcome);
  });
});
