// A worksheet's <sheetData> read with the namespace-aware tokenizer (xmlTokens.ts): elements are
// matched by namespace and local name, so <x:row> (Open XML SDK), strict OOXML and mc:AlternateContent
// read like Excel's own files. The writers splice text, so a split keeps every row's text and offsets
// exactly as in the file; the reader (readSheet) makes one pass and keeps only values.

import type { Box, CellValue } from "../../types";
import { UNCALCULATED } from "../../reading/problems";
import { parseCellAddress } from "../../reading/address";
import { isMain, MAIN, MARKUP_COMPATIBILITY, ROOT_SCOPE, Scope, Token, XmlSyntaxError, XmlTokens } from "./xmlTokens";
import { attribute, unescapeXml } from "./xmlText";
import { packageError } from "./packageErrors";

/** Excel's grid: 1,048,576 rows by 16,384 columns (XFD), 32,767 characters a cell. */
export const MAX_ROWS = 1048576;
export const MAX_COLUMNS = 16384;
export const MAX_CELL_CHARACTERS = 32767;

/** One <row> of sheetData: its 0-based index, attribute text and inner XML, exactly as in the file. */
export interface RowText {
  index: number;
  attributes: string;
  inner: string;
  /** Where the row's whole element starts and ends (exclusive) in the worksheet's XML. */
  start: number;
  end: number;
  /** The row element's qualified name as written ("row", "x:row"). */
  name: string;
  /** The namespace bindings inside the row (for reading its cells). */
  scope: Scope;
  /** Whatever stands between the previous row (or the sheetData start tag) and this row, as written. */
  gap: string;
}

/** One <c> of a row: its 0-based column, attribute text, inner XML and its whole text. */
export interface CellText {
  column: number;
  attributes: string;
  inner: string;
  xml: string;
  /** The namespace bindings inside the cell; ROOT_SCOPE's default is fine for unprefixed cells. */
  scope?: Scope;
}

/** A worksheet split around its sheetData, so the rows can be rewritten and the rest kept byte for byte. */
export interface SplitSheet {
  /** Everything up to and including the <sheetData> start tag (a self-closing tag is opened). */
  head: string;
  rows: RowText[];
  /** Everything after the last row: what stood before </sheetData>, then </sheetData> and the rest. */
  tail: string;
  /** The prefix SpreadsheetML elements take where sheetData is ("" for the default namespace). */
  prefix: string;
}

export function prefixOf(name: string): string {
  const colon = name.indexOf(":");
  return colon < 0 ? "" : name.slice(0, colon);
}

/** Positions the tokens on the worksheet's sheetData start tag; false when the part has none. */
export function findSheetData(tokens: XmlTokens): boolean {
  while (tokens.next() !== Token.End) {
    if (tokens.kind === Token.Text && tokens.depth === 0 && /\S/.test(tokens.xml.slice(tokens.start, tokens.end).replace(/^\uFEFF/, ""))) {
      // Before the root only the declaration, comments and white space may stand (XML 1.0 §2.8, prolog).
      throw new XmlSyntaxError("Text stands outside the root element", tokens.start);
    }
    if (tokens.kind !== Token.Open) continue;
    if (tokens.depth === 2 && tokens.local === "sheetData" && isMain(tokens.uri)) return true;
    if (tokens.depth >= 2) tokens.skipElement();
  }
  return false;
}

/**
 * Calls `onRow` for each row element inside the container just opened (sheetData, or an
 * mc:Fallback inside it): rows in mc:AlternateContent are read from its Fallback, since the add-in
 * understands no extension a Choice requires. Other elements are skipped. Returns at the container's end.
 */
function eachRow(tokens: XmlTokens, onRow: (tokens: XmlTokens) => void): void {
  const depth = tokens.depth;
  while (tokens.next() !== Token.End) {
    if (tokens.kind === Token.Close && tokens.depth < depth) return;
    if (tokens.kind !== Token.Open) continue;
    sheetDataChild(tokens, onRow);
  }
}

/**
 * Reads one child of sheetData (the tokens on its start tag), moving past its end: a row is given to
 * `onRow`, an mc:AlternateContent's rows are read from its Fallback, anything else is skipped.
 */
export function sheetDataChild(tokens: XmlTokens, onRow: (tokens: XmlTokens) => void): void {
  if (tokens.local === "row" && isMain(tokens.uri)) onRow(tokens);
  else if (tokens.uri === MARKUP_COMPATIBILITY && tokens.local === "AlternateContent") {
    const outer = tokens.depth;
    for (let kind = tokens.next(); kind !== Token.End; kind = tokens.next()) {
      if (kind === Token.Close && tokens.depth < outer) break;
      if (kind !== Token.Open) continue;
      const local: string = tokens.local;
      if (tokens.uri === MARKUP_COMPATIBILITY && local === "Fallback") eachRow(tokens, onRow);
      else tokens.skipElement();
    }
  } else tokens.skipElement();
}

/** The 0-based row of a row's r attribute, or `previous + 1` without one; refused beyond Excel's grid. */
export function rowIndex(tokens: XmlTokens, previous: number): number {
  const r = tokens.rawAttribute("r");
  const index = r === undefined ? previous + 1 : parseInt(r, 10) - 1;
  if (!(index >= 0)) throw new XmlSyntaxError(`A row has the reference r="${r}", which is not a row number`, tokens.start);
  if (index >= MAX_ROWS) throw packageError("too-large", { what: `row ${index + 1}`, limit: `${MAX_ROWS.toLocaleString("en-US")} rows` });
  return index;
}

/**
 * The rows of a worksheet's XML with the text around them; rows without an r attribute follow the
 * previous row, as the format allows. Throws when the part has no sheetData.
 *
 * @example
 * splitSheet('<worksheet><sheetData><row r="2"><c r="A2"><v>7</v></c></row></sheetData></worksheet>').rows[0].index // 1
 */
export function splitSheet(xml: string): SplitSheet {
  const tokens = new XmlTokens(xml, scopeFor(xml));
  if (!findSheetData(tokens)) throw new XmlSyntaxError("The worksheet has no sheetData element", 0);
  const prefix = prefixOf(tokens.name);
  if (tokens.selfClosing) {
    const open = xml.slice(tokens.start, tokens.end - 2).replace(/\s+$/, "");
    return {
      head: `${xml.slice(0, tokens.start)}${open}>`,
      rows: [],
      tail: `</${tokens.name}>${xml.slice(tokens.end)}`,
      prefix,
    };
  }
  const head = xml.slice(0, tokens.end);
  const rows: RowText[] = [];
  let previous = -1;
  let last = tokens.end;
  // Without comments, CDATA or processing instructions in sheetData (what every producer writes), a
  // row ends at the first "</row>" after it: found by indexOf instead of tokenizing every cell.
  const plain = xml.indexOf("<!", tokens.end) < 0 && xml.indexOf("<?", tokens.end) < 0;
  eachRow(tokens, (t) => {
    const start = t.start;
    const name = t.name;
    const attributes = t.attributeText;
    const scope = t.bindings;
    const index = rowIndex(t, previous);
    const innerStart = t.end;
    const selfClosing = t.selfClosing;
    const end = selfClosing ? (t.next(), t.end) : plain ? t.skipPlainElement() : t.skipElement();
    const inner = selfClosing ? "" : xml.slice(innerStart, xml.lastIndexOf("<", end - 1));
    rows.push({ index, attributes, inner, start, end, name, scope, gap: xml.slice(last, start) });
    last = end;
    previous = index;
  });
  return { head, rows, tail: xml.slice(last), prefix };
}

/**
 * The cells of a row's inner XML; cells without an r attribute follow the previous cell. `scope` is
 * the row's namespace bindings (RowText.scope); without it, unprefixed SpreadsheetML is assumed.
 *
 * @example
 * splitCells('<c r="B1"><v>1</v></c><c r="D1" t="s"><v>0</v></c>').map((c) => c.column) // [1, 3]
 */
export function splitCells(inner: string, scope?: Scope): CellText[] {
  const tokens = new XmlTokens(inner, scope ?? DEFAULT_MAIN_SCOPE);
  const cells: CellText[] = [];
  let previous = -1;
  while (tokens.next() !== Token.End) {
    if (tokens.kind !== Token.Open) continue;
    if (!(tokens.local === "c" && isMain(tokens.uri))) {
      tokens.skipElement();
      continue;
    }
    const start = tokens.start;
    const attributes = tokens.attributeText;
    const cellScope = tokens.bindings;
    const column = cellColumn(tokens, previous);
    const innerStart = tokens.end;
    const selfClosing = tokens.selfClosing;
    const end = selfClosing ? (tokens.next(), tokens.end) : tokens.skipElement();
    const body = selfClosing ? "" : inner.slice(innerStart, inner.lastIndexOf("<", end - 1));
    cells.push({ column, attributes, inner: body, xml: inner.slice(start, end), scope: cellScope });
    previous = column;
  }
  return cells;
}

const DEFAULT_MAIN_SCOPE: Scope = { ...ROOT_SCOPE, "": MAIN };

/**
 * The scope a part starts in: its own declarations when its first element declares a namespace, else
 * SpreadsheetML's (a fragment, or a part written without one). Decided by the first start tag alone, so
 * that a part read whole and the same part read as a stream (whose first window is all it sees) start
 * alike: a declaration further on (xmlns:r on a tablePart) once made the whole read find no sheetData.
 */
export function scopeFor(xml: string): Scope {
  const first = /<[A-Za-z_][^>]*/.exec(xml);
  return first && first[0].includes("xmlns") ? ROOT_SCOPE : DEFAULT_MAIN_SCOPE;
}

/** The 0-based column of the current <c>'s r attribute, or `previous + 1` without one; refused beyond XFD. */
function cellColumn(tokens: XmlTokens, previous: number): number {
  const r = tokens.rawAttribute("r");
  let column = previous + 1;
  if (r !== undefined) {
    column = cellReferenceColumn(r, 0, r.length);
    if (column < 0) throw new XmlSyntaxError(`A cell has the reference r="${r}", which is not a cell address`, tokens.start);
  }
  if (column >= MAX_COLUMNS) throw packageError("too-large", { what: `column ${column + 1}`, limit: `${MAX_COLUMNS.toLocaleString("en-US")} columns (XFD)` });
  return column;
}

/**
 * The 0-based column of a cell's r attribute ("B7" -> 1), or -1 when it has none. By hand rather than
 * with attribute() and a regular expression: it runs once per cell of the sheet.
 *
 * @example
 * referenceColumn(' r="AB12" s="3"') // 27
 * referenceColumn(' s="3"')          // -1
 */
export function referenceColumn(attributes: string): number {
  let at = attributes.indexOf('r="');
  while (at > 0 && attributes.charCodeAt(at - 1) > 32) at = attributes.indexOf('r="', at + 1);
  if (at < 0) return attribute(attributes, "r") === undefined ? -1 : parseCellAddress(attribute(attributes, "r")!).column;
  return lettersColumn(attributes, at + 3, attributes.length);
}

/**
 * The 0-based column of the letters that begin text[from, to) (a cell reference's, up to its first
 * character that is not a letter, either case), or -1 when it begins with none. Every reader of a
 * cell's r attribute counts its column by this one loop.
 *
 * @example lettersColumn('<c r="AB12">', 6, 12) // 27
 */
export function lettersColumn(text: string, from: number, to: number): number {
  let column = 0;
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i) & ~32; // upper case
    if (code < 65 || code > 90) break;
    column = column * 26 + (code - 64);
  }
  return column - 1;
}

/**
 * The 0-based column of the cell reference that is all of text[from, to): letters (either case), then a
 * row number without leading zeros, nothing else (ST_CellRef, ECMA-376 Part 1 §18.18.7); -1 for any
 * other text, such as r="A3 t=" that a stray quote makes. The readers take a cell only by a whole
 * reference: a loose one is refused, as Excel repairs such a file rather than open it.
 *
 * @example
 * cellReferenceColumn('AB12', 0, 4)   // 27
 * cellReferenceColumn('A3 t=', 0, 5)  // -1
 */
export function cellReferenceColumn(text: string, from: number, to: number): number {
  let i = from;
  let column = 0;
  for (; i < to; i++) {
    const code = text.charCodeAt(i) & ~32;
    if (code < 65 || code > 90) break;
    column = column * 26 + (code - 64);
  }
  const first = text.charCodeAt(i);
  if (i === from || i === to || first < 49 || first > 57) return -1;
  for (i++; i < to; i++) {
    const code = text.charCodeAt(i);
    if (code < 48 || code > 57) return -1;
  }
  return column - 1;
}

/**
 * The column of a row's last cell as the editor of output columns judges it (outputColumnsXml.ts): the
 * r attribute of the last <c> start tag (with the sheet's prefix: "<c" before white space, ">" or "/")
 * in the row's inner XML; a cell without r stands one column right of the cell before it (the first
 * column for a row's first cell), as the readers and Office place it ([MS-OI29500] Part 1 §18.3.1.4 c),
 * so the cells after the last one with r are counted. -1 for a row without cells. Both the
 * whole-string and the streamed editors decide by it, so they agree.
 *
 * @example
 * lastCellColumn('<c r="A2"><v>1</v></c><c r="D2" t="s"><v>0</v></c>', "") // 3
 * lastCellColumn('<c r="C2"><v>1</v></c><c><v>2</v></c><c s="1"/>', "")    // 4
 * lastCellColumn('<c><v>1</v></c><c t="b"><v>0</v></c>', "")               // 1
 */
export function lastCellColumn(inner: string, prefix: string): number {
  const cellOpen = prefix ? `<${prefix}:c` : "<c";
  let after = 0;
  for (let at = lastCellStart(inner, cellOpen, inner.length); at >= 0; at = lastCellStart(inner, cellOpen, at)) {
    const column = referenceColumn(inner.slice(at + cellOpen.length, inner.indexOf(">", at)));
    if (column >= 0) return column + after;
    after++;
  }
  return after - 1;
}

/** Where the last cell start tag ("<c" before white space, ">" or "/") before `before` begins, or -1. */
function lastCellStart(inner: string, cellOpen: string, before: number): number {
  for (let at = before > 0 ? inner.lastIndexOf(cellOpen, before - 1) : -1; at >= 0; at = at > 0 ? inner.lastIndexOf(cellOpen, at - 1) : -1) {
    const next = inner.charCodeAt(at + cellOpen.length);
    if (next === Ch.Greater || next === Ch.Slash || isSpace(next)) return at;
  }
  return -1;
}

const EPOCH_1900 = Date.UTC(1899, 11, 30);

/** A cell's value from its type (t), the text of its <v> and whether it has a formula (<f>). */
export function valueOf(type: string, text: string | undefined, formula: boolean, strings: string[]): CellValue {
  // An empty <v/> is no value (a formula's text result "" excepted).
  if (text === undefined || (text === "" && type !== "str")) return formula ? { error: UNCALCULATED } : null;
  switch (type) {
    case "s":
      return strings[parseInt(text, 10)] ?? null;
    case "str":
      return text;
    case "b":
      return text === "1" || text === "true";
    case "e":
      return { error: text };
    case "d": {
      const time = Date.parse(/[zZ]|[+-]\d\d:\d\d$/.test(text) || !text.includes("T") ? text : `${text}Z`);
      return Number.isNaN(time) ? text : (time - EPOCH_1900) / 86400000;
    }
    default: {
      const number = Number(text);
      return text.trim() === "" || Number.isNaN(number) ? text : number;
    }
  }
}

/**
 * Reads the children of the <c> just opened: its value, moving past the cell's end. Inline strings
 * (<is>) join their runs; a formula without a saved value reads as the error UNCALCULATED.
 */
function readCell(tokens: XmlTokens, type: string, strings: string[]): CellValue {
  if (tokens.selfClosing) {
    tokens.next();
    return null;
  }
  const depth = tokens.depth;
  let text: string | undefined;
  let formula = false;
  let inline: string | undefined;
  while (tokens.next() !== Token.End) {
    if (tokens.kind === Token.Close && tokens.depth < depth) break;
    if (tokens.kind !== Token.Open) continue;
    if (!isMain(tokens.uri)) tokens.skipElement();
    else if (tokens.local === "v") text = tokens.textContent();
    else if (tokens.local === "f") {
      formula = true;
      tokens.skipElement();
    } else if (tokens.local === "is") inline = stringItem(tokens);
    else tokens.skipElement();
  }
  if (type === "inlineStr") return inline ?? (formula ? valueOf("str", text, formula, strings) : null);
  return valueOf(type, text, formula, strings);
}

/**
 * The plain text of the string item (<si>) or inline string (<is>) just opened: its runs joined,
 * phonetic hints (<rPh>) and properties dropped. Moves past the element's end.
 */
function stringItem(tokens: XmlTokens): string {
  if (tokens.selfClosing) {
    tokens.next();
    return "";
  }
  const depth = tokens.depth;
  let text = "";
  while (tokens.next() !== Token.End) {
    if (tokens.kind === Token.Close && tokens.depth < depth) break;
    if (tokens.kind !== Token.Open) continue;
    if (!isMain(tokens.uri) || tokens.local === "rPh" || tokens.local === "rPr") tokens.skipElement();
    else if (tokens.local === "t") text += tokens.textContent();
  }
  if (text.length > MAX_CELL_CHARACTERS) {
    throw packageError("too-large", { what: `a text of ${text.length.toLocaleString("en-US")} characters`, limit: `${MAX_CELL_CHARACTERS.toLocaleString("en-US")} characters a cell` });
  }
  return text;
}

/**
 * The value a cell holds: shared and inline strings as text, numbers, booleans, error values as
 * `{ error }`, ISO dates (t="d") as Excel serial numbers, formula cells by their cached value (a
 * formula without one as `{ error: UNCALCULATED }`).
 *
 * @example
 * cellValue({ column: 0, attributes: ' t="s"', inner: "<v>1</v>", xml: "" }, ["a", "b"]) // "b"
 * cellValue({ column: 0, attributes: ' t="e"', inner: "<v>#N/A</v>", xml: "" }, [])     // { error: "#N/A" }
 */
export function cellValue(cell: CellText, sharedStrings: string[]): CellValue {
  const type = attribute(cell.attributes, "t") ?? "n";
  const tokens = new XmlTokens(`<c>${cell.inner}</c>`, cell.scope ?? DEFAULT_MAIN_SCOPE);
  tokens.next();
  return readCell(tokens, type, sharedStrings);
}

/**
 * The plain text of a string item (<si>) or inline string (<is>) given as its inner XML: its runs
 * joined, phonetic hints dropped.
 *
 * @example
 * richText('<r><t>Acme </t></r><r><rPr><b/></rPr><t>Ltd</t></r>') // "Acme Ltd"
 */
export function richText(xml: string, scope: Scope = DEFAULT_MAIN_SCOPE): string {
  const tokens = new XmlTokens(`<si>${xml}</si>`, scope);
  tokens.next();
  return stringItem(tokens);
}

/**
 * The strings of a sharedStrings part, in order.
 *
 * @example
 * sharedStrings('<sst><si><t>甲</t></si><si><t>B&amp;C</t></si></sst>') // ["甲", "B&C"]
 */
export function sharedStrings(xml: string): string[] {
  const strings: string[] = [];
  const tokens = new XmlTokens(xml, scopeFor(xml));
  while (tokens.next() !== Token.End) {
    if (tokens.kind !== Token.Open) continue;
    if (tokens.depth === 2 && tokens.local === "si" && isMain(tokens.uri)) strings.push(stringItem(tokens));
    else if (tokens.depth >= 2) tokens.skipElement();
  }
  return strings;
}

/**
 * Reads the cells of the row just opened (not self-closing), moving past its end: `onCell` is called
 * for each cell that holds a value, in the order written.
 */
export function readRowCells(t: XmlTokens, strings: string[], onCell: (column: number, value: CellValue) => void): void {
  const depth = t.depth;
  const start = t.start;
  let previous = -1;
  while (t.next() !== Token.End) {
    if (t.kind === Token.Close && t.depth < depth) return;
    if (t.kind !== Token.Open) continue;
    if (!(t.local === "c" && isMain(t.uri))) {
      // A row holds cells and extensions (CT_Row); a row in a row is a broken end tag or a broken file,
      // and skipping it would drop its customers without a word.
      if (t.local === "row" && isMain(t.uri)) throw new XmlSyntaxError("A row starts inside another row", t.start);
      t.skipElement();
      continue;
    }
    const column = cellColumn(t, previous);
    previous = column;
    const value = readCell(t, t.rawAttribute("t") ?? "n", strings);
    if (value !== null) onCell(column, value);
  }
  // The text (or the row's span, as readRowInto gives it) ended before the row did.
  throw new XmlSyntaxError("A row is not closed", start, true);
}

/** Where a row's cells go as they are read: numbers apart, so that a sheet of numbers boxes none. */
export interface CellSink {
  number(column: number, value: number): void;
  /** A value that is neither null nor a number. */
  other(column: number, value: CellValue): void;
  /** Forgets the cells given for the current row (it is read again another way). */
  restartRow(): void;
}

/**
 * Reads the cells of the row just opened (not self-closing) into `sink`, moving past its end. In text
 * known to hold no comment, CDATA section or processing instruction (`plain`), the row's end is found
 * by its end tag and its cells by readPlainRowCells; a row that reader does not take is read by the
 * tokenizer (readRowCells). The values are the same either way. True when readPlainRowCells found the
 * row tight.
 */
export function readRowInto(t: XmlTokens, xml: string, plain: boolean, strings: string[], sink: CellSink): boolean {
  const give = (column: number, value: CellValue) => (typeof value === "number" ? sink.number(column, value) : sink.other(column, value));
  if (!plain) {
    readRowCells(t, strings, give);
    return false;
  }
  const start = t.start;
  const scope = t.bindings;
  const prefix = prefixOf(t.name);
  const innerStart = t.end;
  const end = t.skipPlainElement();
  const taken = readPlainRowCells(xml, innerStart, t.start, prefix, strings, sink);
  if (taken) return taken === "tight";
  sink.restartRow();
  const row = new XmlTokens(xml, scope, start, end);
  row.next();
  readRowCells(row, strings, give);
  return false;
}

const enum Ch {
  Tab = 9,
  Newline = 10,
  Return = 13,
  Space = 32,
  Quote = 34,
  Apostrophe = 39,
  Slash = 47,
  Equals = 61,
  Colon = 58,
  Less = 60,
  Greater = 62,
}

const isSpace = (c: number) => c === Ch.Space || c === Ch.Newline || c === Ch.Tab || c === Ch.Return;

/** Whether xml has `name` at `at`, ended by white space, ">" or "/". */
function nameAt(xml: string, at: number, name: string): boolean {
  if (!xml.startsWith(name, at)) return false;
  const c = xml.charCodeAt(at + name.length);
  return c === Ch.Greater || c === Ch.Slash || isSpace(c);
}

/**
 * Whether the attribute value quoted at xml[open] and closed at xml[close] is one the tokenizer takes:
 * no "<" inside, white space, ">" or "/" after it (else the tokenizer refuses the text, and so must the
 * reader that stands in for it).
 */
function valueEnds(xml: string, open: number, close: number): boolean {
  const lt = xml.indexOf("<", open + 1);
  if (lt >= 0 && lt < close) return false;
  const after = xml.charCodeAt(close + 1);
  return isSpace(after) || after === Ch.Greater || after === Ch.Slash;
}

/**
 * The offset of the ">" ending the tag whose attributes start at `from` (quoted values skipped), or -1;
 * -1 too for a prefixed attribute name when `unprefixed` (its prefix is the tokenizer's to check).
 */
function tagEnd(xml: string, from: number, to: number, unprefixed = false): number {
  for (let i = from; i < to; i++) {
    const c = xml.charCodeAt(i);
    if (c === Ch.Greater) return i;
    if (c === Ch.Colon && unprefixed) return -1;
    if (c === Ch.Quote || c === Ch.Apostrophe) {
      const close = xml.indexOf(c === Ch.Quote ? '"' : "'", i + 1);
      if (close < 0 || close >= to || !valueEnds(xml, i, close)) return -1;
      i = close;
    } else if (c === Ch.Less) return -1;
  }
  return -1;
}

interface PlainNames {
  c: string;
  /** '<c r="': how a cell of a tight row begins. */
  cr: string;
  cEnd: string;
  v: string;
  vEnd: string;
  f: string;
  fEnd: string;
  is: string;
  isEnd: string;
  t: string;
  tOpen: string;
  tEnd: string;
}

const PLAIN_NAMES = new Map<string, PlainNames>();

/** The element names readPlainRowCells matches, for a prefix ("" for none); made once per prefix. */
function plainNames(prefix: string): PlainNames {
  let names = PLAIN_NAMES.get(prefix);
  if (!names) {
    const q = prefix ? `${prefix}:` : "";
    names = { c: `${q}c`, cr: `<${q}c r="`, cEnd: `</${q}c>`, v: `${q}v`, vEnd: `</${q}v>`, f: `${q}f`, fEnd: `</${q}f`, is: `${q}is`, isEnd: `</${q}is>`, t: `${q}t`, tOpen: `<${q}t`, tEnd: `</${q}t>` };
    PLAIN_NAMES.set(prefix, names);
  }
  return names;
}

/**
 * The cells of one row's inner text, xml[from, to), read by hand for the forms producers write: <c>
 * with attributes in any order and quoting, holding <v>, <f> (its text skipped) and <is><t>..</t></is>,
 * white space between elements, all in the row's own prefix. Gives each cell with a value to `sink`
 * exactly as readRowCells would (the same valueOf) and returns "tight" when the inner text is its cells
 * side by side, each beginning '<c r="' (in the row's prefix), columns strictly ascending, nothing
 * before, between or after them (the splicer cuts such a row's trailing owned cells,
 * OutputColumnsEdit.rebuildTight), else "plain"; returns false, at the first thing it does not know
 * (another element, a namespace declaration, rich text, text between cells, a reference past XFD,
 * malformed markup), for the tokenizer to read the row and decide. Written by hand:
 * it reads every cell of a sheet of up to a million rows, where the tokenizer's generality (namespace
 * scopes, names resolved per element) costs a third of grading's time.
 */
export function readPlainRowCells(xml: string, from: number, to: number, prefix: string, strings: string[], sink: CellSink): false | "plain" | "tight" {
  const { c, cEnd, v, vEnd, f, fEnd, is, isEnd, t, tOpen, tEnd, cr } = plainNames(prefix);
  const unprefixed = prefix === "";
  let previous = -1;
  let i = from;
  let tight = true;
  for (;;) {
    const before = i;
    while (i < to && isSpace(xml.charCodeAt(i))) i++;
    if (i !== before) tight = false;
    if (i >= to) return tight ? "tight" : "plain";
    if (unprefixed) {
      // Excel's own form first, in one sweep; anything else is read below from the same place.
      const next = excelCell(xml, i, to, strings, sink);
      if (next > 0) {
        if (excelColumn <= previous) tight = false;
        previous = excelColumn;
        i = next;
        continue;
      }
    }
    if (xml.charCodeAt(i) !== Ch.Less || !nameAt(xml, i + 1, c)) return false;
    if (tight && !xml.startsWith(cr, i)) tight = false;
    // The start tag's attributes: r and t matter (the first of each, as the tokenizer's rawAttribute takes).
    let j = i + 1 + c.length;
    let rFrom = -1;
    let rTo = -1;
    let type: string | undefined;
    let selfClosing = false;
    for (;;) {
      while (isSpace(xml.charCodeAt(j))) j++;
      const ch = xml.charCodeAt(j);
      if (ch === Ch.Greater) break;
      if (ch === Ch.Slash) {
        if (xml.charCodeAt(j + 1) !== Ch.Greater) return false;
        selfClosing = true;
        j++;
        break;
      }
      const nameStart = j;
      while (j < to) {
        const n = xml.charCodeAt(j);
        if (n === Ch.Equals || isSpace(n) || n === Ch.Greater || n === Ch.Slash || n === Ch.Less || n === Ch.Quote || n === Ch.Apostrophe) break;
        // A prefixed attribute's prefix must be declared: the tokenizer knows the bindings and decides.
        if (n === Ch.Colon) return false;
        j++;
      }
      const nameEnd = j;
      if (nameEnd === nameStart || xml.startsWith("xmlns", nameStart)) return false;
      while (isSpace(xml.charCodeAt(j))) j++;
      if (xml.charCodeAt(j) !== Ch.Equals) return false;
      j++;
      while (isSpace(xml.charCodeAt(j))) j++;
      const quote = xml.charCodeAt(j);
      if (quote !== Ch.Quote && quote !== Ch.Apostrophe) return false;
      const close = xml.indexOf(quote === Ch.Quote ? '"' : "'", j + 1);
      if (close < 0 || close >= to || !valueEnds(xml, j, close)) return false;
      const length = nameEnd - nameStart;
      if (length === 1) {
        const n = xml.charCodeAt(nameStart);
        if (n === 114 /* r */ && rFrom < 0) {
          rFrom = j + 1;
          rTo = close;
        } else if (n === 116 /* t */ && type === undefined) type = xml.slice(j + 1, close);
      }
      j = close + 1;
    }
    if (j >= to) return false;
    // The column, as cellColumn reads it: the reference's letters, or the next column without one.
    const column = rFrom >= 0 ? cellReferenceColumn(xml, rFrom, rTo) : previous + 1;
    if (column < 0 || column >= MAX_COLUMNS) return false;
    if (column <= previous) tight = false;
    previous = column;
    i = j + 1;
    if (selfClosing) continue;
    // The cell's children, up to its end tag.
    let text: string | undefined;
    let decimal = NaN;
    let shared = -1;
    let formula = false;
    let inline: string | undefined;
    for (;;) {
      while (i < to && isSpace(xml.charCodeAt(i))) i++;
      if (i >= to || xml.charCodeAt(i) !== Ch.Less) return false;
      if (xml.startsWith(cEnd, i)) {
        i += cEnd.length;
        break;
      }
      if (nameAt(xml, i + 1, v)) {
        const k = i + 1 + v.length;
        if (xml.charCodeAt(k) === Ch.Slash && xml.charCodeAt(k + 1) === Ch.Greater) {
          text = "";
          decimal = NaN;
          shared = -1;
          i = k + 2;
          continue;
        }
        if (xml.charCodeAt(k) !== Ch.Greater) return false;
        const lt = xml.indexOf("<", k + 1);
        if (lt < 0 || lt >= to || !xml.startsWith(vEnd, lt)) return false;
        // A number cell's plain decimal is read where it lies (no text made); any other is read as text.
        // So is a shared string's index.
        const number = type === undefined || type === "n" ? plainDecimal(xml, k + 1, lt) : NaN;
        shared = type === "s" ? plainIndex(xml, k + 1, lt) : -1;
        if (number === number || shared >= 0) {
          text = undefined;
          decimal = number;
        } else {
          text = unescapeXml(xml.slice(k + 1, lt));
          decimal = NaN;
        }
        i = lt + vEnd.length;
      } else if (nameAt(xml, i + 1, f)) {
        formula = true;
        const gt = tagEnd(xml, i + 1 + f.length, to, true);
        if (gt < 0) return false;
        if (xml.charCodeAt(gt - 1) === Ch.Slash) {
          i = gt + 1;
          continue;
        }
        const lt = xml.indexOf("<", gt + 1);
        if (lt < 0 || lt >= to || !xml.startsWith(fEnd, lt)) return false;
        const close = tagEnd(xml, lt + fEnd.length, to);
        // "</f>" or "</f  >", nothing else.
        for (let k = lt + fEnd.length; k < close; k++) if (!isSpace(xml.charCodeAt(k))) return false;
        if (close < 0) return false;
        i = close + 1;
      } else if (nameAt(xml, i + 1, is)) {
        // <is><t>text</t></is> only (with xml:space or no attributes on t); rich text is the tokenizer's.
        let k = i + 1 + is.length;
        if (xml.charCodeAt(k) !== Ch.Greater || !xml.startsWith(tOpen, k + 1) || !nameAt(xml, k + 2, t)) return false;
        const gt = tagEnd(xml, k + 2 + t.length, to);
        if (gt < 0 || xml.charCodeAt(gt - 1) === Ch.Slash) return false;
        const attributes = xml.slice(k + 2 + t.length, gt).trim();
        if (attributes !== "" && attributes !== 'xml:space="preserve"') return false;
        const lt = xml.indexOf("<", gt + 1);
        if (lt < 0 || lt >= to || !xml.startsWith(tEnd, lt) || !xml.startsWith(isEnd, lt + tEnd.length)) return false;
        const value = unescapeXml(xml.slice(gt + 1, lt));
        if (value.length > MAX_CELL_CHARACTERS) return false;
        inline = value;
        k = lt + tEnd.length + isEnd.length;
        i = k;
      } else return false;
    }
    if (decimal === decimal) {
      // What valueOf gives for this text: the number (with or without a formula).
      sink.number(column, decimal);
      continue;
    }
    if (shared >= 0) {
      // What valueOf gives: the shared string, or nothing for an index past the table.
      const item = strings[shared];
      if (item !== undefined && item !== null) sink.other(column, item);
      continue;
    }
    const value = type === "inlineStr" ? inline ?? (formula ? valueOf("str", text, formula, strings) : null) : valueOf(type ?? "n", text, formula, strings);
    if (value === null) continue;
    if (typeof value === "number") sink.number(column, value);
    else sink.other(column, value);
  }
}

/** The column of the cell excelCell read last. */
let excelColumn = -1;

/**
 * The cell at xml[i] when it has the form Excel writes for a number or a shared string, exactly:
 * `<c r="A1">`, `<c r="A1" s="3">`, `<c r="A1" t="s">`, `<c r="A1" s="3" t="s">` (t="n" too; r's letters
 * then digits; single spaces), then `<v>`, a plain decimal (plainDecimal) or a shared string's index
 * (plainIndex), and `</v></c>`, all before `to`. Gives the value to `sink` as readPlainRowCells' general
 * path would (a shared string past the table gives nothing), sets excelColumn and returns the offset
 * after the cell; returns -1 without giving anything for any other text, which the general path then
 * reads. Written by hand: these are nearly all the cells of a large sheet, and one sweep over them takes
 * about a third of the general path's time (readPlainRowCells on a 200,000-row sheet, 530 ms against
 * 150 ms for this form's sweep alone).
 */
function excelCell(xml: string, i: number, to: number, strings: string[], sink: CellSink): number {
  // '<c r="'
  if (xml.charCodeAt(i) !== Ch.Less || xml.charCodeAt(i + 1) !== 99 || xml.charCodeAt(i + 2) !== Ch.Space || xml.charCodeAt(i + 3) !== 114 || xml.charCodeAt(i + 4) !== Ch.Equals || xml.charCodeAt(i + 5) !== Ch.Quote) {
    return -1;
  }
  let j = i + 6;
  let column = 0;
  for (let code = xml.charCodeAt(j) & ~32; code >= 65 && code <= 90; code = xml.charCodeAt(++j) & ~32) column = column * 26 + (code - 64);
  column--;
  if (column < 0 || column >= MAX_COLUMNS) return -1;
  // A row number without leading zeros, as cellReferenceColumn takes it.
  const first = xml.charCodeAt(j);
  if (first < 49 || first > 57) return -1;
  while (isDigit(xml.charCodeAt(++j)));
  if (xml.charCodeAt(j) !== Ch.Quote) return -1;
  j++;
  let shared = false;
  let typed = false;
  let styled = false;
  while (xml.charCodeAt(j) === Ch.Space) {
    const name = xml.charCodeAt(j + 1);
    if (xml.charCodeAt(j + 2) !== Ch.Equals || xml.charCodeAt(j + 3) !== Ch.Quote) return -1;
    if (name === 115 /* s */ && !styled && !typed) {
      styled = true;
      j += 4;
      while (isDigit(xml.charCodeAt(j))) j++;
      if (xml.charCodeAt(j) !== Ch.Quote) return -1;
      j++;
    } else if (name === 116 /* t */ && !typed) {
      typed = true;
      const type = xml.charCodeAt(j + 4);
      if ((type !== 115 /* s */ && type !== 110) /* n */ || xml.charCodeAt(j + 5) !== Ch.Quote) return -1;
      shared = type === 115;
      j += 6;
    } else return -1;
  }
  // '><v>'
  if (xml.charCodeAt(j) !== Ch.Greater || xml.charCodeAt(j + 1) !== Ch.Less || xml.charCodeAt(j + 2) !== 118 || xml.charCodeAt(j + 3) !== Ch.Greater) return -1;
  const from = j + 4;
  let lt = from;
  while (lt < to && xml.charCodeAt(lt) !== Ch.Less) lt++;
  // '</v></c>'
  if (
    lt + 8 > to ||
    xml.charCodeAt(lt + 1) !== Ch.Slash ||
    xml.charCodeAt(lt + 2) !== 118 ||
    xml.charCodeAt(lt + 3) !== Ch.Greater ||
    xml.charCodeAt(lt + 4) !== Ch.Less ||
    xml.charCodeAt(lt + 5) !== Ch.Slash ||
    xml.charCodeAt(lt + 6) !== 99 ||
    xml.charCodeAt(lt + 7) !== Ch.Greater
  ) {
    return -1;
  }
  if (shared) {
    const index = plainIndex(xml, from, lt);
    if (index < 0) return -1;
    const item = strings[index];
    if (item !== undefined && item !== null) sink.other(column, item);
  } else {
    const number = plainDecimal(xml, from, lt);
    if (number !== number) return -1;
    sink.number(column, number);
  }
  excelColumn = column;
  return lt + 8;
}

const isDigit = (code: number) => code >= 48 && code <= 57;

/** 10^0 .. 10^22: every one exact as a double. */
const POWERS_OF_TEN = Array.from({ length: 23 }, (_, k) => 10 ** k);

/**
 * The number a plain decimal xml[from, to) reads as — an optional "-", digits, an optional "." and
 * digits, at least one digit, at most 15 significant — or NaN for any other text (an exponent, a "+",
 * spaces, more digits), which the caller reads with Number as before. Exact: the digits as an integer
 * below 2^53 and 10^k (k <= 22) are both exact doubles, so their quotient is the correctly rounded
 * value of the decimal, which is what Number gives (Clinger's fast path). Written by hand: a sheet of a
 * million rows holds a dozen million numbers, and making a text of each only for Number to read it
 * costs grading a second and the garbage of every text.
 *
 * @example
 * plainDecimal('<v>-1234.50</v>', 3, 11) // -1234.5
 * plainDecimal('<v>1E-3</v>', 3, 7)      // NaN (read as text, then by Number)
 */
export function plainDecimal(xml: string, from: number, to: number): number {
  let i = from;
  const negative = xml.charCodeAt(i) === 45; /* - */
  if (negative) i++;
  let mantissa = 0;
  let digits = 0;
  let significant = 0;
  let scale = 0;
  let point = false;
  for (; i < to; i++) {
    const c = xml.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      digits++;
      if (mantissa === 0 && c === 48) {
        // A leading zero adds no significant digit (after the point it still scales).
        if (point) scale++;
        continue;
      }
      if (++significant > 15) return NaN;
      mantissa = mantissa * 10 + (c - 48);
      if (point) scale++;
    } else if (c === 46 /* . */ && !point) point = true;
    else return NaN;
  }
  if (digits === 0 || scale > 22) return NaN;
  const value = mantissa / POWERS_OF_TEN[scale];
  return negative ? -value : value;
}

/**
 * A shared string's index xml[from, to) when it is plain digits (at most 9), else -1: what
 * parseInt(text, 10) reads from such a text, without making the text.
 * @example plainIndex('<v>25</v>', 3, 5) // 25
 */
export function plainIndex(xml: string, from: number, to: number): number {
  if (to <= from || to - from > 9) return -1;
  let index = 0;
  for (let i = from; i < to; i++) {
    const c = xml.charCodeAt(i);
    if (c < 48 || c > 57) return -1;
    index = index * 10 + (c - 48);
  }
  return index;
}

/** A sheet's cells with values, by row, and the box they span. */
export interface SheetValues {
  rows: { index: number; cells: { column: number; value: CellValue }[] }[];
  used: Box | null;
}

/**
 * Every cell of a worksheet that holds a value, in one pass over its XML; a sheet without sheetData
 * has none. Rows or columns beyond Excel's grid and texts over 32,767 characters are refused
 * (packageError "too-large").
 *
 * @example
 * readSheet('<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row><c t="inlineStr"><is><t>a</t></is></c></row></sheetData></worksheet>', []).used
 * // { top: 0, left: 0, rows: 1, columns: 1 }
 */
export function readSheet(xml: string, strings: string[]): SheetValues {
  const tokens = new XmlTokens(xml, scopeFor(xml));
  const rows: SheetValues["rows"] = [];
  let top = Infinity;
  let left = Infinity;
  let bottom = -1;
  let right = -1;
  if (!findSheetData(tokens) || tokens.selfClosing) return { rows, used: null };
  let previousRow = -1;
  // Without comments, CDATA or processing instructions after sheetData's start (what producers write),
  // rows are read by readPlainRowCells where it can.
  const plain = xml.indexOf("<!", tokens.end) < 0 && xml.indexOf("<?", tokens.end) < 0;
  let cells: { column: number; value: CellValue }[] = [];
  const sink: CellSink = {
    number: (column, value) => cells.push({ column, value }),
    other: (column, value) => cells.push({ column, value }),
    restartRow: () => (cells = []),
  };
  eachRow(tokens, (t) => {
    const index = rowIndex(t, previousRow);
    previousRow = index;
    if (t.selfClosing) {
      t.next();
      return;
    }
    cells = [];
    readRowInto(t, xml, plain, strings, sink);
    if (cells.length === 0) return;
    for (const { column } of cells) {
      if (column < left) left = column;
      if (column > right) right = column;
    }
    rows.push({ index, cells });
    if (index < top) top = index;
    if (index > bottom) bottom = index;
  });
  return { rows, used: bottom < 0 ? null : { top, left, rows: bottom - top + 1, columns: right - left + 1 } };
}
