// The summary sheet: the tier table with its two pyramid charts, how the workbook was graded (the
// settings rows, named by key; live formulas read the count and value total there), the weights, the
// warnings and the customers left out; and the grading record the state keeps of it.

import type { PyramidRow } from "../../engine/types";
import { boxAddress, columnName, quoteSheet } from "../reading/address";
import { formatProblem } from "../reading/problems";
import type { GradeSettings } from "../settings";
import type { CellBlock, CellOut, GradingState, Lang, OutputSheet, PyramidChart, RecordedValue } from "../types";
import { absolute, columnRange, globalWeightFormulas, liveTierTable } from "./formulas";
import type { LiveLayout, SummaryRefs } from "./formulas";
import { userBox } from "./outputColumns";
import type { OutputText } from "./outputText";
import type { PlanArgs } from "./plan";
import { COUNT_FORMAT, HEADER_LOOK, PYRAMID_LOOK, SHARE_FORMAT, TEXT_FORMAT, tierStyles, TITLE_LOOK, VALUE_FORMAT, WEIGHT_FORMAT } from "./styles";

/**
 * First column (AA) of the chart helpers (spacers and data labels) of a tier table: right of both
 * charts (K-X), out of the analyst's table, and hidden (the sheet's hiddenColumns); the charts are set
 * to plot hidden cells, since Excel leaves data in hidden columns out of a chart by default.
 */
export const CHART_DATA_COLUMN = 26;

/**
 * The summary sheet. With a layout (live formulas), its tier table counts the tier column with
 * COUNTIF/SUMIF and its weights block computes each global weight from the weight table's cells, and
 * each indicator's minimum and maximum, which the score formulas refer to.
 */
export function summarySheet(
  args: PlanArgs,
  text: OutputText,
  name: string,
  layout?: LiveLayout,
): SummaryRefs & { sheet: OutputSheet; grading: GradingState } {
  const { result, settings, customers, weightTable } = args;
  const blocks: CellBlock[] = [];
  blocks.push({ top: 0, left: 0, values: [[text.title]], look: TITLE_LOOK });

  const tableTop = 2;
  const { blocks: tierBlocks, charts, last, totalCustomers, hiddenColumns } = tierTableBlocks(result.pyramid, text, settings.lang, tableTop, layout && ((rows) => liveTierTable(rows, tableTop + 1, layout)));
  blocks.push(...tierBlocks);
  const chartTop = tableTop;

  // How the workbook was graded, so a reader without the add-in knows.
  let top = Math.max(last + 3, chartTop + 18);
  // Live formulas count the graded customers and their value once here; every row's tier reads these.
  const scoreRange = layout && columnRange(layout.scoreColumn, layout.firstRow, layout.lastRow, layout.customerSheet);
  const valueRange =
    layout && layout.valueColumn !== undefined ? columnRange(layout.valueColumn, layout.firstRow, layout.lastRow, layout.customerSheet) : undefined;
  // Each row by its OutputText key; the state records the keys and what the cells show (no formulas).
  const settingEntries: { key: SettingKey; value: CellOut; shown?: RecordedValue }[] = [
    { key: "gradedOn", value: formatDate(settings.now) },
    { key: "scheme", value: describeScheme(settings, text) },
    { key: "labels", value: result.labels.join(", ") },
    { key: "missing", value: settings.missing === "exclude" ? text.missingExclude : text.missingZero },
    { key: "weightsTable", value: args.weightsRange },
    { key: "customersTable", value: `${quoteSheet(customers.block.sheet)}!${boxAddress(userBox(customers, args.previous))}` },
    { key: "graded", value: scoreRange ? { formula: `COUNT(${scoreRange})` } : totalCustomers, shown: totalCustomers },
    { key: "excludedCount", value: result.excluded.length },
    { key: "valueColumn", value: args.valueColumn ?? text.valueIsScore },
  ];
  if (settings.period) settingEntries.push({ key: "period", value: settings.period });
  if (scoreRange && valueRange) {
    const total = result.pyramid.reduce((sum, row) => sum + row.value, 0);
    settingEntries.push({ key: "gradedValue", value: { formula: `SUMIFS(${valueRange},${scoreRange},">=0")` }, shown: total });
  }
  const settingsTop = top + 1;
  /** The value cell of a settings row, by its key: where the live tier formulas read a count or a total. */
  const settingCell = (key: SettingKey): string | undefined => {
    const at = settingEntries.findIndex((entry) => entry.key === key);
    return at < 0 ? undefined : absolute(settingsTop + at, SETTINGS_COLUMNS.indexOf("value"), name);
  };
  const countCell = scoreRange ? settingCell("graded") : undefined;
  const valueTotalCell = scoreRange && valueRange ? settingCell("gradedValue") : undefined;
  const settingsRows: CellOut[][] = settingEntries.map((entry) => [text[entry.key], entry.value]);
  blocks.push({ top, left: 0, values: [[text.settings]], look: HEADER_LOOK });
  blocks.push({ top: settingsTop, left: 0, values: settingsRows, numberFormats: [TEXT_FORMAT, null] });
  top += settingsRows.length + 3;

  // The weights block, a column per WEIGHT_COLUMNS key; min and max only with live formulas.
  const weightKeys = layout ? WEIGHT_COLUMNS : WEIGHT_COLUMNS.filter((key) => key !== "min" && key !== "max");
  blocks.push({ top, left: 0, look: HEADER_LOOK, values: [weightKeys.map((key) => text[key])] });
  const weightsTop = top + 1;
  const weightColumn = (key: WeightColumn) => WEIGHT_COLUMNS.indexOf(key);
  const weightFormulas = layout && globalWeightFormulas(weightTable, args.weightCells);
  const weightRows: CellOut[][] = weightTable.indicators.map((indicator, j) => {
    const range = layout && columnRange(layout.indicatorColumns[j], layout.firstRow, layout.lastRow, customers.block.sheet);
    const cells: Record<WeightColumn, CellOut> = {
      dimension: indicator.dimension ?? "",
      indicator: indicator.name,
      column: indicator.column,
      direction: indicator.direction === "lower" ? text.lower : text.higher,
      scoring: indicator.scoring,
      globalWeight: weightFormulas ? { formula: weightFormulas[j] } : result.weights[j],
      min: range ? { formula: `MIN(${range})` } : null,
      max: range ? { formula: `MAX(${range})` } : null,
    };
    return weightKeys.map((key) => cells[key]);
  });
  // The state records what the cells show: the engine's weights, never formulas; no min or max.
  const recordedWeights: RecordedValue[][] = [
    WEIGHT_COLUMNS.slice(0, weightColumn("globalWeight") + 1).map((key) => text[key]),
    ...weightTable.indicators.map((indicator, j) =>
      weightRows[j].slice(0, weightColumn("globalWeight") + 1).map((value, k) => (k === weightColumn("globalWeight") ? result.weights[j] : (value as RecordedValue))),
    ),
  ];
  const weightRefs = (j: number) => ({
    weight: absolute(weightsTop + j, weightColumn("globalWeight"), name),
    min: absolute(weightsTop + j, weightColumn("min"), name),
    max: absolute(weightsTop + j, weightColumn("max"), name),
  });
  blocks.push({
    top: weightsTop,
    left: 0,
    numberFormats: WEIGHT_COLUMNS.map((key) => (key === "globalWeight" ? WEIGHT_FORMAT : key === "min" || key === "max" ? null : TEXT_FORMAT)),
    values: weightRows,
  });
  top += weightTable.indicators.length + 3;

  if (args.warnings.length > 0) {
    blocks.push({ top, left: 0, values: [[text.warnings]], look: HEADER_LOOK });
    blocks.push({
      top: top + 1,
      left: 0,
      numberFormats: [TEXT_FORMAT],
      values: args.warnings.map((warning) => [formatProblem(warning, settings.lang)]),
    });
    top += args.warnings.length + 3;
  }

  if (result.excluded.length > 0) {
    blocks.push({ top, left: 0, values: [[text.excluded]], look: HEADER_LOOK });
    blocks.push({ top: top + 1, left: 0, values: [[text.customerId, text.blankIndicators]], look: HEADER_LOOK });
    blocks.push({
      top: top + 2,
      left: 0,
      numberFormats: [TEXT_FORMAT, TEXT_FORMAT],
      values: result.excluded.map((customer) => [customer.id, customer.indicators.join(", ")]),
    });
  }

  const grading: GradingState = {
    lang: settings.lang,
    settings: settingEntries.map((entry) => ({ key: entry.key, label: text[entry.key], value: entry.shown ?? (entry.value as RecordedValue) })),
    weights: recordedWeights,
    labels: [...result.labels],
    ...(args.valueColumn !== undefined ? { valueColumn: args.valueColumn } : {}),
  };
  return { sheet: { name, blocks, columnWidths: [22, 14, 18, 16, 16, 12, 12, 18, 18], charts, hiddenColumns }, weightRefs, countCell, valueTotalCell, grading };
}

/** The summary's settings block: a label, then its value. */
const SETTINGS_COLUMNS = ["label", "value"] as const;
/** The summary's weights block, column by column (OutputText keys): the score formulas read the last three by name. */
const WEIGHT_COLUMNS = ["dimension", "indicator", "column", "direction", "scoring", "globalWeight", "min", "max"] as const;
type WeightColumn = (typeof WEIGHT_COLUMNS)[number];

/** The OutputText keys of the summary's settings rows (the state records rows by these keys). */
type SettingKey = "gradedOn" | "scheme" | "labels" | "missing" | "weightsTable" | "customersTable" | "graded" | "excludedCount" | "valueColumn" | "period" | "gradedValue";

/**
 * The tier table (customers, shares, value per tier, with the chart data beside it so the charts stay
 * right without the add-in) at row `tableTop`, and the two pyramid charts drawn from it. `live` may
 * turn the rows into formulas before they are placed. Used by the summary sheet and by per-owner copies.
 */
export function tierTableBlocks(
  pyramid: PyramidRow[],
  text: OutputText,
  lang: Lang,
  tableTop: number,
  live?: (rows: CellOut[][]) => void,
): { blocks: CellBlock[]; charts: PyramidChart[]; last: number; totalCustomers: number; hiddenColumns: number[] } {
  const blocks: CellBlock[] = [];
  // The tier table, with the chart data beside it so the charts stay right without the add-in.
  const maxCustomers = Math.max(...pyramid.map((row) => row.customers), 0);
  const maxValue = Math.max(...pyramid.map((row) => row.value), 0);
  const count = new Intl.NumberFormat(lang);
  const percent = new Intl.NumberFormat(lang, { style: "percent", maximumFractionDigits: 1 });
  blocks.push({
    top: tableTop,
    left: 0,
    look: HEADER_LOOK,
    values: [
      [
        text.tierHeader,
        text.customers,
        text.customerShare,
        text.value,
        text.valueShare,
      ],
    ],
  });
  blocks.push({
    top: tableTop,
    left: CHART_DATA_COLUMN,
    look: HEADER_LOOK,
    values: [[text.spacerCustomers, text.spacerValue, text.labelCustomers, text.labelValue]],
  });
  const rows: CellOut[][] = pyramid.map((row) => [
    row.tier,
    row.customers,
    row.customerShare,
    row.value,
    row.valueShare,
    (maxCustomers - row.customers) / 2,
    (maxValue - Math.max(row.value, 0)) / 2,
    `${count.format(row.customers)} · ${percent.format(row.customerShare)}`,
    `${count.format(Math.round(row.value))} · ${percent.format(row.valueShare)}`,
  ]);
  const totalCustomers = pyramid.reduce((sum, row) => sum + row.customers, 0);
  const totalValue = pyramid.reduce((sum, row) => sum + row.value, 0);
  rows.push([text.total, totalCustomers, totalCustomers > 0 ? 1 : 0, totalValue, totalValue !== 0 ? 1 : 0, null, null, null, null]);
  live?.(rows);
  // Columns 0-4 are the analyst's table; 5-8 (spacers, labels) only feed the charts, so they go to a
  // block out of view right of the charts. Their formulas name their cells absolutely, so they move as is.
  blocks.push({
    top: tableTop + 1,
    left: 0,
    values: rows.map((row) => row.slice(0, 5)),
    numberFormats: [TEXT_FORMAT, COUNT_FORMAT, SHARE_FORMAT, VALUE_FORMAT, SHARE_FORMAT],
  });
  blocks.push({
    top: tableTop + 1,
    left: CHART_DATA_COLUMN,
    values: rows.slice(0, pyramid.length).map((row) => row.slice(5)),
    numberFormats: [VALUE_FORMAT, VALUE_FORMAT, TEXT_FORMAT, TEXT_FORMAT],
  });

  const first = tableTop + 1;
  const last = tableTop + pyramid.length;
  const range = (column: number) => `${columnName(column)}${first + 1}:${columnName(column)}${last + 1}`;
  const chartTop = tableTop;
  const colours = tierStyles(pyramid.map((row) => row.tier)).map((style) => style.fill);
  const charts: PyramidChart[] = [
    {
      title: text.quantityPyramid,
      categories: range(0),
      spacer: range(CHART_DATA_COLUMN),
      values: range(1),
      labels: range(CHART_DATA_COLUMN + 2),
      colours,
      seriesName: text.customers,
      anchor: { row: chartTop, column: 10, rows: 16, columns: 7 },
      look: PYRAMID_LOOK,
    },
    {
      title: text.valuePyramid,
      categories: range(0),
      spacer: range(CHART_DATA_COLUMN + 1),
      values: range(3),
      labels: range(CHART_DATA_COLUMN + 3),
      colours,
      seriesName: text.value,
      anchor: { row: chartTop, column: 17, rows: 16, columns: 7 },
      look: PYRAMID_LOOK,
    },
  ];

  const hiddenColumns = [0, 1, 2, 3].map((i) => CHART_DATA_COLUMN + i);
  return { blocks, charts, last, totalCustomers, hiddenColumns };
}

export function formatDate(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** The scheme in the reader's words ("shares of customers by rank (RANK.EQ): A 20%, B 30%, C 50%"). */
export function describeScheme(settings: GradeSettings, text: OutputText): string {
  const scheme = settings.scheme;
  const pct = (x: number) => `${Math.round(x * 1e6) / 1e4}%`;
  switch (scheme.kind) {
    case "shares":
      return text.schemeShares(scheme.shares.map((share, i) => `${settings.labels[i]} ${pct(share)}`).join(", "));
    case "pareto":
      return text.schemePareto(scheme.cutoffs.map((cut, i) => `${settings.labels[i]} ≤ ${pct(cut)}`).join(", "));
    case "cutoffs":
      return text.schemeCutoffs(scheme.cutoffs.map((cut, i) => `${settings.labels[i]} ≥ ${cut}`).join(", "));
    case "rules":
      return text.schemeRules(
        scheme.rules
          .map((rule) => `${rule.label}: ${rule.conditions.map((c) => `${c.column} ${c.op} ${c.value}`).join(" & ")}`)
          .concat(`${scheme.otherwise}`)
          .join("; "),
      );
  }
}
