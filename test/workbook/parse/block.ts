// Builds a Block the way a backend reads one: a rectangle of values whose top-left cell is `topLeft`.

import { parseCellAddress } from "../../../src/workbook/reading/address";
import type { Block, CellValue } from "../../../src/workbook/types";

/** Rows are padded with nulls to the widest row, as Excel returns a rectangle. */
export function blockAt(sheet: string, topLeft: string, rows: CellValue[][], table?: string): Block {
  const { row, column } = parseCellAddress(topLeft);
  const columns = Math.max(1, ...rows.map((r) => r.length));
  const values = rows.map((r) => [...r, ...new Array<CellValue>(columns - r.length).fill(null)]);
  const block: Block = { sheet, box: { top: row, left: column, rows: Math.max(1, rows.length), columns }, values };
  if (table) block.table = table;
  return block;
}
