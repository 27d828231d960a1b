// From a grading result to a write plan: which cells, columns, sheets and charts a run writes.
// Plain data, so the Office.js executor and the .xlsx executor write the same workbook.

import type { GradeResult, WeightTable } from "../engine/types";
import { boxAddress, columnName, quoteSheet } from "./address";
import { outputText } from "./outputText";
import type { OutputText } from "./outputText";
import type { GradeSettings } from "./settings";
import type {
  CellBlock,
  CellOut,
  CellValue,
  CustomerData,
  OutputColumns,
  OutputSheet,
  OwnedState,
  Problem,
  PyramidChart,
  TierStyle,
  WritePlan,
} from "./types";
import { formatProblem } from "./problems";

export const SCORE_FORMAT = "0.00";
export const RANK_FORMAT = "0";
export const TEXT_FORMAT = "@";
const SHARE_FORMAT = "0.0%";
const COUNT_FORMAT = "#,##0";
const VALUE_FORMAT = "#,##0.##";
const WEIGHT_FORMAT = "0.0000";

/** Conditional-formatting colours by tier position, best first (Excel's good / neutral / bad palette). */
const TIER_COLOURS: { fill: string; font: string }[] = [
  { fill: "#C6EFCE", font: "#006100" },
  { fill: "#DDEBF7", font: "#1F4E78" },
  { fill: "#FFEB9C", font: "#9C5700" },
  { fill: "#EDEDED", font: "#404040" },
  { fill: "#FFC7CE", font: "#9C0006" },
];

export interface PlanArgs {
  customers: CustomerData;
  weightTable: WeightTable;
  result: GradeResult;
  settings: GradeSettings;
  /** The add-in's record of an earlier run, when there is one. */
  previous?: OwnedState;
  /** Where the weight table was read, for the settings block ("Weights!A1:G12"). */
  weightsRange: string;
  /** The resolved value column, or undefined when the value pyramid uses the score. */
  valueColumn?: string;
  /** Warnings to record on the summary sheet. */
  warnings: Problem[];
}

/** Index of the first non-empty row of a block: its header row. */
export function headerRowIndex(values: CellValue[][]): number {
  const index = values.findIndex((row) => row.some((cell) => cell !== null && cell !== ""));
  return index < 0 ? 0 : index;
}

/**
 * The first sheet column the output columns go to: where the earlier run put them, or right after the
 * last user column of the header row.
 *
 * @example
 * // A customer table in A1:E201 with no earlier run: outputs start at column F (index 5).
 */
export function outputStartColumn(customers: CustomerData, previous: OwnedState | undefined): number {
  const { block } = customers;
  const headerRow = block.box.top + headerRowIndex(block.values);
  if (previous && previous.sheet === block.sheet && previous.headerRow === headerRow) return previous.firstColumn;
  const header = block.values[headerRowIndex(block.values)] ?? [];
  let last = -1;
  header.forEach((cell, i) => {
    if (cell !== null && cell !== "") last = i;
  });
  return block.box.left + last + 1;
}

/**
 * The whole write plan of one grading run: Score, Rank and Tier columns to the right of the customer
 * table, tier colours by conditional formatting, and the summary sheet with the tier table, the run's
 * settings and two pyramid charts. Excluded customers get blank output cells and are listed.
 */
export function planGrading(args: PlanArgs): WritePlan {
  const { customers, result, settings, previous } = args;
  const text = outputText(settings.lang);
  const block = customers.block;
  const headerRow = block.box.top + headerRowIndex(block.values);
  const firstColumn = outputStartColumn(customers, previous);
  const lastRow = customers.rows.reduce((max, row) => Math.max(max, row), headerRow);
  const rowCount = lastRow - headerRow;

  const score: CellOut[] = new Array(rowCount).fill(null);
  const rank: CellOut[] = new Array(rowCount).fill(null);
  const tier: CellOut[] = new Array(rowCount).fill(null);
  for (let i = 0; i < customers.rows.length; i++) {
    if (result.tier[i] < 0) continue;
    const at = customers.rows[i] - headerRow - 1;
    score[at] = result.score[i];
    rank[at] = result.rank[i];
    tier[at] = result.labels[result.tier[i]];
  }

  const summaryName = text.summarySheet;
  const columns: OutputColumns = {
    sheet: block.sheet,
    table: block.table,
    headerRow,
    firstColumn,
    rowCount,
    columns: [
      { header: text.score, numberFormat: SCORE_FORMAT, values: score },
      { header: text.rank, numberFormat: RANK_FORMAT, values: rank },
      { header: text.tier, numberFormat: TEXT_FORMAT, values: tier },
    ],
    tierColumn: 2,
    tierStyles: tierStyles(result.labels),
  };

  const state: OwnedState = {
    version: 1,
    sheet: block.sheet,
    headerRow,
    firstColumn,
    headers: columns.columns.map((column) => column.header),
    sheets: [summaryName],
  };

  return { previous, state, columns, sheets: [summarySheet(args, text, summaryName)] };
}

/** One conditional-format style per tier label, best first. */
export function tierStyles(labels: string[]): TierStyle[] {
  return labels.map((label, i) => ({ label, ...TIER_COLOURS[Math.min(i, TIER_COLOURS.length - 1)] }));
}

function summarySheet(args: PlanArgs, text: OutputText, name: string): OutputSheet {
  const { result, settings, customers, weightTable } = args;
  const blocks: CellBlock[] = [];
  blocks.push({ top: 0, left: 0, values: [[text.title]], style: "title" });

  // The tier table, with the chart data beside it so the charts stay right without the add-in.
  const tableTop = 2;
  const pyramid = result.pyramid;
  const maxCustomers = Math.max(...pyramid.map((row) => row.customers), 0);
  const maxValue = Math.max(...pyramid.map((row) => row.value), 0);
  const count = new Intl.NumberFormat(settings.lang);
  const percent = new Intl.NumberFormat(settings.lang, { style: "percent", maximumFractionDigits: 1 });
  blocks.push({
    top: tableTop,
    left: 0,
    style: "header",
    values: [
      [
        text.tierHeader,
        text.customers,
        text.customerShare,
        text.value,
        text.valueShare,
        text.spacerCustomers,
        text.spacerValue,
        text.labelCustomers,
        text.labelValue,
      ],
    ],
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
  blocks.push({
    top: tableTop + 1,
    left: 0,
    values: rows,
    numberFormats: [TEXT_FORMAT, COUNT_FORMAT, SHARE_FORMAT, VALUE_FORMAT, SHARE_FORMAT, VALUE_FORMAT, VALUE_FORMAT, TEXT_FORMAT, TEXT_FORMAT],
  });

  const first = tableTop + 1;
  const last = tableTop + pyramid.length;
  const range = (column: number) => `${columnName(column)}${first + 1}:${columnName(column)}${last + 1}`;
  const chartTop = tableTop;
  const charts: PyramidChart[] = [
    {
      title: text.quantityPyramid,
      categories: range(0),
      spacer: range(5),
      values: range(1),
      labels: range(7),
      seriesName: text.customers,
      anchor: { row: chartTop, column: 10, rows: 16, columns: 7 },
    },
    {
      title: text.valuePyramid,
      categories: range(0),
      spacer: range(6),
      values: range(3),
      labels: range(8),
      seriesName: text.value,
      anchor: { row: chartTop, column: 17, rows: 16, columns: 7 },
    },
  ];

  // How the workbook was graded, so a reader without the add-in knows.
  let top = Math.max(last + 3, chartTop + 18);
  const settingsRows: CellOut[][] = [
    [text.gradedOn, formatDate(settings.now)],
    [text.scheme, describeScheme(settings, text)],
    [text.labels, result.labels.join(", ")],
    [text.missing, settings.missing === "exclude" ? text.missingExclude : text.missingZero],
    [text.weightsTable, args.weightsRange],
    [text.customersTable, `${quoteSheet(customers.block.sheet)}!${boxAddress(customers.block.box)}`],
    [text.graded, totalCustomers],
    [text.excludedCount, result.excluded.length],
    [text.valueColumn, args.valueColumn ?? text.valueIsScore],
  ];
  if (settings.period) settingsRows.push([text.period, settings.period]);
  blocks.push({ top, left: 0, values: [[text.settings]], style: "header" });
  blocks.push({ top: top + 1, left: 0, values: settingsRows, numberFormats: [TEXT_FORMAT, null] });
  top += settingsRows.length + 3;

  blocks.push({
    top,
    left: 0,
    style: "header",
    values: [[text.dimension, text.indicator, text.column, text.direction, text.scoring, text.globalWeight]],
  });
  blocks.push({
    top: top + 1,
    left: 0,
    numberFormats: [TEXT_FORMAT, TEXT_FORMAT, TEXT_FORMAT, TEXT_FORMAT, TEXT_FORMAT, WEIGHT_FORMAT],
    values: weightTable.indicators.map((indicator, i) => [
      indicator.dimension ?? "",
      indicator.name,
      indicator.column,
      indicator.direction === "lower" ? text.lower : text.higher,
      indicator.scoring,
      result.weights[i],
    ]),
  });
  top += weightTable.indicators.length + 3;

  if (args.warnings.length > 0) {
    blocks.push({ top, left: 0, values: [[text.warnings]], style: "header" });
    blocks.push({
      top: top + 1,
      left: 0,
      numberFormats: [TEXT_FORMAT],
      values: args.warnings.map((warning) => [formatProblem(warning, settings.lang)]),
    });
    top += args.warnings.length + 3;
  }

  if (result.excluded.length > 0) {
    blocks.push({ top, left: 0, values: [[text.excluded]], style: "header" });
    blocks.push({ top: top + 1, left: 0, values: [[text.customerId, text.blankIndicators]], style: "header" });
    blocks.push({
      top: top + 2,
      left: 0,
      numberFormats: [TEXT_FORMAT, TEXT_FORMAT],
      values: result.excluded.map((customer) => [customer.id, customer.indicators.join(", ")]),
    });
  }

  return { name, blocks, columnWidths: [22, 14, 18, 16, 16, 12, 12, 18, 18], charts };
}

function formatDate(date: Date): string {
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

