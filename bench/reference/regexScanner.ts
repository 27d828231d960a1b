// The regular-expression sheet scanner the reader used before the namespace-aware tokenizer (commit
// 44cb467), kept only as the reference the scanner benchmark (bench/scanner.ts) measures against.

// A hand-written scanner for a worksheet's <sheetData>. Written by hand because no library both
// streams a 40 MB sheet quickly and writes it back while keeping every part it does not know:
// a DOM parser (@xmldom) takes tens of seconds and megabytes per thousand rows on such a sheet,
// while these regular expressions walk it once and leave every untouched row's text as it was.

import type { CellValue } from "../../src/workbook/types";
import { parseCellAddress as parseCell } from "../../src/workbook/reading/address";
import { attribute, unescapeXml } from "../../src/workbook/executors/xlsx/xmlText";

/** One <row> of sheetData: its 0-based index, attribute text and inner XML, exactly as in the file. */
export interface RowText {
  index: number;
  attributes: string;
  inner: string;
  /** Where the row's whole element starts and ends (exclusive) in the worksheet's XML. */
  start: number;
  end: number;
}

/** One <c> of a row: its 0-based column, attribute text, inner XML and its whole text. */
export interface CellText {
  column: number;
  attributes: string;
  inner: string;
  xml: string;
}

/** A worksheet split around its sheetData, so the rows can be rewritten and the rest kept byte for byte. */
export interface SplitSheet {
  /** Everything up to and including the <sheetData> start tag (a self-closing tag is opened). */
  head: string;
  rows: RowText[];
  /** Everything from </sheetData> on. */
  tail: string;
}

const ROW = /<row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/row>)/g;

/**
 * The rows of a worksheet's XML with the text around them; rows without an r attribute follow the
 * previous row, as the format allows. Throws when the part has no sheetData.
 *
 * @example
 * splitSheet('<worksheet><sheetData><row r="2"><c r="A2"><v>7</v></c></row></sheetData></worksheet>').rows[0].index // 1
 */
export function splitSheet(xml: string): SplitSheet {
  const start = xml.search(/<sheetData\b/);
  if (start < 0) throw new Error("The worksheet has no sheetData");
  const startEnd = xml.indexOf(">", start);
  const selfClosing = xml[startEnd - 1] === "/";
  if (selfClosing) {
    return {
      head: `${xml.slice(0, startEnd - 1).replace(/\s+$/, "")}>`,
      rows: [],
      tail: `</sheetData>${xml.slice(startEnd + 1)}`,
    };
  }
  const end = xml.indexOf("</sheetData>", startEnd);
  const body = xml.slice(startEnd + 1, end);
  const rows: RowText[] = [];
  let previous = -1;
  ROW.lastIndex = 0;
  for (let match = ROW.exec(body); match; match = ROW.exec(body)) {
    const r = attribute(match[1], "r");
    const index = r === undefined ? previous + 1 : parseInt(r, 10) - 1;
    const at = startEnd + 1 + match.index;
    rows.push({ index, attributes: match[1], inner: match[2] ?? "", start: at, end: at + match[0].length });
    previous = index;
  }
  return { head: xml.slice(0, startEnd + 1), rows, tail: xml.slice(end) };
}

/**
 * The cells of a row's inner XML; cells without an r attribute follow the previous cell.
 *
 * @example
 * splitCells('<c r="B1"><v>1</v></c><c r="D1" t="s"><v>0</v></c>').map((c) => c.column) // [1, 3]
 */
export function splitCells(inner: string): CellText[] {
  // indexOf rather than a regular expression: this runs over every cell of the sheet, and finding
  // "<c", ">" and "</c>" directly is about twice as fast. Cell attribute values (r, s, t) never hold ">".
  const cells: CellText[] = [];
  let previous = -1;
  let at = inner.indexOf("<c");
  while (at >= 0) {
    const after = inner.charCodeAt(at + 2);
    // "<c " or "<c>" or "<c/>", not "<col" or other names starting with c.
    if (after !== 32 && after !== 62 && after !== 47 && after !== 9 && after !== 10 && after !== 13) {
      at = inner.indexOf("<c", at + 2);
      continue;
    }
    const close = inner.indexOf(">", at);
    if (close < 0) break;
    const selfClosing = inner.charCodeAt(close - 1) === 47;
    const attributes = inner.slice(at + 2, selfClosing ? close - 1 : close);
    let end: number;
    let body: string;
    if (selfClosing) {
      end = close + 1;
      body = "";
    } else {
      const closing = inner.indexOf("</c>", close);
      if (closing < 0) break;
      body = inner.slice(close + 1, closing);
      end = closing + 4;
    }
    const r = referenceColumn(attributes);
    const column = r < 0 ? previous + 1 : r;
    cells.push({ column, attributes, inner: body, xml: inner.slice(at, end) });
    previous = column;
    at = inner.indexOf("<c", end);
  }
  return cells;
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
  if (at < 0) return attribute(attributes, "r") === undefined ? -1 : parseCell(attribute(attributes, "r")!).column;
  let column = 0;
  for (let i = at + 3; i < attributes.length; i++) {
    const code = attributes.charCodeAt(i) & ~32; // upper case
    if (code < 65 || code > 90) break;
    column = column * 26 + (code - 64);
  }
  return column - 1;
}

const EPOCH_1900 = Date.UTC(1899, 11, 30);

/**
 * The value a cell holds: shared and inline strings as text, numbers, booleans, error values as
 * `{ error }`, ISO dates (t="d") as Excel serial numbers, formula cells by their cached value.
 *
 * @example
 * cellValue({ column: 0, attributes: ' t="s"', inner: "<v>1</v>", xml: "" }, ["a", "b"]) // "b"
 * cellValue({ column: 0, attributes: ' t="e"', inner: "<v>#N/A</v>", xml: "" }, [])     // { error: "#N/A" }
 */
export function cellValue(cell: CellText, sharedStrings: string[]): CellValue {
  const type = attribute(cell.attributes, "t") ?? "n";
  if (type === "inlineStr") return richText(cell.inner);
  const start = cell.inner.indexOf("<v");
  if (start < 0) return null;
  const open = cell.inner.indexOf(">", start);
  const close = cell.inner.indexOf("</v>", open);
  if (open < 0 || close < 0 || cell.inner.charCodeAt(open - 1) === 47) return null;
  const text = unescapeXml(cell.inner.slice(open + 1, close));
  switch (type) {
    case "s":
      return sharedStrings[parseInt(text, 10)] ?? null;
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
 * The plain text of a string item (<si>) or inline string (<is>): its runs joined, phonetic hints dropped.
 *
 * @example
 * richText('<r><t>Acme </t></r><r><rPr><b/></rPr><t>Ltd</t></r>') // "Acme Ltd"
 */
export function richText(xml: string): string {
  const clean = xml.replace(/<rPh\b[\s\S]*?<\/rPh>/g, "");
  let text = "";
  const pattern = /<t(?:\s[^>]*)?>([\s\S]*?)<\/t>/g;
  for (let match = pattern.exec(clean); match; match = pattern.exec(clean)) text += match[1];
  return unescapeXml(text);
}

/**
 * The strings of a sharedStrings part, in order.
 *
 * @example
 * sharedStrings('<sst><si><t>甲</t></si><si><t>B&amp;C</t></si></sst>') // ["甲", "B&C"]
 */
export function sharedStrings(xml: string): string[] {
  const strings: string[] = [];
  const pattern = /<si\b[^>]*?(?:\/>|>([\s\S]*?)<\/si>)/g;
  for (let match = pattern.exec(xml); match; match = pattern.exec(xml)) strings.push(richText(match[1] ?? ""));
  return strings;
}
