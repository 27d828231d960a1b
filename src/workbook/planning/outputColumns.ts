// The output columns on the customer sheet: where they go (after the analyst's last column, or where the
// earlier run's are now), what they hold (Score, Rank, Tier and the options' columns, as values or live
// formulas), and the planner's collision check for every cell they cover.

import type { GradeResult, Indicator } from "../../engine/types";
import { cellAddress, columnName } from "../reading/address";
import { isBlank } from "../reading/cells";
import { headerRowIndex } from "../reading/blocks";
import { headerKey } from "../reading/headers";
import { problem } from "../reading/problems";
import type { Block, Box, CellOut, CellValue, CustomerData, OutputColumns, OwnedState, Problem, WritePlan } from "../types";
import type { GradeSettings } from "../settings";
import { liveOutputColumns } from "./formulas";
import type { LiveLayout, SummaryRefs } from "./formulas";
import type { OutputText } from "./outputText";
import { HEADER_LOOK, RANK_FORMAT, SCORE_FORMAT, TEXT_FORMAT, tierStyles } from "./styles";

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

/** Where a run's output columns go on the customer sheet, and the analyst's columns left of them. */
export interface ColumnPlace {
  headerRow: number;
  firstColumn: number;
  /** The last customer row; data rows are headerRow + 1 .. lastRow. */
  lastRow: number;
  rowCount: number;
  /** Sheet column of every user header left of the outputs, by headerKey (the first of equal ones). */
  columnsByKey: Map<string, number>;
}

/** The place of this run's output columns (outputStartColumn) and the user columns by header. */
export function placeOutputColumns(customers: CustomerData, previous: OwnedState | undefined): ColumnPlace {
  const block = customers.block;
  const headerIndex = headerRowIndex(block.values);
  const headerRow = block.box.top + headerIndex;
  const firstColumn = outputStartColumn(customers, previous);
  const lastRow = customers.rows.reduce((max, row) => Math.max(max, row), headerRow);
  const columnsByKey = new Map<string, number>();
  (block.values[headerIndex] ?? []).forEach((cell, i) => {
    const column = block.box.left + i;
    if (typeof cell === "string" && column < firstColumn && !columnsByKey.has(headerKey(cell))) {
      columnsByKey.set(headerKey(cell), column);
    }
  });
  return { headerRow, firstColumn, lastRow, rowCount: lastRow - headerRow, columnsByKey };
}

/**
 * Where live formulas find the customer-side columns: each indicator's column (-1 when the header is
 * not left of the outputs, which rules formulas out), the value column, and the Score, Rank, Tier
 * columns in that order from the place's first column.
 */
export function liveLayout(customers: CustomerData, place: ColumnPlace, indicatorColumns: string[], valueColumn: string | undefined): LiveLayout {
  const { columnsByKey, firstColumn } = place;
  return {
    customerSheet: customers.block.sheet,
    firstRow: place.headerRow + 1,
    lastRow: place.lastRow,
    indicatorColumns: indicatorColumns.map((column) => columnsByKey.get(headerKey(column)) ?? -1),
    valueColumn: valueColumn === undefined ? undefined : columnsByKey.get(headerKey(valueColumn)),
    scoreColumn: firstColumn,
    rankColumn: firstColumn + 1,
    tierColumn: firstColumn + 2,
    columnsByKey,
  };
}

/**
 * The Score, Rank and Tier columns with the tier colours: the engine's numbers and labels, or with
 * `live` the formulas that compute them in the workbook. Rows of excluded customers stay blank.
 */
export function gradingColumns(
  customers: CustomerData,
  result: GradeResult,
  settings: GradeSettings,
  indicators: Indicator[],
  text: OutputText,
  place: ColumnPlace,
  live?: { layout: LiveLayout; summary: SummaryRefs },
): OutputColumns {
  const { headerRow, firstColumn, rowCount } = place;
  let score: CellOut[];
  let rank: CellOut[];
  let tier: CellOut[];
  if (live) {
    ({ score, rank, tier } = liveOutputColumns(live.layout, customers.rows, rowCount, indicators, settings.scheme, result.labels, settings.missing, live.summary));
  } else {
    score = new Array(rowCount).fill(null);
    rank = new Array(rowCount).fill(null);
    tier = new Array(rowCount).fill(null);
    for (let i = 0; i < customers.rows.length; i++) {
      if (result.tier[i] < 0) continue;
      const at = customers.rows[i] - headerRow - 1;
      score[at] = result.score[i];
      rank[at] = result.rank[i];
      tier[at] = result.labels[result.tier[i]];
    }
  }
  return {
    sheet: customers.block.sheet,
    table: customers.block.table,
    headerRow,
    firstColumn,
    rowCount,
    columns: [
      { header: text.score, numberFormat: SCORE_FORMAT, values: score },
      { header: text.rank, numberFormat: RANK_FORMAT, values: rank },
      { header: text.tier, numberFormat: live ? "General" : TEXT_FORMAT, values: tier },
    ],
    tierColumn: 2,
    tierStyles: tierStyles(result.labels),
    headerLook: HEADER_LOOK,
  };
}

/** One text output column's cells from a value per customer ("" leaves the cell blank). */
export function perRowColumn(customers: CustomerData, place: ColumnPlace, values: string[]): CellOut[] {
  const out: CellOut[] = new Array(place.rowCount).fill(null);
  customers.rows.forEach((row, i) => {
    if (values[i] !== "") out[row - place.headerRow - 1] = values[i];
  });
  return out;
}

/** The customer table without the add-in's own columns: what the analyst keeps. */
export function userBox(customers: CustomerData, previous: OwnedState | undefined) {
  const box = customers.block.box;
  return { ...box, columns: Math.min(box.columns, outputStartColumn(customers, previous) - box.left) };
}
