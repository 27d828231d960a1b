// From a grading result to a write plan: which cells, columns, sheets and charts a run writes, and
// what it owns afterwards. Plain data, so the Office.js executor and the .xlsx executor write the same
// workbook. Each part is planned where it is written about: the output columns (outputColumns.ts), the
// summary sheet (summary.ts), live formulas (formulas.ts), looks and formats (styles.ts); this file
// composes them with the options' sheets (history, strategy, risk, overrides).

import type { StrategyRow } from "../../engine/strategy";
import type { GradeResult, TierRule, WeightTable } from "../../engine/types";
import type { Explanation } from "../../engine/explain";
import { riskLevels, strategies, upgradePotential, WATCH_LIST_SHEETS, watchListSheet } from "../features/management";
import { riskSheet } from "../reading/riskRules";
import { strategySheet } from "../reading/strategyTable";
import { auditHeader, auditRows } from "../features/overrides";
import type { AppliedOverrides } from "../features/overrides";
import { headerKey } from "../reading/headers";
import { HISTORY_SHEETS, historyPeriods, historySheet, LEGACY_HISTORY_SHEETS, mergeHistory } from "../features/history";
import type { HistoryRow } from "../features/history";
import { whyColumn } from "../features/methodOutputs";
import type { WeightCells } from "../reading/weightTable";
import type { GradeSettings } from "../settings";
import type { CustomerData, OutputSheet, OwnedState, Problem, WritePlan } from "../types";
import { gradingColumns, liveLayout, perRowColumn, placeOutputColumns } from "./outputColumns";
import { outputText, OUTPUT_SHEETS } from "./outputText";
import { HEADER_LOOK, TEXT_FORMAT } from "./styles";
import { formatDate, summarySheet } from "./summary";

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

/**
 * The whole write plan of one grading run: Score, Rank and Tier columns to the right of the customer
 * table, tier colours by conditional formatting, and the summary sheet with the tier table, the run's
 * settings and two pyramid charts. Excluded customers get blank output cells and are listed.
 */
export function planGrading(args: PlanArgs): WritePlan {
  const { customers, result, settings, previous } = args;
  const text = outputText(settings.lang);
  const place = placeOutputColumns(customers, previous);
  const { headerRow, firstColumn } = place;
  const layout = liveLayout(customers, place, args.weightTable.indicators.map((indicator) => indicator.column), args.valueColumn);
  const formulas = settings.mode === "formulas" && layout.indicatorColumns.every((column) => column >= 0);

  const summary = summarySheet(args, text, text.summarySheet, formulas ? layout : undefined);
  const columns = gradingColumns(customers, result, settings, args.weightTable.indicators, text, place, formulas ? { layout, summary } : undefined);
  const sheets: OutputSheet[] = [summary.sheet];
  const userSheets: OutputSheet[] = [];

  const perRow = (values: string[]) => perRowColumn(customers, place, values);
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
    if (args.writeStrategyTable) userSheets.push(strategySheet(args.strategyTable, settings.lang, HEADER_LOOK));
  }
  if (settings.risk && args.riskRules) {
    const risk = riskLevels(result, customers, args.riskRules, settings.lang);
    columns.columns.push({ header: text.risk, numberFormat: TEXT_FORMAT, values: perRow(risk.level) });
    sheets.push(watchListSheet(result, customers, risk, args.riskRules, settings.lang));
    if (args.writeRiskRules) userSheets.push(riskSheet(args.riskRules, settings.lang, HEADER_LOOK));
  }

  if (args.explanations) columns.columns.push(whyColumn(customers, args.explanations, headerRow, place.rowCount, settings.lang));

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
    sheet: customers.block.sheet,
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
      ? [{ sheet: overrides.auditSheet, header: auditHeader(settings.lang), headerLook: HEADER_LOOK, rows: auditRows(overrides.audit, formatDate(settings.now), settings.lang) }]
      : [];

  // The strategy and risk sheets are the analyst's from the start: written once, never owned.
  return { previous: removed, state, columns, sheets: [...sheets, ...userSheets], appends };
}
