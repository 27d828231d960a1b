// The customer sheet's edit: the add-in's earlier output columns cleared, the new ones written, and the
// tier column's conditional formats replaced. Only rows that change are rewritten; every other row,
// and everything outside sheetData except the dimension and the add-in's conditional formats, stays
// byte for byte.

import type { CellOut, OutputColumns } from "../../types";
import { viewOf } from "../../lazyArray";
import { cellAddress, columnName, rangeCorners } from "../../reading/address";
import { cellXml, cellXmlAt, columnLetters } from "./cellXml";
import type { RowText } from "./sheetScanner";
import { lastCellColumn, lettersColumn, referenceColumn, splitCells, splitSheet } from "./sheetScanner";
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
 * written: headers styled like the header cell to their left (else in the plan's headerLook), values with their number formats, and
 * one "cell equals label" conditional format per tier style on the tier column.
 *
 * @example
 * // A sheet with A1:E201 and columns Score/Rank/Tier at F..H: rows 1..201 gain cells F..H, the
 * // dimension becomes A1:H201 and H2:H201 gets one cfRule per tier.
 */
export function outputColumnsXml(sheetXml: string, columns: OutputColumns | undefined, clear: OwnedColumns[], styles: Stylesheet): string {
  const split = splitSheet(sheetXml);
  const headerCells = columns ? split.rows.find((row) => row.index === columns.headerRow) : undefined;
  const edit = new OutputColumnsEdit(split.prefix, columns, clear, styles, headerCells);
  const parts: string[] = [edit.head(split.head)];
  for (const row of split.rows) parts.push(edit.row(row, sheetXml.slice(row.start, row.end)));
  parts.push(edit.end(split.tail));
  return parts.join("");
}

/**
 * The customer sheet's edit row by row, for the whole-string path (outputColumnsXml) and the streaming
 * one (sheetStream.ts) alike, so both write the same bytes. Every style is looked up in the constructor,
 * in one fixed order, so the stylesheet is final before the first row is written (a streamed sheet is
 * written while the package is saved, after styles.xml). A row's new cells are made when the row is
 * reached, never all at once: a million rows' cells as strings would not fit in memory.
 */
export class OutputColumnsEdit {
  private readonly areas: OwnedColumns[];
  private readonly firstOwnedRow: number;
  private readonly header: { column: number; xml: string }[] = [];
  private readonly styleOf: { value: number; formula: number }[] = [];
  private readonly dxfIds: number[] = [];
  /** Per output column, how its value i is made when its values are a lazy view (read directly, not through the Proxy). */
  private readonly valueAt: (((i: number) => CellOut) | undefined)[] = [];
  /** The next row with output cells not yet written, and the last such row (-1: none). */
  private nextWrite: number;
  private readonly lastWrite: number;
  private addedIndex = -1;
  private addedText = "";

  constructor(
    private readonly prefix: string,
    private readonly columns: OutputColumns | undefined,
    clear: OwnedColumns[],
    styles: Stylesheet,
    /** The header row as read (for the style of the cell left of the first output column). */
    headerCells: RowText | undefined,
  ) {
    const p = prefix;
    this.areas = [...clear];
    this.nextWrite = 0;
    this.lastWrite = -1;
    if (columns) {
      const { headerRow, firstColumn } = columns;
      this.areas.push({ headerRow, first: firstColumn, last: firstColumn + columns.columns.length - 1 });
      const left = headerCells ? splitCells(headerCells.inner, headerCells.scope).find((cell) => cell.column === firstColumn - 1) : undefined;
      const leftStyle = left ? parseInt(attribute(left.attributes, "s") ?? "0", 10) : 0;
      const headerStyle = leftStyle || styles.cellStyle({ look: columns.headerLook });
      this.header = columns.columns.map((column, j) => ({ column: firstColumn + j, xml: withPrefix(cellXml(headerRow, firstColumn + j, column.header, headerStyle), p) }));
      this.valueAt = columns.columns.map((column) => viewOf(column.values)?.make);
      for (const column of columns.columns) {
        const style = styles.cellStyle({ numberFormat: column.numberFormat });
        // A formula never gets the Text format (Excel would keep it as text once the cell is edited): the
        // same rule as the Office.js executor's cellFormat.
        const formula = column.numberFormat === "@" ? styles.cellStyle({ numberFormat: null }) : style;
        this.styleOf.push({ value: style, formula });
      }
      this.nextWrite = headerRow;
      this.lastWrite = headerRow + columns.rowCount;
      if (columns.rowCount > 0) this.dxfIds = columns.tierStyles.map((style) => styles.differentialStyle(style.fill, style.font));
    }
    this.firstOwnedRow = this.areas.reduce((min, area) => Math.min(min, area.headerRow), Infinity);
  }

  /** Ready to edit the sheet from its first row again (a streamed sheet is edited each time it is read). */
  restart(): this {
    this.addedIndex = -1;
    if (this.columns) this.nextWrite = this.columns.headerRow;
    return this;
  }

  /** The text up to and including the sheetData start tag, with the dimension widened. */
  head(head: string): string {
    return this.columns ? widenDimension(head, this.columns, this.prefix) : head;
  }

  /**
   * A row's text as it is written (new rows before it included), from the row as read and its text.
   * `lastColumn` is lastCellColumn of the row's inner XML, when the caller knows it (a writer that made the row).
   */
  row(row: RowText, original: string, lastColumn = lastCellColumn(row.inner, this.prefix)): string {
    // Whatever stood between rows (comments, white space) stays where it was, after the new rows.
    const out = this.rowsBefore(row.index) + row.gap;
    const kind = this.kind(row.index, lastColumn);
    if (kind === "keep") return out + original;
    if (kind === "append") return out + this.startTag(row.name, row.attributes) + row.inner + this.added(row.index) + `</${row.name}>`;
    return out + this.rebuild(row, original);
  }

  /** The run's new rows (rows the sheet lacks) that go before row `index`. */
  rowsBefore(index: number): string {
    let out = "";
    while (this.nextWrite < index && this.nextWrite <= this.lastWrite) out += this.newRow(this.nextWrite++);
    return out;
  }

  /**
   * How row `index` is written, given the column of its last cell as lastCellColumn reads it: as it
   * is ("keep"), with the new cells after its last ("append": cells of a row are in column order, so
   * when the last one is left of every owned column the new cells simply go after it, which is most
   * rows of a large sheet), or rebuilt cell by cell ("rebuild"). Called once per row, in order.
   */
  kind(index: number, lastColumn: number): "keep" | "append" | "rebuild" {
    const written = this.writes(index);
    if (written) this.nextWrite = index + 1;
    if (index < this.firstOwnedRow && !written) return "keep";
    if (lastColumn >= 0 && this.leftOfOwned(index, lastColumn)) return written && this.added(index) ? "append" : "keep";
    return "rebuild";
  }

  /** Whether a cell at `column` of row `index` lies left of every owned area that reaches the row. */
  private leftOfOwned(index: number, column: number): boolean {
    // A loop, not areas.every(...): asked once per row of a million-row sheet.
    for (const area of this.areas) if (column >= area.first && index >= area.headerRow) return false;
    return true;
  }

  /** A row's start tag as an edited row has it: spans is only a hint for the row's extent, and a stale one is worse than none. */
  startTag(name: string, attributes: string): string {
    // Most rows a writer makes carry no spans: no pattern to run then.
    return `<${name}${attributes.includes("spans") ? withAttribute(attributes, "spans", undefined) : attributes}>`;
  }

  /** The new cells of row `index`, in column order ("" for none). */
  added(index: number): string {
    // Asked twice for a row (by kind, then by the writer): made once.
    if (index !== this.addedIndex) {
      this.addedIndex = index;
      this.addedText = this.writtenText(index);
    }
    return this.addedText;
  }

  /** The output cells of a row as one text: what written(index) joins, without a list per row. */
  private writtenText(index: number): string {
    const columns = this.columns;
    if (!columns || !this.writes(index)) return "";
    if (index === columns.headerRow) return this.header.map((cell) => cell.xml).join("");
    const i = index - columns.headerRow - 1;
    const number = String(index + 1);
    let text = "";
    for (let j = 0; j < columns.columns.length; j++) {
      const make = this.valueAt[j];
      const value = (make ? make(i) : columns.columns[j].values[i]) ?? null;
      const style = value !== null && typeof value === "object" ? this.styleOf[j].formula : this.styleOf[j].value;
      const cell = cellXmlAt(columnLetters(columns.firstColumn + j) + number, value, style);
      text += this.prefix ? withPrefix(cell, this.prefix) : cell;
    }
    return text;
  }

  /** A row rebuilt cell by cell: the owned cells dropped, the new ones merged in column order. */
  rebuild(row: RowText, original: string): string {
    const written = this.written(row.index);
    const cells = splitCells(row.inner, row.scope);
    const kept = cells.filter((cell) => !owned(this.areas, row.index, cell.column));
    if (!written && kept.length === cells.length) return original;
    const merged = [...kept.map((cell) => ({ column: cell.column, xml: cell.xml })), ...(written ?? [])].sort((a, b) => a.column - b.column);
    return `${this.startTag(row.name, row.attributes)}${cellsInPlace(merged, row.index)}</${row.name}>`;
  }

  /**
   * What rebuild gives for a tight row (readPlainRowCells' "tight": its cells side by side, each '<c r="', columns
   * ascending) whose owned cells are its last ones, by cutting its text before them: the kept cells are
   * then the text before the cut, all left of every owned area, so rebuild's merge puts them first and
   * the new cells after. Undefined when that does not hold (a user's cell right of an owned one, no owned
   * cell at the end, a row the run writes nothing in): rebuild decides then.
   */
  rebuildTight(index: number, name: string, attributes: string, inner: string): string | undefined {
    if (!this.writes(index)) return undefined;
    let firstOwned = Infinity;
    for (const area of this.areas) if (index >= area.headerRow && area.first < firstOwned) firstOwned = area.first;
    const open = this.prefix ? `<${this.prefix}:c r="` : '<c r="';
    let cutAt = inner.length;
    for (;;) {
      const at = cutAt > 0 ? inner.lastIndexOf(open, cutAt - 1) : -1;
      if (at < 0) break;
      const column = lettersColumn(inner, at + open.length, inner.length);
      if (column < firstOwned) break;
      if (!owned(this.areas, index, column)) return undefined;
      cutAt = at;
    }
    if (cutAt === inner.length) return undefined;
    return `${this.startTag(name, attributes)}${inner.slice(0, cutAt)}${this.added(index)}</${name}>`;
  }

  /** New rows after the last row read, then the text after it with the conditional formats replaced. */
  end(tail: string): string {
    let out = "";
    while (this.nextWrite <= this.lastWrite) out += this.newRow(this.nextWrite++);
    return out + replaceConditionalFormats(tail, this.columns, this.areas, this.dxfIds, this.prefix);
  }

  /** Whether the run writes cells in row `index`. */
  private writes(index: number): boolean {
    return this.columns !== undefined && index >= this.columns.headerRow && index <= this.lastWrite;
  }

  /** The output cells of a row in column order, or undefined when the run writes none there. */
  private written(index: number): { column: number; xml: string }[] | undefined {
    const columns = this.columns;
    if (!columns || !this.writes(index)) return undefined;
    if (index === columns.headerRow) return this.header;
    const i = index - columns.headerRow - 1;
    const number = String(index + 1);
    return columns.columns.map((column, j) => {
      const value = (this.valueAt[j] ? this.valueAt[j]!(i) : column.values[i]) ?? null;
      const style = value !== null && typeof value === "object" ? this.styleOf[j].formula : this.styleOf[j].value;
      const at = columns.firstColumn + j;
      return { column: at, xml: withPrefix(cellXmlAt(columnLetters(at) + number, value, style), this.prefix) };
    });
  }

  private newRow(index: number): string {
    const row = this.prefix ? `${this.prefix}:row` : "row";
    return `<${row} r="${index + 1}">${this.written(index)!.map((cell) => cell.xml).join("")}</${row}>`;
  }
}

/**
 * Cells side by side, in column order, each where it was. A cell without r stands right after the cell
 * before it ([MS-OI29500] Part 1 §18.3.1.4 c, item c; some producers write rows so), so one whose
 * neighbour on the left was dropped (an owned cell cleared) or that now follows another cell is given
 * its r: without it, the analyst's cell would move left onto the cleared ones.
 *
 * @example
 * cellsInPlace([{ column: 0, xml: '<c r="A2"><v>1</v></c>' }, { column: 4, xml: "<c><v>5</v></c>" }], 1)
 * // '<c r="A2"><v>1</v></c><c r="E2"><v>5</v></c>'
 */
function cellsInPlace(cells: { column: number; xml: string }[], rowIndex: number): string {
  let text = "";
  let previous = -1;
  for (const cell of cells) {
    let xml = cell.xml;
    if (cell.column !== previous + 1) {
      // The start tag's name ends at white space, ">" or "/": r goes right after it when the tag has none.
      const nameEnd = xml.search(/[\s>/]/);
      if (referenceColumn(xml.slice(nameEnd, xml.indexOf(">"))) < 0) xml = `${xml.slice(0, nameEnd)} r="${cellAddress(rowIndex, cell.column)}"${xml.slice(nameEnd)}`;
    }
    text += xml;
    previous = cell.column;
  }
  return text;
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
function replaceConditionalFormats(tail: string, columns: OutputColumns | undefined, areas: OwnedColumns[], dxfIds: number[], prefix: string): string {
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
    .map((style, i) => {
      const dxf = dxfIds[i];
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
