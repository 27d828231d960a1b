// The formulas and the task pane give the same numbers to the last digit: the bundled sample workbook
// graded by the pane's run (src/workbook/run.ts) and by TIERS.CUSTOMERSCORE / CUSTOMERRANK /
// CUSTOMERTIER / GRADE cell by cell. The functions take one scoring rule for every indicator and
// plain weights, so the sample's weight table is graded with all indicators on minmax, then on
// percentile, and the formulas get the run's global weights.
import "./customFunctionsGlobal";
import { readFileSync } from "fs";
import { join } from "path";
import { customerRank, customerScore, customerTier, gradeCustomers } from "../../src/functions/functions";
import { findRole } from "../../src/workbook/reading/headers";
import { openXlsx } from "../../src/workbook/executors/xlsx";
import { defaultSettings, gradeWorkbook } from "../../src/workbook/run";
import type { CellValue } from "../../src/workbook/types";
import { MemoryWorkbook } from "../support/memoryWorkbook";

async function sampleAs(scoring: "minmax" | "percentile"): Promise<MemoryWorkbook> {
  const xlsx = await openXlsx(readFileSync(join(__dirname, "../../assets/sample-customers.en-US.xlsx")));
  const sheets: Record<string, CellValue[][]> = {};
  for (const sheet of (await xlsx.index()).sheets) {
    if (!sheet.used) continue;
    const box = { top: 0, left: 0, rows: sheet.used.top + sheet.used.rows, columns: sheet.used.left + sheet.used.columns };
    sheets[sheet.name] = await xlsx.read(sheet.name, box);
  }
  const weights = sheets.Weights;
  const headers = weights[0].map((cell) => String(cell ?? ""));
  const scoringAt = findRole(headers, "scoring");
  const bandsAt = findRole(headers, "bands");
  const indicatorAt = findRole(headers, "indicator");
  for (const row of weights.slice(1)) {
    if (row[indicatorAt] === null || row[indicatorAt] === "") continue;
    row[scoringAt] = scoring;
    if (bandsAt >= 0) row[bandsAt] = null;
  }
  return new MemoryWorkbook(sheets);
}

describe.each(["minmax", "percentile"] as const)("the sample graded by the pane and by the formulas (%s)", (scoring) => {
  test("every customer's score, rank and tier agree exactly", async () => {
    const book = await sampleAs(scoring);
    const outcome = await gradeWorkbook(book, defaultSettings("en-US", new Date(2026, 10, 22)));
    if (!outcome.ok) throw new Error(outcome.inspection.problems.map((p) => p.message["en-US"]).join("\n"));
    const { result, customers } = outcome;
    const n = customers.ids.length;
    expect(n).toBeGreaterThanOrEqual(150);

    const weights = [outcome.inspection.indicators.map((indicator) => indicator.globalWeight)];
    const weightRows = book.sheets.get("Weights")!;
    const directionAt = findRole(weightRows[0].map((cell) => String(cell ?? "")), "direction");
    const directions = [
      outcome.inspection.indicators.map((indicator) => {
        const row = weightRows.find((r) => r.includes(indicator.name));
        return row && String(row[directionAt] ?? "").toLowerCase().startsWith("lower") ? "lower" : "higher";
      }),
    ];
    const data = Array.from({ length: n }, (_, i) => customers.indicatorValues.map((column) => column[i]));
    const scores = Array.from({ length: n }, (_, i) => [customerScore([data[i]], weights, data, directions, scoring)]);
    const grid = gradeCustomers(data, weights, directions, undefined, undefined, scoring);

    for (let i = 0; i < n; i++) {
      expect(scores[i][0]).toBe(result.score[i]);
      expect(customerRank(scores[i][0], scores)).toBe(result.rank[i]);
      expect(customerTier(scores[i][0], scores)).toBe(result.labels[result.tier[i]]);
      expect(grid[i]).toEqual([result.score[i], result.rank[i], result.labels[result.tier[i]]]);
    }
  });
});
