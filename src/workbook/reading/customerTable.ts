// The customer table (docs/DESIGN.md §4) read from a block of cells: one customer per row, an ID column,
// optional Name and Owner, and the columns the weight table's indicators read. Built for Excel's
// maximum of 1,048,575 rows: one pass per column into Float64Arrays, nothing allocated per cell.

import type { WeightTable } from "../../engine/types";
import { boxAddress, cellAddress } from "./address";
import { cellText, isBlank, isErrorValue, readNumber } from "./cells";
import { findRole, HEADER_ALIASES, headerKey } from "./headers";
import { problem } from "./problems";
import type { ProblemCode, ProblemParams } from "./problems";
import type { Block, CellValue, CustomerData, Problem } from "../types";

export interface CustomerTableOptions {
  /** A1 address of each indicator's name cell in the weight table (from parseWeightTable). */
  indicatorCells?: string[];
  /** The weight table's sheet, where a missing indicator column is reported. */
  weightSheet?: string;
  /** Absolute sheet column from which cells are the add-in's own earlier output: ignored entirely. */
  ignoreFromColumn?: number;
  /** A column that must exist and hold numbers (the value column of the pareto scheme). */
  valueColumn?: string;
}

/**
 * Cells of one kind of problem named per column before the rest are summarised: a 100,000-row column
 * of text would otherwise bury the analyst (and memory) in identical messages.
 */
export const CELL_PROBLEMS_PER_COLUMN = 10;

const NON_ASCII = /[\u0080-\uffff]/;

/**
 * The customers a block holds. The header row is the block's first non-blank row; fully blank rows
 * are skipped; columns at or beyond `ignoreFromColumn` are not read. The ID column is required and
 * every id must be present and unique (compared case- and width-insensitively, as Excel's lookups
 * do); every indicator's column must exist and hold numbers or blanks (a blank is NaN, left to the
 * run's missing-value policy); raw-scored values must lie in 0..100. `numericColumns` holds every
 * headed column whose non-blank cells are all numbers, by its header as written. Never throws:
 * `customers` is returned only when no problem is an error, and problems name their cells
 * (absolute sheet addresses), at most CELL_PROBLEMS_PER_COLUMN per kind and column.
 *
 * @example
 * // Customers!A1:C3 = [["客户编号","客户名称","销售额"], ["C01","甲","1,200"], ["C02","乙",800]]
 * parseCustomerTable(block, { dimensions: [], indicators: [sales] }).customers?.indicatorValues[0]
 * // Float64Array [1200, 800]
 */
export function parseCustomerTable(
  block: Block,
  weightTable: WeightTable,
  options: CustomerTableOptions = {},
): { customers?: CustomerData; problems: Problem[] } {
  const { sheet, box, values } = block;
  const problems: Problem[] = [];
  const width =
    options.ignoreFromColumn === undefined ? box.columns : Math.max(0, Math.min(box.columns, options.ignoreFromColumn - box.left));

  let headerIndex = -1;
  for (let r = 0; r < values.length && headerIndex < 0; r++) if (!rowIsBlank(values[r], width)) headerIndex = r;
  if (headerIndex < 0 || width === 0) {
    return { problems: [problem("table-empty", sheet, boxAddress(box), { role: "customers" })] };
  }
  const headerRow = box.top + headerIndex;
  const headerRange = boxAddress({ top: headerRow, left: box.left, rows: 1, columns: width });
  const headers: string[] = new Array(width);
  for (let c = 0; c < width; c++) headers[c] = cellText(values[headerIndex][c]);

  // Data rows, skipping blank ones (a trailing blank area is common in a used range).
  const dataRows = new Int32Array(Math.max(0, values.length - headerIndex - 1));
  let n = 0;
  for (let r = headerIndex + 1; r < values.length; r++) if (!rowIsBlank(values[r], width)) dataRows[n++] = r;
  if (n === 0) problems.push(problem("table-empty", sheet, headerRange, { role: "customers" }));
  const rows = new Array<number>(n);
  for (let i = 0; i < n; i++) rows[i] = box.top + dataRows[i];
  const dataRange = (c: number) => boxAddress({ top: headerRow + 1, left: box.left + c, rows: Math.max(1, values.length - headerIndex - 1), columns: 1 });
  const report = cappedReporter(problems, sheet, dataRange);

  // Which column each header key names first; a key needed twice over is ambiguous.
  const firstColumn = new Map<string, number>();
  const secondColumn = new Map<string, number>();
  headers.forEach((header, c) => {
    if (header === "") return;
    const key = headerKey(header);
    if (!firstColumn.has(key)) firstColumn.set(key, c);
    else if (!secondColumn.has(key)) secondColumn.set(key, c);
  });
  const reportedAmbiguous = new Set<string>();
  const columnOf = (name: string): number => {
    const key = headerKey(name);
    const c = firstColumn.get(key);
    const second = secondColumn.get(key);
    if (c !== undefined && second !== undefined && !reportedAmbiguous.has(key)) {
      reportedAmbiguous.add(key);
      problems.push(
        problem("duplicate-header", sheet, cellAddress(headerRow, box.left + second), { header: headers[second], first: cellAddress(headerRow, box.left + c) }),
      );
    }
    return c ?? -1;
  };

  const idColumn = findRole(headers, "id");
  if (idColumn < 0) problems.push(problem("missing-header", sheet, headerRange, { headers: HEADER_ALIASES.id }));
  else columnOf(headers[idColumn]);
  const nameColumn = findRole(headers, "name");
  const ownerColumn = findRole(headers, "owner");

  const ids = new Array<string>(n);
  if (idColumn >= 0) {
    const seen = new Map<string, number>();
    for (let i = 0; i < n; i++) {
      const r = dataRows[i];
      const v = values[r][idColumn];
      const id = cellText(v);
      ids[i] = id;
      const cell = () => cellAddress(box.top + r, box.left + idColumn);
      if (id === "") {
        report("blank-id", idColumn, cell, {});
        continue;
      }
      // #REF! or TRUE is what a cell shows, not who the customer is.
      if (isErrorValue(v)) {
        report("not-an-id", idColumn, cell, { error: v.error });
        continue;
      }
      if (typeof v === "boolean") {
        report("not-an-id", idColumn, cell, { value: id });
        continue;
      }
      const key = (NON_ASCII.test(id) ? id.normalize("NFKC") : id).toLowerCase();
      const first = seen.get(key);
      if (first === undefined) seen.set(key, r);
      else report("duplicate-id", idColumn, cell, { id, first: cellAddress(box.top + first, box.left + idColumn) });
    }
  }

  // Columns the run needs: their every bad cell is a problem. Others only need to know if numeric.
  const needed = new Map<number, string>();
  const indicatorColumns = weightTable.indicators.map((indicator, i) => {
    const c = columnOf(indicator.column);
    if (c < 0) {
      const cell = options.indicatorCells?.[i];
      problems.push(
        cell !== undefined
          ? problem("indicator-column-missing", options.weightSheet ?? sheet, cell, { indicator: indicator.name, column: indicator.column, table: sheet })
          : problem("indicator-column-missing", sheet, headerRange, { indicator: indicator.name, column: indicator.column, table: sheet }),
      );
    } else needed.set(c, indicator.name);
    return c;
  });
  if (options.valueColumn !== undefined) {
    const c = columnOf(options.valueColumn);
    if (c < 0) problems.push(problem("value-column-missing", sheet, headerRange, { column: options.valueColumn }));
    else if (!needed.has(c)) needed.set(c, "");
  }

  const numericColumns: Record<string, Float64Array> = {};
  const parsed = new Map<number, Float64Array>();
  for (let c = 0; c < width; c++) {
    if (headers[c] === "" && !needed.has(c)) continue;
    const column = readColumn(values, dataRows, n, c, needed.has(c) ? (i, v) => notANumber(i, c, v) : undefined);
    if (column) {
      parsed.set(c, column);
      if (headers[c] !== "" && !(headers[c] in numericColumns)) numericColumns[headers[c]] = column;
    }
  }

  function notANumber(i: number, c: number, v: CellValue | undefined): void {
    const cell = () => cellAddress(box.top + dataRows[i], box.left + c);
    if (isErrorValue(v)) report("not-a-number", c, cell, { error: v.error, column: headers[c] });
    else report("not-a-number", c, cell, { value: cellText(v ?? null), column: headers[c] });
  }

  const indicatorValues = weightTable.indicators.map((indicator, i) => {
    const c = indicatorColumns[i];
    const column = c >= 0 ? parsed.get(c) : undefined;
    if (column && indicator.scoring === "raw") {
      for (let k = 0; k < n; k++) {
        const x = column[k];
        if (x < 0 || x > 100) {
          report("raw-out-of-range", c, () => cellAddress(box.top + dataRows[k], box.left + c), { value: x, indicator: indicator.name });
        }
      }
    }
    return column ?? new Float64Array(n).fill(NaN);
  });
  for (const c of needed.keys()) {
    const column = parsed.get(c);
    if (column) reportOverflow(column, (k) => report("value-overflow", c, () => cellAddress(box.top + dataRows[k], box.left + c), { value: column[k], column: headers[c] }));
  }
  report.flush();

  if (problems.some((p) => p.severity === "error")) return { problems };
  const customers: CustomerData = {
    ids,
    indicatorValues,
    numericColumns,
    rows,
    block,
    headers,
  };
  if (nameColumn >= 0) customers.names = textColumn(values, dataRows, n, nameColumn);
  if (ownerColumn >= 0) customers.owners = textColumn(values, dataRows, n, ownerColumn);
  return { customers, problems };
}

/**
 * Calls `report` for the values of a column that make its arithmetic overflow: when the sum of the
 * magnitudes is past Number.MAX_VALUE (so max - min, a sum of values or a Pareto total may be Infinity
 * and the scores NaN), each value larger than MAX_VALUE / (2n) — at least one is; below that no sum of
 * n values can overflow. Blank (NaN) values are skipped.
 *
 * @example
 * reportOverflow(Float64Array.of(1e308, -1e308, 5), (k) => bad.push(k)) // bad: [0, 1]
 * reportOverflow(Float64Array.of(1e307, 5), (k) => bad.push(k))         // bad: [] (adds up fine)
 */
export function reportOverflow(column: Float64Array, report: (k: number) => void): void {
  let sum = 0;
  for (let k = 0; k < column.length; k++) {
    const x = column[k];
    if (x === x) sum += Math.abs(x);
  }
  if (Number.isFinite(sum)) return;
  const limit = Number.MAX_VALUE / (2 * column.length);
  for (let k = 0; k < column.length; k++) if (Math.abs(column[k]) > limit) report(k);
}

/** True when the first `width` cells of a row are all blank. */
function rowIsBlank(row: readonly CellValue[] | undefined, width: number): boolean {
  if (!row) return true;
  const end = Math.min(width, row.length);
  for (let c = 0; c < end; c++) if (!isBlank(row[c])) return false;
  return true;
}

/**
 * One column's numbers (NaN for blanks) in a single pass, or undefined when a non-blank cell is not
 * a number. With `onBad` every such cell is passed on (to report them all); without it, the first one
 * ends the pass (a column of names costs one cell).
 */
function readColumn(
  values: CellValue[][],
  dataRows: Int32Array,
  n: number,
  c: number,
  onBad?: (i: number, v: CellValue | undefined) => void,
): Float64Array | undefined {
  const out = new Float64Array(n);
  let bad = false;
  for (let i = 0; i < n; i++) {
    const v = values[dataRows[i]][c];
    if (typeof v === "number" && Number.isFinite(v)) {
      out[i] = v;
      continue;
    }
    const x = readNumber(v);
    if (typeof x === "number") out[i] = x;
    else if (x === null) out[i] = NaN;
    else {
      bad = true;
      if (!onBad) return undefined;
      onBad(i, v);
    }
  }
  return bad ? undefined : out;
}

function textColumn(values: CellValue[][], dataRows: Int32Array, n: number, c: number): string[] {
  const out = new Array<string>(n);
  for (let i = 0; i < n; i++) out[i] = cellText(values[dataRows[i]][c]);
  return out;
}

interface CappedReporter {
  (code: ProblemCode, column: number, cell: () => string, params: ProblemParams): void;
  /** Adds one "more-problems" per column and kind that went over the cap. */
  flush(): void;
}

/** Reports cell problems, at most CELL_PROBLEMS_PER_COLUMN per kind and column; counts the rest. */
function cappedReporter(problems: Problem[], sheet: string, dataRange: (c: number) => string): CappedReporter {
  const counts = new Map<string, { code: ProblemCode; column: number; count: number }>();
  const report = ((code, column, cell, params) => {
    const key = `${code}@${column}`;
    let entry = counts.get(key);
    if (!entry) counts.set(key, (entry = { code, column, count: 0 }));
    entry.count++;
    if (entry.count <= CELL_PROBLEMS_PER_COLUMN) problems.push(problem(code, sheet, cell(), params));
  }) as CappedReporter;
  report.flush = () => {
    for (const { code, column, count } of counts.values()) {
      if (count > CELL_PROBLEMS_PER_COLUMN) {
        const severity = problem(code, sheet, "").severity;
        problems.push(problem("more-problems", sheet, dataRange(column), { count: count - CELL_PROBLEMS_PER_COLUMN }, severity));
      }
    }
  };
  return report;
}
