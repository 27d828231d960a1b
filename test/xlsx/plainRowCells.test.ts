// readPlainRowCells, the hand-written reader of the cell forms producers write, against the tokenizer's
// readRowCells on the same rows: the same cells and values whenever it takes a row, and a row it does
// not know left to the tokenizer. Then a sheet of such rows read whole and streamed (cut at every
// byte), so the store's take-back of a half-read mc:AlternateContent is exercised on the fast path.

import * as fs from "fs";
import * as path from "path";
import fc from "fast-check";
import JSZip from "jszip";
import { plainDecimal, plainIndex, readPlainRowCells, readRowCells, readRowInto, readSheet, sharedStrings } from "../../src/workbook/executors/xlsx/sheetScanner";
import type { CellSink } from "../../src/workbook/executors/xlsx/sheetScanner";
import { readSheetStream, textChunks } from "../../src/workbook/executors/xlsx/sheetStream";
import { ROOT_SCOPE, XmlTokens } from "../../src/workbook/executors/xlsx/xmlTokens";
import type { CellValue } from "../../src/workbook/types";
import { propertySeed } from "../support/seed";

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const STRINGS = ["甲乙", "B&C", "  padded "];

type Cells = [number, CellValue][];

/** A sink that records what it is given, as readRowCells' callback would. */
function recorder(): CellSink & { cells: Cells; restarts: number } {
  const sink = {
    cells: [] as Cells,
    restarts: 0,
    number: (column: number, value: number) => void sink.cells.push([column, value]),
    other: (column: number, value: CellValue) => void sink.cells.push([column, value]),
    restartRow: () => {
      sink.cells = [];
      sink.restarts++;
    },
  };
  return sink;
}

/** The row `<row>inner</row>` in a worksheet binding `prefix` (or the default namespace) to SpreadsheetML. */
function rowXml(inner: string, prefix: string): string {
  const q = prefix ? `${prefix}:` : "";
  return `<${q}row xmlns${prefix ? `:${prefix}` : ""}="${MAIN}" r="1">${inner}</${q}row>`;
}

/** What the tokenizer reads from a row's text. */
function byTokenizer(xml: string): Cells {
  const cells: Cells = [];
  const t = new XmlTokens(xml, ROOT_SCOPE);
  t.next();
  readRowCells(t, STRINGS, (column, value) => cells.push([column, value]));
  return cells;
}

/** What readPlainRowCells reads, or undefined when it leaves the row to the tokenizer. */
function byHand(xml: string, prefix: string): Cells | undefined {
  const t = new XmlTokens(xml, ROOT_SCOPE);
  t.next();
  const from = t.end;
  const to = xml.lastIndexOf("<");
  const sink = recorder();
  return readPlainRowCells(xml, from, to, prefix, STRINGS, sink) ? sink.cells : undefined;
}

/** readRowInto as the readers call it on plain text: whatever path it takes, the tokenizer's cells. */
function byReadRowInto(xml: string): Cells {
  const t = new XmlTokens(xml, ROOT_SCOPE);
  t.next();
  const sink = recorder();
  readRowInto(t, xml, true, STRINGS, sink);
  return sink.cells;
}

// Pieces of the forms producers write: any attribute order and quoting, white space in tags and between
// elements, every cell type, formulas with and without a saved value, entities and _xHHHH_ escapes.
const space = fc.constantFrom("", " ", "\n  ", "\t");
const quoted = (value: string) => fc.constantFrom(`"${value}"`, `'${value}'`);
// Decimals as producers write them: a sign, leading zeros, up to 25 digits either side of the point
// (beyond 15 significant digits or 22 places plainDecimal declines and Number reads the text).
const decimalText = fc
  .tuple(fc.boolean(), fc.stringMatching(/^[0-9]{0,12}$/), fc.boolean(), fc.stringMatching(/^[0-9]{0,25}$/))
  .map(([negative, whole, point, fraction]) => `${negative ? "-" : ""}${whole}${point ? "." : ""}${point ? fraction : ""}`);
const numberText = fc.oneof(
  decimalText,
  fc.double({ noNaN: true, noDefaultInfinity: true }).map((n) => String(n)),
  fc.integer().map(String),
  fc.constantFrom("1E+300", "-0", "0.1", " 7 ", "", "1e", "0x10", "Infinity", "12.50"),
);
const texts = fc.constantFrom("plain", "a &amp; b", "&lt;tag&gt;", "&#x4E2D;&#25991;", "x_x000D_y", "  lead", "", "&quot;q&apos;");
const valueChild = (prefix: string) =>
  fc.oneof(
    numberText.map((text) => ({ xml: `<${prefix}v>${text}</${prefix}v>`, form: "v" })),
    fc.constant({ xml: `<${prefix}v/>`, form: "v" }),
    texts.map((text) => ({ xml: `<${prefix}v>${text}</${prefix}v>`, form: "v" })),
  );
const cellArbitrary = (prefix: string) =>
  fc
    .record({
      column: fc.option(fc.integer({ min: 0, max: 16383 }), { nil: undefined }),
      row: fc.integer({ min: 1, max: 1048576 }),
      type: fc.option(fc.constantFrom("n", "s", "str", "b", "e", "d", "inlineStr", "weird"), { nil: undefined }),
      style: fc.option(fc.integer({ min: 0, max: 40 }), { nil: undefined }),
      extra: fc.option(fc.constantFrom('x14ac:dyDescent="0.25"', 'cm="1"', 'vm="2"'), { nil: undefined }),
      formula: fc.option(fc.constantFrom("<f>A1+1</f>", '<f t="shared" ref="B1:B9" si="0">A1</f>', '<f t="shared" si="0"/>', "<f>IF(A1&gt;2,1,0)</f>"), { nil: undefined }),
      value: fc.option(valueChild(prefix ? `${prefix}:` : ""), { nil: undefined }),
      inline: fc.option(texts, { nil: undefined }),
      preserve: fc.boolean(),
      order: fc.boolean(),
      gapIn: space,
      gapOut: space,
      selfClosing: fc.boolean(),
    })
    .chain((cell) =>
      fc.tuple(fc.constant(cell), cell.column === undefined ? fc.constant("") : quoted(`${letters(cell.column)}${cell.row}`), cell.type ? quoted(cell.type) : fc.constant("")),
    )
    .map(([cell, r, t]) => {
      const q = prefix ? `${prefix}:` : "";
      const attributes = [r ? `r=${r}` : "", cell.style === undefined ? "" : `s="${cell.style}"`, t ? `t${cell.gapIn}=${cell.gapIn}${t}` : "", cell.extra ?? ""].filter(Boolean);
      if (cell.order) attributes.reverse();
      const open = `<${q}c${attributes.map((a) => ` ${a}`).join("")}${cell.gapIn}`;
      if (cell.selfClosing) return `${open}/>${cell.gapOut}`;
      let inner = "";
      if (cell.formula) inner += prefix ? cell.formula.replace(/<(\/?)f/g, `<$1${q}f`) : cell.formula;
      if (cell.value) inner += cell.value.xml;
      if (cell.inline !== undefined) inner += `<${q}is><${q}t${cell.preserve ? ' xml:space="preserve"' : ""}>${cell.inline}</${q}t></${q}is>`;
      return `${open}>${cell.gapOut}${inner}${cell.gapOut}</${q}c>${cell.gapOut}`;
    });

function letters(column: number): string {
  let s = "";
  for (let c = column + 1; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  return s;
}

describe("plainDecimal", () => {
  test("gives exactly what Number gives for the decimals it takes, and declines the rest (fast-check)", () => {
    let taken = 0;
    fc.assert(
      fc.property(fc.oneof(decimalText, numberText, fc.string()), fc.string({ maxLength: 3 }), (text, around) => {
        const xml = `${around}${text}${around}`;
        const read = plainDecimal(xml, around.length, around.length + text.length);
        if (Number.isNaN(read)) return;
        taken++;
        // Number reads "" and " 7 " too, but plainDecimal takes neither: it takes only what it reads exactly.
        expect(text.trim()).toBe(text);
        expect(Object.is(read, Number(text))).toBe(true);
      }),
      { numRuns: 20000 },
    );
    expect(taken).toBeGreaterThan(5000);
  });

  test("declines what it cannot read exactly or is not a plain decimal", () => {
    for (const text of ["", ".", "-", "-.", "1e5", "1E+300", "+5", " 7", "7 ", "0x10", "1.2.3", "Infinity", "1234567890123456", "0.00000000000000000000001", "1,5"]) {
      expect([text, plainDecimal(text, 0, text.length)]).toEqual([text, NaN]);
    }
    for (const [text, value] of [["0", 0], ["-0", -0], ["007", 7], [".5", 0.5], ["5.", 5], ["-1234.50", -1234.5], ["0.1", 0.1], ["123456789012345", 123456789012345], ["0.0000000000000000000001", 1e-22]] as const) {
      expect(Object.is(plainDecimal(text, 0, text.length), value)).toBe(true);
    }
  });
});

describe("plainIndex", () => {
  test("reads a shared string's index as parseInt does, and declines anything but up to 9 digits (fast-check)", () => {
    fc.assert(
      fc.property(fc.oneof(fc.stringMatching(/^[0-9]{1,12}$/), fc.string({ maxLength: 6 })), (text) => {
        const read = plainIndex(`<v>${text}</v>`, 3, 3 + text.length);
        if (/^[0-9]{1,9}$/.test(text)) expect(read).toBe(parseInt(text, 10));
        else expect(read).toBe(-1);
      }),
      { numRuns: 5000 },
    );
  });

  test("a row's shared strings by index, one past the table read as nothing, as the tokenizer reads them", () => {
    const xml = rowXml('<c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>002</v></c><c r="C1" t="s"><v>3</v></c><c r="D1" t="s"><v> 1</v></c>', "");
    expect(byHand(xml, "")).toEqual([[0, "甲乙"], [1, "  padded "], [3, "B&C"]]);
    expect(byHand(xml, "")).toEqual(byTokenizer(xml));
  });
});

describe("readPlainRowCells", () => {
  test("reads the forms producers write exactly as the tokenizer does (fast-check, unprefixed and x: rows)", () => {
    for (const prefix of ["", "x"]) {
      fc.assert(
        fc.property(fc.array(cellArbitrary(prefix), { maxLength: 8 }), (cells) => {
          const xml = rowXml(cells.join(""), prefix);
          const hand = byHand(xml, prefix);
          let expected: Cells | undefined;
          try {
            expected = byTokenizer(xml);
          } catch {
            // A row the tokenizer refuses (cells past XFD) is never read by hand.
            expect(hand).toBeUndefined();
            return;
          }
          // Every other form the generator makes is one the fast reader knows: it must take the row.
          expect(hand).toEqual(expected);
        }),
        { numRuns: 400 },
      );
    }
  });

  test("Excel's own form (read in one sweep) and every near miss of it read as the tokenizer reads them, tight as before (fast-check)", () => {
    // <c r="A1"[ s="3"][ t="s"|"n"]><v>..</v></c>, and the same with one character inserted, deleted or
    // replaced anywhere: the sweep takes the exact form, the general path or the tokenizer the rest.
    const excelCell = fc
      .record({
        column: fc.integer({ min: 0, max: 16383 }),
        row: fc.integer({ min: 1, max: 1048576 }),
        style: fc.option(fc.integer({ min: 0, max: 400 }), { nil: undefined }),
        type: fc.option(fc.constantFrom("s", "n", "str", "b", "e", "inlineStr"), { nil: undefined }),
        value: fc.oneof(numberText, fc.constantFrom("0", "1", "2", "3", "002", "-0", "1E+300")),
      })
      .map((cell) => ({
        column: cell.column,
        xml: `<c r="${letters(cell.column)}${cell.row}"${cell.style === undefined ? "" : ` s="${cell.style}"`}${cell.type ? ` t="${cell.type}"` : ""}><v>${cell.value}</v></c>`,
      }));
    const change = fc.tuple(fc.nat(), fc.constantFrom("insert", "delete", "replace"), fc.constantFrom(" ", "<", ">", '"', "'", "/", "x", "1", "=", "c", "v"));
    // Most cells as Excel writes them, one in five changed.
    const mutation = fc.oneof({ weight: 4, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: change });
    let exact = 0;
    fc.assert(
      fc.property(fc.array(fc.tuple(excelCell, mutation), { minLength: 1, maxLength: 6 }), (cells) => {
        const columns = cells.map(([cell]) => cell.column);
        const inner = cells
          .map(([cell, change]) => {
            if (!change) return cell.xml;
            const [at, how, ch] = change;
            const k = at % cell.xml.length;
            return how === "insert" ? cell.xml.slice(0, k) + ch + cell.xml.slice(k) : cell.xml.slice(0, k) + (how === "replace" ? ch : "") + cell.xml.slice(k + 1);
          })
          .join("");
        const xml = rowXml(inner, "");
        let expected: Cells | undefined;
        try {
          expected = byTokenizer(xml);
        } catch {
          expected = undefined;
        }
        const t = new XmlTokens(xml, ROOT_SCOPE);
        t.next();
        const sink = recorder();
        const taken = readPlainRowCells(xml, t.end, xml.lastIndexOf("<"), "", STRINGS, sink);
        if (!taken) return;
        expect(sink.cells).toEqual(expected);
        if (cells.every(([, change]) => change === undefined)) {
          exact++;
          // Side by side, each '<c r="': tight exactly when the columns ascend.
          expect(taken).toBe(columns.every((column, k) => k === 0 || column > columns[k - 1]) ? "tight" : "plain");
        }
      }),
      { numRuns: 3000, endOnFailure: true, seed: propertySeed(20261203) },
    );
    expect(exact).toBeGreaterThan(500);
  });

  test.each([
    ["rich text", '<c r="A1" t="inlineStr"><is><r><t>a</t></r><r><rPr><b/></rPr><t>b</t></r></is></c>'],
    ["an extension element", '<c r="A1"><v>1</v><extLst><ext uri="x"/></extLst></c>'],
    ["a namespace declaration on a cell", '<c xmlns:y="urn:y" r="A1"><v>2</v></c>'],
    ["an element of another namespace in the row", '<c r="A1"><v>3</v></c><y:foo xmlns:y="urn:y"/>'],
    ["text between cells", '<c r="A1"><v>4</v></c>stray<c r="B1"><v>5</v></c>'],
    ["an end tag with white space", '<c r="A1"><v>6</v></c ><c r="B1"><v>7</v></c>'],
    ["an attribute on v", '<c r="A1"><v xml:space="preserve"> 8 </v></c>'],
    ["an empty inline t", '<c r="A1" t="inlineStr"><is><t/></is></c>'],
    ["phonetic runs", '<c r="A1" t="inlineStr"><is><t>東京</t><rPh sb="0" eb="2"><t>トウキョウ</t></rPh></is></c>'],
  ])("leaves %s to the tokenizer, and readRowInto reads it as the tokenizer does", (_, inner) => {
    const xml = rowXml(inner, "");
    expect(byHand(xml, "")).toBeUndefined();
    expect(byReadRowInto(xml)).toEqual(byTokenizer(xml));
  });

  test("a reference past XFD, without letters, or not letters and a row number alone is the tokenizer's to refuse", () => {
    for (const r of ["XFE1", "1", "", "A", "A01", "A0", "A3 t=", "A1B", "B 2"]) {
      const xml = rowXml(`<c r="${r}"><v>1</v></c>`, "");
      expect(byHand(xml, "")).toBeUndefined();
      expect(() => byReadRowInto(xml)).toThrow(r === "XFE1" ? /16,384 columns/ : /not a cell address/);
    }
  });

  test("malformed markup is never read by hand: the tokenizer refuses it", () => {
    for (const inner of ['<c r="A1"><v>1</c>', '<c r="A1"><v>1</v></x>', '<c r="A1><v>1</v></c>', '<c r="A1" y:z="1"><v>1</v></c>', '<c r="A1"><f y:z="1">1+0</f><v>1</v></c>']) {
      const xml = rowXml(inner, "");
      expect(byHand(xml, "")).toBeUndefined();
      expect(() => byReadRowInto(xml)).toThrow();
    }
  });
});

describe("a sheet of plain rows, whole and streamed", () => {
  const ns = `xmlns="${MAIN}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"`;
  // No comment, CDATA or processing instruction after the declaration's line: the fast path reads it.
  const sheet =
    `<worksheet ${ns}><sheetData>` +
    `<row r="1" spans="1:3"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><t xml:space="preserve">客户 😀 &amp; co </t></is></c><c r="C1"><v>1.5</v></c></row>` +
    `<row r="2"><c r="A2" t="s"><v>1</v></c><c r="B2"><f>A2</f><v>2</v></c><c r="C2" t="inlineStr"><is><r><t>ri</t></r><r><t>ch</t></r></is></c></row>` +
    `<mc:AlternateContent><mc:Choice Requires="x14"><row r="3"><c r="A3"><v>99</v></c></row></mc:Choice><mc:Fallback><row r="3"><c r="A3"><v>3</v></c></row><row r="4"><c r="B4" t="b"><v>1</v></c></row></mc:Fallback></mc:AlternateContent>` +
    `<row r="5"/><row><c r="A6" t="e"><v>#N/A</v></c><c><v>-1E+300</v></c></row>` +
    `</sheetData></worksheet>`;
  const bytes = new TextEncoder().encode(sheet);

  function grid(rows: { index: number; cells: { column: number; value: CellValue }[] }[]): CellValue[][] {
    const out: CellValue[][] = Array.from({ length: 6 }, () => new Array<CellValue>(3).fill(null));
    for (const row of rows) for (const cell of row.cells) out[row.index][cell.column] = cell.value;
    return out;
  }

  test("read whole, the plain sheet gives every value", () => {
    expect(grid(readSheet(sheet, STRINGS).rows)).toEqual([
      ["甲乙", "客户 😀 & co ", 1.5],
      ["B&C", 2, "rich"],
      [3, null, null],
      [null, true, null],
      [null, null, null],
      [{ error: "#N/A" }, -1e300, null],
    ]);
  });

  test("streamed and cut at every byte, the same values as whole (a cut inside mc:AlternateContent takes its rows back)", async () => {
    const whole = grid(readSheet(sheet, STRINGS).rows);
    for (let at = 1; at < bytes.length; at++) {
      const store = await readSheetStream(textChunks(pieces(bytes, at)), STRINGS);
      const values: CellValue[][] = Array.from({ length: 6 }, () => new Array<CellValue>(3).fill(null));
      store.fill({ top: 0, left: 0, rows: 6, columns: 3 }, values);
      expect(values).toEqual(whole);
      // Each cell once: a row read twice (once cut, once whole) would be counted twice.
      expect(store.size).toBe(whole.flat().filter((value) => value !== null).length);
      expect(store.used).toEqual({ top: 0, left: 0, rows: 6, columns: 3 });
    }
  });
});

/** The bytes in pieces of `size`. */
async function* pieces(bytes: Uint8Array, size: number): AsyncGenerator<Uint8Array> {
  for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, at + size);
}

describe("every worksheet of the corpus and the real producers' files", () => {
  // A comment after sheetData's start tag makes a sheet not plain, so the tokenizer reads every row:
  // the hand reader must give the same cells on what real producers wrote.
  const files = path.join(__dirname, "..", "files");
  const books = [
    ...fs.readdirSync(files).filter((name) => name.endsWith(".xlsx")),
    ...fs.readdirSync(path.join(files, "real")).filter((name) => /\.xls[xmt]$/.test(name)).map((name) => `real/${name}`),
  ];

  test.each(books)("%s: the same cells by hand as by the tokenizer", async (book) => {
    let zip: JSZip;
    try {
      zip = await JSZip.loadAsync(fs.readFileSync(path.join(files, book)));
    } catch {
      return; // not a zip (the corpus's refused files)
    }
    const strings = zip.file("xl/sharedStrings.xml") ? sharedStrings(await zip.file("xl/sharedStrings.xml")!.async("string")) : [];
    const sheets = Object.keys(zip.files).filter((name) => /^xl\/worksheets\/[^/]+\.xml$/i.test(name));
    for (const name of sheets) {
      const xml = await zip.file(name)!.async("string");
      const marked = xml.replace(/(<(?:\w+:)?sheetData\b[^>]*[^/]>)/, "$1<!-- read by the tokenizer -->");
      if (marked === xml) continue; // no rows
      expect([book, name, readSheet(xml, strings)]).toEqual([book, name, readSheet(marked, strings)]);
    }
  });
});
