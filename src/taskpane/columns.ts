// The customer table's column headers, for the pick-don't-type column controls (value, growth, rule and
// owner columns). Reads only the first rows of the table the settings point at; the add-in's own output
// columns are left out.

import { headerRowIndex } from "../workbook/reading/blocks";
import { headerKey } from "../workbook/reading/headers";
import { locateTable } from "../workbook/reading/locate";
import type { GradeSettings } from "../workbook/run";
import type { WorkbookBackend } from "../workbook/types";

/** How many rows are read to find the header row (the parsers skip leading blank rows too). */
const HEAD_ROWS = 20;

export async function customerColumns(backend: WorkbookBackend, settings: Pick<GradeSettings, "customers">): Promise<string[]> {
  const index = await backend.index();
  const at = locateTable(index, "customers", settings.customers);
  if ("code" in at) return [];
  const state = await backend.readState();
  const values = await backend.read(at.sheet, { ...at.box, rows: Math.min(at.box.rows, HEAD_ROWS) });
  const header = values[headerRowIndex(values)] ?? [];
  const ownedFrom = state && state.sheet === at.sheet ? state.firstColumn - at.box.left : Infinity;
  const seen = new Set<string>();
  const columns: string[] = [];
  header.forEach((cell, i) => {
    if (i >= ownedFrom || typeof cell !== "string" || cell.trim() === "" || seen.has(headerKey(cell))) return;
    seen.add(headerKey(cell));
    columns.push(cell.trim());
  });
  return columns;
}

/**
 * The column the run takes as value when the analyst picks none: the first header named like sales or
 * revenue. The same names, in the same order, as run.ts's resolveValueColumn (which also requires the
 * column to be numeric); undefined means the value pyramid uses the score.
 */
export function valueColumnByName(columns: string[]): string | undefined {
  const candidates = ["sales", "revenue", "value", "销售额", "销售收入", "营业收入", "收入"].map(headerKey);
  for (const candidate of candidates) {
    const found = columns.find((column) => headerKey(column) === candidate);
    if (found) return found;
  }
  return undefined;
}

/** The owner column by its usual names, for the per-owner copies. */
export function ownerColumnByName(columns: string[]): string | undefined {
  const names = ["owner", "负责人", "salesperson", "销售", "account manager", "客户经理"].map(headerKey);
  return columns.find((column) => names.includes(headerKey(column)));
}
