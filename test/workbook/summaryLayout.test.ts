// Where the plan puts the pyramids' helper cells (spacers, data labels): out of the analyst's tier
// table, in hidden columns right of the charts; and which colour each tier's bar gets.

import { parseBoxAddress } from "../../src/workbook/reading/address";
import { HEADER_LOOK, tierStyles } from "../../src/workbook/planning/styles";
import { CHART_DATA_COLUMN } from "../../src/workbook/planning/summary";
import { defaultSettings, gradeWorkbook } from "../../src/workbook/run";
import type { GradeSettings } from "../../src/workbook/run";
import type { OutputSheet } from "../../src/workbook/types";
import { openXlsx } from "../../src/workbook/executors/xlsx";
import { buildWorkbook, smallCustomerSheets } from "../xlsx/buildWorkbook";

const NOW = new Date(Date.UTC(2026, 10, 22, 9, 30));

async function planned(settings: GradeSettings) {
  const workbook = await openXlsx(await buildWorkbook(smallCustomerSheets()));
  const outcome = await gradeWorkbook(workbook, settings);
  if (!outcome.ok) throw new Error(outcome.inspection.problems.map((p) => p.message["en-US"]).join("\n"));
  const summary = outcome.plan.sheets.find((sheet) => sheet.charts.length > 0) as OutputSheet;
  return { summary, labels: outcome.result.labels };
}

/** Every cell a sheet's blocks write, as [row, column, block index]. */
function cells(sheet: OutputSheet): [number, number, number][] {
  return sheet.blocks.flatMap((block, b) =>
    block.values.flatMap((values, i) => values.map((_, j): [number, number, number] => [block.top + i, block.left + j, b])),
  );
}

describe.each([
  ["values", { ...defaultSettings("en-US", NOW) }],
  ["live formulas", { ...defaultSettings("zh-CN", NOW), mode: "formulas" as const }],
])("the summary sheet's chart helpers (%s)", (_mode, settings) => {
  test("the tier table has only the analyst's five columns; spacers and labels sit in hidden columns from AA", async () => {
    const { summary, labels } = await planned(settings);
    const header = summary.blocks.find((block) => block.look === HEADER_LOOK && block.left === 0 && block.top === 2)!;
    expect(header.values[0]).toHaveLength(5);
    const hidden = summary.hiddenColumns ?? [];
    expect(hidden).toEqual([CHART_DATA_COLUMN, CHART_DATA_COLUMN + 1, CHART_DATA_COLUMN + 2, CHART_DATA_COLUMN + 3]);
    // Right of both charts.
    for (const chart of summary.charts) expect(CHART_DATA_COLUMN).toBeGreaterThanOrEqual(chart.anchor.column + chart.anchor.columns);
    // The tier table's rows (header, tiers, total) write nothing in F..Z.
    const tableRows = new Set(Array.from({ length: labels.length + 2 }, (_, i) => 2 + i));
    const written = cells(summary);
    expect(written.filter(([row, column]) => tableRows.has(row) && column >= 5 && column < CHART_DATA_COLUMN)).toEqual([]);
    // Only the helper blocks (a header row and one row per tier) write in hidden columns.
    const inHidden = written.filter(([, column]) => hidden.includes(column));
    expect(inHidden).toHaveLength(4 * (labels.length + 1));
    expect(new Set(inHidden.map(([row]) => row))).toEqual(new Set(Array.from({ length: labels.length + 1 }, (_, i) => 2 + i)));
  });

  test("each chart draws its spacer and labels from the hidden columns and its bars from the table, one colour per tier", async () => {
    const { summary, labels } = await planned(settings);
    const hidden = summary.hiddenColumns ?? [];
    expect(summary.charts).toHaveLength(2);
    for (const chart of summary.charts) {
      expect(hidden).toContain(parseBoxAddress(chart.spacer).left);
      expect(hidden).toContain(parseBoxAddress(chart.labels).left);
      expect(parseBoxAddress(chart.values).left).toBeLessThan(5);
      expect(parseBoxAddress(chart.spacer).rows).toBe(labels.length);
      expect(chart.colours).toEqual(tierStyles(labels).map((style) => style.fill));
    }
    expect(new Set(summary.charts[0].colours).size).toBe(labels.length);
  });
});
