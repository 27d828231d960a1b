// A worksheet part read and rewritten as a stream, for sheets too large to hold as one string (V8
// strings stop at about 512 M characters; a sheet near Excel's last row is about that much XML).
//
// The part is inflated in chunks (JSZip's internal stream) under the same guards as a whole part
// (compression ratio, bytes counted while inflating; rows and columns past Excel's grid are refused by
// the row reader), decoded with a streaming TextDecoder (a UTF-8 sequence may straddle two chunks),
// and cut into windows of whole sheetData children. Each window is tokenized by the same tokenizer
// and row readers as a whole part (xmlTokens.ts, sheetScanner.ts), so both paths read and write alike.
// Written by hand: the cut must fall between two rows, so it needs the tokenizer's own view of the
// text (a "</row>" inside a comment or CDATA section is no row end), which no streaming XML library
// gives with the offsets the writer splices by.

import type JSZip from "jszip";
import type { Box, CellValue } from "../../types";
import { packageError } from "./packageErrors";
import { concatChunks, helperChunks, StreamHelper } from "./zipStream";
import { GRACE_BYTES, MAX_RATIO } from "./packageGuard";
import { findSheetData, lastCellColumn, prefixOf, readRowInto, rowIndex, RowText, scopeFor, sheetDataChild } from "./sheetScanner";
import type { OutputColumnsEdit } from "./outputColumnsXml";
import type { CellSink } from "./sheetScanner";
import { Scope, Token, XmlSyntaxError, XmlTokens } from "./xmlTokens";

/**
 * How many inflated bytes a chunk holds at most (a parameter so that tests can cut anywhere). 64 KiB
 * keeps each window's strings below V8's large-object size (objects over about 128 KB get pages of
 * their own): on a 100,000-row sheet, grading with 1 MiB windows took 1.7 times the CPU of 64 KiB ones.
 */
export const CHUNK_BYTES = 64 * 1024;
/**
 * The most a streamed part may inflate to: four times a full sheet as Excel writes it (1,048,576 rows
 * of a dozen numbers is about 500 MB), so that only a bomb stops here; the ratio guard comes first.
 */
export const MAX_STREAMED_PART_BYTES = 4 * 1024 * 1024 * 1024;

/** The sizes the zip's central directory declares for an entry (JSZip keeps them on `_data`). */
export function declaredSizes(file: JSZip.JSZipObject): { compressed: number; uncompressed: number } | undefined {
  const data = (file as unknown as { _data?: { compressedSize?: number; uncompressedSize?: number } })._data;
  return data && typeof data.compressedSize === "number" && typeof data.uncompressedSize === "number"
    ? { compressed: data.compressedSize, uncompressed: data.uncompressedSize }
    : undefined;
}

/**
 * A part's inflated bytes in chunks of at most `chunkBytes`, refused (packageError "too-large") as
 * soon as the bytes inflated so far pass MAX_RATIO times the compressed size (beyond GRACE_BYTES) or
 * MAX_STREAMED_PART_BYTES, whatever the central directory declares.
 */
export async function* partChunks(file: JSZip.JSZipObject, chunkBytes = CHUNK_BYTES): AsyncGenerator<Uint8Array> {
  const sizes = declaredSizes(file);
  const limit = Math.min(MAX_STREAMED_PART_BYTES, sizes ? Math.max(GRACE_BYTES, sizes.compressed * MAX_RATIO) : MAX_STREAMED_PART_BYTES);
  const tooLarge = (size: number) =>
    packageError("too-large", {
      what: `the part ${file.name} (${size.toLocaleString("en-US")} bytes or more inflated${sizes ? ` from ${sizes.compressed.toLocaleString("en-US")} compressed` : ""})`,
      limit: size > MAX_STREAMED_PART_BYTES ? `${MAX_STREAMED_PART_BYTES.toLocaleString("en-US")} bytes` : `${MAX_RATIO} times its compressed size`,
    });
  if (sizes && sizes.uncompressed > limit) throw tooLarge(sizes.uncompressed);
  let total = 0;
  const stream = (file as unknown as { internalStream(type: "uint8array"): StreamHelper }).internalStream("uint8array");
  // JSZip inflates about 16 KB of compressed bytes a tick; its pieces are gathered into chunks of
  // chunkBytes, so that the reader walks few, large windows.
  let pending: Uint8Array[] = [];
  let pendingBytes = 0;
  const gathered = function* (): Generator<Uint8Array> {
    const all = pending.length === 1 ? pending[0] : concatChunks(pending, pendingBytes);
    pending = [];
    pendingBytes = 0;
    for (let at = 0; at < all.length; at += chunkBytes) yield all.length <= chunkBytes ? all : all.subarray(at, at + chunkBytes);
  };
  for await (const chunk of helperChunks(stream, (c) => {
    total += c.length;
    if (total > limit) throw tooLarge(total);
  })) {
    pending.push(chunk);
    pendingBytes += chunk.length;
    if (pendingBytes >= chunkBytes) yield* gathered();
  }
  if (pendingBytes > 0) yield* gathered();
}

/**
 * Bytes as text: UTF-8, or UTF-16 with a byte-order mark (as XML allows), decoded as a stream. With
 * `seen`, `seen.ascii` ends true only when every byte was ASCII, so that each text offset is the same
 * byte offset (spliceSheetBytes edits the bytes then): a chunk decodes to as many UTF-16 units as it has
 * bytes, with no U+FFFD, only when it is all ASCII (a character of 2 to 4 bytes, or one cut by the chunk's
 * end, gives fewer units than bytes in its first chunk; an invalid byte gives U+FFFD).
 */
export async function* textChunks(bytes: AsyncIterable<Uint8Array>, seen?: { ascii: boolean }): AsyncGenerator<string> {
  let decoder: { decode(input?: Uint8Array, options?: { stream?: boolean }): string } | undefined;
  let start: Uint8Array | undefined;
  if (seen) seen.ascii = true;
  const check = (chunk: Uint8Array, text: string) => {
    if (seen?.ascii && (text.length !== chunk.length || text.includes("\uFFFD"))) seen.ascii = false;
  };
  for await (const chunk of bytes) {
    if (!decoder) {
      // The byte-order mark decides the encoding; it may itself straddle two tiny chunks.
      const head: Uint8Array = start ? concat(start, chunk) : chunk;
      if (head.length < 2) {
        start = head;
        continue;
      }
      start = undefined;
      const utf16 = (head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff);
      if (utf16 && seen) seen.ascii = false;
      decoder = new TextDecoder(!utf16 ? "utf-8" : head[0] === 0xff ? "utf-16le" : "utf-16be");
      const text = decoder.decode(head, { stream: true });
      check(head, text);
      if (text) yield text;
      continue;
    }
    const text = decoder.decode(chunk, { stream: true });
    check(chunk, text);
    if (text) yield text;
  }
  if (!decoder && start) decoder = new TextDecoder("utf-8");
  const last = start ?? new Uint8Array(0);
  const rest = decoder ? decoder.decode(last) : "";
  check(last, rest);
  if (rest) yield rest;
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const all = new Uint8Array(a.length + b.length);
  all.set(a);
  all.set(b, a.length);
  return all;
}

/** What a streamed sheet yields, in order: its head once, rows in batches, its tail once. */
export type SheetEvent<R> =
  | { kind: "head"; head: string; prefix: string }
  | { kind: "rows"; rows: { row: R; gap: string }[] }
  | { kind: "tail"; tail: string };

/** An error the tokenizer throws only when the text stops inside a token or an element (XmlSyntaxError.cut). */
function isTruncation(error: unknown): boolean {
  return error instanceof XmlSyntaxError && error.cut;
}

/** A syntax error found in a window that starts `base` characters into the part, placed in the part's text (as the whole read places it). */
function inPartText(error: unknown, base: number): unknown {
  return error instanceof XmlSyntaxError ? error.shifted(base) : error;
}

/**
 * Walks a worksheet's text given in pieces: the head (everything up to and including the sheetData
 * start tag; a self-closing one opened), then each row read by `readRow` (the tokens on the row's
 * start tag, its 0-based index; it must move past the row's end) with the text between it and the
 * row before (`gap`), then the tail (everything after the last row). The concatenation of head, gaps,
 * rows and tail is the part's text, as splitSheet gives it. A window of text is read only up to its
 * last whole child of sheetData; the rest waits for the next piece. Yields nothing when the part has
 * no sheetData.
 */
export async function* walkSheet<R>(
  texts: AsyncIterable<string>,
  /** `base`: where the window starts in the part's text (offset 0 of `window` is `base` there; may be negative, the repeated sheetData tag). */
  readRow: (tokens: XmlTokens, index: number, window: string, base: number) => R,
  options: {
    /** Called around each child of sheetData: what readRow did for a child cut by the window's end is taken back, since it is read again. */
    transaction?: { mark(): void; rollback(): void };
    /** false: no "rows" events (the caller keeps what readRow gives it), so no object or gap text is made per row. */
    rowEvents?: boolean;
  } = {},
): AsyncGenerator<SheetEvent<R>> {
  const { transaction, rowEvents = true } = options;
  // The rows of one child of sheetData (a row, or those of an mc:AlternateContent), reused child after child.
  const foundRows: R[] = [];
  const foundStart: number[] = [];
  const foundEnd: number[] = [];
  let buffer = "";
  /** Where `buffer` starts in the part's text (UTF-16 code units). */
  let bufferStart = 0;
  let phase: "head" | "rows" | "tail" = "head";
  let openTag = "";
  let scope: Scope | undefined;
  let carry = "";
  let previous = -1;
  let tail = "";
  let rowEnd = "</row>";
  const pieces = texts[Symbol.asyncIterator]();
  for (let final = false; !final; ) {
    const piece = await pieces.next();
    if (piece.done) final = true;
    else if (phase === "tail") {
      tail += piece.value;
      continue;
    } else buffer += piece.value;

    if (phase === "head") {
      const tokens = new XmlTokens(buffer, scopeFor(buffer));
      let found: boolean;
      try {
        found = findSheetData(tokens);
      } catch (error) {
        if (isTruncation(error) && !final) continue;
        throw error;
      }
      if (!found) {
        if (final) return;
        continue;
      }
      const prefix = prefixOf(tokens.name);
      scope = tokens.bindings;
      rowEnd = `</${prefix ? `${prefix}:` : ""}row>`;
      if (tokens.selfClosing) {
        const open = buffer.slice(tokens.start, tokens.end - 2).replace(/\s+$/, "");
        yield { kind: "head", head: `${buffer.slice(0, tokens.start)}${open}>`, prefix };
        tail = `</${tokens.name}>${buffer.slice(tokens.end)}`;
        buffer = "";
        phase = "tail";
        continue;
      }
      yield { kind: "head", head: buffer.slice(0, tokens.end), prefix };
      openTag = buffer.slice(tokens.start, tokens.end);
      buffer = buffer.slice(tokens.end);
      bufferStart = tokens.end;
      phase = "rows";
    }
    if (phase !== "rows") continue;

    // The window is the sheetData start tag again, then the text not yet read: the tokens see the
    // rows inside their container, with its namespace bindings, and notice its end tag.
    const window = openTag + buffer;
    const base = bufferStart - openTag.length;
    // Read only up to the last row end tag of a window without comments, CDATA or processing
    // instructions: the row after it is cut by the window's end, and stopping before it costs nothing,
    // where reading into it costs the thrown error that finds the cut (a tenth of a second a 1,000 windows).
    let to = window.length;
    if (!final && window.indexOf("<!") < 0 && window.indexOf("<?") < 0) {
      const last = window.lastIndexOf(rowEnd);
      if (last > 0) to = last + rowEnd.length;
    }
    const tokens = new XmlTokens(window, scope, 0, to);
    tokens.next();
    const rows: { row: R; gap: string }[] = [];
    let gapStart = openTag.length;
    let committed = openTag.length;
    let closed = false;
    for (;;) {
      let kind: Token;
      try {
        kind = tokens.next();
      } catch (error) {
        if (isTruncation(error) && !final) break;
        throw inPartText(error, base);
      }
      if (kind === Token.End) {
        if (final) throw new XmlSyntaxError("The sheetData element is not closed", base + window.length);
        break;
      }
      if (kind === Token.Close) {
        closed = true;
        break;
      }
      if (kind !== Token.Open) continue;
      // One child of sheetData: its rows count only once its end is in the window.
      foundRows.length = 0;
      foundStart.length = 0;
      foundEnd.length = 0;
      let index = previous;
      let whole = true;
      transaction?.mark();
      try {
        sheetDataChild(tokens, (t) => {
          const start = t.start;
          index = rowIndex(t, index);
          foundRows.push(readRow(t, index, window, base));
          foundStart.push(start);
          foundEnd.push(t.end);
        });
        if (tokens.kind === Token.End) whole = false;
      } catch (error) {
        if (!(isTruncation(error) && !final)) throw inPartText(error, base);
        whole = false;
      }
      if (!whole) {
        if (final) throw new XmlSyntaxError("A row is not closed", base + tokens.start);
        transaction?.rollback();
        break;
      }
      for (let i = 0; i < foundRows.length; i++) {
        if (rowEvents) rows.push({ row: foundRows[i], gap: carry + window.slice(gapStart, foundStart[i]) });
        carry = "";
        gapStart = foundEnd[i];
      }
      previous = index;
      committed = tokens.end;
    }
    if (rows.length > 0) yield { kind: "rows", rows };
    if (closed) {
      tail = carry + window.slice(gapStart);
      carry = "";
      buffer = "";
      phase = "tail";
    } else {
      carry += window.slice(gapStart, committed);
      buffer = window.slice(committed);
      bufferStart = base + committed;
    }
  }
  if (phase === "tail") yield { kind: "tail", tail };
}

/** Cells a CellStore page holds: pages are added as the sheet is read, never copied into larger ones. */
const PAGE_BITS = 18;
const PAGE_CELLS = 1 << PAGE_BITS;
const PAGE_MASK = PAGE_CELLS - 1;

/**
 * A sheet's cells with values, held in typed arrays (a column and a number per cell; other values,
 * texts mostly, in a list): a million rows of a dozen numbers take about 200 MB this way, several
 * times less than an object per cell. Cells live in fixed pages of 2^18, so a growing sheet never
 * copies what it holds (copying doubled arrays took over a second at a million rows). A row is added
 * cell by cell between beginRow and endRow (numbers apart, so that no number is boxed), and what was
 * added since a mark can be taken back (a row the streaming reader must read again).
 */
export class CellStore implements CellSink {
  /** Where the rows lie in the sheet's text, when it was read as a stream (readSheetStream). */
  layout?: RowLayout;
  private rowIndex = new Int32Array(1024);
  private rowStart = new Int32Array(1025);
  private readonly columns: Uint16Array[] = [];
  private readonly numbers: Float64Array[] = [];
  /** Per cell, -1 for a number, else the index of its value in `others`. */
  private readonly otherIndex: Int32Array[] = [];
  private readonly others: CellValue[] = [];
  private rowCount = 0;
  private cellCount = 0;
  private rowOpen = -1;
  private rowOthers = 0;
  private markedRows = 0;
  private markedCells = 0;
  private markedOthers = 0;
  private top = Infinity;
  private left = Infinity;
  private bottom = -1;
  private right = -1;

  /** Adds a row's cells, given as column/value pairs in a flat list; a row without values is not kept. */
  add(index: number, cells: (number | CellValue)[]): void {
    this.beginRow(index);
    for (let i = 0; i < cells.length; i += 2) {
      const value = cells[i + 1] as CellValue;
      if (typeof value === "number") this.number(cells[i] as number, value);
      else this.other(cells[i] as number, value);
    }
    this.endRow();
  }

  /** Starts the row `index` (0-based); its cells follow, then endRow. */
  beginRow(index: number): void {
    this.rowOpen = index;
    if (this.rowCount + 1 >= this.rowIndex.length) {
      this.rowIndex = grow(this.rowIndex, this.rowIndex.length * 2);
      this.rowStart = grow(this.rowStart, this.rowIndex.length + 1);
    }
    this.rowStart[this.rowCount] = this.cellCount;
    this.rowOthers = this.others.length;
  }

  number(column: number, value: number): void {
    const at = this.place(column);
    this.numbers[at >>> PAGE_BITS][at & PAGE_MASK] = value;
    this.otherIndex[at >>> PAGE_BITS][at & PAGE_MASK] = -1;
  }

  other(column: number, value: CellValue): void {
    const at = this.place(column);
    this.otherIndex[at >>> PAGE_BITS][at & PAGE_MASK] = this.others.length;
    this.others.push(value);
  }

  /** Ends the row begun last; a row without cells is not kept. */
  endRow(): void {
    const index = this.rowOpen;
    this.rowOpen = -1;
    if (this.cellCount === this.rowStart[this.rowCount]) return;
    this.rowIndex[this.rowCount] = index;
    this.rowCount++;
    this.rowStart[this.rowCount] = this.cellCount;
    if (index < this.top) this.top = index;
    if (index > this.bottom) this.bottom = index;
  }

  /** Drops the cells of the row begun last (it ends unkept). */
  cancelRow(): void {
    this.restartRow();
    this.rowOpen = -1;
  }

  /** Drops the cells added to the row begun last, which stays open. */
  restartRow(): void {
    this.cellCount = this.rowStart[this.rowCount];
    this.others.length = this.rowOthers;
  }

  /** Notes where the store (and its layout) stands, for rollback. */
  mark(): void {
    this.layout?.mark();
    this.markedRows = this.rowCount;
    this.markedCells = this.cellCount;
    this.markedOthers = this.others.length;
  }

  /**
   * Takes back every row added since the last mark. The box the cells span may stay wider than the
   * cells left (it only ever grows), which is why the streaming reader takes back only rows it then reads again.
   */
  rollback(): void {
    this.layout?.rollback();
    this.rowCount = this.markedRows;
    this.cellCount = this.markedCells;
    this.others.length = this.markedOthers;
    this.rowStart[this.rowCount] = this.cellCount;
  }

  /** How many cells with values the store holds. */
  get size(): number {
    return this.cellCount;
  }

  /** The box the cells with values span, or null for none. */
  get used(): Box | null {
    return this.bottom < 0 ? null : { top: this.top, left: this.left, rows: this.bottom - this.top + 1, columns: this.right - this.left + 1 };
  }

  /** Writes the values inside `box` into `grid` (rows and columns relative to the box). */
  fill(box: Box, grid: CellValue[][]): void {
    for (let r = 0; r < this.rowCount; r++) {
      const index = this.rowIndex[r];
      if (index < box.top || index >= box.top + box.rows) continue;
      const target = grid[index - box.top];
      for (let at = this.rowStart[r]; at < this.rowStart[r + 1]; at++) {
        const page = at >>> PAGE_BITS;
        const slot = at & PAGE_MASK;
        const column = this.columns[page][slot] - box.left;
        if (column < 0 || column >= box.columns) continue;
        const other = this.otherIndex[page][slot];
        target[column] = other < 0 ? this.numbers[page][slot] : this.others[other];
      }
    }
  }

  private place(column: number): number {
    const at = this.cellCount++;
    const page = at >>> PAGE_BITS;
    if (page === this.columns.length) {
      this.columns.push(new Uint16Array(PAGE_CELLS));
      this.numbers.push(new Float64Array(PAGE_CELLS));
      this.otherIndex.push(new Int32Array(PAGE_CELLS));
    }
    this.columns[page][at & PAGE_MASK] = column;
    if (column < this.left) this.left = column;
    if (column > this.right) this.right = column;
    return at;
  }

}

function grow<T extends Int32Array | Float64Array | Uint8Array>(array: T, size: number): T {
  const next = new (array.constructor as new (size: number) => T)(size);
  next.set(array);
  return next;
}

/**
 * Every cell with a value of a streamed worksheet, in one pass; a sheet without sheetData has none.
 * Rows in windows without comments, CDATA or processing instructions (what producers write) are read
 * by readPlainRowCells, any other row by the tokenizer's readRowCells: the same values either way.
 */
export async function readSheetStream(texts: AsyncIterable<string>, strings: string[]): Promise<CellStore> {
  const store = new CellStore();
  const layout = new RowLayout();
  store.layout = layout;
  let plainWindow = "";
  let plain = false;
  let prefix = "";
  const readRow = (t: XmlTokens, index: number, window: string, base: number): void => {
    const rowStart = t.start;
    const tagEnd = t.end;
    // The layout holds rows that are children of sheetData itself, declare no namespace and lie in
    // text without comments, CDATA or processing instructions: any other sheet is edited by walking it.
    if (layout.rowName === "") {
      layout.rowName = t.name;
      layout.scope = t.bindings;
    }
    if (t.depth !== 2 || t.name !== layout.rowName || t.attributeText.includes("xmlns")) layout.valid = false;
    if (t.selfClosing) {
      t.next();
      layout.add(index, base + rowStart, base + tagEnd, -1, base + t.end, -1);
      return;
    }
    store.beginRow(index);
    if (window !== plainWindow) {
      plainWindow = window;
      plain = window.indexOf("<!") < 0 && window.indexOf("<?") < 0;
      if (!plain) layout.valid = false;
    }
    let tight: boolean;
    try {
      tight = readRowInto(t, window, plain, strings, store);
    } catch (error) {
      store.cancelRow();
      throw error;
    }
    store.endRow();
    // After readRowInto on plain text the tokens stand on the row's end tag.
    if (plain) layout.add(index, base + rowStart, base + tagEnd, base + t.start, base + t.end, lastCellColumn(window.slice(tagEnd, t.start), prefix), tight);
  };
  // A sheetData child cut by the window's end is read again with the next window: what it added is taken back.
  for await (const event of walkSheet(texts, readRow, { transaction: store, rowEvents: false })) {
    if (event.kind === "head") {
      prefix = event.prefix;
      layout.headEnd = event.head.length;
    }
  }
  if (layout.count === 0) layout.valid = false;
  return store;
}

/**
 * Where each row of a streamed sheet lies in the part's text (offsets in UTF-16 code units from the
 * part's start), recorded while its cells are read, so that the output columns can be written into it
 * by copying text and splicing at these offsets (spliceSheetStream) instead of walking every row a
 * second time. `valid` is false for a sheet the layout cannot describe (rows in mc:AlternateContent,
 * comments or CDATA among the rows, a row declaring a namespace, no rows): such a sheet is walked.
 */
export class RowLayout {
  valid = true;
  /**
   * Whether every byte of the part was ASCII when it was read (textChunks' `seen`), so that the offsets
   * here are byte offsets too and the rewrite may splice the bytes (spliceSheetBytes). Set by the caller
   * that decoded the part.
   */
  ascii = false;
  /** The end of sheetData's start tag: the head is the text before it. */
  headEnd = -1;
  count = 0;
  index: Int32Array = new Int32Array(1024);
  start: Float64Array = new Float64Array(1024);
  /** The end of the row's start tag. */
  tagEnd: Float64Array = new Float64Array(1024);
  /** The start of the row's end tag; -1 for a self-closing row. */
  closeStart: Float64Array = new Float64Array(1024);
  end: Float64Array = new Float64Array(1024);
  /** lastCellColumn of the row's inner XML; -1 for none (or a self-closing row). */
  lastColumn: Int32Array = new Int32Array(1024);
  /** 1 for a row readPlainRowCells found tight (its cells side by side, each '<c r="', ascending), else 0. */
  tight: Uint8Array = new Uint8Array(1024);
  /** The rows' qualified name ("row", "x:row") and namespace bindings: those of the first row, which every other row shares. */
  rowName = "";
  scope: Scope = {};
  private markedCount = 0;

  add(index: number, start: number, tagEnd: number, closeStart: number, end: number, lastColumn: number, tight = false): void {
    if (!this.valid) return;
    if (this.count === this.index.length) {
      const size = this.count * 2;
      this.index = grow(this.index, size);
      this.start = grow(this.start, size);
      this.tagEnd = grow(this.tagEnd, size);
      this.closeStart = grow(this.closeStart, size);
      this.end = grow(this.end, size);
      this.lastColumn = grow(this.lastColumn, size);
      this.tight = grow(this.tight, size);
    }
    const i = this.count++;
    this.index[i] = index;
    this.start[i] = start;
    this.tagEnd[i] = tagEnd;
    this.closeStart[i] = closeStart;
    this.end[i] = end;
    this.lastColumn[i] = lastColumn;
    this.tight[i] = tight ? 1 : 0;
  }

  mark(): void {
    this.markedCount = this.count;
  }

  rollback(): void {
    this.count = this.markedCount;
  }
}

/**
 * The rewritten text of a streamed sheet as UTF-8 chunks, from its text (read again) and the layout
 * recorded when it was first read: the same bytes as editSheetStream with the same edit, made by
 * copying the text between the rows the edit changes. Rows it keeps are never looked at; a row it
 * appends to gets a new start tag, its inner text and the new cells; a row it rebuilds is tokenized
 * alone, as editSheetStream would have read it.
 */
export async function* spliceSheetStream(texts: AsyncIterable<string>, layout: RowLayout, edit: OutputColumnsEdit): AsyncGenerator<Uint8Array> {
  const encoder = new TextEncoder();
  const source = texts[Symbol.asyncIterator]();
  // The text read but not yet passed on: `buffer`, from offset `at` of the part's text.
  let buffer = "";
  let at = 0;
  const out: string[] = [];
  let outLength = 0;
  const emit = (text: string) => {
    out.push(text);
    outLength += text.length;
  };
  const flush = function* (): Generator<Uint8Array> {
    if (outLength === 0) return;
    const text = out.join("");
    out.length = 0;
    outLength = 0;
    yield encoder.encode(text);
  };
  /** Reads on until the text up to offset `to` is in the buffer. */
  const fill = async (to: number): Promise<void> => {
    while (at + buffer.length < to) {
      const piece = await source.next();
      if (piece.done) throw new Error("The worksheet is shorter than when it was read");
      buffer += piece.value;
    }
  };
  /**
   * The text from the current offset to `to` (which fill has brought in), consumed. Not async: a row is
   * read in once and then cut four times, and an await per cut cost a million-row sheet four million turns.
   */
  const cut = (to: number): string => {
    const text = buffer.slice(0, to - at);
    buffer = buffer.slice(to - at);
    at = to;
    return text;
  };
  const take = async (to: number): Promise<string> => {
    if (at + buffer.length < to) await fill(to);
    return cut(to);
  };

  /** A row the edit appends to or rebuilds, tokenized alone as editSheetStream would have read it. */
  const tokenized = (original: string, index: number, kind: "append" | "rebuild"): string => {
    const tokens = new XmlTokens(original, layout.scope);
    tokens.next();
    const row = rowText(tokens, index, original).text;
    return kind === "append" ? edit.startTag(row.name, row.attributes) + row.inner + edit.added(index) + `</${row.name}>` : edit.rebuild(row, original);
  };

  emit(edit.head(await take(layout.headEnd)));
  let previousEnd = layout.headEnd;
  for (let i = 0; i < layout.count; i++) {
    const index = layout.index[i];
    const before = edit.rowsBefore(index);
    if (before) {
      // New rows go after the previous row, before whatever stands between it and this one.
      emit(await take(previousEnd));
      emit(before);
    }
    const end = layout.end[i];
    const kind = edit.kind(index, layout.lastColumn[i]);
    if (kind !== "keep") {
      if (at + buffer.length < end) await fill(end);
      emit(cut(layout.start[i]));
      const closeStart = layout.closeStart[i];
      if (kind === "append" && closeStart >= 0) {
        // What rowText would give as the row's name and attributes, read off its start tag.
        const tag = cut(layout.tagEnd[i]);
        const name = layout.rowName;
        emit(edit.startTag(name, tag.slice(1 + name.length, tag.length - 1)));
        emit(cut(closeStart));
        emit(edit.added(index));
        emit(`</${name}>`);
        cut(end);
      } else if (kind === "rebuild" && closeStart >= 0 && layout.tight[i] === 1) {
        // A tight row (a graded sheet graded again: its last cells are the owned ones) is cut, not split.
        const tag = cut(layout.tagEnd[i]);
        const name = layout.rowName;
        const inner = cut(closeStart);
        const close = cut(end);
        emit(edit.rebuildTight(index, name, tag.slice(1 + name.length, tag.length - 1), inner) ?? tokenized(tag + inner + close, index, kind));
      } else emit(tokenized(cut(end), index, kind));
    } else if (end - at >= OUT_CHARS) {
      // Rows kept as they are pass on in pieces, never gathered whole.
      emit(await take(end));
    }
    previousEnd = end;
    if (outLength >= OUT_CHARS) yield* flush();
  }
  emit(await take(previousEnd));
  // The text after the last row (the end of sheetData and what follows it: small), whole for the tail's edit.
  const rest = [buffer];
  for (let piece = await source.next(); !piece.done; piece = await source.next()) rest.push(piece.value);
  emit(edit.end(rest.join("")));
  yield* flush();
}

/** Characters gathered before the splicer encodes and yields them. */
const OUT_CHARS = 1 << 16;

/** Bytes the byte splicer gathers before it yields them. */
const OUT_BYTES = 1 << 16;

/**
 * spliceSheetStream on the part's bytes, for a part whose every byte is ASCII (layout.ascii: each text
 * offset the layout holds is then the same byte offset): the same bytes out, but the text between the
 * rows the edit changes is copied as bytes, never decoded into strings and encoded again (for a
 * million-row sheet, about a tenth of grading's time went to that). Only the text the edit reads (the
 * head, the start tags of rows it appends to, rows it rebuilds, the tail) is made a string, and only
 * what the edit writes is encoded. Written by hand: the copy must cut at the layout's offsets.
 */
export async function* spliceSheetBytes(chunks: AsyncIterable<Uint8Array>, layout: RowLayout, edit: OutputColumnsEdit): AsyncGenerator<Uint8Array> {
  const encoder = new TextEncoder();
  const source = chunks[Symbol.asyncIterator]();
  // The bytes read but not yet passed on: `pending` (the first from `skip` on), starting at offset `at` of the part.
  const pending: Uint8Array[] = [];
  let skip = 0;
  let at = 0;
  let available = 0;
  let out = new Uint8Array(OUT_BYTES);
  let used = 0;
  const ready: Uint8Array[] = [];
  const pass = () => {
    if (used > 0) ready.push(out.subarray(0, used));
    out = new Uint8Array(OUT_BYTES);
    used = 0;
  };
  const put = (bytes: Uint8Array) => {
    if (bytes.length > out.length - used) {
      pass();
      if (bytes.length >= OUT_BYTES) {
        ready.push(bytes.slice());
        return;
      }
    }
    out.set(bytes, used);
    used += bytes.length;
  };
  const write = (text: string) => {
    if (text.length === 0) return;
    // At most 3 bytes a UTF-16 unit: encoded in place when that fits, else on its own.
    if (text.length * 3 > out.length - used) {
      put(encoder.encode(text));
      return;
    }
    used += encoder.encodeInto(text, out.subarray(used)).written;
  };
  /** Reads on until the bytes up to offset `to` are in. */
  const fill = async (to: number): Promise<void> => {
    while (at + available < to) {
      const piece = await source.next();
      if (piece.done) throw new Error("The worksheet is shorter than when it was read");
      pending.push(piece.value);
      available += piece.value.length;
    }
  };
  /** Passes the bytes from the current offset to `to` (read in) on to the output (`copy`) or drops them. */
  const consume = (to: number, copy: boolean) => {
    let left = to - at;
    while (left > 0) {
      const first = pending[0];
      const take = Math.min(left, first.length - skip);
      if (copy) put(first.subarray(skip, skip + take));
      skip += take;
      left -= take;
      if (skip === first.length) {
        pending.shift();
        skip = 0;
      }
    }
    available -= to - at;
    at = to;
  };
  /** The bytes from the current offset to `to` (read in) as text, consumed: ASCII, so one unit a byte. */
  const text = (to: number): string => {
    let result = "";
    let left = to - at;
    for (let k = 0; left > 0; k++) {
      const piece = pending[k];
      const from = k === 0 ? skip : 0;
      const take = Math.min(left, piece.length - from);
      result += latin1(piece.subarray(from, from + take));
      left -= take;
    }
    consume(to, false);
    return result;
  };
  const copyTo = async (to: number) => {
    if (at + available < to) await fill(to);
    consume(to, true);
  };
  const tokenized = (original: string, index: number, kind: "append" | "rebuild"): string => {
    const tokens = new XmlTokens(original, layout.scope);
    tokens.next();
    const row = rowText(tokens, index, original).text;
    return kind === "append" ? edit.startTag(row.name, row.attributes) + row.inner + edit.added(index) + `</${row.name}>` : edit.rebuild(row, original);
  };

  await fill(layout.headEnd);
  write(edit.head(text(layout.headEnd)));
  let previousEnd = layout.headEnd;
  for (let i = 0; i < layout.count; i++) {
    const index = layout.index[i];
    const before = edit.rowsBefore(index);
    if (before) {
      await copyTo(previousEnd);
      write(before);
    }
    const end = layout.end[i];
    const kind = edit.kind(index, layout.lastColumn[i]);
    if (kind !== "keep") {
      await copyTo(layout.start[i]);
      if (at + available < end) await fill(end);
      const closeStart = layout.closeStart[i];
      const name = layout.rowName;
      if (kind === "append" && closeStart >= 0) {
        const tag = text(layout.tagEnd[i]);
        write(edit.startTag(name, tag.slice(1 + name.length, tag.length - 1)));
        consume(closeStart, true);
        write(edit.added(index));
        write(`</${name}>`);
        consume(end, false);
      } else if (kind === "rebuild" && closeStart >= 0 && layout.tight[i] === 1) {
        const tag = text(layout.tagEnd[i]);
        const inner = text(closeStart);
        const close = text(end);
        write(edit.rebuildTight(index, name, tag.slice(1 + name.length, tag.length - 1), inner) ?? tokenized(tag + inner + close, index, kind));
      } else write(tokenized(text(end), index, kind));
    } else if (end - at >= OUT_BYTES) await copyTo(end);
    previousEnd = end;
    if (ready.length > 0) yield* ready.splice(0);
  }
  await copyTo(previousEnd);
  // The bytes after the last row (the end of sheetData and what follows it: small), whole for the tail's edit.
  for (let piece = await source.next(); !piece.done; piece = await source.next()) {
    pending.push(piece.value);
    available += piece.value.length;
  }
  write(edit.end(text(at + available)));
  pass();
  yield* ready.splice(0);
}

/** ASCII bytes as a string (one unit a byte), in slices small enough for fromCharCode's arguments. */
function latin1(bytes: Uint8Array): string {
  let result = "";
  for (let from = 0; from < bytes.length; from += 8192) result += String.fromCharCode.apply(null, bytes.subarray(from, from + 8192) as unknown as number[]);
  return result;
}

/** A row of a streamed sheet as splitSheet gives it, with its whole text. */
export interface StreamedRow {
  text: RowText;
  original: string;
}

let lastWindow = "";
let lastPlain = false;

/** Reads one row as splitSheet does (offsets relative to the window), moving past its end. */
export function rowText(t: XmlTokens, index: number, window: string): StreamedRow {
  // As in splitSheet: without comments, CDATA or processing instructions a row ends at its first end
  // tag, found by indexOf instead of tokenizing every cell.
  if (window !== lastWindow) {
    lastWindow = window;
    lastPlain = window.indexOf("<!") < 0 && window.indexOf("<?") < 0;
  }
  const start = t.start;
  const name = t.name;
  const attributes = t.attributeText;
  const scope = t.bindings;
  const innerStart = t.end;
  const selfClosing = t.selfClosing;
  const end = selfClosing ? (t.next(), t.end) : lastPlain ? t.skipPlainElement() : t.skipElement();
  const inner = selfClosing ? "" : window.slice(innerStart, window.lastIndexOf("<", end - 1));
  return { text: { index, attributes, inner, start, end, name, scope, gap: "" }, original: window.slice(start, end) };
}

/**
 * The prefix of a streamed sheet's SpreadsheetML and its row `index` as read (undefined when the sheet
 * has no such row), reading only as far as that row.
 */
export async function findRow(texts: AsyncIterable<string>, index: number): Promise<{ prefix: string; row?: RowText } | undefined> {
  let prefix: string | undefined;
  for await (const event of walkSheet(texts, rowText)) {
    if (event.kind === "head") prefix = event.prefix;
    if (event.kind !== "rows") continue;
    const match = event.rows.find(({ row }) => row.text.index === index);
    if (match) return { prefix: prefix ?? "", row: match.row.text };
    if (event.rows.some(({ row }) => row.text.index > index)) break;
  }
  return prefix === undefined ? undefined : { prefix };
}

/** The rewritten text of a streamed sheet as UTF-8 chunks: `edit` turns head, each row and tail into text. */
export async function* editSheetStream(
  texts: AsyncIterable<string>,
  edit: { head(head: string): string; row(row: RowText, original: string): string; end(tail: string): string },
): AsyncGenerator<Uint8Array> {
  const encoder = new TextEncoder();
  let headed = false;
  for await (const event of walkSheet(texts, rowText)) {
    if (event.kind === "head") {
      headed = true;
      yield encoder.encode(edit.head(event.head));
    } else if (event.kind === "rows") {
      const out: string[] = [];
      for (const { row, gap } of event.rows) {
        row.text.gap = gap;
        out.push(edit.row(row.text, row.original));
      }
      yield encoder.encode(out.join(""));
    } else yield encoder.encode(edit.end(event.tail));
  }
  if (!headed) throw new XmlSyntaxError("The worksheet has no sheetData element", 0);
}
