// Where the weight table and the customer table are: an Excel table by name, else a sheet by name
// (docs/DESIGN.md §4). Only the workbook's index is needed: nothing is read yet.

import { boxAddress, parseBoxAddress } from "./address";
import { headerKey } from "./headers";
import { problem } from "./problems";
import type { Box, Problem, WorkbookIndex } from "../types";

/** The names looked for when the analyst names nothing, English first. */
export const DEFAULT_TABLE_NAMES: Readonly<Record<"weights" | "customers", readonly string[]>> = {
  weights: ["Weights", "权重"],
  customers: ["Customers", "客户"],
};

/**
 * Where a table is: by `name` when given (an Excel table of that name first, then a sheet, both
 * compared by headerKey; "Sheet!A1:D20" names a range on a sheet), else an Excel table named
 * Weights/权重 (Customers/客户), else a sheet of that name. For a sheet the box is its used range:
 * the parsers skip leading blank rows themselves. A table's totals row is not in its box, and `notes`
 * says so (a warning, totals-row-excluded). Returns a Problem (table-not-found, naming what was
 * looked for and the sheets present; table-empty for a sheet with nothing on it) instead of throwing.
 *
 * @example
 * locateTable({ sheets: [{ name: "客户", used: { top: 0, left: 0, rows: 201, columns: 8 } }], tables: [] }, "customers")
 * // { sheet: "客户", box: { top: 0, left: 0, rows: 201, columns: 8 } }
 * locateTable({ sheets: [], tables: [{ name: "Weights", sheet: "Setup", box: { top: 2, left: 1, rows: 9, columns: 5 } }] }, "weights")
 * // { sheet: "Setup", table: "Weights", box: { top: 2, left: 1, rows: 9, columns: 5 } }
 */
export function locateTable(
  index: WorkbookIndex,
  role: "weights" | "customers",
  name?: string,
): { sheet: string; table?: string; box: Box; notes?: Problem[] } | Problem {
  const wanted = name !== undefined && name.trim() !== "" ? [name.trim()] : [...DEFAULT_TABLE_NAMES[role]];
  const keys = wanted.map(headerKey);

  for (const key of keys) {
    const table = index.tables.find((t) => headerKey(t.name) === key);
    if (table && table.totalsRows) {
      // The index's box already stops above the totals row; the note tells the analyst why.
      const totals = { top: table.box.top + table.box.rows, left: table.box.left, rows: table.totalsRows, columns: table.box.columns };
      return {
        sheet: table.sheet,
        table: table.name,
        box: { ...table.box },
        notes: [problem("totals-row-excluded", table.sheet, boxAddress(totals), { table: table.name })],
      };
    }
    if (table) return { sheet: table.sheet, table: table.name, box: { ...table.box } };
  }
  for (const key of keys) {
    const sheet = index.sheets.find((sh) => headerKey(sh.name) === key);
    if (sheet) {
      if (!sheet.used) return problem("table-empty", sheet.name, "", { role });
      return { sheet: sheet.name, box: { ...sheet.used } };
    }
  }
  const range = name !== undefined ? rangeOnSheet(index, name.trim()) : undefined;
  if (range) return range;

  return problem("table-not-found", "", "", {
    role,
    names: wanted.map((n) => `"${n}"`).join(" / "),
    sheets: index.sheets.map((sh) => sh.name).join(", "),
  });
}

/** "Sheet1!B2:F40" or "'My sheet'!B2:F40" on a sheet of the workbook, else undefined. */
function rangeOnSheet(index: WorkbookIndex, text: string): { sheet: string; box: Box } | undefined {
  const bang = text.lastIndexOf("!");
  if (bang <= 0) return undefined;
  let sheetName = text.slice(0, bang).trim();
  if (sheetName.startsWith("'") && sheetName.endsWith("'") && sheetName.length >= 2) {
    sheetName = sheetName.slice(1, -1).replace(/''/g, "'");
  }
  const sheet = index.sheets.find((sh) => headerKey(sh.name) === headerKey(sheetName));
  if (!sheet) return undefined;
  try {
    return { sheet: sheet.name, box: parseBoxAddress(text.slice(bang + 1)) };
  } catch {
    return undefined;
  }
}
