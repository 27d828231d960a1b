// Runs a write plan through Office.js in a fixed small number of batches:
//   1. look: sheets, the state name, the customer table's columns;
//   2. guard: every cell the output will cover is empty or the add-in's own;
//   3. snapshot: the earlier output's values and formats (chunked reads);
//   4. write: remove the earlier output, write the columns (chunked), tier colours, summary sheets;
//   5. commit: drop the earlier summary sheets, record the state name.
// The earlier summary sheets are not deleted until the commit: they are renamed and hidden, so that a
// cancelled run (or one Excel refuses half way) can put them back with their charts, untouched. Every
// write registers how to undo itself; on abort or error the undo steps run in reverse order.

import { cellAddress, columnName } from "../address";
import { STATE_NAME, encodeState } from "../state";
import type { Box, CellBlock, OutputColumns, OutputSheet, OwnedState, Problem, Progress, WritePlan } from "../types";
import { AbortedRun, Batch } from "./batch";
import { TEXT_FORMAT, cellFormat, excelValue } from "./cellFormats";
import { addPyramidChart } from "./pyramidChart";
import { readRows } from "./readRows";
import { cellBytes, chunkRows } from "./payload";
import { requireExcelApi } from "./features";

const MAX_ROWS = 1048576;

/** The executor refused to write over a cell the add-in does not own. */
export class OutputCollisionError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.message["en-US"]);
    this.name = "OutputCollisionError";
  }
}

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
 * state; on abort rejects with an AbortError after putting the workbook back as it was; throws
 * OutputCollisionError, before writing anything, when an output cell holds data the add-in does not own.
 */
export async function executePlan(context: Excel.RequestContext, plan: WritePlan, options: ExecuteOptions = {}): Promise<void> {
  const { onProgress, signal } = options;
  if (signal?.aborted) throw new AbortedRun();
  requireExcelApi();
  const batch = new Batch(context, signal, options.budget);
  const wb = context.workbook;
  const cols = plan.columns;
  const prev = plan.previous;
  const report = (fraction: number) => onProgress?.({ stage: "write", fraction: 0.7 + 0.3 * Math.min(1, fraction) });
  report(0);

  // 1. Look.
  const sheets = wb.worksheets.load("items/name,items/position,items/visibility");
  const stateName = wb.names.getItemOrNullObject(STATE_NAME);
  const table = cols?.table ? wb.tables.getItem(cols.table) : undefined;
  const tableColumns = table?.columns.load("items/name");
  await batch.sync();
  const sheetNames = sheets.items.map((s) => s.name);
  const exists = (name: string) => sheetNames.some((n) => same(n, name));
  const prevHere = prev && exists(prev.sheet) ? prev : undefined;
  const onTarget = (p: OwnedState | undefined) => !!p && !!cols && same(p.sheet, cols.sheet) && p.headerRow === cols.headerRow;
  const owns = (column: number) =>
    onTarget(prevHere) && column >= prevHere!.firstColumn && column < prevHere!.firstColumn + prevHere!.headers.length;

  // 2. Guard: the planner reports collisions as problems; this is the second line of defence.
  // A plan without output columns (a migration) writes only sheets.
  const target = cols ? wb.worksheets.getItem(cols.sheet) : undefined;
  if (cols && tableColumns) {
    const ownedHeaders = onTarget(prevHere) ? prevHere!.headers : [];
    for (const column of tableColumns.items) {
      const clash = cols.columns.find((c) => same(c.header, column.name));
      if (clash && !ownedHeaders.some((h) => same(h, column.name))) {
        throw collision(cols.sheet, cellAddress(cols.headerRow, cols.firstColumn + cols.columns.indexOf(clash)), column.name);
      }
    }
  }
  const probes: { column: number; used: Excel.Range }[] = [];
  cols?.columns.forEach((_, j) => {
    const column = cols.firstColumn + j;
    if (owns(column) || !target) return;
    const used = target.getRangeByIndexes(cols.headerRow, column, cols.rowCount + 1, 1).getUsedRangeOrNullObject(true);
    probes.push({ column, used: used.load("address") });
  });
  let prevUsed: Excel.Range | undefined;
  if (prevHere && prevHere.headers.length > 0) {
    const area = wb.worksheets
      .getItem(prevHere.sheet)
      .getRangeByIndexes(prevHere.headerRow, prevHere.firstColumn, MAX_ROWS - prevHere.headerRow, prevHere.headers.length);
    prevUsed = area.getUsedRangeOrNullObject(false).load("rowIndex,columnIndex,rowCount,columnCount");
  }
  await batch.sync();
  for (const probe of probes) {
    if (cols && !probe.used.isNullObject) throw collision(cols.sheet, probe.used.address.split("!").pop() ?? "", headerAt(cols, probe.column));
  }

  // 3. Snapshot the earlier output columns, to put them back if the run is cancelled.
  let snapshot: Snapshot | undefined;
  if (prevHere && prevUsed && !prevUsed.isNullObject) {
    const box: Box = { top: prevUsed.rowIndex, left: prevUsed.columnIndex, rows: prevUsed.rowCount, columns: prevUsed.columnCount };
    const inTable = tableColumns && onTarget(prevHere) ? prevHere.headers.filter((h) => tableColumns.items.some((c) => same(c.name, h))) : [];
    snapshot = { sheet: prevHere.sheet, box, formulas: [], formats: [], tableColumns: inTable };
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
    if (snapshot) removeEarlierColumns(batch, cols?.table, table, snapshot, prevHere!);
    const parked = parkEarlierSheets(batch, sheets.items, prevHere?.sheets ?? [], sheetNames);
    batch.setSuspendCalculation(true);
    if (cols && target) {
      await writeColumns(batch, target, table, cols, (f) => report(0.1 + 0.6 * f));
      await colourTiers(batch, target, cols);
    }
    for (const sheet of plan.sheets) await writeSheet(batch, sheet);
    for (const append of plan.appends ?? []) await appendRows(batch, append);
    report(0.9);

    // 5. Commit: nothing below can be cancelled any more.
    // An earlier sheet this run writes again takes the old one's place among the tabs; one it does not
    // write (an option turned off, the other language's name) is simply gone: it was the add-in's.
    for (const p of parked) {
      p.proxy.delete();
      const again = plan.sheets.find((sheet) => same(sheet.name, p.name));
      if (again) wb.worksheets.getItem(again.name).position = p.position;
    }
    // eslint-disable-next-line office-addins/call-sync-before-read -- loaded, then synced through batch.sync() (Batch wraps context.sync), which the rule cannot see
    if (!stateName.isNullObject) stateName.delete();
    const recorded: OwnedState = cols
      ? { ...plan.state, tierColumn: cols.tierColumn, rowCount: cols.rowCount, tierStyles: cols.tierStyles }
      : plan.state;
    wb.names.add(STATE_NAME, `=${encodeState(recorded)}`).visible = false;
    await batch.flush();
    onProgress?.({ stage: "done", fraction: 1 });
  } catch (error) {
    await rollback(context, batch, options.budget);
    throw error;
  }

  function headerAt(c: OutputColumns, column: number): string {
    return c.columns[column - c.firstColumn]?.header ?? columnName(column);
  }
}

function collision(sheet: string, cell: string, header: string): OutputCollisionError {
  return new OutputCollisionError({
    severity: "error",
    code: "output-collision",
    sheet,
    cell,
    message: {
      "en-US": `${sheet}!${cell} holds data the add-in did not write, where its column "${header}" would go. Rename or move that column, then grade again.`,
      "zh-CN": `${sheet}!${cell} 有不是本插件写入的数据，而“${header}”列要写在这里。请重命名或移开该列，然后重新分级。`,
    },
  });
}

/** Removes the earlier run's output columns (table columns, or a plain range with its tier colours). */
function removeEarlierColumns(batch: Batch, tableName: string | undefined, table: Excel.Table | undefined, snapshot: Snapshot, prev: OwnedState): void {
  const wb = batch.context.workbook;
  const sheet = wb.worksheets.getItem(snapshot.sheet);
  if (table && snapshot.tableColumns.length > 0) {
    // Rightmost first, so that no deletion shifts a column still to delete.
    for (const header of [...snapshot.tableColumns].reverse()) table.columns.getItem(header).delete();
  }
  const area = sheet.getRangeByIndexes(snapshot.box.top, snapshot.box.left, snapshot.box.rows, snapshot.box.columns);
  area.conditionalFormats.clearAll();
  area.clear("All");
  batch.onUndo(async (rollback) => {
    const back = rollback.context.workbook.worksheets.getItem(snapshot.sheet);
    if (tableName && snapshot.tableColumns.length > 0) {
      const restoredTable = rollback.context.workbook.tables.getItem(tableName);
      await rollback.room(64);
      for (const header of snapshot.tableColumns) restoredTable.columns.add(undefined, undefined, header);
    }
    await writeGrid(rollback, back, snapshot.box.top, snapshot.box.left, snapshot.formulas, snapshot.formats, "formulas");
    if (prev.tierStyles && prev.tierColumn !== undefined && prev.rowCount !== undefined) {
      await rollback.room(256 * prev.tierStyles.length);
      const range = back.getRangeByIndexes(prev.headerRow + 1, prev.firstColumn + prev.tierColumn, prev.rowCount, 1);
      addTierRules(range, prev.tierStyles);
    }
  });
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

/** Writes the output columns: headers (as table columns when there is a table), then values by chunks. */
async function writeColumns(batch: Batch, target: Excel.Worksheet, table: Excel.Table | undefined, cols: OutputColumns, progress: (f: number) => void) {
  const n = cols.columns.length;
  await batch.room(256 * n);
  if (table && cols.table) {
    const tableName = cols.table;
    for (const column of cols.columns) table.columns.add(undefined, undefined, column.header);
    batch.onUndo(async (rollback) => {
      await rollback.room(64 * n);
      const t = rollback.context.workbook.tables.getItem(tableName);
      for (const column of [...cols.columns].reverse()) t.columns.getItem(column.header).delete();
    });
  } else {
    const header = target.getRangeByIndexes(cols.headerRow, cols.firstColumn, 1, n);
    header.numberFormat = [cols.columns.map(() => TEXT_FORMAT)];
    header.values = [cols.columns.map((c) => c.header)];
  }
  const area: Box = { top: cols.headerRow, left: cols.firstColumn, rows: cols.rowCount + 1, columns: n };
  // Undo the values by clearing the whole output area; registered before the first value chunk.
  batch.onUndo(async (rollback) => {
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
    if (block.style === "header") {
      range.format.font.bold = true;
      range.format.borders.getItem("EdgeBottom").style = "Continuous";
    } else if (block.style === "title") {
      range.format.font.bold = true;
      range.format.font.size = 14;
    }
  }
  await batch.room(64 * spec.columnWidths.length + 64);
  spec.columnWidths.forEach((chars, c) => {
    // Excel's width in characters to points: 7 pixels a character plus 5 of padding, 0.75 pt a pixel.
    sheet.getRangeByIndexes(0, c, 1, 1).format.columnWidth = Math.round((chars * 7 + 5) * 0.75 * 100) / 100;
  });
  for (const chart of spec.charts) {
    await batch.room(512 + 256 * chartPoints(chart.categories));
    addPyramidChart(sheet, spec.name, chart);
  }
  if ((spec.heatMaps ?? []).length > 0) {
    await batch.room(512 * (spec.heatMaps ?? []).length);
    for (const address of spec.heatMaps ?? []) {
      const scale = sheet.getRange(address).conditionalFormats.add("ColorScale");
      scale.colorScale.criteria = {
        minimum: { type: "LowestValue", color: "#FFFFFF" },
        maximum: { type: "HighestValue", color: "#F8696B" },
      };
    }
  }
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

