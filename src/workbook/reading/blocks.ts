// Blocks of cells as read from a sheet.

import { isBlank } from "./cells";
import type { CellValue } from "../types";

/**
 * Index of a block's header row: its first row with a non-blank cell (0 when there is none).
 *
 * @example headerRowIndex([[null, ""], ["ID", "Sales"], ["C1", 5]]) // 1
 */
export function headerRowIndex(values: CellValue[][]): number {
  const index = values.findIndex((row) => row.some((cell) => !isBlank(cell)));
  return index < 0 ? 0 : index;
}
