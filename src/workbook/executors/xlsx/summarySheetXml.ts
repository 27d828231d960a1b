// An add-in sheet (the tier summary) as a worksheet part: its blocks of cells, column widths and the
// drawing that holds its charts.

import type { CellOut, OutputSheet } from "../../types";
import { columnName, rangeCorners } from "../../reading/address";
import { cellXml, cellXmlAt, columnLetters } from "./cellXml";
import { viewOf } from "../../lazyArray";
import type { ArrayView } from "../../lazyArray";
import { heatMapXml } from "./heatMapXml";
import type { Stylesheet } from "./stylesheet";

/** Every cell the sheet's blocks write, by row then column (a later block wins where blocks overlap). */
function cellMap(sheet: OutputSheet): Map<number, Map<number, { value: CellOut; block: number; column: number }>> {
  const rows = new Map<number, Map<number, { value: CellOut; block: number; column: number }>>();
  sheet.blocks.forEach((block, b) => {
    block.values.forEach((values, i) => {
      const row = block.top + i;
      let cells = rows.get(row);
      if (!cells) rows.set(row, (cells = new Map()));
      values.forEach((value, j) => cells!.set(block.left + j, { value, block: b, column: j }));
    });
  });
  return rows;
}

/**
 * The values the sheet's blocks write in an A1 range, row by row (null where nothing is written);
 * the chart parts cache them.
 *
 * @example
 * // blocks [{ top: 0, left: 0, values: [["A", 3], ["B", 5]] }]
 * // valuesInRange(sheet, "B1:B2") // [3, 5]
 */
export function valuesInRange(sheet: OutputSheet, range: string): CellOut[] {
  const { top, left, bottom, right } = rangeCorners(range.replace(/^.*!/, "").replace(/\$/g, ""));
  const cells = cellMap(sheet);
  const values: CellOut[] = [];
  for (let row = top; row <= bottom; row++) {
    for (let column = left; column <= right; column++) values.push(cells.get(row)?.get(column)?.value ?? null);
  }
  return values;
}

/**
 * The worksheet part of an add-in sheet: cells styled by their block (header, title, number format),
 * column widths and hidden columns, its heat maps as colour-scale conditional formats, and a <drawing> pointing at
 * drawingRelationshipId when the sheet has charts. Throws when a heat map's range is not A1.
 *
 * @example
 * // { name: "Tier summary", blocks: [{ top: 0, left: 0, values: [["Customer tiers"]], look: { bold: true, size: 14 } }],
 * //   columnWidths: [24], charts: [] } -> a worksheet with <col min="1" max="1" width="24" customWidth="1"/>
 * // heatMaps: ["B5:E8"] -> <conditionalFormatting sqref="B5:E8"> after </sheetData>
 */
export function summarySheetXml(sheet: OutputSheet, styles: Stylesheet, drawingRelationshipId?: string): string {
  return [...new SheetXmlWriter(sheet, styles, drawingRelationshipId).chunks()].join("");
}

/** About how many characters of rows one chunk of SheetXmlWriter.chunks holds. */
const CHUNK_CHARS = 64 * 1024;

/**
 * An add-in sheet's worksheet part written in pieces: the text before the rows, the rows a batch at a
 * time, the text after them. summarySheetXml joins them; a sheet too large for one string (a per-owner
 * copy of a million customers) is streamed from them, so both write the same bytes. The constructor
 * walks the cells in the order the rows are written, to ask the stylesheet for each cell's style and to
 * find the extent for <dimension>: the stylesheet is final before any row is written (a streamed sheet
 * is written while the package is saved, after styles.xml), and its styles are numbered as when the
 * sheet is written whole. Rows a block alone writes whose values are a dense view of values only
 * (lazyArray.ts: a split copy's customers) are not walked: their styles come from their first row's
 * columns and their extent from as few rows as it takes (measureRun), and they are made once, as they
 * are written. Rows are made from the blocks as they are reached, never all at once.
 */
export class SheetXmlWriter {
  /** Style per block and column, and per block and column for a formula (which never gets "@"). */
  private readonly valueStyles: (number | undefined)[][];
  private readonly formulaStyles: (number | undefined)[][];
  /** Per block and column, the two pieces of a number cell's text (numberCellPieces). */
  private readonly numberPieces: [string, string][][] = [];
  /** Per block, the lazy view its rows are made by (read directly, not through the array's Proxy), if any. */
  private readonly views: (ArrayView<CellOut[]> | undefined)[];
  private readonly top: number;
  private readonly bottom: number;
  private maxRow = 0;
  private maxColumn = 0;
  /** How many cells the sheet writes (for the caller's choice of streaming it). */
  readonly cellCount: number = 0;

  constructor(
    private readonly sheet: OutputSheet,
    private readonly styles: Stylesheet,
    private readonly drawingRelationshipId?: string,
  ) {
    this.views = sheet.blocks.map((block) => viewOf(block.values));
    this.valueStyles = sheet.blocks.map(() => []);
    this.formulaStyles = sheet.blocks.map(() => []);
    this.top = sheet.blocks.reduce((min, block) => (block.values.length > 0 ? Math.min(min, block.top) : min), Infinity);
    this.bottom = sheet.blocks.reduce((max, block) => Math.max(max, block.top + block.values.length - 1), -1);
    let count = 0;
    const visit = (row: number) => (column: number, value: CellOut, block: number, j: number) => {
      if (this.isWritten(value, this.styleOf(value, block, j))) {
        count++;
        if (row > this.maxRow) this.maxRow = row;
        if (column > this.maxColumn) this.maxColumn = column;
      }
    };
    for (let row = this.top; row <= this.bottom; row++) {
      const run = this.denseRun(row);
      if (run) {
        count += this.measureRun(run.block, row, run.end);
        row = run.end - 1;
      } else this.eachCell(row, visit(row));
    }
    this.cellCount = count;
  }

  /**
   * When row `row` is the first of rows that block b alone writes and its values are a dense view of values
   * only (viewOf: every row `width` items, none a formula), those rows up to `end` (exclusive): their
   * styles and extent are found without making every row (measureRun).
   */
  private denseRun(row: number): { block: number; end: number } | undefined {
    const blocks = this.sheet.blocks;
    let only = -1;
    let end = Infinity;
    for (let b = 0; b < blocks.length; b++) {
      const { top, values } = blocks[b];
      if (values.length === 0) continue;
      if (row >= top && row < top + values.length) {
        if (only >= 0) return undefined;
        only = b;
      } else if (top > row) end = Math.min(end, top);
    }
    if (only < 0) return undefined;
    const view = this.views[only];
    if (!view?.valuesOnly || view.width === undefined) return undefined;
    return { block: only, end: Math.min(end, blocks[only].top + blocks[only].values.length) };
  }

  /**
   * The rows from..end (exclusive) that block `b` alone writes, a dense view of values only: asks the
   * stylesheet for its columns' styles in the order the row-by-row walk would (its first row, by column),
   * widens the extent as the cells written there reach, and returns how many cells they write at most
   * (a blank cell without a style is counted: the count only chooses whether the sheet is streamed).
   * Rows are made only as far as the extent needs: from the end back to the last that writes a cell, and
   * from the start on until the rightmost column with a cell is found (one row for a full table).
   */
  private measureRun(b: number, from: number, end: number): number {
    const block = this.sheet.blocks[b];
    const view = this.views[b]!;
    const width = view.width!;
    if (width === 0) return 0;
    const styles = Array.from({ length: width }, (_, j) => this.styleOf(null, b, j));
    const row = (r: number) => view.make(r - block.top);
    const written = (values: CellOut[], j: number) => this.isWritten(values[j], styles[j]);
    // The rightmost column with a cell: a styled column has one in every row; else the first found.
    let right = -1;
    for (let j = width - 1; j >= 0 && right < 0; j--) if (styles[j] !== 0) right = j;
    for (let r = from; r < end && right < width - 1; r++) {
      const values = row(r);
      for (let j = width - 1; j > right; j--) {
        if (written(values, j)) {
          right = j;
          break;
        }
      }
    }
    if (right < 0) return 0;
    // The last row with a cell: the run's last when a column is styled, else the first found from the end.
    let bottom = end - 1;
    if (styles.every((style) => style === 0)) {
      while (bottom >= from && !row(bottom).some((value) => this.isWritten(value, 0))) bottom--;
    }
    if (bottom > this.maxRow) this.maxRow = bottom;
    if (block.left + right > this.maxColumn) this.maxColumn = block.left + right;
    return (end - from) * width;
  }

  /** The part's text in pieces (each whole rows, or the text before or after them). */
  *chunks(): Generator<string> {
    yield this.head();
    for (const batch of this.rowBatches()) {
      let text = "";
      for (const row of batch) text += `<row r="${row.index + 1}">${row.inner}</row>`;
      yield text;
    }
    yield this.tail();
  }

  /** The text before the rows, up to and including the sheetData start tag. */
  head(): string {
    const sheet = this.sheet;
    // One <col> per column with a width or hidden, ascending as CT_Cols requires.
    const hidden = new Set(sheet.hiddenColumns ?? []);
    const columns = [...new Set([...sheet.columnWidths.keys(), ...hidden])].sort((a, b) => a - b);
    const widths = columns
      .map((i) => {
        const width = sheet.columnWidths[i] ?? 0;
        const attributes = (width > 0 ? ` width="${width}" customWidth="1"` : "") + (hidden.has(i) ? ' hidden="1"' : "");
        return attributes ? `<col min="${i + 1}" max="${i + 1}"${attributes}/>` : "";
      })
      .join("");
    return (
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
      '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ' +
      'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
      `<dimension ref="A1:${columnName(this.maxColumn)}${this.maxRow + 1}"/>` +
      '<sheetViews><sheetView workbookViewId="0"/></sheetViews><sheetFormatPr defaultRowHeight="15"/>' +
      (widths ? `<cols>${widths}</cols>` : "") +
      "<sheetData>"
    );
  }

  /**
   * The rows with cells, in order and in batches of about CHUNK_CHARS characters: each its 0-based
   * index, its cells' XML (the row element is <row r="index + 1">, with no other attribute) and the
   * column of its last cell (what lastCellColumn would read from the XML).
   */
  *rowBatches(): Generator<{ index: number; inner: string; last: number }[]> {
    let batch: { index: number; inner: string; last: number }[] = [];
    let size = 0;
    for (let row = this.top; row <= this.bottom; row++) {
      let inner = "";
      let last = -1;
      const dense = this.denseBlock(row);
      if (dense >= 0) {
        // A dense view's row: its values by column, the row's number written once.
        const block = this.sheet.blocks[dense];
        const view = this.views[dense]!;
        const k = row - block.top;
        // Cell by cell when the view can (numberAt, cellAt), else the row made whole.
        const { numberAt, cellAt } = view;
        const values = numberAt && cellAt ? undefined : view.make(k);
        const width = values ? values.length : view.width!;
        const number = String(row + 1);
        const pieces = (this.numberPieces[dense] ??= []);
        for (let j = 0; j < width; j++) {
          const column = block.left + j;
          const made = values ? values[j] : undefined;
          const x = values ? (typeof made === "number" ? made : NaN) : numberAt!(k, j);
          if (x - x === 0) {
            // A finite number, most cells of a large sheet: cellXmlAt's text from pieces made once per column.
            const [start, middle] = (pieces[j] ??= this.numberCellPieces(dense, column, j));
            inner += start + number + middle + x + "</v></c>";
            last = column;
            continue;
          }
          const value = values ? made! : cellAt!(k, j);
          const cell = cellXmlAt(columnLetters(column) + number, value, this.styleOf(value, dense, j));
          if (!cell) continue;
          inner += cell;
          last = column;
        }
      } else this.eachCell(row, (column, value, block, j) => {
        const cell = cellXml(row, column, value, this.styleOf(value, block, j));
        if (!cell) return;
        inner += cell;
        last = column;
      });
      if (!inner) continue;
      batch.push({ index: row, inner, last });
      size += inner.length;
      if (size >= CHUNK_CHARS) {
        yield batch;
        batch = [];
        size = 0;
      }
    }
    if (batch.length > 0) yield batch;
  }

  /** The text after the rows, from the sheetData end tag on. */
  tail(): string {
    return (
      "</sheetData>" +
      // CT_Worksheet's order: conditionalFormatting after sheetData, before pageMargins and drawing.
      heatMapXml(this.sheet.heatMaps ?? []) +
      '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>' +
      '<pageSetup orientation="landscape"/>' +
      (this.drawingRelationshipId ? `<drawing r:id="${this.drawingRelationshipId}"/>` : "") +
      "</worksheet>"
    );
  }

  /** The block that alone writes row `row` when its rows are a dense view (viewOf, width given), else -1. */
  private denseBlock(row: number): number {
    const blocks = this.sheet.blocks;
    let only = -1;
    for (let b = 0; b < blocks.length; b++) {
      if (row < blocks[b].top || row >= blocks[b].top + blocks[b].values.length) continue;
      if (only >= 0) return -1;
      only = b;
    }
    return only >= 0 && this.views[only]?.width !== undefined ? only : -1;
  }

  /** Whether cellXml writes anything for the value with this style ("" for a blank without a style). */
  private isWritten(value: CellOut, style: number): boolean {
    return !(value === null || value === undefined || value === "") || style !== 0;
  }

  /**
   * For a finite number in block `b`'s column `j` (sheet column `column`): the text before the row
   * number ('<c r="F') and the text between it and the value ('" s="3"><v>'), so that
   * start + row + middle + value + "</v></c>" is what cellXmlAt writes.
   */
  private numberCellPieces(b: number, column: number, j: number): [string, string] {
    const style = this.styleOf(0, b, j);
    return [`<c r="${columnLetters(column)}`, `"${style ? ` s="${style}"` : ""}><v>`];
  }

  /** The cell style of a value of block `b`'s column `j`, asked of the stylesheet once. */
  private styleOf(value: CellOut, b: number, j: number): number {
    // A formula never gets the Text format "@" (Office.js executor's cellFormat keeps the same rule).
    const isFormula = value !== null && typeof value === "object";
    const cache = isFormula ? this.formulaStyles[b] : this.valueStyles[b];
    let style = cache[j];
    if (style === undefined) {
      const spec = this.sheet.blocks[b];
      const numberFormat = spec.numberFormats?.[j] ?? null;
      style = this.styles.cellStyle({ numberFormat: isFormula && numberFormat === "@" ? null : numberFormat, look: spec.look });
      cache[j] = style;
    }
    return style;
  }

  /**
   * Calls `visit` for each cell the blocks write in row `row`, by column (a later block wins where
   * blocks overlap), with the block and the column in it the value comes from.
   */
  private eachCell(row: number, visit: (column: number, value: CellOut, block: number, j: number) => void): void {
    const blocks = this.sheet.blocks;
    let only = -1;
    let several = false;
    for (let b = 0; b < blocks.length; b++) {
      if (row < blocks[b].top || row >= blocks[b].top + blocks[b].values.length) continue;
      if (only >= 0) several = true;
      only = b;
    }
    if (only < 0) return;
    if (!several) {
      // One block: its values are already in column order (the common case, and every row of a large sheet).
      const block = blocks[only];
      const view = this.views[only];
      const values = view ? view.make(row - block.top) : block.values[row - block.top];
      for (let j = 0; j < values.length; j++) if (j in values) visit(block.left + j, values[j], only, j);
      return;
    }
    const cells = new Map<number, { value: CellOut; block: number; column: number }>();
    blocks.forEach((block, b) => {
      if (row < block.top || row >= block.top + block.values.length) return;
      block.values[row - block.top].forEach((value, j) => cells.set(block.left + j, { value, block: b, column: j }));
    });
    for (const column of [...cells.keys()].sort((a, b) => a - b)) {
      const { value, block, column: j } = cells.get(column)!;
      visit(column, value, block, j);
    }
  }
}
