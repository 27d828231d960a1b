// PCA weights into the weight table through the .xlsx executor (issue 16 §4): the Weight cells hold
// engine/pca.ts's weights to 1e-12, the run grades with them, the Factor loadings sheet is owned, and
// the analyst's own weights are never overwritten unless the option says replace.

import { pcaWeights } from "../../src/engine/pca";
import { defaultSettings, gradeWorkbook } from "../../src/workbook/run";
import type { GradeSettings } from "../../src/workbook/run";
import type { CellValue } from "../../src/workbook/types";
import { PCA_SHEETS } from "../../src/workbook/features/pcaWeights";
import { sheetNameFault } from "../../src/workbook/planning/sheetNames";
import { openXlsx } from "../../src/workbook/executors/xlsx";
import type { XlsxWorkbook } from "../../src/workbook/executors/xlsx";
import { pcaCustomerRows, pcaSheets, pcaTwoLevelWeights } from "../support/pcaFixture";
import { buildWorkbook } from "./buildWorkbook";
import type { FixtureCell } from "./buildWorkbook";

const NOW = new Date(Date.UTC(2026, 10, 22, 9, 30));
const expected = pcaWeights(pcaCustomerRows());

function settings(replace = false, lang: "en-US" | "zh-CN" = "en-US"): GradeSettings {
  return { ...defaultSettings(lang, NOW), weightsFrom: { method: "pca", replace } };
}

async function book(weights: CellValue[][], options: { table?: boolean } = {}): Promise<XlsxWorkbook> {
  const { customers } = pcaSheets();
  return openXlsx(
    await buildWorkbook([
      { name: "Weights", rows: weights as FixtureCell[][], table: options.table ? "Weights" : undefined },
      { name: "Customers", rows: customers as FixtureCell[][] },
    ]),
  );
}

async function reopen(workbook: XlsxWorkbook): Promise<XlsxWorkbook> {
  return openXlsx(await workbook.save());
}

async function weightColumn(workbook: XlsxWorkbook, column = 1, rows = 5): Promise<CellValue[]> {
  return (await workbook.read("Weights", { top: 0, left: column, rows, columns: 1 })).map((row) => row[0]);
}

describe("PCA weights fill the weight table (.xlsx)", () => {
  test.each([false, true])("empty Weight cells get the PCA weights to 1e-12, and the run grades with them (table: %s)", async (table) => {
    const workbook = await book(pcaSheets().weights, { table });
    const outcome = await gradeWorkbook(workbook, settings());
    if (!outcome.ok) throw new Error(outcome.inspection.problems.map((p) => p.message["en-US"]).join("\n"));
    expect(outcome.inspection.problems.map((p) => p.code)).toEqual([]);
    const saved = await reopen(workbook);
    const cells = await weightColumn(saved);
    expect(cells[0]).toBe("Weight");
    cells.slice(1).forEach((value, j) => expect(Math.abs((value as number) - expected.weights[j])).toBeLessThan(1e-12));
    Array.from(outcome.result.weights).forEach((w, j) => expect(Math.abs(w - expected.weights[j])).toBeLessThan(1e-12));
    expect((await saved.readState())?.weightCells?.cells.map((c) => c.address)).toEqual(["B2", "B3", "B4", "B5"]);
    expect((await saved.readState())?.sheets).toContain("Factor loadings");
    const weightsRow = (await saved.readState())?.grading?.settings.find((entry) => entry.key === "weightsTable");
    expect(weightsRow?.value).toMatch(/^Weights!A1:C5 · weights from principal components \(see Factor loadings\)$/);
    const summary = await saved.read("Tier summary", (await saved.index()).sheets.find((s) => s.name === "Tier summary")!.used!);
    expect(summary.some((row) => row[1] === weightsRow?.value)).toBe(true);
    // The loadings sheet: eigenvalues in B8.., the weights in the indicators block's last column.
    const sheet = await saved.read("Factor loadings", { top: 0, left: 0, rows: 20, columns: 3 + expected.kept });
    const eigenRows = sheet.slice(7, 7 + expected.eigenvalues.length);
    expect(eigenRows.map((row) => row[0])).toEqual(["PC1", "PC2", "PC3", "PC4"]);
    eigenRows.forEach((row, k) => expect(Math.abs((row[1] as number) - expected.eigenvalues[k])).toBeLessThan(1e-12));
    expect(Math.abs((eigenRows[3][3] as number) - 1)).toBeLessThan(1e-12);
    const indicatorRows = sheet.slice(14, 18);
    expect(indicatorRows.map((row) => row[1])).toEqual(["Sales", "Growth", "Years", "Complaints"]);
    indicatorRows.forEach((row, j) => expect(Math.abs((row[2 + expected.kept] as number) - expected.weights[j])).toBeLessThan(1e-12));
  });

  test("a filled Weight cell is the analyst's: a problem names it and nothing is written", async () => {
    const workbook = await book(pcaSheets([null, 0.3, null, null]).weights);
    const before = await workbook.save();
    const outcome = await gradeWorkbook(workbook, settings());
    expect(outcome.ok).toBe(false);
    const found = outcome.inspection.problems.filter((p) => p.code === "pca-weight-filled");
    expect(found.map((p) => `${p.sheet}!${p.cell}`)).toEqual(["Weights!B3"]);
    expect(found[0].message["en-US"]).toContain("--weights-from pca:replace");
    expect(found[0].message["zh-CN"]).toContain("权重");
    expect(Buffer.from(await workbook.save()).equals(Buffer.from(before))).toBe(true);
  });

  test("replace overwrites the analyst's weights, keeping the cells' other columns", async () => {
    const workbook = await book(pcaSheets([0.4, 0.3, 0.2, 0.1]).weights);
    const outcome = await gradeWorkbook(workbook, settings(true));
    expect(outcome.ok).toBe(true);
    const saved = await reopen(workbook);
    (await weightColumn(saved)).slice(1).forEach((value, j) => expect(Math.abs((value as number) - expected.weights[j])).toBeLessThan(1e-12));
    expect((await weightColumn(saved, 2)).slice(1)).toEqual(["higher", "higher", "higher", "lower"]);
  });

  test("replace stops at a Weight cell whose formula other cells copy (a shared formula): a problem names it, nothing is written", async () => {
    // B2 starts a formula filled down to B6, one row past the weight table (Weights!A1:C5; what Excel
    // saves as one shared formula): a number written into B2 alone would take B3:B6's formulas too.
    // It was exit 3 before.
    const weights: FixtureCell[][] = pcaSheets([0.4, 0.3, 0.2, 0.1]).weights.map((row, r) =>
      r === 0 ? (row as FixtureCell[]) : [row[0], { raw: (ref) => (r === 1 ? `<c r="${ref}"><f t="shared" ref="B2:B6" si="0">0.4*1</f><v>0.4</v></c>` : `<c r="${ref}"><f t="shared" si="0"/><v>0.4</v></c>`) }, row[2]],
    );
    weights.push([null, { raw: (ref) => `<c r="${ref}"><f t="shared" si="0"/><v>0.4</v></c>` }, null]);
    const workbook = await openXlsx(await buildWorkbook([{ name: "Weights", rows: weights }, { name: "Customers", rows: pcaSheets().customers as FixtureCell[][] }]));
    const before = await workbook.save();
    const outcome = await gradeWorkbook(workbook, { ...settings(true), weights: "Weights!A1:C5" });
    expect(outcome.ok).toBe(false);
    const found = outcome.inspection.problems.filter((p) => p.severity === "error");
    expect(found.map((p) => [p.code, `${p.sheet}!${p.cell}`])).toEqual([["pca-weight-shared-formula", "Weights!B2"]]);
    expect(found[0].message["en-US"]).toContain("the other cells of B2:B6");
    expect(found[0].message["zh-CN"]).toContain("B2:B6 中的其他单元格");
    expect(Buffer.from(await workbook.save()).equals(Buffer.from(before))).toBe(true);
    // Without the cell past the table, the run fills the whole formula's range and grades.
    weights.pop();
    const whole = weights.map((row, r) =>
      r === 0 ? row : [row[0], { raw: (ref: string) => (r === 1 ? `<c r="${ref}"><f t="shared" ref="B2:B5" si="0">0.4*1</f><v>0.4</v></c>` : `<c r="${ref}"><f t="shared" si="0"/><v>0.4</v></c>`) }, row[2]],
    );
    const filled = await openXlsx(await buildWorkbook([{ name: "Weights", rows: whole }, { name: "Customers", rows: pcaSheets().customers as FixtureCell[][] }]));
    expect((await gradeWorkbook(filled, settings(true))).ok).toBe(true);
    (await weightColumn(await reopen(filled))).slice(1).forEach((value, j) => expect(Math.abs((value as number) - expected.weights[j])).toBeLessThan(1e-12));
  });

  test("a re-run refills the cells it wrote; a cell the analyst changed since is theirs again", async () => {
    const workbook = await book(pcaSheets().weights);
    expect((await gradeWorkbook(workbook, settings())).ok).toBe(true);
    const again = await reopen(workbook);
    const second = await gradeWorkbook(again, settings());
    expect(second.ok).toBe(true);
    const third = await reopen(again);
    // Only one Factor loadings sheet, replaced.
    expect((await third.index()).sheets.map((s) => s.name)).toEqual(["Weights", "Customers", "Tier summary", "Factor loadings"]);
    // The option off: the weights stay in the table as the analyst's, the Factor loadings sheet goes.
    const off = await reopen(third);
    expect((await gradeWorkbook(off, defaultSettings("en-US", NOW))).ok).toBe(true);
    const fourth = await reopen(off);
    expect((await fourth.index()).sheets.map((s) => s.name)).toEqual(["Weights", "Customers", "Tier summary"]);
    (await weightColumn(fourth)).slice(1).forEach((value, j) => expect(Math.abs((value as number) - expected.weights[j])).toBeLessThan(1e-12));
    expect((await fourth.readState())?.weightCells).toBeUndefined();
    // The analyst types 0.5 into B2: that cell is theirs now.
    const edited = await book(pcaSheets([0.5, null, null, null]).weights);
    const state = await third.readState();
    const outcome = await gradeWorkbook(
      { ...edited, index: () => edited.index(), read: (s, b) => edited.read(s, b), readState: async () => state, execute: (p) => edited.execute(p) },
      settings(),
    );
    expect(outcome.inspection.problems.filter((p) => p.code === "pca-weight-filled").map((p) => p.cell)).toEqual(["B2"]);
  });

  test("a two-level table: dimension cells get their indicators' sum, indicators their share; global weights are the PCA weights", async () => {
    const workbook = await book(pcaTwoLevelWeights());
    const outcome = await gradeWorkbook(workbook, settings(false, "zh-CN"));
    if (!outcome.ok) throw new Error(outcome.inspection.problems.map((p) => p.message["en-US"]).join("\n"));
    Array.from(outcome.result.weights).forEach((w, j) => expect(Math.abs(w - expected.weights[j])).toBeLessThan(1e-12));
    const saved = await reopen(workbook);
    const cells = (await weightColumn(saved, 2, 7)) as number[];
    const w = expected.weights;
    expect(Math.abs(cells[1] - (w[0] + w[1]))).toBeLessThan(1e-12);
    expect(Math.abs(cells[2] - w[0] / (w[0] + w[1]))).toBeLessThan(1e-12);
    expect(Math.abs(cells[4] - (w[2] + w[3]))).toBeLessThan(1e-12);
    expect(Math.abs(cells[6] - w[3] / (w[2] + w[3]))).toBeLessThan(1e-12);
    expect((await saved.index()).sheets.map((s) => s.name)).toContain("因子载荷");
  });

  test("PCA needs two customers with every indicator: one is a problem, not a crash", async () => {
    const { customers } = pcaSheets();
    const workbook = await openXlsx(
      await buildWorkbook([
        { name: "Weights", rows: pcaSheets().weights as FixtureCell[][] },
        { name: "Customers", rows: customers.slice(0, 2) as FixtureCell[][] },
      ]),
    );
    const outcome = await gradeWorkbook(workbook, settings());
    expect(outcome.ok).toBe(false);
    expect(outcome.inspection.problems.map((p) => p.code)).toContain("pca-weights-failed");
  });

  test("the sheet's names are names Excel accepts, in both languages", () => {
    for (const name of Object.values(PCA_SHEETS)) expect(sheetNameFault(name, ["Weights", "Customers", "Tier summary", "分级汇总"])).toBeUndefined();
  });

  test("a user sheet named Factor loadings stops the run", async () => {
    const { weights, customers } = pcaSheets();
    const workbook = await openXlsx(
      await buildWorkbook([
        { name: "Weights", rows: weights as FixtureCell[][] },
        { name: "Customers", rows: customers as FixtureCell[][] },
        { name: "Factor loadings", rows: [["mine"]] },
      ]),
    );
    const outcome = await gradeWorkbook(workbook, settings());
    expect(outcome.inspection.problems.map((p) => p.code)).toContain("output-sheet-collision");
  });
});
