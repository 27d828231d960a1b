// Runs a write plan through Office.js in a fixed small number of batches:
//   1. look: sheets, the state (its Custom XML part, stateStore.ts), the customer table's columns;
//   2. where the earlier output's data ends (the planner has already checked every cell the output
//      covers: planning/outputColumns.ts outputProblems; this executor only carries the plan out);
//   3. snapshot: the earlier output's formulas and formats (chunked reads);
//   4. write: clear the earlier output, arrange a table's output columns in place (renamed, or
//      trailing ones dropped or added), write the columns (chunked), tier colours, summary sheets;
//   5. commit: drop the earlier summary sheets, record the state.
// The earlier summary sheets are not deleted until the commit: they are renamed and hidden, so that a
// cancelled run (or one Excel refuses half way) can put them back with their charts, untouched. Every
// write registers how to undo itself; on abort or error the undo steps run in reverse order.

import type { Box, CellBlock, CellLook, OutputColumns, OutputSheet, OwnedState, Progress, WritePlan } from "../../types";
import { throwIfCancelled } from "../../cancel";
import { Batch } from "./batch";
import { TEXT_FORMAT, cellFormat, excelValue } from "./cellFormats";
import { addPyramidChart } from "./pyramidChart";
import { readRows } from "./readRows";
import { cellBytes, chunkRows } from "./payload";
import { requireExcelApi } from "./features";
import { lookState, recordState } from "./stateStore";
import { assertPlanSheetNames } from "../../planning/sheetNames";

const MAX_ROWS = 1048576;

export interface ExecuteOptions {
  onProgress?: (p: Progress) => void;
  signal?: AbortSignal;
  /** Bytes per request; the default leaves a margin under Excel on the web's 5 MB. */
  budget?: number;
}

interface Snapshot {
  sheet: string;
  box: Box;
  /** What `formulas` returned: a formula cell's formula, never its result (issue 12 defect 5). */
  formulas: (string | number | boolean)[][];
  formats: string[][];
  /** The earlier columns were table columns, with these headers. */
  tableColumns: string[];
}

const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/**
 * Writes `plan` into the workbook of `context`. Resolves when the workbook holds the plan's output and
 * state; on abort rejects with an AbortError after putting the workbook back as it was. It does not
 * judge collisions: the planner has (planning/outputColumns.ts outputProblems).
 */
export async function executePlan(context: Excel.RequestContext, plan: WritePlan, options: ExecuteOptions = {}): Promise<void> {
  const { onProgress, signal } = options;
  throwIfCancelled(signal);
  assertPlanSheetNames(plan);
  requireExcelApi();
  const batch = new Batch(context, signal, options.budget);
  const wb = context.workbook;
  const cols = plan.columns;
  const prev = plan.previous;
  const report = (fraction: number) => onProgress?.({ stage: "write", fraction: 0.7 + 0.3 * Math.min(1, fraction) });
  report(0);

  // 1. Look.
  const sheets = wb.worksheets.load("items/name,items/position,items/visibility");
  const stored = lookState(wb);
  const table = cols?.table ? wb.tables.getItem(cols.table) : undefined;
  const tableColumns = table?.columns.load("items/name");
  await batch.sync();
  const sheetNames = sheets.items.map((s) => s.name);
  const exists = (name: string) => sheetNames.some((n) => same(n, name));
  const prevHere = prev && exists(prev.sheet) ? prev : undefined;
  const onTarget = (p: OwnedState | undefined) => !!p && !!cols && same(p.sheet, cols.sheet) && p.headerRow === cols.headerRow;

  // 2. Where the earlier output columns' data ends, for the snapshot. The planner has checked every
  // cell the output covers (planning/outputColumns.ts outputProblems); the executor only carries the plan out.
  const target = cols ? wb.worksheets.getItem(cols.sheet) : undefined;
  let prevUsed: Excel.Range | undefined;
  if (prevHere && prevHere.headers.length > 0) {
    const area = wb.worksheets
      .getItem(prevHere.sheet)
      .getRangeByIndexes(prevHere.headerRow, prevHere.firstColumn, MAX_ROWS - prevHere.headerRow, prevHere.headers.length);
    prevUsed = area.getUsedRangeOrNullObject(false).load("rowIndex,columnIndex,rowCount,columnCount");
    await batch.sync();
  }
  // The earlier columns that are columns of the target table, found by name, in their order.
  const ownedInTable =
    tableColumns && onTarget(prevHere) ? prevHere!.headers.filter((h) => tableColumns.items.some((c) => same(c.name, h))) : [];

  // 3. Snapshot the earlier output columns, to put them back if the run is cancelled.
  let snapshot: Snapshot | undefined;
  if (prevHere && prevUsed && !prevUsed.isNullObject) {
    const box: Box = { top: prevUsed.rowIndex, left: prevUsed.columnIndex, rows: prevUsed.rowCount, columns: prevUsed.columnCount };
    snapshot = { sheet: prevHere.sheet, box, formulas: [], formats: [], tableColumns: ownedInTable };
    const prevSheet = wb.worksheets.getItem(prevHere.sheet);
    // `formulas`, not `values`: Excel returns a formula cell's result in `values`, and writing that back
    // would turn live formulas into constants.
    await readRows(batch, box.rows, box.columns, "formulas,numberFormat", (offset, rows) =>
      prevSheet.getRangeByIndexes(box.top + offset, box.left, rows, box.columns),
      (_, range) => {
        for (const row of range.formulas) snapshot!.formulas.push(row);
        for (const row of range.numberFormat) snapshot!.formats.push(row as string[]);
      },
    );
  }
  report(0.1);

  try {
    // 4. Write. Remove the earlier output first.
    await batch.room(64);
    if (snapshot) clearEarlierColumns(batch, snapshot, prevHere!);
    const parked = parkEarlierSheets(batch, sheets.items, prevHere?.sheets ?? [], sheetNames);
    batch.setSuspendCalculation(true);
    if (cols && target) {
      if (table && cols.table) await arrangeTableColumns(batch, table, cols.table, ownedInTable, cols.columns.map((c) => c.header));
      await writeColumns(batch, target, !!(table && cols.table), cols, (f) => report(0.1 + 0.6 * f));
      await colourTiers(batch, target, cols);
    }
    // Filled cells before the sheets: a run cancelled while the sheets are written puts them back too.
    for (const fill of plan.fills ?? []) await fillCells(batch, fill);
    for (const sheet of plan.sheets) await writeSheet(batch, sheet);
    for (const append of plan.appends ?? []) await appendRows(batch, append);
    report(0.9);

    // 5. Commit: nothing below can be cancelled any more.
    // An earlier sheet this run writes again takes the old one's place among the tabs; one it does not
    // write (an option turned off, the other language's name) is simply gone: it was the add-in's.
    for (const p of parked) {
      p.proxy.delete();
      // An old "History" is replaced by "Tier history": getItem("History") would be ItemNotFound.
      const again = plan.sheets.find((sheet) => same(sheet.name, p.name));
      if (again) wb.worksheets.getItem(again.name).position = p.position;
    }
    // The record is the plan's, complete (plan.ts fills tierColumn, rowCount, tierStyles): written as it is.
    recordState(wb, stored, plan.state);
    await batch.flush();
    onProgress?.({ stage: "done", fraction: 1 });
  } catch (error) {
    await rollback(context, batch, options.budget);
    throw error;
  }

}

/**
 * Clears the earlier run's output cells: the whole box, or for table columns only the cells below the
 * header row (the header cells are the columns' names, which arrangeTableColumns keeps or renames).
 * Undo writes the snapshot back (formulas, not results) with the earlier tier colours; it runs after
 * the table columns are back as they were (undo steps run newest first).
 */
function clearEarlierColumns(batch: Batch, snapshot: Snapshot, prev: OwnedState): void {
  const sheet = batch.context.workbook.worksheets.getItem(snapshot.sheet);
  const box = snapshot.box;
  const skip = snapshot.tableColumns.length > 0 ? Math.max(0, prev.headerRow + 1 - box.top) : 0;
  if (box.rows > skip) {
    const area = sheet.getRangeByIndexes(box.top + skip, box.left, box.rows - skip, box.columns);
    area.conditionalFormats.clearAll();
    area.clear("All");
  }
  batch.onUndo(async (rollback) => {
    const back = rollback.context.workbook.worksheets.getItem(snapshot.sheet);
    await writeGrid(rollback, back, box.top, box.left, snapshot.formulas, snapshot.formats, "formulas");
    if (prev.tierStyles && prev.tierColumn !== undefined && prev.rowCount !== undefined && prev.rowCount > 0) {
      await rollback.room(256 * prev.tierStyles.length);
      const range = back.getRangeByIndexes(prev.headerRow + 1, prev.firstColumn + prev.tierColumn, prev.rowCount, 1);
      addTierRules(range, prev.tierStyles);
    }
  });
}

/**
 * Makes the table's output columns the plan's, in place (issue 12 defect 4): the earlier ones (`owned`,
 * found by name) keep their place and are renamed where the headers changed (language); extra earlier
 * ones are deleted and missing ones added, at the table's end, where the planner has made sure they
 * are (outputProblems refuses a change of count with an analyst's column to their right). So no
 * analyst's column ever moves into cells the run then clears or writes. Each step registers its undo.
 */
async function arrangeTableColumns(batch: Batch, table: Excel.Table, tableName: string, owned: string[], headers: string[]): Promise<void> {
  const kept = Math.min(owned.length, headers.length);
  const dropped = owned.slice(kept);
  const added = headers.slice(kept);
  const renames = owned.slice(0, kept).map((from, j) => ({ from, to: headers[j], temp: `~tiers-column-${j + 1}` })).filter((r) => r.from !== r.to);
  await batch.room(256 * (owned.length + headers.length) + 64);
  const columnsOf = (rollback: Batch) => rollback.context.workbook.tables.getItem(tableName).columns;
  if (dropped.length > 0) {
    // Rightmost first: the dropped columns are the table's last ones, so nothing else moves.
    for (const header of [...dropped].reverse()) table.columns.getItem(header).delete();
    batch.onUndo(async (rollback) => {
      await rollback.room(64 * dropped.length);
      for (const header of dropped) columnsOf(rollback).add(undefined, undefined, header);
    });
  }
  if (renames.length > 0) {
    // Through temporary names, so that a new name may be an earlier one's (two columns trading names).
    for (const r of renames) table.columns.getItem(r.from).name = r.temp;
    for (const r of renames) table.columns.getItem(r.temp).name = r.to;
    batch.onUndo(async (rollback) => {
      await rollback.room(128 * renames.length);
      for (const r of renames) columnsOf(rollback).getItem(r.to).name = r.temp;
      for (const r of renames) columnsOf(rollback).getItem(r.temp).name = r.from;
    });
  }
  if (added.length > 0) {
    for (const header of added) table.columns.add(undefined, undefined, header);
    batch.onUndo(async (rollback) => {
      await rollback.room(64 * added.length);
      for (const header of [...added].reverse()) columnsOf(rollback).getItem(header).delete();
    });
  }
}

/** Renames and hides the earlier run's sheets; they are deleted at the commit or renamed back. */
function parkEarlierSheets(batch: Batch, items: Excel.Worksheet[], owned: string[], names: string[]) {
  const parked: { name: string; proxy: Excel.Worksheet; position: number }[] = [];
  for (const name of owned) {
    const item = items.find((s) => same(s.name, name));
    if (!item) continue;
    let n = parked.length + 1;
    let temp = `~tiers-old-${n}`;
    while (names.some((x) => same(x, temp))) temp = `~tiers-old-${++n}`;
    const original = { name: item.name, visibility: item.visibility, position: item.position };
    item.name = temp;
    item.visibility = "Hidden";
    parked.push({ name: original.name, proxy: item, position: original.position });
    batch.onUndo(async (rollback) => {
      await rollback.room(128);
      const sheet = rollback.context.workbook.worksheets.getItem(temp);
      sheet.name = original.name;
      sheet.visibility = original.visibility;
      sheet.position = original.position;
    });
  }
  return parked;
}

/**
 * Writes the output columns: the header cells (a table's are its column names, already arranged),
 * then the values by chunks.
 */
async function writeColumns(batch: Batch, target: Excel.Worksheet, inTable: boolean, cols: OutputColumns, progress: (f: number) => void) {
  const n = cols.columns.length;
  await batch.room(256 * n);
  if (!inTable) {
    const header = target.getRangeByIndexes(cols.headerRow, cols.firstColumn, 1, n);
    header.numberFormat = [cols.columns.map(() => TEXT_FORMAT)];
    header.values = [cols.columns.map((c) => c.header)];
  }
  // Undo clears what was written (a table's header cells are left to the column undo); registered
  // before the first value chunk.
  const skip = inTable ? 1 : 0;
  const area: Box = { top: cols.headerRow + skip, left: cols.firstColumn, rows: cols.rowCount + 1 - skip, columns: n };
  batch.onUndo(async (rollback) => {
    if (area.rows === 0) return;
    await rollback.room(64);
    const range = rollback.context.workbook.worksheets.getItem(cols.sheet).getRangeByIndexes(area.top, area.left, area.rows, area.columns);
    range.conditionalFormats.clearAll();
    range.clear("All");
  });
  const values: CellBlock["values"] = [];
  const formats: string[][] = [];
  // Rows are built chunk by chunk: a million-row 2-D array of every column at once is not needed.
  const rowBytes = new Float64Array(cols.rowCount);
  for (let r = 0; r < cols.rowCount; r++) {
    let bytes = 4;
    for (const column of cols.columns) {
      const v = column.values[r] ?? null;
      bytes += cellBytes(v) + cellFormat(v, column.numberFormat).length + 3;
    }
    rowBytes[r] = bytes;
  }
  const chunks = chunkRows(rowBytes, batch.budget);
  for (let k = 0; k < chunks.length; k++) {
    const [start, end] = chunks[k];
    values.length = 0;
    formats.length = 0;
    let bytes = 0;
    for (let r = start; r < end; r++) {
      values.push(cols.columns.map((c) => c.values[r] ?? null));
      formats.push(cols.columns.map((c) => cellFormat(c.values[r] ?? null, c.numberFormat)));
      bytes += rowBytes[r];
    }
    await batch.room(bytes);
    const range = target.getRangeByIndexes(cols.headerRow + 1 + start, cols.firstColumn, end - start, n);
    range.numberFormat = formats.slice();
    range.values = values.map((row) => row.map(excelValue));
    progress((k + 1) / chunks.length);
  }
}

/** One conditional format per tier on the tier column: cell value equals the label. */
async function colourTiers(batch: Batch, target: Excel.Worksheet, cols: OutputColumns): Promise<void> {
  if (cols.rowCount === 0) return;
  await batch.room(256 * cols.tierStyles.length);
  const range = target.getRangeByIndexes(cols.headerRow + 1, cols.firstColumn + cols.tierColumn, cols.rowCount, 1);
  addTierRules(range, cols.tierStyles);
}

function addTierRules(range: Excel.Range, styles: OutputColumns["tierStyles"]): void {
  for (const style of styles) {
    const format = range.conditionalFormats.add("CellValue");
    format.cellValue.format.fill.color = style.fill;
    format.cellValue.format.font.color = style.font;
    format.cellValue.rule = { formula1: `="${style.label.replace(/"/g, '""')}"`, operator: "EqualTo" };
  }
}

/**
 * Writes a grid of values (or, with "formulas", what Range.formulas returned) with a number format per
 * cell, chunked by payload. The format goes first, so text under "@" stays text.
 */
async function writeGrid(
  batch: Batch,
  sheet: Excel.Worksheet,
  top: number,
  left: number,
  values: (string | number | boolean)[][],
  formats: string[][],
  property: "values" | "formulas" = "values",
): Promise<void> {
  const rowBytes = values.map((row, r) => JSON.stringify(row).length + JSON.stringify(formats[r]).length);
  for (const [start, end] of chunkRows(rowBytes, batch.budget)) {
    await batch.room(rowBytes.slice(start, end).reduce((a, b) => a + b, 0));
    const range = sheet.getRangeByIndexes(top + start, left, end - start, values[0].length);
    range.numberFormat = formats.slice(start, end);
    if (property === "formulas") range.formulas = values.slice(start, end);
    else range.values = values.slice(start, end);
  }
}

/**
 * Appends rows below the last used row of a sheet the add-in never rewrites (the audit log), creating
 * it with its header row when it does not exist. Undo removes exactly what was appended.
 */
async function appendRows(batch: Batch, append: NonNullable<WritePlan["appends"]>[number]): Promise<void> {
  if (append.rows.length === 0) return;
  const wb = batch.context.workbook;
  const existing = wb.worksheets.getItemOrNullObject(append.sheet);
  existing.load("name");
  await batch.sync();
  let top = 0;
  let sheet: Excel.Worksheet;
  // eslint-disable-next-line office-addins/call-sync-before-read -- loaded, then synced through batch.sync() (Batch wraps context.sync), which the rule cannot see
  if (existing.isNullObject) {
    sheet = wb.worksheets.add(append.sheet);
    batch.onUndo(async (rollback) => {
      await rollback.room(64);
      rollback.context.workbook.worksheets.getItem(append.sheet).delete();
    });
    const header = sheet.getRangeByIndexes(0, 0, 1, append.header.length);
    header.numberFormat = [append.header.map(() => TEXT_FORMAT)];
    header.values = [append.header.map(excelValue)];
    if (append.headerLook) applyLook(header, append.headerLook);
    top = 1;
  } else {
    sheet = existing;
    const used = sheet.getUsedRangeOrNullObject(true).load("rowIndex,rowCount");
    await batch.sync();
    top = used.isNullObject ? 0 : used.rowIndex + used.rowCount;
    const width = Math.max(...append.rows.map((row) => row.length));
    const count = append.rows.length;
    batch.onUndo(async (rollback) => {
      await rollback.room(64);
      rollback.context.workbook.worksheets.getItem(append.sheet).getRangeByIndexes(top, 0, count, width).clear("All");
    });
  }
  const width = Math.max(...append.rows.map((row) => row.length));
  const rows = append.rows.map((row) => Array.from({ length: width }, (_, c) => row[c] ?? null));
  await batch.room(JSON.stringify(rows).length * 2);
  const range = sheet.getRangeByIndexes(top, 0, rows.length, width);
  range.numberFormat = rows.map((row) => row.map((v) => cellFormat(v, "General")));
  range.values = rows.map((row) => row.map(excelValue));
}

/**
 * Writes numbers into cells of the analyst's own table (plan.fills: PCA weights into the Weight column).
 * The cells' formulas are read first, and a cancelled run writes them back (formulas, not results);
 * the cells keep their number formats.
 */
async function fillCells(batch: Batch, fill: NonNullable<WritePlan["fills"]>[number]): Promise<void> {
  if (fill.cells.length === 0) return;
  const sheet = batch.context.workbook.worksheets.getItem(fill.sheet);
  const ranges = fill.cells.map((cell) => sheet.getRangeByIndexes(cell.row, cell.column, 1, 1).load("formulas"));
  await batch.sync();
  const before = ranges.map((range) => range.formulas[0][0]);
  batch.onUndo(async (rollback) => {
    const back = rollback.context.workbook.worksheets.getItem(fill.sheet);
    await rollback.room(64 * fill.cells.length);
    fill.cells.forEach((cell, i) => {
      back.getRangeByIndexes(cell.row, cell.column, 1, 1).formulas = [[before[i]]];
    });
  });
  await batch.room(64 * fill.cells.length);
  fill.cells.forEach((cell, i) => {
    ranges[i].values = [[cell.value]];
  });
}

async function writeSheet(batch: Batch, spec: OutputSheet): Promise<void> {
  await batch.room(64);
  const wb = batch.context.workbook;
  wb.worksheets.add(spec.name);
  batch.onUndo(async (rollback) => {
    await rollback.room(64);
    rollback.context.workbook.worksheets.getItem(spec.name).delete();
  });
  const sheet = wb.worksheets.getItem(spec.name);
  for (const block of spec.blocks) {
    if (block.values.length === 0) continue;
    const formats = block.values.map((row) => row.map((v, c) => cellFormat(v, block.numberFormats?.[c])));
    await writeGrid(batch, sheet, block.top, block.left, block.values.map((row) => row.map(excelValue)), formats);
    const width = Math.max(...block.values.map((row) => row.length));
    const range = sheet.getRangeByIndexes(block.top, block.left, block.values.length, width);
    if (block.look) applyLook(range, block.look);
  }
  await batch.room(64 * spec.columnWidths.length + 64);
  spec.columnWidths.forEach((chars, c) => {
    // Excel's width in characters to points: 7 pixels a character plus 5 of padding, 0.75 pt a pixel.
    sheet.getRangeByIndexes(0, c, 1, 1).format.columnWidth = Math.round((chars * 7 + 5) * 0.75 * 100) / 100;
  });
  if ((spec.hiddenColumns ?? []).length > 0) {
    await batch.room(64 * (spec.hiddenColumns ?? []).length);
    // Range.columnHidden (ExcelApi 1.2) hides the whole column of each cell.
    for (const c of spec.hiddenColumns ?? []) sheet.getRangeByIndexes(0, c, 1, 1).columnHidden = true;
  }
  for (const chart of spec.charts) {
    await batch.room(512 + 256 * chartPoints(chart.categories));
    addPyramidChart(sheet, spec.name, chart);
  }
  if ((spec.heatMaps ?? []).length > 0) {
    await batch.room(512 * (spec.heatMaps ?? []).length);
    for (const map of spec.heatMaps ?? []) {
      const scale = sheet.getRange(map.range).conditionalFormats.add("ColorScale");
      scale.colorScale.criteria = {
        minimum: { type: "LowestValue", color: map.low },
        maximum: { type: "HighestValue", color: map.high },
      };
    }
  }
}

/** The plan's look on a range: only what the look sets is set, the rest stays Excel's default. */
function applyLook(range: Excel.Range, look: CellLook): void {
  if (look.bold !== undefined) range.format.font.bold = look.bold;
  if (look.size !== undefined) range.format.font.size = look.size;
  if (look.bottomBorder) range.format.borders.getItem("EdgeBottom").style = "Continuous";
}

function chartPoints(a1: string): number {
  const parts = a1.split(":");
  if (parts.length < 2) return 1;
  return Math.abs(Number(parts[1].replace(/\D/g, "")) - Number(parts[0].replace(/\D/g, ""))) + 1;
}

/** Runs the undo steps, newest first, on the same context; never looks at the abort signal. */
async function rollback(context: Excel.RequestContext, batch: Batch, budget?: number): Promise<void> {
  const back = new Batch(context, undefined, budget);
  for (const step of [...batch.undo].reverse()) await step(back);
  await back.flush();
}

