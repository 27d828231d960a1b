// What Excel hands a custom function, turned into what the engine takes. Pure: no CustomFunctions
// here, so every rule about arguments is tested without Office. A range arrives as rows of cells
// (a single cell as a bare value); a blank cell as null, undefined or "" depending on the host, and
// as 0 on some Excel builds (office-js #4702, #5262; docs/FUNCTIONS.md says what that changes).
// Cells are read as the task pane reads them (workbook/reading/cells.readNumber): numbers, and numeric text
// such as "1,200" or "12%". In a *reference* (the list of all scores, values, the data table) words,
// TRUE/FALSE and blanks are skipped, as RANK.EQ, SUM and MIN skip them, so a whole column (E:E) with
// its header works; in the customer's own cells and in small arguments they stop the call with a
// message naming the argument and the cell. An error cell (#N/A, #DIV/0!) and a data type (Stocks,
// Geography, any entity) always stop the call with such a message: an object never reaches the maths.
//
// How these arrive (functions.json sets both flags; see webpack.config.js): with
// allowCustomDataForDataTypeAny a data-type cell is its Excel.CellValue JSON ({ type: "Entity",
// text, properties, basicValue: "#VALUE!" }, { type: "FormattedNumber", basicValue: 12.5 }, ...);
// with allowErrorForDataTypeAny an error cell reaches the function instead of Excel answering the
// error itself. Microsoft's pages do not show an error argument's shape, so both documented shapes
// are read: the ErrorCellValue JSON ({ type: "Error", basicValue: "#DIV/0!", errorType: "Div0" })
// and a CustomFunctions.Error ({ code: "#DIV/0!" }).

import { columnStats } from "../engine/points";
import { inBoth, textOf } from "../text";
import type { Catalogue } from "../text";
import type { ParetoSums } from "../engine/tiers";
import type { ColumnStats, Direction } from "../engine/types";
import { cellText, readNumber } from "../workbook/reading/cells";
import { directionOf, scoringOf } from "../workbook/reading/headers";
import { engineReason } from "../workbook/reading/problems";
import type { CellValue, Text } from "../workbook/types";

/**
 * A bad argument: which one, and why, in both languages. `blank` marks a value that is missing
 * rather than wrong (Excel shows #N/A for it, #VALUE! otherwise).
 */
export class ArgumentError extends Error {
  constructor(
    readonly argument: string,
    readonly text: Text,
    readonly blank = false,
  ) {
    super(text["en-US"]);
    this.name = "ArgumentError";
  }
}

/** The words of the functions' messages, in one language (the text catalogue's `functions`). */
export type FunctionsText = Catalogue["functions"];

/** An argument's message in both languages: "<argument>: <what>". */
export function argued(argument: string, what: (t: FunctionsText) => string): Text {
  return inBoth((c) => c.functions.argued(argument, what(c.functions)));
}

function fail(argument: string, what: (t: FunctionsText) => string): never {
  throw new ArgumentError(argument, argued(argument, what));
}

/**
 * A range as rows of cells; a single value becomes a 1×1 range. Excel's ranges are already rows of
 * rows, so they are returned as they are (no copy of a million rows per call); only a flat list is
 * rebuilt.
 */
function gridOf(range: unknown): unknown[][] {
  if (Array.isArray(range)) {
    const length = range.length;
    let k = 0;
    while (k < length && Array.isArray(range[k])) k++;
    if (k === length) return range as unknown[][];
    return range.map((row) => (Array.isArray(row) ? row : [row]));
  }
  return [[range]];
}

function isBlankCell(v: unknown): boolean {
  return v === null || v === undefined || (typeof v === "string" && v.trim() === "");
}

/** Excel's error values by ErrorCellValue.errorType, for an error object that carries no basicValue. */
const ERROR_TYPES: Record<string, string> = {
  Blocked: "#BLOCKED!",
  Busy: "#BUSY!",
  Calc: "#CALC!",
  Connect: "#CONNECT!",
  Div0: "#DIV/0!",
  External: "#EXTERNAL!",
  Field: "#FIELD!",
  GettingData: "#GETTING_DATA",
  Name: "#NAME?",
  NotAvailable: "#N/A",
  Null: "#NULL!",
  Num: "#NUM!",
  Ref: "#REF!",
  Spill: "#SPILL!",
  Value: "#VALUE!",
};

/**
 * The error an error cell holds ("#N/A", "#DIV/0!", ...) in either shape an error argument can take,
 * or undefined when `v` is not an error.
 * @example errorValueOf({ type: "Error", basicValue: "#DIV/0!", errorType: "Div0" }) // "#DIV/0!"
 * @example errorValueOf({ code: "#N/A" }) // "#N/A"
 */
export function errorValueOf(v: unknown): string | undefined {
  if (typeof v !== "object" || v === null || Array.isArray(v)) return undefined;
  const o = v as { type?: unknown; basicValue?: unknown; errorType?: unknown; code?: unknown; error?: unknown };
  if (o.type === "Error") {
    if (typeof o.basicValue === "string" && o.basicValue.startsWith("#")) return o.basicValue;
    return (typeof o.errorType === "string" && ERROR_TYPES[o.errorType]) || "#VALUE!";
  }
  if (o.type === undefined) {
    // A CustomFunctions.Error carries its code; the workbook layer's own error cells carry `error`.
    for (const text of [o.code, o.error]) if (typeof text === "string" && text.startsWith("#")) return text;
  }
  return undefined;
}

/**
 * The plain value behind a rich cell value: a number for Double and FormattedNumber, the text of a
 * String, the boolean of a Boolean, null for Empty; `undefined` for an entity, a linked data type
 * (Stocks, Geography), an image or an array: a data type whose value is not one number.
 * @example basicValueOf({ type: "FormattedNumber", basicValue: 12.5, numberFormat: "0.0" }) // 12.5
 * @example basicValueOf({ type: "LinkedEntity", text: "Microsoft Corp" }) // undefined
 */
export function basicValueOf(v: object): number | string | boolean | null | undefined {
  const o = v as { type?: unknown; basicValue?: unknown };
  switch (o.type) {
    case "Double":
    case "FormattedNumber":
      return typeof o.basicValue === "number" ? o.basicValue : undefined;
    case "String":
      return typeof o.basicValue === "string" ? o.basicValue : undefined;
    case "Boolean":
      return typeof o.basicValue === "boolean" ? o.basicValue : undefined;
    case "Empty":
      return null;
    default:
      return undefined;
  }
}

/** How a data type shows itself in a message: its text ("Microsoft Corp") and kind. */
function dataTypeName(v: object): string {
  const o = v as { type?: unknown; text?: unknown };
  const text = typeof o.text === "string" && o.text.trim() !== "" ? JSON.stringify(o.text.trim()) : "";
  const kind = Array.isArray(v) ? "Array" : typeof o.type === "string" ? o.type : "object";
  return text ? `${text} (${kind})` : kind;
}

/**
 * Where a cell is, in words: "cell k" (counted from 1) in a single row or column, "row r, column c"
 * in a block `width` cells wide (k counted row by row), or the given words ("the cell").
 * @example positionOf(11, 3)(textOf("en-US").functions) // "row 4, column 2" (textOf from src/text)
 */
function positionOf(cell: number | string, width = 1): (t: FunctionsText) => string {
  if (typeof cell !== "number") return (t) => (cell === "the cell" ? t.theCell : cell);
  if (width <= 1) return (t) => t.cell(cell);
  const r = Math.floor((cell - 1) / width) + 1;
  const c = ((cell - 1) % width) + 1;
  return (t) => t.rowColumn(r, c);
}

/** The width positionOf names cells by: the grid's width when it has several rows and columns, else 1. */
function blockWidth(grid: unknown[][]): number {
  return grid.length > 1 && grid[0].length > 1 ? grid[0].length : 1;
}

/** The ArgumentError for an error cell: #N/A stays #N/A (IFNA still catches it), any other error is #VALUE!. */
function errorCell(argument: string, cell: number | string, error: string, width = 1): never {
  const where = positionOf(cell, width);
  throw new ArgumentError(argument, argued(argument, (t) => t.errorCell(where(t), error)), error === "#N/A");
}

function dataTypeCell(argument: string, cell: number | string, v: object, width = 1): never {
  const where = positionOf(cell, width);
  const name = dataTypeName(v);
  return fail(argument, (t) => t.dataTypeCell(where(t), name));
}

/**
 * The number in one cell that is not a plain finite number (the callers keep those on a fast path
 * of their own), NaN when blank; throws naming the argument and the cell's position: a number k is
 * "cell k" (counted from 1, row by row), built only when the message is needed, because this runs
 * once per cell of ranges of up to a million rows on every call. With `reference` (a list the
 * built-ins would read as a reference) words and booleans are NaN, skipped as blanks are.
 */
function cellNumber(v: unknown, argument: string, cell: number | string, reference = false, width = 1): number {
  if (typeof v === "number") {
    if (v - v === 0) return v;
    const where = positionOf(cell, width);
    return fail(argument, (t) => t.notANumber(where(t), String(v)));
  }
  if (v === null || v === undefined) return NaN;
  if (typeof v === "string") {
    const n = readNumber(v);
    if (n === null) return NaN;
    if (n !== undefined) return n;
    if (reference) return NaN;
    const where = positionOf(cell, width);
    return fail(argument, (t) => t.notANumber(where(t), JSON.stringify(v)));
  }
  if (typeof v === "boolean") {
    if (reference) return NaN;
    const shown = v ? "TRUE" : "FALSE";
    const where = positionOf(cell, width);
    return fail(argument, (t) => t.notANumber(where(t), shown));
  }
  if (typeof v === "object") {
    const error = errorValueOf(v);
    if (error !== undefined) errorCell(argument, cell, error, width);
    const basic = Array.isArray(v) ? undefined : basicValueOf(v);
    if (basic === undefined) dataTypeCell(argument, cell, v, width);
    return cellNumber(basic, argument, cell, reference, width);
  }
  const where = positionOf(cell, width);
  return fail(argument, (t) => t.notANumber(where(t), String(v)));
}

/**
 * The text of a cell of a word argument (directions, labels, scoring), "" when blank; a String data
 * type gives its text; an error cell or another data type stops the call naming the cell.
 */
function cellWord(v: unknown, argument: string, cell: number | string): string {
  if (isBlankCell(v)) return "";
  if (typeof v === "object" && v !== null) {
    const error = errorValueOf(v);
    if (error !== undefined) errorCell(argument, cell, error);
    const basic = Array.isArray(v) ? undefined : basicValueOf(v);
    if (basic === undefined) dataTypeCell(argument, cell, v);
    return basic === null ? "" : cellText(basic);
  }
  return cellText(v as CellValue);
}

/**
 * Every number of a range of any shape, row by row: the list RANK.EQ, SUM or SUMIF would read.
 * As a `reference` (the default) blanks, words and TRUE/FALSE are skipped, as those built-ins skip
 * them; otherwise only blanks are, and a word or boolean is refused. An error cell or a data type
 * is always refused (ArgumentError naming the argument and the cell, counted from 1, row by row).
 * @example numbersOf([[90], [null], ["80"], [70]], "scores") // Float64Array [90, 80, 70]
 * @example numbersOf([["Score"], [1], [true], [3, ""]], "scores") // Float64Array [1, 3]
 */
export function numbersOf(range: unknown, argument: string, reference = true): Float64Array {
  const grid = gridOf(range);
  const width = blockWidth(grid);
  let cells = 0;
  for (let r = 0; r < grid.length; r++) cells += grid[r].length;
  const out = new Float64Array(cells);
  let k = 0;
  let count = 0;
  for (let r = 0; r < grid.length; r++) {
    const row = grid[r];
    for (let c = 0; c < row.length; c++) {
      const v = row[c];
      k++;
      if (typeof v === "number" && v - v === 0) out[count++] = v;
      else {
        // Off the fast path: the number a cell's text holds, NaN for a blank, or an error.
        const x = cellNumber(v, argument, k, reference, width);
        if (x === x) out[count++] = x;
      }
    }
  }
  return count === cells ? out : out.slice(0, count);
}

/**
 * How many numbers a range holds and how many of them are strictly greater than x, in the one pass
 * that checks its cells (numbersOf's rules for a reference: blanks, words and booleans skipped,
 * errors and data types refused): what RANK.EQ
 * needs (rank = 1 + greater), without building the list on each of a million calls.
 * @example countAbove([[90], [null], ["80"], [70]], "scores", 80) // { count: 3, greater: 1 }
 */
export function countAbove(range: unknown, argument: string, x: number): { count: number; greater: number } {
  const grid = gridOf(range);
  const width = blockWidth(grid);
  let k = 0;
  let count = 0;
  let greater = 0;
  for (let r = 0; r < grid.length; r++) {
    const row = grid[r];
    for (let c = 0; c < row.length; c++) {
      const v = row[c];
      k++;
      if (typeof v === "number" && v - v === 0) {
        count++;
        if (v > x) greater++;
      } else {
        const y = cellNumber(v, argument, k, true, width);
        if (y === y) {
          count++;
          if (y > x) greater++;
        }
      }
    }
  }
  return { count, greater };
}

/**
 * The plain sums PARETOCLASS decides on (count, total, the sum above x, the sum of magnitudes), in the
 * one pass that checks the range's cells by numbersOf's rules: the engine's paretoTierFromSums takes
 * them from here, and only a share within rounding error of a cut-off needs the list (numbersOf).
 * @example paretoSumsOf([[90], [null], ["5"], [-3]], "values", 5) // { n: 3, total: 92, above: 90, magnitude: 98 }
 */
export function paretoSumsOf(range: unknown, argument: string, x: number): ParetoSums {
  const grid = gridOf(range);
  const width = blockWidth(grid);
  let k = 0;
  let n = 0;
  let total = 0;
  let above = 0;
  let magnitude = 0;
  for (let r = 0; r < grid.length; r++) {
    const row = grid[r];
    for (let c = 0; c < row.length; c++) {
      const v = row[c];
      k++;
      let y: number;
      if (typeof v === "number" && v - v === 0) y = v;
      else {
        y = cellNumber(v, argument, k, true, width);
        if (y !== y) continue;
      }
      n++;
      total += y;
      magnitude += y < 0 ? -y : y;
      if (y > x) above += y;
    }
  }
  return { n, total, above, magnitude };
}

/** How a one-dimensional range lies on the sheet. */
export type Orientation = "row" | "column" | "cell";

/**
 * A row or a column of cells as numbers in order, NaN where blank (positions matter: value j
 * belongs to indicator j). Throws ArgumentError on a block of several rows and columns, an empty
 * range, or a cell that is not a number.
 * @example vectorOf([[3, null, 5]], "values") // { values: Float64Array [3, NaN, 5], orientation: "row" }
 * @example vectorOf(7, "values") // { values: Float64Array [7], orientation: "cell" }
 */
export function vectorOf(range: unknown, argument: string): { values: Float64Array; orientation: Orientation } {
  const grid = gridOf(range);
  const rows = grid.length;
  const columns = rows === 0 ? 0 : grid[0].length;
  if (rows === 0 || columns === 0) fail(argument, (t) => t.emptyRange);
  if (rows > 1 && columns > 1) {
    fail(argument, (t) => t.oneRowOrColumn(rows, columns));
  }
  const cells = rows === 1 ? grid[0] : grid.map((row) => row[0]);
  const values = Float64Array.from(cells, (v, k) => cellNumber(v, argument, k + 1));
  return { values, orientation: rows === 1 && columns === 1 ? "cell" : rows === 1 ? "row" : "column" };
}

/**
 * One number from a cell (or a one-cell range); NaN when blank. Throws ArgumentError on anything
 * that is not a number, and on a range of more than one cell.
 * @example numberOf(85, "score") // 85
 * @example numberOf([["12%"]], "score") // 0.12
 */
export function numberOf(value: unknown, argument: string): number {
  const grid = gridOf(value);
  if (grid.length !== 1 || grid[0].length !== 1) fail(argument, (t) => t.singleCell);
  return cellNumber(grid[0][0], argument, "the cell");
}

/**
 * The customers' indicator values as one column per indicator (what columnStats and the engine
 * take), NaN where blank. The table is a reference: a word or TRUE/FALSE (a header row, a note) is
 * NaN like a blank, as MIN and SUM skip it. `customersIn` says where the customers lie: "rows" (the
 * customer table's layout: one row per customer, one column per indicator) or "columns"; "either"
 * takes rows unless only columns fit. Throws ArgumentError when the range has no room for
 * `indicators` values per customer, or holds an error cell or a data type.
 * @example tableOf([[1, 10], [2, 20], [3, 30]], "data", 2, "rows") // [Float64Array [1, 2, 3], Float64Array [10, 20, 30]]
 * @example tableOf([[1, 2, 3], [10, 20, 30]], "data", 2, "either") // the same columns
 */
export function tableOf(
  range: unknown,
  argument: string,
  indicators: number,
  customersIn: "rows" | "columns" | "either",
): Float64Array[] {
  const { grid, byRows, customers } = tableShape(range, argument, indicators, customersIn);
  const width = blockWidth(grid);
  const out = Array.from({ length: indicators }, () => new Float64Array(customers));
  const rows = grid.length;
  const columns = rows === 0 ? 0 : grid[0].length;
  for (let r = 0; r < rows; r++) {
    const row = grid[r];
    // Numbers on a branch of their own (see tableStatsOf): about twice as fast as one merged value.
    if (byRows) {
      for (let c = 0; c < columns; c++) {
        const v = row[c];
        if (typeof v === "number" && v - v === 0) out[c][r] = v;
        else out[c][r] = cellNumber(v, argument, r * columns + c + 1, true, width);
      }
    } else {
      const column = out[r];
      for (let c = 0; c < columns; c++) {
        const v = row[c];
        if (typeof v === "number" && v - v === 0) column[c] = v;
        else column[c] = cellNumber(v, argument, r * columns + c + 1, true, width);
      }
    }
  }
  return out;
}

/**
 * Each indicator's ColumnStats (count, minimum, maximum and, with `keepValues`, the column) of a
 * table read as tableOf reads it. With `keepValues` false the columns are never built: count, min
 * and max are taken in the one pass that checks the cells, which is all minmax points need, and
 * saves writing n × indicators numbers on every CUSTOMERSCORE call. The comparisons are the engine's
 * columnStats's, so the numbers are the same either way.
 * @example tableStatsOf([[1, 10], [null, 30]], "data", 2, "rows")[1] // { n: 2, min: 10, max: 30, values: Float64Array [10, 30] }
 * @example tableStatsOf([[1, 10], [null, 30]], "data", 2, "rows", false)[1] // { n: 2, min: 10, max: 30 }
 */
export function tableStatsOf(
  range: unknown,
  argument: string,
  indicators: number,
  customersIn: "rows" | "columns" | "either",
  keepValues = true,
): ColumnStats[] {
  if (keepValues) return tableOf(range, argument, indicators, customersIn).map((column) => columnStats(column));
  const { grid, byRows } = tableShape(range, argument, indicators, customersIn);
  const width = blockWidth(grid);
  const count = new Uint32Array(indicators);
  const min = new Float64Array(indicators).fill(Infinity);
  const max = new Float64Array(indicators).fill(-Infinity);
  const rows = grid.length;
  const columns = rows === 0 ? 0 : grid[0].length;
  if (byRows) {
    // The common shape (a customer per row), once per call over n x indicators cells: a number takes
    // the first branch (two comparisons, rarely a store); text and blanks the second, which also counts
    // the blanks (count = rows - blanks). Keeping the two apart is ~2.5x faster than one merged value.
    const blanks = new Uint32Array(indicators);
    for (let r = 0; r < rows; r++) {
      const row = grid[r];
      for (let c = 0; c < columns; c++) {
        const v = row[c];
        if (typeof v === "number" && v - v === 0) {
          if (v < min[c]) min[c] = v;
          if (v > max[c]) max[c] = v;
        } else {
          const x = cellNumber(v, argument, r * columns + c + 1, true, width);
          if (x !== x) blanks[c]++;
          else {
            if (x < min[c]) min[c] = x;
            if (x > max[c]) max[c] = x;
          }
        }
      }
    }
    for (let c = 0; c < columns; c++) count[c] = rows - blanks[c];
  } else {
    for (let r = 0; r < rows; r++) {
      const row = grid[r];
      for (let c = 0; c < columns; c++) {
        const v = row[c];
        const x = typeof v === "number" && v - v === 0 ? v : cellNumber(v, argument, r * columns + c + 1, true, width);
        if (x === x) {
          count[r]++;
          if (x < min[r]) min[r] = x;
          if (x > max[r]) max[r] = x;
        }
      }
    }
  }
  return Array.from({ length: indicators }, (_, j) => ({ n: count[j], min: min[j], max: max[j] }));
}

/** Where the customers lie in a table range, or an ArgumentError saying why they cannot be found. */
function tableShape(
  range: unknown,
  argument: string,
  indicators: number,
  customersIn: "rows" | "columns" | "either",
): { grid: unknown[][]; byRows: boolean; customers: number } {
  const grid = gridOf(range);
  const rows = grid.length;
  const columns = rows === 0 ? 0 : grid[0].length;
  if (rows === 0 || columns === 0) fail(argument, (t) => t.emptyRange);
  const byRows = columns === indicators && customersIn !== "columns";
  const byColumns = rows === indicators && customersIn !== "rows";
  if (!byRows && !byColumns) {
    fail(argument, (t) => (customersIn === "columns" ? t.rowsPerIndicator(rows, indicators) : t.columnsPerIndicator(columns, indicators)));
  }
  return { grid, byRows, customers: byRows ? rows : columns };
}

/**
 * A square matrix of numbers with no blanks, for AHP. Throws ArgumentError when the range is not
 * square, has a blank, or holds something that is not a number.
 * @example matrixOf([[1, 3], [1 / 3, 1]], "matrix") // [[1, 3], [0.333…, 1]]
 */
export function matrixOf(range: unknown, argument: string): number[][] {
  const grid = gridOf(range);
  const width = blockWidth(grid);
  const n = grid.length;
  if (n === 0 || grid.some((row) => row.length !== n)) {
    const columns = n === 0 ? 0 : grid[0].length;
    fail(argument, (t) => t.notSquare(n, columns));
  }
  return grid.map((row, r) =>
    row.map((v, c) => {
      const x = cellNumber(v, argument, r * n + c + 1, false, width);
      if (x !== x) {
        const where = positionOf(r * n + c + 1, width);
        fail(argument, (t) => t.blankCell(where(t)));
      }
      return x;
    }),
  );
}

function wordsOf(range: unknown, argument: string): { text: string; raw: unknown }[] {
  const out: { text: string; raw: unknown }[] = [];
  let k = 0;
  for (const row of gridOf(range)) for (const v of row) out.push({ text: cellWord(v, argument, ++k), raw: v });
  return out;
}

/** True when an optional argument was left out: Excel passes null (or undefined) for it. */
export function omitted(value: unknown): boolean {
  if (value === null || value === undefined) return true;
  if (Array.isArray(value)) return gridOf(value).every((row) => row.every(isBlankCell));
  return isBlankCell(value);
}

/**
 * One direction per indicator: "higher"/"lower", 1/-1, 正向/负向. Omitted means all "higher"; a
 * single cell applies to every indicator; a blank cell in a range means "higher" (the weight
 * table's default). Throws ArgumentError on another word or a count other than `indicators`.
 * @example directionsOf([["higher", "lower"]], "directions", 2) // ["higher", "lower"]
 * @example directionsOf(-1, "directions", 3) // ["lower", "lower", "lower"]
 */
export function directionsOf(range: unknown, argument: string, indicators: number): Direction[] {
  if (omitted(range)) return new Array<Direction>(indicators).fill("higher");
  const words = wordsOf(range, argument);
  const directions = words.map(({ text, raw }, k) => {
    if (text === "") return "higher";
    const d = directionOf(text);
    if (!d) {
      fail(argument, (t) => t.notADirection(k + 1, JSON.stringify(String(raw))));
    }
    return d;
  });
  if (directions.length === 1) return new Array<Direction>(indicators).fill(directions[0]);
  if (directions.length !== indicators) {
    fail(argument, (t) => t.directionCount(directions.length, indicators));
  }
  return directions;
}

/**
 * The scoring rule of CUSTOMERSCORE and GRADE: "minmax" (default when omitted) or "percentile"
 * (also 极差, 百分位). Throws ArgumentError on any other word, "bands" and "raw" included (they need
 * a weight table, not a formula argument).
 * @example scoringArgumentOf("Percentile", "scoring") // "percentile"
 * @example scoringArgumentOf(null, "scoring") // "minmax"
 */
export function scoringArgumentOf(value: unknown, argument: string): "minmax" | "percentile" {
  if (omitted(value)) return "minmax";
  const grid = gridOf(value);
  const text = grid.length === 1 && grid[0].length === 1 ? cellWord(grid[0][0], argument, "the cell") : "";
  const rule = scoringOf(text);
  if (rule !== "minmax" && rule !== "percentile") {
    fail(argument, (t) => t.notAScoring(JSON.stringify(text)));
  }
  return rule;
}

/**
 * The entropy method's normalization: "minmax" (default) or "sum". Throws ArgumentError otherwise.
 * @example normalizationOf("SUM", "normalization") // "sum"
 */
export function normalizationOf(value: unknown, argument: string): "minmax" | "sum" {
  if (omitted(value)) return "minmax";
  const grid = gridOf(value);
  const text = grid.length === 1 && grid[0].length === 1 ? cellWord(grid[0][0], argument, "the cell").toLowerCase().replace(/[\s-]/g, "") : "";
  if (text !== "minmax" && text !== "sum") {
    fail(argument, (t) => t.notANormalisation(JSON.stringify(text)));
  }
  return text;
}

function positiveNumbers(range: unknown, argument: string): number[] {
  const values = Array.from(numbersOf(range, argument, false));
  values.forEach((x, k) => {
    if (!(x > 0)) fail(argument, (t) => t.notPositive(k + 1, x));
  });
  return values;
}

/** Sums this close to 1 (or 100) are taken as exact: 0.1 + 0.2 + 0.7 is not exactly 1 in binary. */
const SUM_TOLERANCE = 1e-9;

/**
 * Tier shares best first, as fractions adding up to 1. Accepted as fractions (0.2, 0.3, 0.5), as
 * percentages adding up to 100 (20, 30, 50) or as "20%" cells; omitted means 0.2, 0.3, 0.5.
 * Throws ArgumentError on a share <= 0 or shares that add up to neither 1 nor 100.
 * @example sharesOf([[20, 30, 50]], "shares") // [0.2, 0.3, 0.5]
 * @example sharesOf(null, "shares") // [0.2, 0.3, 0.5]
 */
export function sharesOf(range: unknown, argument: string): number[] {
  if (omitted(range)) return [0.2, 0.3, 0.5];
  const shares = positiveNumbers(range, argument);
  let sum = 0;
  for (const s of shares) sum += s;
  if (Math.abs(sum - 1) <= SUM_TOLERANCE) return shares;
  // Division is correctly rounded, so 20 / 100 is the same double as the typed 0.2.
  if (Math.abs(sum - 100) <= 100 * SUM_TOLERANCE) return shares.map((s) => s / 100);
  return fail(argument, (t) => t.sharesSum(sum));
}

/**
 * Pareto cut-offs as ascending fractions of the total value: (0.8, 0.95) by default, also accepted
 * as percentages (80, 95). Throws ArgumentError on cut-offs that are not ascending or not within
 * (0, 1] (or (0, 100] as percentages).
 * @example paretoCutoffsOf([[80], [95]], "cutoffs") // [0.8, 0.95]
 */
export function paretoCutoffsOf(range: unknown, argument: string): number[] {
  if (omitted(range)) return [0.8, 0.95];
  const raw = positiveNumbers(range, argument);
  const percent = raw.some((c) => c > 1);
  const cutoffs = percent ? raw.map((c) => c / 100) : raw;
  cutoffs.forEach((c, k) => {
    if (c > 1) fail(argument, (t) => t.cutoffAbove100(k + 1));
    if (k > 0 && !(c > cutoffs[k - 1])) fail(argument, (t) => t.cutoffsAscending);
  });
  return cutoffs;
}

/**
 * Tier labels best first, `count` of them; omitted means A, B, C, ... Throws ArgumentError when a
 * different number of labels is given (blank cells are skipped) or a label is an error value.
 * @example labelsOf([["关键", "普通", "小"]], "labels", 3) // ["关键", "普通", "小"]
 * @example labelsOf(null, "labels", 4) // ["A", "B", "C", "D"]
 */
export function labelsOf(range: unknown, argument: string, count: number): string[] {
  if (omitted(range)) return Array.from({ length: count }, (_, k) => String.fromCharCode(65 + k));
  const words = wordsOf(range, argument);
  const labels: string[] = [];
  words.forEach(({ text }) => {
    if (text !== "") labels.push(text);
  });
  if (labels.length !== count) fail(argument, (t) => t.labelCount(labels.length, count));
  return labels;
}

/**
 * Indicator weights in order, one per cell of a row or column: no blanks, none negative, not all
 * zero (they need not add up to 1: the engine normalises them, as the weight table does). Throws
 * ArgumentError otherwise, or when `count` is given and the number differs.
 * @example weightsOf([[0.5], [0.3], [0.2]], "weights", 3) // [0.5, 0.3, 0.2]
 * @example weightsOf([[3, 1]], "weights") // [3, 1] (the engine makes them 0.75, 0.25)
 */
export function weightsOf(range: unknown, argument: string, count?: number): number[] {
  const weights = Array.from(vectorOf(range, argument).values);
  weights.forEach((w, k) => {
    if (w !== w) fail(argument, (t) => t.weightBlank(k + 1));
    if (w < 0) fail(argument, (t) => t.weightNegative(k + 1, w));
  });
  if (weights.every((w) => w === 0)) fail(argument, (t) => t.weightsZero);
  if (count !== undefined && weights.length !== count) {
    fail(argument, (t) => t.weightCount(weights.length, count));
  }
  return weights;
}

/**
 * The number of columns of a range (1 for a single value, 0 for an empty range).
 * @example columnCount([[1, 2, 3], [4, 5, 6]]) // 3
 */
export function columnCount(range: unknown): number {
  const grid = gridOf(range);
  return grid.length === 0 ? 0 : grid[0].length;
}

/**
 * An ArgumentError for a value the engine refused: the argument's name, then the engine's reason in the
 * same language (the catalogue's engineErrors words for an EngineError's code; any other RangeError's
 * message as it is).
 * @example engineRefusal("matrix", new EngineError("matrix-empty", {})).text["zh-CN"] // "参数 matrix 无效：判断矩阵为空"
 */
export function engineRefusal(argument: string, error: RangeError): ArgumentError {
  const reason = engineReason(error);
  return new ArgumentError(argument, {
    "en-US": textOf("en-US").functions.refused(argument, reason["en-US"]),
    "zh-CN": textOf("zh-CN").functions.refused(argument, reason["zh-CN"]),
  });
}
