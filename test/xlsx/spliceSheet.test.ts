// spliceSheetStream, the editor of a streamed sheet that copies text between the rows it changes (at the
// places readSheetStream recorded), against the whole-string path on a sheet written as Excel writes it,
// and on its own: rows it keeps pass through in pieces, byte for byte, never gathered whole.

import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import JSZip from "jszip";
import { excelLikeWorkbook } from "../../bench/jobs/scale";
import { defaultSettings, gradeWorkbook } from "../../src/workbook/run";
import { openXlsx } from "../../src/workbook/executors/xlsx";
import { OutputColumnsEdit } from "../../src/workbook/executors/xlsx/outputColumnsXml";
import * as sheetStream from "../../src/workbook/executors/xlsx/sheetStream";
import { readSheetStream, spliceSheetBytes, spliceSheetStream, textChunks } from "../../src/workbook/executors/xlsx/sheetStream";
import { EMPTY_STYLESHEET, Stylesheet } from "../../src/workbook/executors/xlsx/stylesheet";

const NOW = new Date(Date.UTC(2026, 10, 22, 9, 30));

async function* pieces(text: string, size: number): AsyncGenerator<Uint8Array> {
  const bytes = new TextEncoder().encode(text);
  for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, at + size);
}

async function inflatedParts(bytes: Uint8Array): Promise<Map<string, string>> {
  const zip = await JSZip.loadAsync(bytes);
  const found = new Map<string, string>();
  for (const name of Object.keys(zip.files)) {
    if (zip.files[name].dir) continue;
    const text = (await zip.files[name].async("nodebuffer")).toString("latin1");
    found.set(name, /^customXml\/itemProps/.test(name) ? text.replace(/\{[0-9A-F-]{36}\}/g, "{GUID}") : text);
  }
  return found;
}

async function collect(chunks: AsyncIterable<Uint8Array>): Promise<{ bytes: Buffer; count: number }> {
  const all: Uint8Array[] = [];
  for await (const chunk of chunks) all.push(chunk);
  return { bytes: Buffer.concat(all), count: all.length };
}

let dir: string;
beforeAll(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), "tiers-splice-"))));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

test("a 3,000-customer sheet as Excel writes it: spliced, the same parts as the whole-string path, graded once and again", async () => {
  const input = fs.readFileSync(await excelLikeWorkbook({ n: 3000, scratch: dir }));
  const whole = await openXlsx(input);
  await gradeWorkbook(whole, defaultSettings("en-US", NOW));
  const streamed = await openXlsx(input, { streamAbove: 0, chunkBytes: 4093 });
  // The sheet is all ASCII: its bytes are spliced (spliceSheetBytes), never decoded and encoded again.
  const splices = jest.spyOn(sheetStream, "spliceSheetBytes");
  await gradeWorkbook(streamed, defaultSettings("en-US", NOW));
  const got = await inflatedParts((await collect(streamed.saveChunks())).bytes);
  expect(splices).toHaveBeenCalled();
  jest.restoreAllMocks();
  const expected = await inflatedParts(await whole.save());
  expect([...got.keys()].sort()).toEqual([...expected.keys()].sort());
  for (const [name, content] of expected) expect([name, got.get(name)]).toEqual([name, content]);
  // Graded again, each reads its own first rewrite: every row now holds owned cells to replace.
  await gradeWorkbook(whole, defaultSettings("en-US", NOW));
  await gradeWorkbook(streamed, defaultSettings("en-US", NOW));
  expect(await inflatedParts((await collect(streamed.saveChunks())).bytes)).toEqual(await inflatedParts(await whole.save()));
});

test("rows an edit keeps pass through unchanged, in pieces, with new rows and the tail's edit in their places", async () => {
  // Rows 3,995 and 3,996 are missing (a sheet leaves out rows without cells): the edit makes them.
  const rows = Array.from({ length: 4000 }, (_, i) => `<row r="${i + 1}" spans="1:2"><c r="A${i + 1}"><v>${i}</v></c><c r="B${i + 1}" t="inlineStr"><is><t>客户 ${i}</t></is></c></row>`).filter(
    (_, i) => i !== 3994 && i !== 3995,
  );
  const text =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
    `<dimension ref="A1:B4000"/><sheetData>\n${rows.join("\n")}\n</sheetData><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>`;
  const store = await readSheetStream(textChunks(pieces(text, 1000)), []);
  const layout = store.layout!;
  expect(layout.valid).toBe(true);
  expect(layout.count).toBe(3998);

  // Nothing written, nothing cleared: every row kept, the text comes back as it was, in many chunks.
  const keep = new OutputColumnsEdit("", undefined, [], new Stylesheet(EMPTY_STYLESHEET), undefined);
  const kept = await collect(spliceSheetStream(textChunks(pieces(text, 1000)), layout, keep));
  expect(kept.bytes.toString("utf8")).toBe(text);
  expect(kept.count).toBeGreaterThan(4);

  // A column written from row 3,990 on, past the last row: rows 1..3,989 kept, the rest appended to,
  // new rows after the last one, and the dimension widened in the head.
  const columns = {
    sheet: "S",
    headerRow: 3989,
    firstColumn: 2,
    rowCount: 20,
    tierColumn: 0,
    tierStyles: [],
    columns: [{ header: "Tier", numberFormat: null, values: Array.from({ length: 20 }, (_, i) => `T${i}`) }],
  };
  const write = () => new OutputColumnsEdit("", columns as never, [], new Stylesheet(EMPTY_STYLESHEET), undefined);
  const spliced = (await collect(spliceSheetStream(textChunks(pieces(text, 1000)), layout, write()))).bytes.toString("utf8");
  const walked = (await collect(sheetStream.editSheetStream(textChunks(pieces(text, 1000)), write()))).bytes.toString("utf8");
  expect(spliced).toBe(walked);
  expect(spliced).toContain('<dimension ref="A1:C4010"/>');
  expect(spliced).toContain('<row r="4010">');
  // The missing rows come right after row 3,994, before the line break that stood before row 3,997.
  expect(spliced).toContain('T3</t></is></c></row><row r="3995"><c r="C3995" t="inlineStr"><is><t>T4</t></is></c></row><row r="3996">');
  expect(spliced).toContain('T5</t></is></c></row>\n<row r="3997"');
  expect(spliced.slice(0, spliced.indexOf('<row r="3989"'))).toBe(text.slice(0, text.indexOf('<row r="3989"')).replace("A1:B4000", "A1:C4010"));
});

test("a sheet with a comment among its rows is walked, not spliced, to the same parts", async () => {
  const zip = await JSZip.loadAsync(fs.readFileSync(await excelLikeWorkbook({ n: 3000, scratch: dir })));
  const sheet = await zip.file("xl/worksheets/sheet2.xml")!.async("string");
  zip.file("xl/worksheets/sheet2.xml", sheet.replace('<row r="1500" ', '<!-- checked by hand --><row r="1500" '));
  const input = await zip.generateAsync({ type: "uint8array" });
  const whole = await openXlsx(input);
  await gradeWorkbook(whole, defaultSettings("en-US", NOW));
  const streamed = await openXlsx(input, { streamAbove: 0, chunkBytes: 4093 });
  const splices = jest.spyOn(sheetStream, "spliceSheetStream");
  const byteSplices = jest.spyOn(sheetStream, "spliceSheetBytes");
  const walks = jest.spyOn(sheetStream, "editSheetStream");
  await gradeWorkbook(streamed, defaultSettings("en-US", NOW));
  const got = await inflatedParts((await collect(streamed.saveChunks())).bytes);
  expect(splices).not.toHaveBeenCalled();
  expect(byteSplices).not.toHaveBeenCalled();
  expect(walks).toHaveBeenCalled();
  jest.restoreAllMocks();
  const expected = await inflatedParts(await whole.save());
  for (const [name, content] of expected) expect([name, got.get(name)]).toEqual([name, content]);
  expect(got.get("xl/worksheets/sheet2.xml")).toContain("<!-- checked by hand -->");
});

test("rows graded before (owned cells last) are cut, not split, where that gives rebuild's text; any other row is rebuilt (walker as the reference)", async () => {
  // Owned columns C..D from an earlier run (header row 1), written again at C..E. Row forms:
  // tight with its owned cells last (cut), a user's cell right of the owned ones (rebuilt), white space
  // between cells (not tight), cells out of order (not tight), a cell without r (not tight), no owned cell.
  const forms = [
    (r: number) => `<c r="A${r}"><v>${r}</v></c><c r="B${r}" t="s"><v>0</v></c><c r="C${r}" s="1"><v>0.5</v></c><c r="D${r}" t="inlineStr"><is><t>A</t></is></c>`,
    (r: number) => `<c r="A${r}"><v>${r}</v></c><c r="C${r}"><v>1</v></c><c r="D${r}"><v>2</v></c><c r="G${r}"><v>user</v></c>`,
    (r: number) => `<c r="A${r}"><v>${r}</v></c> <c r="C${r}"><v>1</v></c><c r="D${r}"><v>2</v></c>`,
    (r: number) => `<c r="B${r}"><v>${r}</v></c><c r="A${r}"><v>1</v></c><c r="D${r}"><v>2</v></c>`,
    (r: number) => `<c r="A${r}"><v>${r}</v></c><c><v>1</v></c><c r="D${r}"><v>2</v></c>`,
    (r: number) => `<c r="A${r}"><v>${r}</v></c><c r="B${r}"><v>2</v></c>`,
    (r: number) => `<c r="C${r}"><v>1</v></c><c r="D${r}"><v>2</v></c>`,
  ];
  const rows = Array.from({ length: 700 }, (_, i) => `<row r="${i + 1}" spans="1:4">${forms[i % forms.length](i + 1)}</row>`);
  const text =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
    `<dimension ref="A1:G700"/><sheetData>${rows.join("")}</sheetData></worksheet>`;
  const store = await readSheetStream(textChunks(pieces(text, 997)), ["s"]);
  const layout = store.layout!;
  expect(layout.valid).toBe(true);
  // Tight: the first, second, sixth and seventh forms.
  expect(Array.from(layout.tight.subarray(0, 7))).toEqual([1, 1, 0, 0, 0, 1, 1]);
  const columns = {
    sheet: "S",
    headerRow: 0,
    firstColumn: 2,
    rowCount: 699,
    tierColumn: 2,
    tierStyles: [],
    columns: ["Score", "Rank", "Tier"].map((header, j) => ({ header, numberFormat: null, values: Array.from({ length: 699 }, (_, i) => (j === 2 ? `T${i}` : i * (j + 1))) })),
  };
  const write = () => new OutputColumnsEdit("", columns as never, [{ headerRow: 0, first: 2, last: 3 }], new Stylesheet(EMPTY_STYLESHEET), undefined);
  const tight = jest.spyOn(OutputColumnsEdit.prototype, "rebuildTight");
  const spliced = (await collect(spliceSheetStream(textChunks(pieces(text, 997)), layout, write()))).bytes.toString("utf8");
  const cut = tight.mock.results.filter((result) => typeof result.value === "string").length;
  jest.restoreAllMocks();
  const walked = (await collect(sheetStream.editSheetStream(textChunks(pieces(text, 997)), write()))).bytes.toString("utf8");
  expect(spliced).toBe(walked);
  // The text is all ASCII: the byte splicer gives the same bytes, from chunks of any size.
  expect(layout.ascii).toBe(false); // set by the caller that decoded the part (xlsxWorkbook), not by readSheetStream
  for (const size of [1, 7, 997, 1 << 20]) {
    expect((await collect(spliceSheetBytes(pieces(text, size), layout, write()))).bytes.toString("latin1")).toBe(walked);
  }
  // Rows of the first and seventh forms are cut (100 each); the second form keeps its user cell in G.
  expect(cut).toBe(200);
  expect(spliced).toContain('<row r="2"><c r="A2"><v>2</v></c><c r="C2"><v>0</v></c><c r="D2"><v>0</v></c><c r="E2" t="inlineStr"><is><t>T0</t></is></c><c r="G2"><v>user</v></c></row>');
});

test("textChunks tells an all-ASCII part (text offsets are byte offsets) from any other, whatever the chunks", async () => {
  const decoded = async (bytes: Uint8Array, size: number) => {
    const seen = { ascii: false };
    let text = "";
    async function* cut(): AsyncGenerator<Uint8Array> {
      for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, at + size);
    }
    for await (const piece of textChunks(cut(), seen)) text += piece;
    return { text, ascii: seen.ascii };
  };
  const utf8 = (text: string) => new TextEncoder().encode(text);
  const cases: [string, Uint8Array, boolean][] = [
    ["ASCII", utf8('<row r="1"><c r="A1"><v>1</v></c></row>'), true],
    ["a Chinese name", utf8("<t>客户</t>"), false],
    ["a character of four bytes", utf8("<t>a😀b</t>"), false],
    ["a UTF-8 byte-order mark", utf8("\uFEFF<t>a</t>"), false],
    ["UTF-16 with its byte-order mark", new Uint8Array([0xff, 0xfe, 0x3c, 0x00, 0x74, 0x00, 0x3e, 0x00]), false],
    ["an invalid byte", new Uint8Array([0x3c, 0x74, 0x3e, 0x80, 0x3c]), false],
    ["a sequence cut off at the end", new Uint8Array([0x3c, 0x74, 0x3e, 0xe4, 0xb8]), false],
  ];
  for (const [what, bytes, ascii] of cases) {
    for (const size of [1, 2, 3, 5, 64]) expect([what, size, (await decoded(bytes, size)).ascii]).toEqual([what, size, ascii]);
  }
  expect((await decoded(utf8("<t>a😀b</t>"), 3)).text).toBe("<t>a😀b</t>");
});

test("the byte splicer equals the text splicer on an ASCII sheet: rows kept, appended to, rebuilt, made before others, and the tail", async () => {
  // Rows 40..44 missing (made by the edit), a gap of white space and a comment-free tail; owned cells from
  // an earlier run in C on some rows (rebuilt), others tight with owned cells last (cut).
  const rows: string[] = [];
  for (let r = 1; r <= 300; r++) {
    if (r >= 40 && r <= 44) continue;
    const owned = r % 3 === 0 ? `<c r="C${r}"><v>${r / 3}</v></c>` : "";
    const user = r % 7 === 0 ? `<c r="F${r}" t="inlineStr"><is><t>note &amp; ${r}</t></is></c>` : "";
    rows.push(`<row r="${r}" spans="1:6" x14ac:dyDescent="0.25"><c r="A${r}"><v>${r}</v></c><c r="B${r}" t="s"><v>0</v></c>${owned}${user}</row>`);
  }
  const text =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac">' +
    `<dimension ref="A1:F300"/><sheetData>${rows.join("\n")}</sheetData><conditionalFormatting sqref="C2:C300"/><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>`;
  const seen = { ascii: false };
  const store = await readSheetStream(textChunks(pieces(text, 501), seen), ["s"]);
  const layout = store.layout!;
  expect([layout.valid, seen.ascii]).toEqual([true, true]);
  const columns = {
    sheet: "S",
    headerRow: 9,
    firstColumn: 2,
    rowCount: 300,
    tierColumn: 2,
    tierStyles: [],
    columns: ["Score", "Rank", "Tier"].map((header, j) => ({ header, numberFormat: null, values: Array.from({ length: 300 }, (_, i) => (j === 2 ? `T&${i}` : i / (j + 3))) })),
  };
  const write = () => new OutputColumnsEdit("", columns as never, [{ headerRow: 0, first: 2, last: 2 }], new Stylesheet(EMPTY_STYLESHEET), undefined);
  const expected = (await collect(spliceSheetStream(textChunks(pieces(text, 501)), layout, write()))).bytes;
  expect(expected.toString("utf8")).toContain('<row r="40">');
  for (const size of [1, 13, 501, 65536, 1 << 22]) {
    const got = await collect(spliceSheetBytes(pieces(text, size), layout, write()));
    expect([size, got.bytes.equals(expected)]).toEqual([size, true]);
  }
});
