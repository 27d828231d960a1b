// A pyramid as Excel draws it natively: a stacked bar chart whose first series is an invisible spacer
// of (max - value) / 2, so each visible bar is centred; the category axis is reversed so that the
// first tier (the best) sits on top.

import { absoluteAddress, cellAddress, parseBoxAddress } from "../../reading/address";
import type { PyramidChart } from "../../types";

/** Bars this close together read as a pyramid rather than a bar chart (percent of the bar width). */
const PYRAMID_GAP_WIDTH = 30;

/**
 * Queues the chart described by `spec` on `sheet` (named `sheetName`), with cell-linked data labels.
 * Needs ExcelApi 1.8 (ChartDataLabel.formula), the add-in's minimum (features.ts). Returns the chart;
 * throws nothing itself (Excel's errors arrive at sync).
 *
 * @example
 * // spec.spacer "F4:F6", spec.values "B4:B6", spec.labels "H4:H6" on "Tier summary":
 * // a 3-bar chart whose point 1 label is ='Tier summary'!$H$4
 */
export function addPyramidChart(sheet: Excel.Worksheet, sheetName: string, spec: PyramidChart): Excel.Chart {
  const chart = sheet.charts.add("BarStacked", sheet.getRange(spec.spacer), "Columns");
  chart.title.text = spec.title;
  chart.legend.visible = false;
  // The spacer and label cells sit in hidden columns (planning/summary.ts CHART_DATA_COLUMN); Excel leaves hidden
  // cells out of a chart unless plotVisibleOnly is off (ExcelApi 1.8; "False if both visible and hidden
  // cells are plotted", learn.microsoft.com/office/vba/api/excel.chart.plotvisibleonly).
  chart.plotVisibleOnly = false;
  const categories = sheet.getRange(spec.categories);
  const spacer = chart.series.getItemAt(0);
  spacer.setXAxisValues(categories);
  spacer.format.fill.clear();
  const bars = chart.series.add(spec.seriesName);
  bars.setValues(sheet.getRange(spec.values));
  bars.setXAxisValues(categories);
  chart.axes.categoryAxis.reversePlotOrder = true;
  bars.gapWidth = PYRAMID_GAP_WIDTH;
  const labels = parseBoxAddress(spec.labels);
  for (let i = 0; i < labels.rows; i++) {
    const point = bars.points.getItemAt(i);
    point.hasDataLabel = true;
    // ChartPoint.format.fill (ExcelApi 1.7): each tier's bar in the tier's colour.
    const colour = spec.colours[i];
    if (colour) point.format.fill.setSolidColor(colour);
    point.dataLabel.formula = `=${absoluteAddress({ top: labels.top + i, left: labels.left, rows: 1, columns: 1 }, sheetName)}`;
  }
  const { row, column, rows, columns } = spec.anchor;
  chart.setPosition(cellAddress(row, column), cellAddress(row + rows - 1, column + columns - 1));
  return chart;
}

