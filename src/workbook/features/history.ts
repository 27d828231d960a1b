// Periodic grading (docs/DESIGN.md §2 "Over time"): the Tier history/分级历史 sheet keeps one row per customer and
// period. Re-grading a period replaces that period's rows only; other periods stay as they were.

import type { GradeResult } from "../../engine/types";
import { cellAddress } from "../reading/address";
import { cellText, readNumber } from "../reading/cells";
import { headerKey } from "../reading/headers";
import { outputText } from "../planning/outputText";
import type { CellBlock, CellOut, CellValue, Lang, OutputSheet } from "../types";
import { HEADER_LOOK } from "../planning/styles";

export interface HistoryRow {
  id: string;
  period: string;
  score: number;
  rank: number;
  tier: string;
  /** The run's value (the value column, else the score), for the value migration matrix. */
  value: number;
  overridden: boolean;
  /** Where the row's customer ID stands (A1, the sheet read from A1), when it was read from the sheet. */
  cell?: string;
}

const HEADER_KEYS: Record<Exclude<keyof HistoryRow, "cell">, string[]> = {
  id: ["Customer ID", "客户编号"],
  period: ["Period", "期间"],
  score: ["Score", "得分"],
  rank: ["Rank", "排名"],
  tier: ["Tier", "等级"],
  value: ["Value", "价值"],
  overridden: ["Overridden", "已调整"],
};

/** Names the history sheet has (the add-in writes it in the run's language): Tier history / 分级历史. */
export const HISTORY_SHEETS: readonly string[] = [outputText("en-US").historySheet, outputText("zh-CN").historySheet];

/**
 * Names the add-in gave its history sheet before: "History" is a name Excel reserves and refuses for a
 * sheet (see sheetNames.ts), so a workbook graded then is migrated on its next run: the owned sheet of
 * an old name is read, and replaced by one of the new name holding the same rows.
 */
export const LEGACY_HISTORY_SHEETS: readonly string[] = ["History", "历史"];

/**
 * The rows of a History sheet as the add-in wrote it (header row first, either language), read from its
 * cell A1 on (each row knows its ID's cell). Rows without an id or a period are skipped: the sheet is the
 * add-in's, but a reader may have typed in it.
 *
 * @example
 * readHistory([["Customer ID", "Period", "Score", "Rank", "Tier", "Overridden"], ["C1", "2026-Q3", 80, 1, "A", "no"]])
 * // [{ id: "C1", period: "2026-Q3", score: 80, rank: 1, tier: "A", value: NaN, overridden: false, cell: "A2" }]
 */
export function readHistory(values: CellValue[][]): HistoryRow[] {
  const headerIndex = values.findIndex((row) => row.some((cell) => cell !== null && cell !== ""));
  if (headerIndex < 0) return [];
  const headers = values[headerIndex].map((cell) => headerKey(cellText(cell)));
  const at = Object.fromEntries(
    Object.entries(HEADER_KEYS).map(([field, names]) => [field, headers.findIndex((h) => names.map(headerKey).includes(h))]),
  ) as Record<Exclude<keyof HistoryRow, "cell">, number>;
  if (at.id < 0 || at.period < 0 || at.tier < 0) return [];
  const rows: HistoryRow[] = [];
  for (let r = headerIndex + 1; r < values.length; r++) {
    const row = values[r];
    const id = cellText(row[at.id] ?? null);
    const period = cellText(row[at.period] ?? null);
    if (id === "" || period === "") continue;
    const overridden = at.overridden < 0 ? "" : headerKey(cellText(row[at.overridden] ?? null));
    rows.push({
      id,
      period,
      score: readNumber(row[at.score] ?? null) ?? NaN,
      rank: readNumber(row[at.rank] ?? null) ?? NaN,
      tier: cellText(row[at.tier] ?? null),
      value: at.value < 0 ? NaN : readNumber(row[at.value] ?? null) ?? NaN,
      overridden: ["yes", "是", "true", "1"].includes(overridden),
      cell: cellAddress(r, at.id),
    });
  }
  return rows;
}

/**
 * The history after grading `period`: the earlier rows of every other period, then this period's
 * graded customers in sheet order. Excluded customers get no row.
 *
 * @example
 * mergeHistory([{ id: "C1", period: "Q1", ... }, { id: "C1", period: "Q2", ... }], "Q2", ["C1"], result)
 * // the Q1 row, then C1's new Q2 row
 */
export function mergeHistory(
  earlier: HistoryRow[],
  period: string,
  ids: string[],
  result: GradeResult,
  values?: ArrayLike<number>,
  overridden?: boolean[],
): HistoryRow[] {
  const rows = earlier.filter((row) => row.period !== period);
  for (let i = 0; i < ids.length; i++) {
    if (result.tier[i] < 0) continue;
    rows.push({
      id: ids[i],
      period,
      score: result.score[i],
      rank: result.rank[i],
      tier: result.labels[result.tier[i]],
      value: values ? values[i] : result.score[i],
      overridden: overridden?.[i] ?? false,
    });
  }
  return rows;
}

/** The periods present in a history, in the order they first appear. */
export function historyPeriods(rows: HistoryRow[]): string[] {
  return [...new Set(rows.map((row) => row.period))];
}

/** The History sheet the plan writes: a header row and one row per customer and period. */
export function historySheet(rows: HistoryRow[], lang: Lang): OutputSheet {
  const text = outputText(lang);
  const header: CellBlock = {
    top: 0,
    left: 0,
    look: HEADER_LOOK,
    values: [[text.customerId, text.period, text.score, text.rank, text.tier, text.value, text.overridden]],
  };
  const body: CellBlock = {
    top: 1,
    left: 0,
    numberFormats: ["@", "@", "0.00", "0", "@", "#,##0.##", "@"],
    values: rows.map((row): CellOut[] => [
      row.id,
      row.period,
      Number.isFinite(row.score) ? row.score : null,
      Number.isFinite(row.rank) ? row.rank : null,
      row.tier,
      Number.isFinite(row.value) ? row.value : null,
      row.overridden ? text.yes : text.no,
    ]),
  };
  return { name: text.historySheet, blocks: rows.length > 0 ? [header, body] : [header], columnWidths: [16, 12, 10, 8, 8, 14, 10], charts: [] };
}
