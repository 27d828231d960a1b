// Rows appended to a sheet the add-in never rewrites (the audit log of special grading). The log is the
// analyst's evidence of who changed which tier and why, so what is already there stays byte for byte:
// the new rows are spliced into the sheet's text below the last row that holds a value, and nothing
// else moves apart from the dimension, which must cover them.

import type { CellLook, CellOut, OutputSheet } from "../../types";
import { columnName, rangeCorners } from "../../reading/address";
import { cellXml } from "./cellXml";
import { RowText, splitCells, splitSheet } from "./sheetScanner";
import type { Stylesheet } from "./stylesheet";
import { attribute, withAttribute } from "./xmlText";
import { withPrefix } from "./xmlTokens";

/** A value, a formula or an inline string: what makes a cell used (a style alone does not); any prefix. */
const HOLDS_VALUE = /<(?:[\w.-]+:)?(?:v|f|is)\b[^>]*>(?!<\/)/;

/** Column styles (<col min max style>) by 0-based column, so a new cell looks like the column the analyst formatted. */
function columnStyles(head: string, prefix: string): Map<number, number> {
  const styles = new Map<number, number>();
  const q = (name: string) => (prefix ? `${prefix}:${name}` : name);
  const cols = new RegExp(`<${q("cols")}>([\\s\\S]*?)<\\/${q("cols")}>`).exec(head);
  if (!cols) return styles;
  for (const match of cols[1].matchAll(new RegExp(`<${q("col")}\\b([^>]*?)\\/?>`, "g"))) {
    const style = parseInt(attribute(match[1], "style") ?? "0", 10);
    const min = parseInt(attribute(match[1], "min") ?? "0", 10);
    const max = Math.min(parseInt(attribute(match[1], "max") ?? "0", 10), min + 200);
    if (style > 0) for (let c = min; c <= max; c++) styles.set(c - 1, style);
  }
  return styles;
}

function widenDimension(head: string, bottom: number, right: number, prefix: string): string {
  const dimension = prefix ? `${prefix}:dimension` : "dimension";
  return head.replace(new RegExp(`<${dimension}\\b([^>]*?)\\/>`), (whole, attrs: string) => {
    const ref = attribute(attrs, "ref");
    if (!ref) return whole;
    try {
      const box = rangeCorners(ref);
      // "A1" is also what Excel writes for an empty sheet: then the new rows are the whole extent.
      const empty = ref === "A1";
      const top = empty ? 0 : box.top;
      const left = empty ? 0 : box.left;
      const corner = `${columnName(Math.max(empty ? 0 : box.right, right))}${Math.max(empty ? 0 : box.bottom, bottom) + 1}`;
      return `<${dimension}${withAttribute(attrs, "ref", `${columnName(left)}${top + 1}:${corner}`)}/>`;
    } catch {
      return whole;
    }
  });
}

/**
 * The worksheet part with `rows` appended below its last row that holds a value, `header` first when
 * no row holds one. Every existing row element stays byte for byte, except an empty (formatting-only)
 * row where a new row lands: that one keeps its attributes and its cells' styles and takes the values.
 * New cells take the style of the column they are in; text is written as inline strings. The dimension
 * grows to cover the new rows. Throws when the part has no sheetData.
 *
 * @example
 * // A log whose rows 1..3 hold values (header and two entries), rows [["C7", "A"]]:
 * // -> '<row r="4"><c r="A4" t="inlineStr">…C7…</c><c r="B4" t="inlineStr">…A…</c></row>' after row 3,
 * //    and <dimension ref="A1:E3"/> becomes "A1:E4".
 */
export function appendRowsXml(sheetXml: string, header: CellOut[], rows: CellOut[][], styles?: Stylesheet, headerLook?: CellLook): string {
  const split = splitSheet(sheetXml);
  let lastUsed = -1;
  for (let i = split.rows.length - 1; i >= 0 && lastUsed < 0; i--) {
    if (HOLDS_VALUE.test(split.rows[i].inner)) lastUsed = split.rows[i].index;
  }
  const values = lastUsed < 0 ? [header, ...rows] : rows;
  if (values.length === 0) return sheetXml;
  const first = lastUsed + 1;
  const p = split.prefix;
  const byColumn = columnStyles(split.head, p);
  const headerStyle = lastUsed < 0 && styles && headerLook ? styles.cellStyle({ look: headerLook }) : undefined;
  const styleOf = (i: number, column: number, existing?: number) =>
    existing ?? (i === 0 && headerStyle !== undefined ? headerStyle : byColumn.get(column));
  const cellsXml = (i: number, existing: Map<number, { xml: string; style?: number }>) => {
    const cells: { column: number; xml: string }[] = [];
    values[i].forEach((value, column) => {
      const xml = withPrefix(cellXml(first + i, column, value, styleOf(i, column, existing.get(column)?.style)), p);
      if (xml) cells.push({ column, xml });
    });
    for (const [column, cell] of existing) if (!cells.some((c) => c.column === column)) cells.push({ column, xml: cell.xml });
    return cells.sort((a, b) => a.column - b.column).map((cell) => cell.xml).join("");
  };
  const newRow = (i: number) => {
    const cells = cellsXml(i, new Map());
    const row = p ? `${p}:row` : "row";
    return cells ? `<${row} r="${first + i + 1}">${cells}</${row}>` : "";
  };
  const landedOn = (i: number, row: RowText) => {
    const existing = new Map<number, { xml: string; style?: number }>();
    for (const cell of splitCells(row.inner, row.scope)) {
      const s = attribute(cell.attributes, "s");
      existing.set(cell.column, { xml: cell.xml, style: s === undefined ? undefined : parseInt(s, 10) });
    }
    // spans is only a hint for the row's extent; a stale one is worse than none.
    return `<${row.name}${withAttribute(row.attributes, "spans", undefined)}>${cellsXml(i, existing)}</${row.name}>`;
  };

  const right = values.reduce((max, row) => Math.max(max, row.length - 1), 0);
  const head = widenDimension(split.head, first + values.length - 1, right, p);
  if (split.rows.length === 0 && !sheetXml.startsWith(split.head)) {
    // <sheetData/>: splitSheet opened the tag, so the head and tail are already apart.
    return head + values.map((_, i) => newRow(i)).join("") + split.tail;
  }
  // Not self-closing: head and tail are the sheet's own text, so the body lies between them.
  const bodyEnd = sheetXml.length - split.tail.length;
  const out: string[] = [head];
  let cursor = split.head.length;
  let next = 0;
  for (const row of split.rows) {
    if (row.index <= lastUsed) continue;
    // Rows after the last used one hold only formatting: new rows go between them in index order.
    out.push(sheetXml.slice(cursor, row.start));
    cursor = row.start;
    while (next < values.length && first + next < row.index) out.push(newRow(next++));
    if (next < values.length && first + next === row.index) {
      out.push(landedOn(next++, row));
      cursor = row.end;
    }
  }
  out.push(sheetXml.slice(cursor, bodyEnd));
  while (next < values.length) out.push(newRow(next++));
  out.push(split.tail);
  return out.join("");
}

/** Display width of a value in characters: CJK characters take two. */
function displayWidth(value: CellOut): number {
  if (value === null || typeof value === "object") return 0;
  const text = String(value);
  let width = 0;
  for (const ch of text) width += /[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]/.test(ch) ? 2 : 1;
  return width;
}

/**
 * A new log sheet as an add-in sheet to write once: `header` as row 1 in the plan's `headerLook`, `rows`
 * below it, each column wide enough for its longest entry (8 to 60 characters).
 *
 * @example
 * logSheet("Audit log", ["Customer", "Tier"], [["C7", "A"]], { bold: true }).blocks
 * // [{ top: 0, left: 0, values: [["Customer", "Tier"]], look: { bold: true } }, { top: 1, left: 0, values: [["C7", "A"]] }]
 * logSheet("Audit log", ["Customer", "Tier"], []).columnWidths // [10, 8]
 */
export function logSheet(name: string, header: CellOut[], rows: CellOut[][], headerLook?: CellLook): OutputSheet {
  const widths = header.map((_, j) => Math.min(60, Math.max(8, ...[header, ...rows].map((row) => displayWidth(row[j] ?? null) + 2))));
  return {
    name,
    blocks: [{ top: 0, left: 0, values: [header], look: headerLook }, ...(rows.length ? [{ top: 1, left: 0, values: rows }] : [])],
    columnWidths: widths,
    charts: [],
  };
}
