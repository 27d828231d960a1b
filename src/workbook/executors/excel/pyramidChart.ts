// A pyramid as Excel draws it natively: a stacked bar chart whose first series is a spacer of
// (max - value) / 2, so each visible bar is centred. How it looks (gap width, hidden spacer, the best
// tier on top, legend, value axis, label position) is the plan's (PyramidChart.look): set as it says.

import { absoluteAddress, cellAddress, parseBoxAddress } from "../../reading/address";
import type { PyramidChart } from "../../types";

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
  const look = spec.look;
  chart.title.text = spec.title;
  chart.legend.visible = look.legend;
  // The spacer and label cells sit in hidden columns (planning/summary.ts CHART_DATA_COLUMN); Excel leaves hidden
  // cells out of a chart unless plotVisibleOnly is off (ExcelApi 1.8; "False if both visible and hidden
  // cells are plotted", learn.microsoft.com/office/vba/api/excel.chart.plotvisibleonly).
  chart.plotVisibleOnly = false;
  const categories = sheet.getRange(spec.categories);
  const spacer = chart.series.getItemAt(0);
  spacer.setXAxisValues(categories);
  if (look.hideSpacer) spacer.format.fill.clear();
  const bars = chart.series.add(spec.seriesName);
  bars.setValues(sheet.getRange(spec.values));
  bars.setXAxisValues(categories);
  chart.axes.categoryAxis.reversePlotOrder = look.firstOnTop;
  // ChartAxis.visible (ExcelApi 1.7), ChartDataLabels.position (1.1), ChartSeries.gapWidth (1.7).
  chart.axes.valueAxis.visible = look.valueAxis;
  bars.gapWidth = look.gapWidth;
  bars.dataLabels.position = look.labelPosition;
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

