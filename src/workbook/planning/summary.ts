// From a grading result to a write plan: which cells, columns, sheets and charts a run writes.
// Plain data, so the Office.js executor and the .xlsx executor write the same workbook.

import type { StrategyRow } from "../../engine/strategy";
import type { GradeResult, PyramidRow, TierRule, WeightTable } from "../../engine/types";
import { riskLevels, strategies, upgradePotential, WATCH_LIST_SHEETS, watchListSheet } from "../features/management";
import { riskSheet } from "../reading/riskRules";
import { strategySheet } from "../reading/strategyTable";
import { auditHeader, auditRows } from "../features/overrides";
import type { AppliedOverrides } from "../features/overrides";
import { boxAddress, cellAddress, columnName, parseCellAddress, quoteSheet } from "../reading/address";
import { absolute, columnRange, rankFormula, scoreFormula, tierFormula } from "./formulas";
import type { IndicatorRefs } from "./formulas";
import { isBlank } from "../reading/cells";
import { headerRowIndex } from "../reading/blocks";
import { headerKey } from "../reading/headers";
import { HISTORY_SHEETS, historyPeriods, historySheet, LEGACY_HISTORY_SHEETS, mergeHistory } from "../features/history";
import type { HistoryRow } from "../features/history";
import { outputText, OUTPUT_SHEETS } from "./outputText";
import type { OutputText } from "./outputText";
import type { WeightCells } from "../reading/weightTable";
import type { GradeSettings } from "../settings";
import type {
  Block,
  Box,
  CellBlock,
  CellValue,
  CellOut,
  CustomerData,
  Lang,
  OutputColumns,
  OutputSheet,
  GradingState,
  HeatMap,
  OwnedState,
  RecordedValue,
  Problem,
  PyramidChart,
  TierStyle,
  WritePlan,
} from "../types";
import { formatProblem, problem } from "../reading/problems";
import type { Explanation } from "../../engine/explain";
import { whyColumn } from "../features/methodOutputs";

export const SCORE_FORMAT = "0.00";
export const RANK_FORMAT = "0";
export const TEXT_FORMAT = "@";
const SHARE_FORMAT = "0.0%";
const COUNT_FORMAT = "#,##0";
const VALUE_FORMAT = "#,##0.##";
const WEIGHT_FORMAT = "0.0000";

/** Conditional-formatting colours by tier position, best first (Excel's good / neutral / bad palette). */
/**
 * First column (AA) of the chart helpers (spacers and data labels) of a tier table: right of both
 * charts (K-X), out of the analyst's table, and hidden (the sheet's hiddenColumns); the charts are set
 * to plot hidden cells, since Excel leaves data in hidden columns out of a chart by default.
 */
export const CHART_DATA_COLUMN = 26;

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
  /** Where the parser found each weight: live formulas refer to these cells. */
  weightCells?: WeightCells;
  /** The Tier history sheet's rows as read (the add-in's own sheet), when the workbook has one. */
  history?: HistoryRow[];
  /** With settings.strategy: the strategy table, and whether to write it (the workbook has none yet). */
  strategyTable?: StrategyRow[];
  writeStrategyTable?: boolean;
  /** With settings.risk: the risk rules, and whether to write them (the workbook has none yet). */
  riskRules?: TierRule[];
  writeRiskRules?: boolean;
  /** Special grading: computed tiers before overrides, who is overridden and why, audit log entries. */
  overrides?: AppliedOverrides;
  /** With settings.explain: each customer's explanation (null when left out), for the Why column. */
  explanations?: (Explanation | null)[];
}

/** Where the customer-side columns of a run are, for formulas that refer to them. */
interface Layout {
  customerSheet: string;
  firstRow: number;
  lastRow: number;
  /** Sheet column of each indicator, in weight-table order. */
  indicatorColumns: number[];
  valueColumn?: number;
  scoreColumn: number;
  tierColumn: number;
  /** Sheet column of every user header, by headerKey, for rules. */
  columnsByKey: Map<string, number>;
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
  if (previous && previous.headers.length > 0 && previous.sheet === block.sheet && previous.headerRow === headerRow) return previous.firstColumn;
  const header = block.values[headerRowIndex(block.values)] ?? [];
  let last = -1;
  header.forEach((cell, i) => {
    if (!isBlank(cell)) last = i;
  });
  return block.box.left + last + 1;
}

/**
 * The earlier run's record with its output columns found where they are now, by identity: the run of
 * the recorded headers on the header row (matched like every header: case-, space- and
 * width-insensitively), at the recorded column when they are still there, else wherever the analyst
 * moved them on that row (a column inserted to their left). When they are not found (renamed, deleted,
 * the header row moved), those columns are no longer the add-in's: `headers` becomes [] and nothing of
 * them is cleared; the owned sheets stay owned.
 *
 * @example
 * // Recorded Score/Rank/Tier at F (5); the analyst inserted a column at C: found at G (6).
 */
export function locateOwnedColumns(block: Block, previous: OwnedState | undefined): OwnedState | undefined {
  if (!previous || previous.headers.length === 0 || previous.sheet.toLowerCase() !== block.sheet.toLowerCase()) return previous;
  const headerIndex = headerRowIndex(block.values);
  const header = block.values[headerIndex] ?? [];
  const wanted = previous.headers.map(headerKey);
  const at = (column: number) =>
    wanted.every((key, j) => {
      const cell = header[column - block.box.left + j];
      return typeof cell === "string" && headerKey(cell) === key;
    });
  if (previous.headerRow === block.box.top + headerIndex) {
    if (at(previous.firstColumn)) return previous;
    for (let column = block.box.left; column + wanted.length <= block.box.left + header.length; column++) {
      if (at(column)) return { ...previous, firstColumn: column };
    }
  }
  return { ...previous, headers: [] };
}

/** The cells a plan's output columns cover, header row included; undefined for a sheets-only plan. */
export function outputBox(plan: WritePlan): Box | undefined {
  const cols = plan.columns;
  if (!cols) return undefined;
  return { top: cols.headerRow, left: cols.firstColumn, rows: cols.rowCount + 1, columns: cols.columns.length };
}

/**
 * The planner's collision check, for every cell the output columns cover (both executors only carry
 * out what passes it): a cell outside the earlier run's own columns that holds anything is a problem
 * naming it (one per column, its first such cell). And when the earlier columns are table columns with
 * an analyst's column to their right, the run must write as many columns as before: a table cannot
 * grow or shrink in its middle without moving that column.
 * `outside`: what the cells of outputBox(plan) right of the block hold (a table's neighbours), read by
 * the caller; cells neither in the block nor in `outside` are empty (the block is the sheet's used range).
 *
 * @example
 * // Outputs F..H over rows 1..201, the analyst's note in F4 under a blank F1:
 * // [{ code: "output-cell-collision", sheet: "Customers", cell: "F4", ... }]
 */
export function outputProblems(plan: WritePlan, block: Block, outside?: { box: Box; values: CellValue[][] }): Problem[] {
  const cols = plan.columns;
  if (!cols) return [];
  const found: Problem[] = [];
  const prev = plan.previous && plan.previous.sheet.toLowerCase() === cols.sheet.toLowerCase() && plan.previous.headerRow === cols.headerRow ? plan.previous : undefined;
  const owned = (column: number) => !!prev && column >= prev.firstColumn && column < prev.firstColumn + prev.headers.length;
  const cell = (row: number, column: number): CellValue | undefined => {
    const b = block.box;
    if (row >= b.top && row < b.top + b.rows && column >= b.left && column < b.left + b.columns) return block.values[row - b.top]?.[column - b.left];
    const o = outside?.box;
    if (o && row >= o.top && row < o.top + o.rows && column >= o.left && column < o.left + o.columns) return outside!.values[row - o.top]?.[column - o.left];
    return undefined;
  };
  const occupied = (v: CellValue | undefined) => v !== null && v !== undefined && v !== "";
  cols.columns.forEach((column, j) => {
    const at = cols.firstColumn + j;
    if (owned(at)) return;
    for (let row = cols.headerRow; row <= cols.headerRow + cols.rowCount; row++) {
      if (occupied(cell(row, at))) {
        found.push(problem("output-cell-collision", cols.sheet, cellAddress(row, at), { header: column.header }));
        return;
      }
    }
  });
  if (prev && prev.headers.length > 0 && block.table && cols.columns.length !== prev.headers.length) {
    const end = prev.firstColumn + prev.headers.length;
    const right = block.box.left + block.box.columns;
    const headerIndex = headerRowIndex(block.values);
    if (end < right) {
      const header = block.values[headerIndex]?.[end - block.box.left];
      found.push(
        problem("output-columns-blocked", cols.sheet, cellAddress(cols.headerRow, end), {
          header: typeof header === "string" ? header : columnName(end),
          columns: cols.columns.length,
          was: prev.headers.length,
        }),
      );
    }
  }
  return found;
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
  const headerIndex = headerRowIndex(block.values);
  const headerRow = block.box.top + headerIndex;
  const firstColumn = outputStartColumn(customers, previous);
  const lastRow = customers.rows.reduce((max, row) => Math.max(max, row), headerRow);
  const rowCount = lastRow - headerRow;

  const columnsByKey = new Map<string, number>();
  (block.values[headerIndex] ?? []).forEach((cell, i) => {
    const column = block.box.left + i;
    if (typeof cell === "string" && column < firstColumn && !columnsByKey.has(headerKey(cell))) {
      columnsByKey.set(headerKey(cell), column);
    }
  });
  const layout: Layout = {
    customerSheet: block.sheet,
    firstRow: headerRow + 1,
    lastRow,
    indicatorColumns: args.weightTable.indicators.map((indicator) => columnsByKey.get(headerKey(indicator.column)) ?? -1),
    valueColumn: args.valueColumn === undefined ? undefined : columnsByKey.get(headerKey(args.valueColumn)),
    scoreColumn: firstColumn,
    tierColumn: firstColumn + 2,
    columnsByKey,
  };
  const formulas = settings.mode === "formulas" && layout.indicatorColumns.every((column) => column >= 0);

  const summaryName = text.summarySheet;
  const summary = summarySheet(args, text, summaryName, formulas ? layout : undefined);

  const score: CellOut[] = new Array(rowCount).fill(null);
  const rank: CellOut[] = new Array(rowCount).fill(null);
  const tier: CellOut[] = new Array(rowCount).fill(null);
  if (formulas) {
    const refs: IndicatorRefs[] = args.weightTable.indicators.map((_, j) => ({
      ...summary.weightRefs(j),
      range: columnRange(layout.indicatorColumns[j], layout.firstRow, lastRow),
      column: columnName(layout.indicatorColumns[j]),
    }));
    const scores = columnRange(firstColumn, layout.firstRow, lastRow);
    const values = layout.valueColumn === undefined ? undefined : columnRange(layout.valueColumn, layout.firstRow, lastRow);
    for (const row of customers.rows) {
      const at = row - headerRow - 1;
      const scoreCell = cellAddress(row, firstColumn);
      score[at] = { formula: scoreFormula(args.weightTable.indicators, refs, row, settings.missing) };
      rank[at] = { formula: rankFormula(scoreCell, scores) };
      const ruleCells: Record<string, string> = {};
      if (settings.scheme.kind === "rules") {
        for (const rule of settings.scheme.rules) {
          for (const condition of rule.conditions) {
            const column = columnsByKey.get(headerKey(condition.column));
            if (column !== undefined) ruleCells[condition.column] = cellAddress(row, column);
          }
        }
      }
      tier[at] = {
        formula: tierFormula(settings.scheme, result.labels, {
          scoreCell,
          scores,
          rankCell: cellAddress(row, firstColumn + 1),
          countCell: summary.countCell,
          valueTotalCell: summary.valueTotalCell,
          valueCell: layout.valueColumn === undefined ? undefined : cellAddress(row, layout.valueColumn),
          values,
          ruleCells,
        }),
      };
    }
  } else {
    for (let i = 0; i < customers.rows.length; i++) {
      if (result.tier[i] < 0) continue;
      const at = customers.rows[i] - headerRow - 1;
      score[at] = result.score[i];
      rank[at] = result.rank[i];
      tier[at] = result.labels[result.tier[i]];
    }
  }

  const columns: OutputColumns = {
    sheet: block.sheet,
    table: block.table,
    headerRow,
    firstColumn,
    rowCount,
    columns: [
      { header: text.score, numberFormat: SCORE_FORMAT, values: score },
      { header: text.rank, numberFormat: RANK_FORMAT, values: rank },
      { header: text.tier, numberFormat: formulas ? "General" : TEXT_FORMAT, values: tier },
    ],
    tierColumn: 2,
    tierStyles: tierStyles(result.labels),
  };
  const sheets: OutputSheet[] = [summary.sheet];
  const userSheets: OutputSheet[] = [];

  const perRow = (values: string[]): CellOut[] => {
    const out: CellOut[] = new Array(rowCount).fill(null);
    customers.rows.forEach((row, i) => {
      if (values[i] !== "") out[row - headerRow - 1] = values[i];
    });
    return out;
  };
  // Special grading: the computed tier stays visible beside the final one, with the reason.
  const overrides = args.overrides;
  if (overrides) {
    const computed = overrides.computed;
    columns.columns.push(
      {
        header: text.computedTier,
        numberFormat: TEXT_FORMAT,
        values: perRow(customers.ids.map((_, i) => (computed[i] < 0 ? "" : result.labels[computed[i]]))),
      },
      { header: text.override, numberFormat: TEXT_FORMAT, values: perRow(overrides.reasons) },
    );
  }

  // Acting on the grades: strategy and risk are written as values in either output mode.
  if (settings.strategy && args.strategyTable) {
    const potential = upgradePotential(customers, settings.strategy);
    columns.columns.push({ header: text.strategy, numberFormat: TEXT_FORMAT, values: perRow(strategies(result, potential, args.strategyTable)) });
    if (args.writeStrategyTable) userSheets.push(strategySheet(args.strategyTable, settings.lang));
  }
  if (settings.risk && args.riskRules) {
    const risk = riskLevels(result, customers, args.riskRules, settings.lang);
    columns.columns.push({ header: text.risk, numberFormat: TEXT_FORMAT, values: perRow(risk.level) });
    sheets.push(watchListSheet(result, customers, risk, args.riskRules, settings.lang));
    if (args.writeRiskRules) userSheets.push(riskSheet(args.riskRules, settings.lang));
  }

  if (args.explanations) columns.columns.push(whyColumn(customers, args.explanations, headerRow, rowCount, settings.lang));

  const value = args.valueColumn === undefined ? undefined : customers.numericColumns[args.valueColumn];
  const history = settings.period
    ? mergeHistory(args.history ?? [], settings.period, customers.ids, result, value, overrides?.overridden)
    : args.history;
  if (history && history.length > 0) sheets.push(historySheet(history, settings.lang));

  // This run replaces its own kinds of sheet (summary, history) in either language; other sheets the
  // add-in wrote before (a migration) stay and stay owned.
  // The history sheet's old names ("History" is reserved by Excel) are replaced by the new one, rows kept.
  const replaced = new Set([...OUTPUT_SHEETS.slice(0, 2), ...HISTORY_SHEETS, ...LEGACY_HISTORY_SHEETS, ...WATCH_LIST_SHEETS].map(headerKey));
  const kept = (previous?.sheets ?? []).filter((name) => !replaced.has(headerKey(name)));
  const state: OwnedState = {
    version: 1,
    sheet: block.sheet,
    headerRow,
    firstColumn,
    headers: columns.columns.map((column) => column.header),
    sheets: [...sheets.map((sheet) => sheet.name), ...kept],
    tierColumn: columns.tierColumn,
    rowCount: columns.rowCount,
    tierStyles: columns.tierStyles,
    grading: { ...summary.grading, ...(history && history.length > 0 ? { periods: historyPeriods(history) } : {}) },
  };
  const removed = previous ? { ...previous, sheets: previous.sheets.filter((name) => replaced.has(headerKey(name))) } : undefined;

  const appends =
    overrides && overrides.audit.length > 0
      ? [{ sheet: overrides.auditSheet, header: auditHeader(settings.lang), rows: auditRows(overrides.audit, formatDate(settings.now), settings.lang) }]
      : [];

  // The strategy and risk sheets are the analyst's from the start: written once, never owned.
  return { previous: removed, state, columns, sheets: [...sheets, ...userSheets], appends };
}

/** The customer table without the add-in's own columns: what the analyst keeps. */
function userBox(customers: CustomerData, previous: OwnedState | undefined) {
  const box = customers.block.box;
  return { ...box, columns: Math.min(box.columns, outputStartColumn(customers, previous) - box.left) };
}

/** Heat maps run from white at the minimum to Excel's own red (#F8696B) at the maximum. */
const HEAT_MAP_COLOURS = { low: "#FFFFFF", high: "#F8696B" } as const;

/** A heat map over an A1 range, in the plan's colours. */
export function heatMap(range: string): HeatMap {
  return { range, ...HEAT_MAP_COLOURS };
}

/** One conditional-format style per tier label, best first. */
export function tierStyles(labels: string[]): TierStyle[] {
  return labels.map((label, i) => ({ label, ...TIER_COLOURS[Math.min(i, TIER_COLOURS.length - 1)] }));
}

/**
 * The summary sheet. With a layout (live formulas), its tier table counts the tier column with
 * COUNTIF/SUMIF and its weights block computes each global weight from the weight table's cells, and
 * each indicator's minimum and maximum, which the score formulas refer to.
 */
function summarySheet(
  args: PlanArgs,
  text: OutputText,
  name: string,
  layout?: Layout,
): { sheet: OutputSheet; weightRefs: (j: number) => { weight: string; min: string; max: string }; countCell?: string; valueTotalCell?: string; grading: GradingState } {
  const { result, settings, customers, weightTable } = args;
  const blocks: CellBlock[] = [];
  blocks.push({ top: 0, left: 0, values: [[text.title]], style: "title" });

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
  blocks.push({ top, left: 0, values: [[text.settings]], style: "header" });
  blocks.push({ top: settingsTop, left: 0, values: settingsRows, numberFormats: [TEXT_FORMAT, null] });
  top += settingsRows.length + 3;

  // The weights block, a column per WEIGHT_COLUMNS key; min and max only with live formulas.
  const weightKeys = layout ? WEIGHT_COLUMNS : WEIGHT_COLUMNS.filter((key) => key !== "min" && key !== "max");
  blocks.push({ top, left: 0, style: "header", values: [weightKeys.map((key) => text[key])] });
  const weightsTop = top + 1;
  const weightColumn = (key: WeightColumn) => WEIGHT_COLUMNS.indexOf(key);
  const weightFormulas = layout && globalWeightFormulas(args);
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
    style: "header",
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
    style: "header",
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
    },
  ];

  const hiddenColumns = [0, 1, 2, 3].map((i) => CHART_DATA_COLUMN + i);
  return { blocks, charts, last, totalCustomers, hiddenColumns };
}

/** The tier table's rows as formulas over the tier column, so counts, values and charts follow edits. */
function liveTierTable(rows: CellOut[][], firstRow: number, layout: Layout): void {
  const tiers = columnRange(layout.tierColumn, layout.firstRow, layout.lastRow, layout.customerSheet);
  const values = columnRange(layout.valueColumn ?? layout.scoreColumn, layout.firstRow, layout.lastRow, layout.customerSheet);
  const count = rows.length - 1;
  const at = (column: number, row: number) => cellAddress(row, column);
  const span = (column: number) => `$${columnName(column)}$${firstRow + 1}:$${columnName(column)}$${firstRow + count}`;
  for (let i = 0; i < count; i++) {
    const row = firstRow + i;
    const label = at(0, row);
    rows[i][1] = { formula: `COUNTIF(${tiers},${label})` };
    rows[i][2] = { formula: `IF(SUM(${span(1)})=0,0,${at(1, row)}/SUM(${span(1)}))` };
    rows[i][3] = { formula: `SUMIF(${tiers},${label},${values})` };
    rows[i][4] = { formula: `IF(SUM(${span(3)})=0,0,${at(3, row)}/SUM(${span(3)}))` };
    rows[i][5] = { formula: `(MAX(${span(1)})-${at(1, row)})/2` };
    rows[i][6] = { formula: `(MAX(${span(3)})-MAX(${at(3, row)},0))/2` };
    rows[i][7] = { formula: `TEXT(${at(1, row)},"#,##0")&" · "&TEXT(${at(2, row)},"0.0%")` };
    rows[i][8] = { formula: `TEXT(${at(3, row)},"#,##0")&" · "&TEXT(${at(4, row)},"0.0%")` };
  }
  const total = rows[count];
  total[1] = { formula: `SUM(${span(1)})` };
  total[3] = { formula: `SUM(${span(3)})` };
}

/**
 * Each indicator's global weight as a formula over the weight table's own cells, the engine's rule
 * (src/engine/weights.ts) written out: weight / Σ weights of its dimension × dimension weight / Σ
 * dimension weights. The cells are the parser's (weightTable.ts matched the rows), never found again
 * here. Undefined when the parser gave none.
 */
function globalWeightFormulas(args: PlanArgs): string[] | undefined {
  const cells = args.weightCells;
  const { indicators, dimensions } = args.weightTable;
  if (!cells || cells.indicators.length !== indicators.length || cells.dimensions.length !== dimensions.length) return undefined;
  const anchored = (a1: string) => {
    const { row, column } = parseCellAddress(a1);
    return absolute(row, column, cells.sheet);
  };
  const own = cells.indicators.map(anchored);
  if (dimensions.length === 0) {
    const all = own.join(",");
    return own.map((cell) => `${cell}/SUM(${all})`);
  }
  const dimensionCell = new Map(dimensions.map((d, k) => [d.name, anchored(cells.dimensions[k])]));
  const allDimensions = [...dimensionCell.values()].join(",");
  return indicators.map((indicator, j) => {
    const siblings = own.filter((_, k) => indicators[k].dimension === indicator.dimension).join(",");
    return `(${dimensionCell.get(indicator.dimension as string)}/SUM(${allDimensions}))*(${own[j]}/SUM(${siblings}))`;
  });
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

