// The customer sheet's edit: the add-in's earlier output columns cleared, the new ones written, and the
// tier column's conditional formats replaced. Only rows that change are rewritten; every other row,
// and everything outside sheetData except the dimension and the add-in's conditional formats, stays
// byte for byte.

import type { OutputColumns } from "../../types";
import { columnName, rangeCorners } from "../../reading/address";
import { cellXml } from "./cellXml";
import { referenceColumn, splitCells, splitSheet } from "./sheetScanner";
import type { Stylesheet } from "./stylesheet";
import { attribute, escapeXml, withAttribute } from "./xmlText";
import { withPrefix } from "./xmlTokens";

/** Columns first..last (0-based, inclusive) from headerRow down: what a run owns on a sheet. */
export interface OwnedColumns {
  headerRow: number;
  first: number;
  last: number;
}

function owned(areas: OwnedColumns[], row: number, column: number): boolean {
  return areas.some((area) => row >= area.headerRow && column >= area.first && column <= area.last);
}

/** Elements that follow conditionalFormatting in CT_Worksheet, where a first one is inserted. */
const AFTER_CONDITIONAL_FORMATS = [
  "dataValidations", "hyperlinks", "printOptions", "pageMargins", "pageSetup", "headerFooter", "rowBreaks",
  "colBreaks", "customProperties", "cellWatches", "ignoredErrors", "smartTags", "drawing", "legacyDrawing",
  "legacyDrawingHF", "picture", "oleObjects", "controls", "webPublishItems", "tableParts", "extLst",
];

/**
 * The worksheet part with the owned areas cleared (`clear`: earlier runs' columns) and `columns`
 * written: headers styled like the header cell to their left, values with their number formats, and
 * one "cell equals label" conditional format per tier style on the tier column.
 *
 * @example
 * // A sheet with A1:E201 and columns Score/Rank/Tier at F..H: rows 1..201 gain cells F..H, the
 * // dimension becomes A1:H201 and H2:H201 gets one cfRule per tier.
 */
export function outputColumnsXml(sheetXml: string, columns: OutputColumns | undefined, clear: OwnedColumns[], styles: Stylesheet): string {
  const split = splitSheet(sheetXml);
  // New elements take the prefix SpreadsheetML has in this part (<x:c> in Open XML SDK files).
  const p = split.prefix;
  const q = (name: string) => (p ? `${p}:${name}` : name);
  const areas = [...clear];
  const writes = new Map<number, { column: number; xml: string }[]>();
  if (columns) {
    const { headerRow, firstColumn } = columns;
    areas.push({ headerRow, first: firstColumn, last: firstColumn + columns.columns.length - 1 });
    const headerCells = split.rows.find((row) => row.index === headerRow);
    const left = headerCells ? splitCells(headerCells.inner, headerCells.scope).find((cell) => cell.column === firstColumn - 1) : undefined;
    const leftStyle = left ? parseInt(attribute(left.attributes, "s") ?? "0", 10) : 0;
    const headerStyle = leftStyle || styles.cellStyle({ look: "header" });
    const header = columns.columns.map((column, j) => ({ column: firstColumn + j, xml: withPrefix(cellXml(headerRow, firstColumn + j, column.header, headerStyle), p) }));
    writes.set(headerRow, header);
    columns.columns.forEach((column, j) => {
      const style = styles.cellStyle({ numberFormat: column.numberFormat });
      // A formula never gets the Text format (Excel would keep it as text once the cell is edited): the
      // same rule as the Office.js executor's cellFormat.
      const formulaStyle = column.numberFormat === "@" ? styles.cellStyle({ numberFormat: null }) : style;
      for (let i = 0; i < columns.rowCount; i++) {
        const row = headerRow + 1 + i;
        let list = writes.get(row);
        if (!list) writes.set(row, (list = []));
        const value = column.values[i] ?? null;
        list.push({ column: firstColumn + j, xml: withPrefix(cellXml(row, firstColumn + j, value, value !== null && typeof value === "object" ? formulaStyle : style), p) });
      }
    });
  }
  const firstOwnedRow = areas.reduce((min, area) => Math.min(min, area.headerRow), Infinity);

  const rows: string[] = [];
  const pending = [...writes.keys()].sort((a, b) => a - b);
  let next = 0;
  const newRow = (index: number) => `<${q("row")} r="${index + 1}">${writes.get(index)!.map((cell) => cell.xml).join("")}</${q("row")}>`;
  const cellOpen = `<${q("c")} `;
  for (const row of split.rows) {
    while (next < pending.length && pending[next] < row.index) rows.push(newRow(pending[next++]));
    // Whatever stood between rows (comments, white space) stays where it was.
    rows.push(row.gap);
    const original = sheetXml.slice(row.start, row.end);
    const written = writes.get(row.index);
    if (written) next++;
    if (row.index < firstOwnedRow && !written) {
      rows.push(original);
      continue;
    }
    // Cells of a row are in column order, so when the last one is left of every owned column the
    // new cells simply go after it: most rows of a large sheet need no splitting at all.
    const lastCell = row.inner.lastIndexOf(cellOpen);
    const lastColumn = lastCell < 0 ? -1 : referenceColumn(row.inner.slice(lastCell + cellOpen.length - 1, row.inner.indexOf(">", lastCell)));
    if (lastCell >= 0 && lastColumn >= 0 && areas.every((area) => lastColumn < area.first || row.index < area.headerRow)) {
      const added = written ? [...written].sort((a, b) => a.column - b.column).map((cell) => cell.xml).join("") : "";
      rows.push(added ? `<${row.name}${withAttribute(row.attributes, "spans", undefined)}>${row.inner}${added}</${row.name}>` : original);
      continue;
    }
    const cells = splitCells(row.inner, row.scope);
    const kept = cells.filter((cell) => !owned(areas, row.index, cell.column));
    if (!written && kept.length === cells.length) {
      rows.push(original);
      continue;
    }
    const merged = [...kept.map((cell) => ({ column: cell.column, xml: cell.xml })), ...(written ?? [])].sort((a, b) => a.column - b.column);
    // spans is only a hint for the row's extent; a stale one is worse than none.
    rows.push(`<${row.name}${withAttribute(row.attributes, "spans", undefined)}>${merged.map((cell) => cell.xml).join("")}</${row.name}>`);
  }
  while (next < pending.length) rows.push(newRow(pending[next++]));

  let tail = split.tail;
  let head = split.head;
  if (columns) {
    head = widenDimension(head, columns, p);
    tail = replaceConditionalFormats(tail, columns, areas, styles, p);
  } else {
    tail = replaceConditionalFormats(tail, undefined, areas, styles, p);
  }
  return head + rows.join("") + tail;
}

function widenDimension(head: string, columns: OutputColumns, prefix: string): string {
  const dimension = prefix ? `${prefix}:dimension` : "dimension";
  return head.replace(new RegExp(`<${dimension}\\b([^>]*?)\\/>`), (whole, attrs: string) => {
    const ref = attribute(attrs, "ref");
    if (!ref) return whole;
    try {
      const box = rangeCorners(ref);
      const right = Math.max(box.right, columns.firstColumn + columns.columns.length - 1);
      const bottom = Math.max(box.bottom, columns.headerRow + columns.rowCount);
      return `<${dimension}${withAttribute(attrs, "ref", `${columnName(box.left)}${box.top + 1}:${columnName(right)}${bottom + 1}`)}/>`;
    } catch {
      return whole;
    }
  });
}

/** Drops conditional formats that lie wholly inside the owned areas, then adds the tier column's. */
function replaceConditionalFormats(tail: string, columns: OutputColumns | undefined, areas: OwnedColumns[], styles: Stylesheet, prefix: string): string {
  const q = (name: string) => (prefix ? `${prefix}:${name}` : name);
  const inside = (sqref: string) =>
    sqref.split(/\s+/).filter(Boolean).every((range) => {
      try {
        const box = rangeCorners(range);
        return areas.some((area) => box.top >= area.headerRow && box.left >= area.first && box.right <= area.last);
      } catch {
        return false;
      }
    });
  let text = tail.replace(new RegExp(`<${q("conditionalFormatting")}\\b([^>]*)>[\\s\\S]*?<\\/${q("conditionalFormatting")}>`, "g"), (whole, attrs: string) =>
    inside(attribute(attrs, "sqref") ?? "") ? "" : whole,
  );
  if (!columns || columns.rowCount === 0 || columns.tierStyles.length === 0) return text;

  let priority = 0;
  for (const match of text.matchAll(/\bpriority="(\d+)"/g)) priority = Math.max(priority, parseInt(match[1], 10));
  const column = columnName(columns.firstColumn + columns.tierColumn);
  const sqref = `${column}${columns.headerRow + 2}:${column}${columns.headerRow + 1 + columns.rowCount}`;
  const rules = columns.tierStyles
    .map((style) => {
      const dxf = styles.differentialStyle(style.fill, style.font);
      const literal = `"${style.label.replace(/"/g, '""')}"`;
      return `<cfRule type="cellIs" dxfId="${dxf}" priority="${++priority}" operator="equal"><formula>${escapeXml(literal)}</formula></cfRule>`;
    })
    .join("");
  const format = withPrefix(`<conditionalFormatting sqref="${sqref}">${rules}</conditionalFormatting>`, prefix);

  const closing = `</${q("conditionalFormatting")}>`;
  const last = text.lastIndexOf(closing);
  let at = last >= 0 ? last + closing.length : -1;
  if (at < 0) {
    at = AFTER_CONDITIONAL_FORMATS.map((name) => text.search(new RegExp(`<${q(name)}\\b`))).filter((i) => i >= 0).reduce((min, i) => Math.min(min, i), text.lastIndexOf(`</${q("worksheet")}`));
  }
  text = text.slice(0, at) + format + text.slice(at);
  return text;
}
