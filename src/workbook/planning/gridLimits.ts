// Excel's grid (Excel specifications and limits): 1,048,576 rows by 16,384 columns (A..XFD). A column
// written past XFD is dropped by every spreadsheet program, so a run that would write there stops first.

import { outputStartColumn } from "./outputColumns";
import { problem } from "../reading/problems";
import type { CustomerData, OwnedState, Problem } from "../types";

export const EXCEL_ROWS = 1048576;
export const EXCEL_COLUMNS = 16384;

/**
 * A problem (output-past-last-column, naming the customer sheet) when the output columns would run
 * past column XFD; none when they fit.
 *
 * @example
 * // A customer table using all 16,384 columns: [{ code: "output-past-last-column", sheet: "Customers", ... }]
 */
export function outputColumnsFit(customers: CustomerData, previous: OwnedState | undefined, headers: readonly string[]): Problem[] {
  const first = outputStartColumn(customers, previous);
  const needed = headers.length;
  if (first + needed <= EXCEL_COLUMNS) return [];
  return [problem("output-past-last-column", customers.block.sheet, "", { needed, free: Math.max(0, EXCEL_COLUMNS - first) })];
}
