// The Office.js executor's summary sheet on the stand-in: helper columns hidden, charts plotting hidden
// cells, and each tier's bar filled with the tier's colour (ChartPoint.format.fill, ExcelApi 1.7).

import { tierStyles } from "../../src/workbook/planning/styles";
import { CHART_DATA_COLUMN } from "../../src/workbook/planning/summary";
import { grade, settings, workbook } from "./runFixtures";

describe("the summary sheet's pyramids in Excel", () => {
  test("helper columns AA:AD hidden, the charts plot hidden cells, and every tier's bar has the tier's colour", async () => {
    const model = workbook();
    const outcome = await grade(model, settings());
    const summary = model.sheet("Tier summary")!;
    expect([...(summary.hiddenColumns ?? [])].sort((a, b) => a - b)).toEqual([0, 1, 2, 3].map((i) => CHART_DATA_COLUMN + i));
    const fills = tierStyles(outcome.result.labels).map((style) => style.fill);
    expect(summary.charts).toHaveLength(2);
    for (const chart of summary.charts) {
      expect(chart.plotVisibleOnly).toBe(false);
      expect(chart.series[0].values).toMatch(/^A[A-D]4:A[A-D]\d+$/);
      expect(chart.series[0].pointFills).toBeUndefined();
      expect(chart.series[1].pointFills).toEqual(Object.fromEntries(fills.map((fill, i) => [i, fill])));
    }
    // Every member used exists at the add-in's minimum, ExcelApi 1.8 (the stand-in refuses above the host's set).
    expect(model.apisUsed).toContain("ChartPointFormat.fill");
    expect(model.apisUsed).toContain("Chart.plotVisibleOnly");
  });
});
