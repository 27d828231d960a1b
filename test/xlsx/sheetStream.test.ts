// The streaming path for worksheets too large for one string: the same tokens, cells and bytes as the
// whole-string path, whatever the chunk size (cut at every byte of a small sheet), and the same graded
// output on every file of the corpus.

import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import fc from "fast-check";
import JSZip from "jszip";
import { defaultSettings, gradeWorkbook } from "../../src/workbook/run";
import { openXlsx } from "../../src/workbook/executors/xlsx";
import { readSheet, splitSheet } from "../../src/workbook/executors/xlsx/sheetScanner";
import * as sheetStream from "../../src/workbook/executors/xlsx/sheetStream";
import { editSheetStream, readSheetStream, rowText, textChunks, walkSheet } from "../../src/workbook/executors/xlsx/sheetStream";
import type { CellValue } from "../../src/workbook/types";
import { describeWithLibreOffice, sheetsAsCsv } from "../support/libreoffice";

const FILES = path.join(__dirname, "..", "files");
const NOW = new Date(Date.UTC(2026, 10, 22, 9, 30));

/** Bytes as an async iterable of pieces cut at the given offsets. */
async function* cut(bytes: Uint8Array, at: number[]): AsyncGenerator<Uint8Array> {
  let last = 0;
  for (const offset of [...at].sort((a, b) => a - b)) {
    if (offset <= last || offset >= bytes.length) continue;
    yield bytes.subarray(last, offset);
    last = offset;
  }
  yield bytes.subarray(last);
}

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"';
// Multibyte UTF-8 (Chinese, an emoji), an entity, a comment holding "</row>", CDATA, rows in
// mc:AlternateContent, an inline string, a self-closing row, a row without r, a shared string.
const SHEET =
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet ${NS}><dimension ref="A1:C6"/><sheetData>` +
  `<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><t>客户 😀 &amp; co</t></is></c></row>\n  ` +
  `<!-- a comment with </row> in it --><row r="2" spans="1:3"><c r="A2"><v>12.5</v></c><c r="C2" t="str"><f>A2</f><v><![CDATA[</row>x]]></v></c></row>` +
  `<mc:AlternateContent><mc:Choice Requires="x14"><row r="3"><c r="A3"><v>99</v></c></row></mc:Choice><mc:Fallback><row r="3"><c r="A3"><v>3</v></c></row></mc:Fallback></mc:AlternateContent>` +
  `<row r="4"/><row><c r="B5" t="b"><v>1</v></c></row><row r="6"><c r="A6" t="e"><v>#N/A</v></c><c r="C6"><v>-1E+300</v></c></row>` +
  `</sheetData><conditionalFormatting sqref="A1"><cfRule type="cellIs" priority="1" operator="equal"><formula>1</formula></cfRule></conditionalFormatting></worksheet>`;
const BYTES = new TextEncoder().encode(SHEET);
const STRINGS = ["甲乙"];

async function streamedRows(bytes: Uint8Array, at: number[]) {
  const store = await readSheetStream(textChunks(cut(bytes, at)), STRINGS);
  const used = store.used!;
  const values: CellValue[][] = Array.from({ length: used.top + used.rows }, () => new Array<CellValue>(used.left + used.columns).fill(null));
  store.fill({ top: 0, left: 0, rows: used.top + used.rows, columns: used.left + used.columns }, values);
  return { used, values };
}

function wholeRows(xml: string) {
  const read = readSheet(xml, STRINGS);
  const used = read.used!;
  const values: CellValue[][] = Array.from({ length: used.top + used.rows }, () => new Array<CellValue>(used.left + used.columns).fill(null));
  for (const row of read.rows) for (const cell of row.cells) values[row.index][cell.column] = cell.value;
  return { used, values };
}

async function streamedSplit(bytes: Uint8Array, at: number[]): Promise<string> {
  const parts: string[] = [];
  for await (const event of walkSheet(textChunks(cut(bytes, at)), rowText)) {
    if (event.kind === "head") parts.push(`H:${event.head}`);
    else if (event.kind === "rows") for (const { row, gap } of event.rows) parts.push(`G:${gap}`, `R${row.text.index}:${row.text.attributes}|${row.text.inner}|${row.original}`);
    else parts.push(`T:${event.tail}`);
  }
  return parts.join("\n");
}

function wholeSplit(xml: string): string {
  const split = splitSheet(xml);
  return [`H:${split.head}`, ...split.rows.flatMap((row) => [`G:${row.gap}`, `R${row.index}:${row.attributes}|${row.inner}|${xml.slice(row.start, row.end)}`]), `T:${split.tail}`].join("\n");
}

describe("a worksheet read as a stream", () => {
  test("cut at every single byte, it reads the same cells as the whole string", async () => {
    const expected = wholeRows(SHEET);
    expect(expected.values[1][2]).toBe("</row>x");
    expect(expected.values[2][0]).toBe(3);
    for (let at = 1; at < BYTES.length; at++) expect(await streamedRows(BYTES, [at])).toEqual(expected);
  });

  test("cut at every single byte, it splits into the same head, gaps, rows and tail", async () => {
    const expected = wholeSplit(SHEET);
    for (let at = 1; at < BYTES.length; at++) expect(await streamedSplit(BYTES, [at])).toBe(expected);
  });

  test("cut anywhere and many times (property), the same cells and split", async () => {
    const expectedRows = wholeRows(SHEET);
    const expectedSplit = wholeSplit(SHEET);
    await fc.assert(
      fc.asyncProperty(fc.array(fc.integer({ min: 1, max: BYTES.length - 1 }), { maxLength: 40 }), async (at) => {
        expect(await streamedRows(BYTES, at)).toEqual(expectedRows);
        expect(await streamedSplit(BYTES, at)).toBe(expectedSplit);
      }),
      { numRuns: 150 },
    );
  });

  test("cut into single bytes everywhere, a UTF-16 part reads like its UTF-8 twin", async () => {
    const utf16 = new Uint8Array(2 + SHEET.length * 2);
    utf16[0] = 0xff;
    utf16[1] = 0xfe;
    for (let i = 0; i < SHEET.length; i++) {
      utf16[2 + i * 2] = SHEET.charCodeAt(i) & 0xff;
      utf16[3 + i * 2] = SHEET.charCodeAt(i) >> 8;
    }
    const everyByte = Array.from({ length: utf16.length }, (_, i) => i);
    expect(await streamedRows(utf16, everyByte)).toEqual(wholeRows(SHEET));
  });

  test("a row left open at the end of the part is a syntax error, not a shorter row", async () => {
    const open = new TextEncoder().encode(SHEET.slice(0, SHEET.indexOf("</row>")));
    await expect(readSheetStream(textChunks(cut(open, [10, 200])), STRINGS)).rejects.toThrow(/not closed/);
  });

  test("a rewrite that keeps every row gives the part back byte for byte, at any cut", async () => {
    const same = { head: (h: string) => h, row: (row: { gap: string }, original: string) => row.gap + original, end: (t: string) => t };
    for (const at of [[1], [57], [300, 301, 302], Array.from({ length: 60 }, (_, i) => i * 13)]) {
      const chunks: Uint8Array[] = [];
      for await (const chunk of editSheetStream(textChunks(cut(BYTES, at)), same)) chunks.push(chunk);
      expect(Buffer.concat(chunks).toString("utf8")).toBe(SHEET);
    }
  });

  test("grid limits hold while streaming: a row past 1,048,576 is refused", async () => {
    const far = new TextEncoder().encode(`<worksheet ${NS}><sheetData><row r="1048577"><c><v>1</v></c></row></sheetData></worksheet>`);
    await expect(readSheetStream(textChunks(cut(far, [5, 40])), [])).rejects.toMatchObject({ code: "too-large" });
  });
});

/** Every part of a package, inflated, by name; the state part's random item id (a GUID) as one placeholder. */
async function parts(bytes: Uint8Array): Promise<Map<string, string>> {
  const zip = await JSZip.loadAsync(bytes);
  const found = new Map<string, string>();
  for (const name of Object.keys(zip.files)) {
    if (zip.files[name].dir) continue;
    const content = await zip.files[name].async("nodebuffer");
    found.set(name, /^customXml\/itemProps/.test(name) ? content.toString("latin1").replace(/\{[0-9A-F-]{36}\}/g, "{GUID}") : content.toString("base64"));
  }
  return found;
}

async function collect(chunks: AsyncIterable<Uint8Array>): Promise<Uint8Array> {
  const all: Uint8Array[] = [];
  for await (const chunk of chunks) all.push(chunk);
  return Buffer.concat(all);
}

const manifest: { files: { file: string; expect: object }[] } = JSON.parse(fs.readFileSync(path.join(FILES, "manifest.json"), "utf8"));
const realManifest: { files: { file: string; expect: object }[] } = JSON.parse(fs.readFileSync(path.join(FILES, "real", "manifest.json"), "utf8"));
// The reader's corpus and the real producers' files (LibreOffice, Gnumeric, openpyxl, XlsxWriter, ExcelJS,
// SheetJS, excel4node, write-excel-file): the hand reader of plain rows and the splicer meet their forms.
const gradable = [
  ...manifest.files.filter((entry) => "graded" in entry.expect).map((entry) => entry.file),
  ...realManifest.files.filter((entry) => "graded" in entry.expect).map((entry) => `real/${entry.file}`),
];

const spliced = new Set<string>();
/** Of those, the files whose sheet was all ASCII and spliced as bytes (spliceSheetBytes). */
const splicedBytes = new Set<string>();
const walked = new Set<string>();

describe("the corpus graded with every worksheet streamed in tiny chunks", () => {
  afterAll(() => {
    // The corpus's sheets are all spliced (their rows' places were recorded); the walker, for sheets
    // with comments or mc:AlternateContent among the rows, is compared in spliceSheet.test.ts.
    if (spliced.size + walked.size < gradable.length) return; // a filtered run
    expect(spliced.has("excel-like.xlsx")).toBe(true);
    expect(splicedBytes.has("excel-like.xlsx")).toBe(true);
  });

  test.each(gradable)("%s: every part of the graded file equals the whole-string path's, byte for byte", async (file) => {
    const input = new Uint8Array(fs.readFileSync(path.join(FILES, file)));
    const whole = await openXlsx(input);
    await gradeWorkbook(whole, defaultSettings("en-US", NOW));
    const expected = await parts(await whole.save());
    const streamed = await openXlsx(input, { streamAbove: 0, chunkBytes: 97 });
    const reads = jest.spyOn(sheetStream, "readSheetStream");
    const edits = jest.spyOn(sheetStream, "editSheetStream");
    const splices = jest.spyOn(sheetStream, "spliceSheetStream");
    const byteSplices = jest.spyOn(sheetStream, "spliceSheetBytes");
    await gradeWorkbook(streamed, defaultSettings("en-US", NOW));
    expect(reads).toHaveBeenCalled();
    // The rewrite is staged; it runs when the file is saved.
    const rewrites = () => edits.mock.calls.length + splices.mock.calls.length + byteSplices.mock.calls.length;
    expect(rewrites()).toBe(0);
    const got = await parts(await collect(streamed.saveChunks()));
    expect(rewrites()).toBeGreaterThan(0);
    if (byteSplices.mock.calls.length > 0) splicedBytes.add(file);
    (splices.mock.calls.length + byteSplices.mock.calls.length > 0 ? spliced : walked).add(file);
    jest.restoreAllMocks();
    expect([...got.keys()].sort()).toEqual([...expected.keys()].sort());
    for (const [name, content] of expected) expect([name, got.get(name)]).toEqual([name, content]);
    // A transform that edits text (prepare for sharing) gets a rewritten streamed sheet whole.
    for (const { part } of await whole.worksheets()) expect(await streamed.partText(part)).toBe(await whole.partText(part));
    // Graded twice: the second run reads the first run's streamed rewrite.
    await gradeWorkbook(streamed, defaultSettings("en-US", NOW));
    await gradeWorkbook(whole, defaultSettings("en-US", NOW));
    expect(await parts(await streamed.save())).toEqual(await parts(await whole.save()));
  });
});

describeWithLibreOffice("LibreOffice reads a workbook whose customer sheet was streamed", () => {
  test("the en-US sample graded through the streaming path (written with data descriptors) shows the engine's tiers", async () => {
    const workbook = await openXlsx(fs.readFileSync(path.join(__dirname, "..", "..", "assets", "sample-customers.en-US.xlsx")), { streamAbove: 0, chunkBytes: 4096 });
    const outcome = await gradeWorkbook(workbook, defaultSettings("en-US", NOW));
    if (!outcome.ok) throw new Error("the sample did not grade");
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tiers-streamed-"));
    try {
      const file = path.join(dir, "graded.xlsx");
      const bytes = await collect(workbook.saveChunks());
      // General purpose flag bit 3 of the first local header: sizes and CRC follow the data (APPNOTE 4.4.4).
      expect(bytes[6] & 8).toBe(8);
      fs.writeFileSync(file, bytes);
      const rows = sheetsAsCsv(file, ["Customers"]).Customers;
      expect(rows[0].slice(-3)).toEqual(["Score", "Rank", "Tier"]);
      const seen = rows.slice(1).filter((row) => row[0] !== "");
      expect(seen).toHaveLength(outcome.result.tier.length);
      seen.forEach((row, i) => {
        expect(Number(row[row.length - 3])).toBeCloseTo(outcome.result.score[i], 9);
        expect(Number(row[row.length - 2])).toBe(outcome.result.rank[i]);
        expect(row[row.length - 1]).toBe(outcome.result.labels[outcome.result.tier[i]]);
      });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

test.each([
  ['<row r="4"><c r="A4 t="s"><v>3</v></c></row>', /^Attributes are not separated by white space \(at character \d+\)$/],
  ['<row r="4"><c r="A4" t="s><v>3</v></c></row>', /^An attribute value holds a '<' \(or its closing quote is missing\) \(at character \d+\)$/],
])("a broken start tag early in a streamed sheet is refused where it stands, not after the rest of the sheet is read: %s", async (broken, says) => {
  // A value holding "<" (a stray quote) must not pass for a tag cut by the window's end: the stream would
  // then wait for more text, and hold the rest of the sheet (up to 500 MB) in one string before refusing.
  const rows = Array.from({ length: 2000 }, (_, r) => `<row r="${r + 1}"><c r="A${r + 1}"><v>${r}</v></c></row>`);
  rows[3] = broken;
  const bytes = new TextEncoder().encode(`<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows.join("")}</sheetData></worksheet>`);
  let given = 0;
  const chunks = (async function* () {
    for (let at = 0; at < bytes.length; at += 256) {
      given++;
      yield bytes.subarray(at, at + 256);
    }
  })();
  const error = await readSheetStream(textChunks(chunks), []).then(
    () => undefined,
    (e: Error) => e,
  );
  expect(given).toBeLessThan(10);
  expect(error?.message).toMatch(says);
  expect(Math.ceil(bytes.length / 256)).toBeGreaterThan(100);
});
