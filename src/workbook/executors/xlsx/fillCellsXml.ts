// Numbers written into cells of a sheet the add-in does not own (plan.fills: the weight table's Weight
// cells under PCA weights). Each cell keeps its style (so its number format); a row without the cell
// gets it in column order; every other cell and row stays byte for byte.

import { rangeCorners } from "../../reading/address";
import { cellXml } from "./cellXml";
import { splitCells, splitSheet } from "./sheetScanner";
import { attribute, withAttribute } from "./xmlText";
import { withPrefix } from "./xmlTokens";

/**
 * The worksheet part with `cells` (0-based row and column) holding their numbers. A formula in a filled
 * cell goes (the cell now holds the number). A shared formula's first cell (weights filled down as
 * =C2/SUM(...)) may go only when every cell of its range is filled too; otherwise it is refused with an
 * error, since the cells that copy it would lose their formula.
 *
 * @example
 * fillCellsXml('<worksheet xmlns="…"><sheetData><row r="2"><c r="A2" t="inlineStr">…</c><c r="B2" s="3"/></row></sheetData></worksheet>',
 *   [{ row: 1, column: 1, value: 0.25 }])
 * // …<row r="2"><c r="A2" t="inlineStr">…</c><c r="B2" s="3"><v>0.25</v></c></row>…
 */
export function fillCellsXml(sheetXml: string, cells: { row: number; column: number; value: number }[]): string {
  if (cells.length === 0) return sheetXml;
  const split = splitSheet(sheetXml);
  const p = split.prefix;
  const q = (name: string) => (p ? `${p}:${name}` : name);
  const filled = new Set(cells.map((cell) => `${cell.row},${cell.column}`));
  const byRow = new Map<number, { column: number; value: number }[]>();
  for (const cell of cells) {
    const list = byRow.get(cell.row) ?? [];
    list.push(cell);
    byRow.set(cell.row, list);
  }
  const pending = [...byRow.keys()].sort((a, b) => a - b);
  const done = new Set<number>();
  const rows: string[] = [];
  const newRow = (index: number) =>
    `<${q("row")} r="${index + 1}">${byRow
      .get(index)!
      .sort((a, b) => a.column - b.column)
      .map((cell) => withPrefix(cellXml(index, cell.column, cell.value), p))
      .join("")}</${q("row")}>`;
  let next = 0;
  for (const row of split.rows) {
    while (next < pending.length && pending[next] < row.index) {
      rows.push(newRow(pending[next]));
      done.add(pending[next++]);
    }
    rows.push(row.gap);
    const writes = byRow.get(row.index);
    if (!writes) {
      rows.push(sheetXml.slice(row.start, row.end));
      continue;
    }
    if (pending[next] === row.index) next++;
    done.add(row.index);
    const existing = splitCells(row.inner, row.scope);
    const merged = existing.map((cell) => ({ column: cell.column, xml: cell.xml }));
    for (const write of writes) {
      const at = existing.findIndex((cell) => cell.column === write.column);
      const old = at < 0 ? undefined : existing[at];
      const ref = old ? sharedFormulaRef(old.inner) : undefined;
      if (ref !== undefined && !coversOnly(ref, filled)) {
        // The run found these cells first (sharedFormulaStarts) and made each a problem naming it: a plan
        // that still asks for one is a fault of tiers, and nothing is written.
        throw new Error(`The cell in column ${write.column + 1} of row ${row.index + 1} starts a shared formula other cells copy; the add-in does not overwrite it.`);
      }
      const style = old ? parseInt(attribute(old.attributes, "s") ?? "0", 10) : 0;
      const xml = withPrefix(cellXml(row.index, write.column, write.value, style || undefined), p);
      if (at < 0) merged.push({ column: write.column, xml });
      else merged[at] = { column: write.column, xml };
    }
    merged.sort((a, b) => a.column - b.column);
    rows.push(`<${row.name}${withAttribute(row.attributes, "spans", undefined)}>${merged.map((cell) => cell.xml).join("")}</${row.name}>`);
  }
  for (const index of pending) if (!done.has(index)) rows.push(newRow(index));
  return split.head + rows.join("") + split.tail;
}

/** The range of the shared formula a cell's inner XML starts (<f t="shared" ref="B2:B9" si="0">), or undefined. */
function sharedFormulaRef(inner: string): string | undefined {
  const shared = /<(?:\w+:)?f\b([^>]*\bt="shared"[^>]*)>/.exec(inner);
  return shared ? attribute(shared[1], "ref") : undefined;
}

/**
 * The cells among `cells` that fillCellsXml may not fill: each starts a shared formula (ECMA-376
 * §18.3.1.40, t="shared") whose range holds cells not among `cells`. Those cells copy the formula from
 * it, so replacing it with a number would take their formulas too. With the range of each.
 *
 * @example
 * // B2 holds <f t="shared" ref="B2:B4" si="0">A2*2</f>, B3 and B4 copy it
 * sharedFormulaStarts(xml, [{ row: 1, column: 1 }]) // [{ row: 1, column: 1, ref: "B2:B4" }]
 */
export function sharedFormulaStarts(sheetXml: string, cells: { row: number; column: number }[]): { row: number; column: number; ref: string }[] {
  if (cells.length === 0) return [];
  const filled = new Set(cells.map((cell) => `${cell.row},${cell.column}`));
  const rows = new Set(cells.map((cell) => cell.row));
  const found: { row: number; column: number; ref: string }[] = [];
  for (const row of splitSheet(sheetXml).rows) {
    if (!rows.has(row.index)) continue;
    for (const cell of splitCells(row.inner, row.scope)) {
      if (!filled.has(`${row.index},${cell.column}`)) continue;
      const ref = sharedFormulaRef(cell.inner);
      if (ref !== undefined && !coversOnly(ref, filled)) found.push({ row: row.index, column: cell.column, ref });
    }
  }
  return found;
}

/** Whether every cell of an A1 range is among the filled cells ("row,column"). */
function coversOnly(ref: string, filled: Set<string>): boolean {
  try {
    const box = rangeCorners(ref);
    if ((box.bottom - box.top + 1) * (box.right - box.left + 1) > filled.size) return false;
    for (let r = box.top; r <= box.bottom; r++) for (let c = box.left; c <= box.right; c++) if (!filled.has(`${r},${c}`)) return false;
    return true;
  } catch {
    return false;
  }
}
