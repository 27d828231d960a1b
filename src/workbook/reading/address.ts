// A1 addresses: the way Excel and the analyst name cells, and the way a file and a formula write them.
// The one implementation for every layer of src/workbook (readers, planner, both executors). Indices
// are 0-based and absolute on the sheet (row 0 is Excel's row 1, column 0 is column A).

import type { Box } from "../types";

/** Excel's last column (XFD) and row, 0-based. */
const MAX_COLUMN = 16383;
const MAX_ROW = 1048575;

/**
 * The letters of a 0-based column index: bijective base 26, so Z is followed by AA, not BA.
 * Throws a RangeError for a negative or non-integer index.
 *
 * @example
 * columnName(0)  // "A"
 * columnName(26) // "AA"
 * columnName(16383) // "XFD"
 */
export function columnName(index: number): string {
  if (!Number.isInteger(index) || index < 0) throw new RangeError(`columnName: ${index} is not a column index`);
  let name = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  }
  return name;
}

/**
 * The A1 address of a cell given its 0-based row and column. Throws a RangeError on a negative index.
 *
 * @example
 * cellAddress(0, 0) // "A1"
 * cellAddress(6, 2) // "C7"
 */
export function cellAddress(row: number, column: number): string {
  if (!Number.isInteger(row) || row < 0) throw new RangeError(`cellAddress: ${row} is not a row index`);
  return `${columnName(column)}${row + 1}`;
}

/**
 * The A1 address of a rectangle: "B2:D9", or a single cell's address when the box is one cell.
 * Throws a RangeError when the box has no rows or columns.
 *
 * @example
 * boxAddress({ top: 1, left: 1, rows: 8, columns: 3 }) // "B2:D9"
 * boxAddress({ top: 0, left: 0, rows: 1, columns: 1 }) // "A1"
 */
export function boxAddress(box: Box): string {
  if (box.rows < 1 || box.columns < 1) throw new RangeError(`boxAddress: an empty box has no address`);
  const start = cellAddress(box.top, box.left);
  if (box.rows === 1 && box.columns === 1) return start;
  return `${start}:${cellAddress(box.top + box.rows - 1, box.left + box.columns - 1)}`;
}

const CELL = /^\$?([A-Za-z]{1,3})\$?([1-9][0-9]{0,6})$/;

/** Column index of letters ("A" -> 0, "AA" -> 26). */
function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/**
 * The 0-based row and column of an A1 cell address; "$" anchors are allowed. Throws a SyntaxError on
 * anything else, or a RangeError beyond Excel's last cell (XFD1048576).
 *
 * @example
 * parseCellAddress("C7")     // { row: 6, column: 2 }
 * parseCellAddress("$AA$1")  // { row: 0, column: 26 }
 */
export function parseCellAddress(a1: string): { row: number; column: number } {
  const match = CELL.exec(a1.trim());
  if (!match) throw new SyntaxError(`"${a1}" is not a cell address such as C7`);
  const column = columnIndex(match[1]);
  const row = Number(match[2]) - 1;
  if (column > MAX_COLUMN || row > MAX_ROW) throw new RangeError(`"${a1}" lies beyond Excel's last cell XFD1048576`);
  return { row, column };
}

/**
 * The rectangle of an A1 range: "A1", "A1:C3" or "$A$1:$C$3", with an optional sheet prefix
 * ("Sheet1!" or "'My sheet'!") that is ignored. The corners may come in any order. Throws a
 * SyntaxError on anything else.
 *
 * @example
 * parseBoxAddress("B2:D9")              // { top: 1, left: 1, rows: 8, columns: 3 }
 * parseBoxAddress("'My sheet'!$A$1")    // { top: 0, left: 0, rows: 1, columns: 1 }
 */
export function parseBoxAddress(a1: string): Box {
  const bang = a1.lastIndexOf("!");
  const range = bang >= 0 ? a1.slice(bang + 1) : a1;
  const parts = range.split(":");
  if (parts.length > 2) throw new SyntaxError(`"${a1}" is not a range such as B2:D9`);
  const a = parseCellAddress(parts[0]);
  const b = parts.length === 2 ? parseCellAddress(parts[1]) : a;
  const top = Math.min(a.row, b.row);
  const left = Math.min(a.column, b.column);
  return { top, left, rows: Math.max(a.row, b.row) - top + 1, columns: Math.max(a.column, b.column) - left + 1 };
}

/** Names Excel accepts unquoted: a letter or "_" then letters, digits, "_" or ".". */
const PLAIN_SHEET = /^[A-Za-z_][A-Za-z0-9_.]*$/;
/** Unquoted, these would read as a cell (A1, XFD1) or an R1C1 reference (R1C1, R, C). */
const LOOKS_LIKE_REFERENCE = /^([A-Za-z]{1,3}[0-9]+|[Rr][0-9]*([Cc][0-9]*)?|[Cc][0-9]*)$/;

/**
 * A sheet name as written before "!" in a formula: as is when Excel would accept it bare, otherwise in
 * single quotes with inner quotes doubled. Quoting is always legal, so any doubt (spaces, non-ASCII
 * letters, names that look like a cell) quotes. The "!" is the caller's.
 *
 * @example
 * quoteSheet("Customers")  // "Customers"
 * quoteSheet("My sheet")   // "'My sheet'"
 * quoteSheet("Bob's")      // "'Bob''s'"
 */
export function quoteSheet(name: string): string {
  if (PLAIN_SHEET.test(name) && !LOOKS_LIKE_REFERENCE.test(name) && !/^(true|false)$/i.test(name)) return name;
  return `'${name.replace(/'/g, "''")}'`;
}

/** The corners of a range, 0-based and inclusive: what the file format's ref attributes span. */
export interface Corners {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/**
 * The corners of an A1 range ("B2:D9", "$B$2:$D$9", one cell "B2"; a sheet prefix is ignored), as
 * parseBoxAddress reads it. Throws a SyntaxError on anything else.
 *
 * @example
 * rangeCorners("B2:D9") // { top: 1, left: 1, bottom: 8, right: 3 }
 */
export function rangeCorners(a1: string): Corners {
  const box = parseBoxAddress(a1);
  return { top: box.top, left: box.left, bottom: box.top + box.rows - 1, right: box.left + box.columns - 1 };
}

/**
 * The absolute ("$"-anchored) A1 address of a box, sheet-qualified when a sheet is given (quoted by
 * quoteSheet's rule): what a formula or a chart series needs to keep pointing at the same cells.
 *
 * @example
 * absoluteAddress({ top: 3, left: 1, rows: 3, columns: 1 })                 // "$B$4:$B$6"
 * absoluteAddress({ top: 0, left: 0, rows: 1, columns: 1 }, "Tier summary") // "'Tier summary'!$A$1"
 */
export function absoluteAddress(box: Box, sheet?: string): string {
  if (box.rows < 1 || box.columns < 1) throw new RangeError(`absoluteAddress: an empty box has no address`);
  const corner = (row: number, column: number) => `$${columnName(column)}$${row + 1}`;
  const start = corner(box.top, box.left);
  const end = corner(box.top + box.rows - 1, box.left + box.columns - 1);
  const ref = start === end ? start : `${start}:${end}`;
  return sheet === undefined ? ref : `${quoteSheet(sheet)}!${ref}`;
}

/**
 * An A1 range on `sheet` made absolute and sheet-qualified; a range that already names a sheet is
 * returned as it is.
 *
 * @example
 * absoluteRange("Tier summary", "B4:B6") // "'Tier summary'!$B$4:$B$6"
 */
export function absoluteRange(sheet: string, range: string): string {
  return range.includes("!") ? range : absoluteAddress(parseBoxAddress(range), sheet);
}
