// The summary's global weights as live formulas refer to the weight cells the parser matched
// (reading/weightTable.ts weightCells), not to rows the planner finds again with a rule of its own: a
// dimension row whose Indicator cell holds only spaces, or a dimension named by a number, is a
// dimension row to the parser, and the formulas must follow it.

import { defaultSettings, gradeWorkbook } from "../../src/workbook/run";
import type { CellOut, OutputSheet } from "../../src/workbook/types";
import { openXlsx } from "../../src/workbook/executors/xlsx";
import { buildWorkbook, smallCustomerSheets } from "../xlsx/buildWorkbook";
import type { FixtureCell } from "../xlsx/buildWorkbook";

const NOW = new Date(Date.UTC(2026, 10, 22, 9, 30));

/** The global-weight cell the summary writes for each indicator, by indicator name. */
async function globalWeights(weights: FixtureCell[][]): Promise<Map<string, CellOut>> {
  const sheets = smallCustomerSheets().map((sheet) => (sheet.name === "Weights" ? { ...sheet, rows: weights } : sheet));
  const workbook = await openXlsx(await buildWorkbook(sheets));
  const outcome = await gradeWorkbook(workbook, { ...defaultSettings("en-US", NOW), mode: "formulas" });
  if (!outcome.ok) throw new Error(outcome.inspection.problems.map((p) => p.message["en-US"]).join("\n"));
  const summary = outcome.plan.sheets.find((sheet) => sheet.charts.length > 0) as OutputSheet;
  const found = new Map<string, CellOut>();
  for (const block of summary.blocks) {
    for (const row of block.values) if (row.length >= 6 && (row[1] === "Sales" || row[1] === "Complaints")) found.set(row[1] as string, row[5]);
  }
  return found;
}

const TWO_DIMENSIONS = (blankIndicator: FixtureCell, value: FixtureCell, service: FixtureCell): FixtureCell[][] => [
  ["Dimension", "Indicator", "Weight", "Direction"],
  [value, blankIndicator, 0.6, null],
  [value, "Sales", 1, "higher"],
  [service, blankIndicator, 0.4, null],
  [service, "Complaints", 1, "lower"],
];

const EXPECTED = {
  Sales: { formula: "(Weights!$C$2/SUM(Weights!$C$2,Weights!$C$4))*(Weights!$C$3/SUM(Weights!$C$3))" },
  Complaints: { formula: "(Weights!$C$4/SUM(Weights!$C$2,Weights!$C$4))*(Weights!$C$5/SUM(Weights!$C$5))" },
};

describe("global weights as live formulas", () => {
  test("one level: each weight over the sum of all", async () => {
    const weights = await globalWeights([
      ["Indicator", "Weight", "Direction"],
      ["Sales", 0.6, "higher"],
      ["Complaints", 0.4, "lower"],
    ]);
    expect(Object.fromEntries(weights)).toEqual({
      Sales: { formula: "Weights!$B$2/SUM(Weights!$B$2,Weights!$B$3)" },
      Complaints: { formula: "Weights!$B$3/SUM(Weights!$B$2,Weights!$B$3)" },
    });
  });

  test("two levels: dimension rows with an empty Indicator cell", async () => {
    expect(Object.fromEntries(await globalWeights(TWO_DIMENSIONS(null, "Value", "Service")))).toEqual(EXPECTED);
  });

  test("a dimension row whose Indicator cell holds only spaces is still a dimension row", async () => {
    expect(Object.fromEntries(await globalWeights(TWO_DIMENSIONS("  ", "Value", "Service")))).toEqual(EXPECTED);
  });

  test("dimensions named by numbers (a year) are dimensions like any other", async () => {
    expect(Object.fromEntries(await globalWeights(TWO_DIMENSIONS(null, 2025, 2026)))).toEqual(EXPECTED);
  });

  test("indicator rows may write their dimension in another case than its row", async () => {
    const weights: FixtureCell[][] = [
      ["Dimension", "Indicator", "Weight", "Direction"],
      ["Value", null, 0.6, null],
      ["VALUE", "Sales", 1, "higher"],
      ["Service", null, 0.4, null],
      ["service", "Complaints", 1, "lower"],
    ];
    expect(Object.fromEntries(await globalWeights(weights))).toEqual(EXPECTED);
  });
});
