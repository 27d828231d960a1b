// A1 references in the file format: column letters, absolute ranges and quoted sheet names.

/**
 * The column letters of a 0-based column index.
 *
 * @example
 * columnLetters(0)  // "A"
 * columnLetters(27) // "AB"
 */
export function columnLetters(column: number): string {
  let letters = "";
  let n = column + 1;
  while (n > 0) {
    const rest = (n - 1) % 26;
    letters = String.fromCharCode(65 + rest) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/**
 * The 0-based row and column of an A1 cell reference ("$" allowed); throws on anything else.
 *
 * @example
 * parseCell("B3")    // { row: 2, column: 1 }
 * parseCell("$AA$1") // { row: 0, column: 26 }
 */
export function parseCell(reference: string): { row: number; column: number } {
  const match = /^\$?([A-Za-z]{1,3})\$?([0-9]+)$/.exec(reference.trim());
  if (!match) throw new Error(`Not an A1 cell reference: ${reference}`);
  let column = 0;
  for (const ch of match[1].toUpperCase()) column = column * 26 + (ch.charCodeAt(0) - 64);
  return { row: parseInt(match[2], 10) - 1, column: column - 1 };
}

/**
 * The A1 reference of a 0-based cell.
 *
 * @example
 * cellName(0, 0) // "A1"
 * cellName(9, 2) // "C10"
 */
export function cellName(row: number, column: number): string {
  return `${columnLetters(column)}${row + 1}`;
}

/**
 * The corners of an A1 range ("B2:D9" or a single cell "B2"), 0-based; throws on anything else.
 *
 * @example
 * parseRange("B2:D9") // { top: 1, left: 1, bottom: 8, right: 3 }
 */
export function parseRange(range: string): { top: number; left: number; bottom: number; right: number } {
  const [first, second] = range.split(":");
  const a = parseCell(first);
  const b = second === undefined ? a : parseCell(second);
  return {
    top: Math.min(a.row, b.row),
    left: Math.min(a.column, b.column),
    bottom: Math.max(a.row, b.row),
    right: Math.max(a.column, b.column),
  };
}

/**
 * A sheet name as a formula needs it: quoted (quotes doubled) unless it is a plain identifier.
 *
 * @example
 * sheetPrefix("Sheet1")       // "Sheet1"
 * sheetPrefix("Tier summary") // "'Tier summary'"
 * sheetPrefix("分级汇总")      // "'分级汇总'"
 */
export function sheetPrefix(sheet: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet) && !/^[A-Za-z]{1,3}[0-9]+$/.test(sheet)
    ? sheet
    : `'${sheet.replace(/'/g, "''")}'`;
}

/**
 * An absolute, sheet-qualified version of an A1 range on a sheet; a range that already names a
 * sheet is returned as it is.
 *
 * @example
 * absoluteRange("Tier summary", "B4:B6") // "'Tier summary'!$B$4:$B$6"
 */
export function absoluteRange(sheet: string, range: string): string {
  if (range.includes("!")) return range;
  const { top, left, bottom, right } = parseRange(range.replace(/\$/g, ""));
  const a = `$${columnLetters(left)}$${top + 1}`;
  const b = `$${columnLetters(right)}$${bottom + 1}`;
  return `${sheetPrefix(sheet)}!${a === b ? a : `${a}:${b}`}`;
}
