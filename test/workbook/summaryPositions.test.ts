// The live tier formulas read the graded count and the graded value from the summary's settings rows
// and each indicator's weight, min and max from its weights block. Those cells are found by name
// (the row's key, the column's key), so whatever rows the summary holds (a period, a value total),
// each reference lands on the cell that computes what the formula expects.

import { parseCellAddress } from "../../src/workbook/reading/address";
import { defaultSettings, gradeWorkbook } from "../../src/workbook/run";
import type { GradeSettings } from "../../src/workbook/run";
import type { CellOut, OutputSheet } from "../../src/workbook/types";
import { openXlsx } from "../../src/workbook/executors/xlsx";
import { buildWorkbook, smallCustomerSheets } from "../xlsx/buildWorkbook";

const NOW = new Date(Date.UTC(2026, 10, 22, 9, 30));

function cellAt(sheet: OutputSheet, a1: string): CellOut | undefined {
  const { row, column } = parseCellAddress(a1);
  for (const block of sheet.blocks) {
    const value = block.values[row - block.top]?.[column - block.left];
    if (value !== undefined && row >= block.top && column >= block.left) return value;
  }
  return undefined;
}

async function graded(settings: GradeSettings) {
  const workbook = await openXlsx(await buildWorkbook(smallCustomerSheets()));
  const outcome = await gradeWorkbook(workbook, settings);
  if (!outcome.ok) throw new Error(outcome.inspection.problems.map((p) => p.message["en-US"]).join("\n"));
  const summary = outcome.plan.sheets.find((sheet) => sheet.charts.length > 0) as OutputSheet;
  const columns = outcome.plan.columns!.columns;
  const formulaOf = (header: number) => (columns[header].values[0] as { formula: string }).formula;
  return { summary, score: formulaOf(0), tier: formulaOf(columns.findIndex((c) => c.header === "Tier")) };
}

/** The summary cells a formula names ('Tier summary'!$B$9), as A1 without the sheet. */
function summaryRefs(formula: string): string[] {
  return [...formula.matchAll(/'Tier summary'!\$([A-Z]+)\$(\d+)/g)].map((m) => `${m[1]}${m[2]}`);
}

describe("the summary's cells the live formulas read", () => {
  test.each([
    ["without a period", {}],
    ["with a period", { period: "2026-Q4" }],
  ])("shares (%s): the count cell holds COUNT of the scores", async (_name, extra) => {
    const { summary, tier } = await graded({ ...defaultSettings("en-US", NOW), mode: "formulas", ...extra });
    const refs = summaryRefs(tier);
    expect(refs.length).toBeGreaterThan(0);
    for (const ref of refs) expect(cellAt(summary, ref)).toEqual({ formula: expect.stringMatching(/^COUNT\(Customers!\$F\$2:\$F\$6\)$/) });
  });

  test("pareto with a period: the value total cell holds SUMIFS of the graded values", async () => {
    const settings: GradeSettings = {
      ...defaultSettings("en-US", NOW),
      mode: "formulas",
      period: "2026-Q4",
      scheme: { kind: "pareto", cutoffs: [0.7, 0.9] },
      valueColumn: "Sales",
    };
    const { summary, tier } = await graded(settings);
    const refs = summaryRefs(tier);
    expect(refs.length).toBeGreaterThan(0);
    for (const ref of refs) expect(cellAt(summary, ref)).toEqual({ formula: expect.stringMatching(/^SUMIFS\(Customers!\$D\$2:\$D\$6,/) });
  });

  test("the score reads each indicator's global weight, minimum and maximum from its row of the weights block", async () => {
    const { summary, score } = await graded({ ...defaultSettings("en-US", NOW), mode: "formulas" });
    const refs = summaryRefs(score);
    const kinds = refs.map((ref) => (cellAt(summary, ref) as { formula: string }).formula.replace(/\(.*/, ""));
    expect(new Set(kinds)).toEqual(new Set(["Weights!$B$2/SUM", "Weights!$B$3/SUM", "MIN", "MAX"]));
    for (const ref of refs) {
      const row = parseCellAddress(ref).row;
      const indicator = summary.blocks.map((block) => block.values[row - block.top]?.[1]).find((v) => v === "Sales" || v === "Complaints");
      expect(indicator).toBeDefined();
    }
  });
});
