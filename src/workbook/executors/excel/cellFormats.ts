// Text from customer data must stay text. Excel's Range.values turns a string that starts with "=",
// "+" or "-" into a formula and "1,200" into a number, exactly like typing it. We set the cell's number
// format to "@" (Text) in the same batch, before the value: Excel then stores whatever follows as text.
// Chosen over a leading apostrophe because the apostrophe is part of what other programs read back
// (the .xlsx executor and LibreOffice would see "'=HYPERLINK(...)"), while "@" is plain formatting
// that both executors write the same way.

import type { CellOut } from "../../types";

/** Excel's Text number format. */
export const TEXT_FORMAT = "@";

/**
 * The number format a cell is written with: "@" for a string, never "@" for a formula (a text cell
 * would show the formula instead of computing it), else the column's format or "General".
 *
 * @example
 * cellFormat("=HYPERLINK(1)", "0.00")     // "@"
 * cellFormat({ formula: "=A1*2" }, "@")   // "General"
 * cellFormat(12.5, "0.00")                // "0.00"
 */
export function cellFormat(value: CellOut, columnFormat: string | null | undefined): string {
  if (typeof value === "string") return TEXT_FORMAT;
  const format = columnFormat ?? "General";
  if (value !== null && typeof value === "object") return format === TEXT_FORMAT ? "General" : format;
  return format;
}

/**
 * What Range.values receives for a cell: formulas as their text with a leading "=" (plans write them
 * with or without one, as files store them; without it Excel would keep the text), blanks as "".
 *
 * @example
 * excelValue({ formula: "=A1*2" }) // "=A1*2"
 * excelValue({ formula: "A1*2" })  // "=A1*2"
 * excelValue(null)                 // ""
 */
export function excelValue(value: CellOut): string | number | boolean {
  if (value === null) return "";
  if (typeof value === "number" && !Number.isFinite(value)) return ""; // Excel refuses NaN; a blank is honest
  if (typeof value === "object") return value.formula.trimStart().startsWith("=") ? value.formula : `=${value.formula}`;
  return value;
}
