// Child-side measurements of the scale section (issue 13, "Scale: Excel's largest sheet"): a workbook
// of up to 1,048,575 customers x 12 indicators written the way Excel writes it (cell references,
// shared strings, spans and x14ac:dyDescent on rows, DEFLATE), graded by `tiers grade` (the command
// line's own main, through the .xlsx executor and its streaming path), against a floor in the same
// run: unzip the customer sheet, tokenize every token of it, zip it again (level 1, as the executor
// saves), every other part copied compressed.

import * as fs from "fs";
import * as path from "path";
import { Readable } from "stream";
import { customerHeaders, syntheticCustomers, weightSheetRows } from "../customers";
import { collectGarbage, nowMs } from "../statistics";

const FIXTURE_VERSION = 1;
/** Owners of the customers, round robin: what `tiers split` makes copies for. */
const OWNERS = 100;

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n';
const WORKSHEET_OPEN =
  `${DECLARATION}<worksheet xmlns="${MAIN}" xmlns:r="${REL}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" ` +
  'mc:Ignorable="x14ac xr xr2 xr3" xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac" ' +
  'xmlns:xr="http://schemas.microsoft.com/office/spreadsheetml/2014/revision" xmlns:xr2="http://schemas.microsoft.com/office/spreadsheetml/2015/revision2" ' +
  'xmlns:xr3="http://schemas.microsoft.com/office/spreadsheetml/2016/revision3" xr:uid="{00000000-0001-0000-0000-000000000000}">';
const WORKSHEET_CLOSE = '</sheetData><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>';

function letters(column: number): string {
  let s = "";
  for (let c = column + 1; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  return s;
}

function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** A shared-strings table built as Excel builds it: each distinct text once, in first-use order. */
class SharedStrings {
  readonly list: string[] = [];
  private readonly index = new Map<string, number>();
  count = 0;
  of(text: string): number {
    this.count++;
    let i = this.index.get(text);
    if (i === undefined) {
      i = this.list.length;
      this.list.push(text);
      this.index.set(text, i);
    }
    return i;
  }
}

/** A cell as Excel writes it: a number in <v>, a text as a shared-string index (t="s"). */
function cell(row: number, column: number, value: string | number, strings: SharedStrings, style = ""): string {
  const r = `${letters(column)}${row + 1}`;
  return typeof value === "number" ? `<c r="${r}"${style}><v>${value}</v></c>` : `<c r="${r}"${style} t="s"><v>${strings.of(value)}</v></c>`;
}

function* weightsSheet(strings: SharedStrings): Generator<string> {
  const rows = weightSheetRows("minmax");
  yield `${WORKSHEET_OPEN}<dimension ref="A1:E${rows.length}"/><sheetViews><sheetView workbookViewId="0"/></sheetViews><sheetFormatPr defaultRowHeight="15" x14ac:dyDescent="0.25"/><sheetData>`;
  yield rows
    .map((row, i) => `<row r="${i + 1}" spans="1:5" x14ac:dyDescent="0.25">${row.map((value, j) => (value === "" ? "" : cell(i, j, value, strings))).join("")}</row>`)
    .join("");
  yield WORKSHEET_CLOSE;
}

function* customersSheet(n: number, strings: SharedStrings): Generator<string> {
  const customers = syntheticCustomers(n);
  const headers = [...customerHeaders(), "Owner"];
  const last = letters(headers.length - 1);
  yield `${WORKSHEET_OPEN}<dimension ref="A1:${last}${n + 1}"/><sheetViews><sheetView tabSelected="1" workbookViewId="0"/></sheetViews><sheetFormatPr defaultRowHeight="15" x14ac:dyDescent="0.25"/><sheetData>`;
  const spans = ` spans="1:${headers.length}" x14ac:dyDescent="0.25"`;
  yield `<row r="1"${spans}>${headers.map((h, j) => cell(0, j, h, strings)).join("")}</row>`;
  const owners = Array.from({ length: OWNERS }, (_, i) => `Owner ${String(i + 1).padStart(3, "0")}`);
  let batch = "";
  for (let i = 0; i < n; i++) {
    const row = i + 1;
    let text = `<row r="${row + 1}"${spans}>${cell(row, 0, customers.ids[i], strings)}`;
    for (let j = 0; j < customers.indicatorValues.length; j++) text += cell(row, j + 1, customers.indicatorValues[j][i], strings);
    batch += `${text}${cell(row, headers.length - 1, owners[i % OWNERS], strings)}</row>`;
    if (batch.length > 1 << 20) {
      yield batch;
      batch = "";
    }
  }
  yield batch;
  yield WORKSHEET_CLOSE;
}

function* sharedStringsPart(strings: SharedStrings): Generator<string> {
  yield `${DECLARATION}<sst xmlns="${MAIN}" count="${strings.count}" uniqueCount="${strings.list.length}">`;
  let batch = "";
  for (const text of strings.list) {
    batch += `<si><t>${escapeXml(text)}</t></si>`;
    if (batch.length > 1 << 20) {
      yield batch;
      batch = "";
    }
  }
  yield `${batch}</sst>`;
}

/** Text pieces as a Node stream of UTF-8 bytes, produced as JSZip reads it. */
function streamOf(pieces: Iterable<string>): Readable {
  return Readable.from((function* () {
    for (const piece of pieces) yield Buffer.from(piece, "utf8");
  })());
}

/**
 * The path of a workbook with the Weights sheet and `n` customers (12 indicators and an Owner) in
 * `scratch`, written the way Excel writes one, on first use and reused afterwards. The sheets are
 * streamed into the zip, so the generator holds no part whole.
 * @example await excelLikeWorkbook({ n: 1_048_575, scratch: ".bench-out" }) // ".bench-out/excel-like-1048575-v1.xlsx" (about 90 MB)
 */
export async function excelLikeWorkbook(params: { n: number; scratch: string }): Promise<string> {
  const file = path.join(params.scratch, `excel-like-${params.n}-v${FIXTURE_VERSION}.xlsx`);
  if (fs.existsSync(file)) return file;
  const JSZip = (await import("jszip")).default;
  const zip = new JSZip();
  const strings = new SharedStrings();
  // The sheets first (they fill the shared strings), each drained into a temporary file: the
  // shared-strings part is only complete once both are written.
  fs.mkdirSync(params.scratch, { recursive: true });
  const sheetFiles = [path.join(params.scratch, `weights-${process.pid}.xml`), path.join(params.scratch, `customers-${process.pid}.xml`)];
  for (const [i, pieces] of [weightsSheet(strings), customersSheet(params.n, strings)].entries()) {
    const fd = fs.openSync(sheetFiles[i], "w");
    for (const piece of pieces) fs.writeSync(fd, piece);
    fs.closeSync(fd);
  }
  zip.file("[Content_Types].xml",
    `${DECLARATION}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>` +
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
    '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
    '<Override PartName="/xl/worksheets/sheet2.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
    '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
    '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>' +
    '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>' +
    '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/></Types>');
  zip.file("_rels/.rels",
    `${DECLARATION}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>` +
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>' +
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>');
  zip.file("docProps/app.xml", `${DECLARATION}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>Microsoft Excel</Application></Properties>`);
  zip.file("docProps/core.xml", `${DECLARATION}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator>bench</dc:creator></cp:coreProperties>`);
  zip.file("xl/workbook.xml",
    `${DECLARATION}<workbook xmlns="${MAIN}" xmlns:r="${REL}"><workbookPr defaultThemeVersion="166925"/><bookViews><workbookView xWindow="-120" yWindow="-120" windowWidth="29040" windowHeight="15840" activeTab="1"/></bookViews>` +
    '<sheets><sheet name="Weights" sheetId="1" r:id="rId1"/><sheet name="Customers" sheetId="2" r:id="rId2"/></sheets><calcPr calcId="191029"/></workbook>');
  zip.file("xl/_rels/workbook.xml.rels",
    `${DECLARATION}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/>` +
    `<Relationship Id="rId2" Type="${REL}/worksheet" Target="worksheets/sheet2.xml"/><Relationship Id="rId3" Type="${REL}/styles" Target="styles.xml"/><Relationship Id="rId4" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`);
  zip.file("xl/styles.xml",
    `${DECLARATION}<styleSheet xmlns="${MAIN}"><fonts count="1"><font><sz val="11"/><color theme="1"/><name val="Calibri"/><family val="2"/><scheme val="minor"/></font></fonts>` +
    '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>' +
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles><dxfs count="0"/><tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/></styleSheet>');
  zip.file("xl/worksheets/sheet1.xml", fs.createReadStream(sheetFiles[0]));
  zip.file("xl/worksheets/sheet2.xml", fs.createReadStream(sheetFiles[1]));
  zip.file("xl/sharedStrings.xml", streamOf(sharedStringsPart(strings)));
  const temp = `${file}.part`;
  await new Promise<void>((resolve, reject) => {
    zip
      .generateNodeStream({ type: "nodebuffer", streamFiles: true, compression: "DEFLATE", compressionOptions: { level: 6 } })
      .on("error", reject)
      .pipe(fs.createWriteStream(temp))
      .on("finish", () => resolve())
      .on("error", reject);
  });
  for (const sheet of sheetFiles) fs.rmSync(sheet, { force: true });
  fs.renameSync(temp, file);
  return file;
}

/**
 * Loads every module the measured jobs load, so that bench/register.js has compiled them all into its
 * cache before any of them is measured: a child that had to compile holds the TypeScript compiler in
 * its heap, which made the floor's CPU time vary from 16 to 26 s on the same file. Returns how many
 * modules were loaded.
 */
export async function warmUp(): Promise<number> {
  await import("../../src/cli/main");
  await import("../../src/workbook/executors/xlsx/sheetStream");
  await import("../../src/workbook/executors/xlsx/xmlTokens");
  await import("../../src/workbook/executors/xlsx/zipStream");
  return Object.keys(require.cache).length;
}

export interface ScaleTiming {
  ms: number;
  /** CPU time (user + system) of the same work: on a shared machine, steadier than the wall clock. */
  cpuMs: number;
  outBytes: number;
  /** The customer sheet's inflated size. */
  sheetBytes?: number;
}

/**
 * The floor: the customer sheet inflated in chunks, every token of it walked by the project's
 * tokenizer (each chunk up to its last "<", the rest carried), deflated again (level 1) into a new
 * package with every other part copied compressed, written to a file.
 * @example await scaleFloor({ file, out: "/tmp/floor.xlsx" }) // { ms: 60000, outBytes: 95_000_000, sheetBytes: 520_000_000 }
 */
export async function scaleFloor(params: { file: string; out: string }): Promise<ScaleTiming> {
  const JSZip = (await import("jszip")).default;
  const { partChunks, textChunks } = await import("../../src/workbook/executors/xlsx/sheetStream");
  const { Token, XmlTokens } = await import("../../src/workbook/executors/xlsx/xmlTokens");
  const { readableOf } = await import("../../src/workbook/executors/xlsx/zipStream");
  collectGarbage();
  const start = nowMs();
  const cpu = process.cpuUsage();
  const zip = await JSZip.loadAsync(fs.readFileSync(params.file));
  const source = zip.file("xl/worksheets/sheet2.xml")!;
  let sheetBytes = 0;
  let tokens = 0;
  async function* retokenized(): AsyncGenerator<Uint8Array> {
    const encoder = new TextEncoder();
    let carry = "";
    for await (const text of textChunks(partChunks(source))) {
      const window = carry + text;
      const cut = Math.max(0, window.lastIndexOf("<"));
      // Every token up to the cut; an end tag whose start tag was in an earlier window is counted and
      // walked past (no tree is kept across windows).
      for (let from = 0; ; ) {
        const walker = new XmlTokens(window, undefined, from, cut);
        try {
          while (walker.next() !== Token.End) tokens++;
          break;
        } catch (error) {
          tokens++;
          from = window.indexOf(">", (error as { offset: number }).offset) + 1;
          if (from <= 0 || from >= cut) break;
        }
      }
      carry = window.slice(cut);
      const bytes = encoder.encode(window.slice(0, cut));
      sheetBytes += bytes.length;
      yield bytes;
    }
    const last = encoder.encode(carry);
    sheetBytes += last.length;
    yield last;
  }
  zip.file(source.name, readableOf(retokenized()) as unknown as Uint8Array, { binary: true });
  const outBytes = await writeZip(zip, params.out);
  return { ms: nowMs() - start, cpuMs: cpuMsSince(cpu), outBytes, sheetBytes: tokens > 0 ? sheetBytes : 0 };
}

function cpuMsSince(start: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

async function writeZip(zip: import("jszip"), out: string): Promise<number> {
  await new Promise<void>((resolve, reject) => {
    zip
      .generateNodeStream({ type: "nodebuffer", streamFiles: true, compression: "DEFLATE", compressionOptions: { level: 1 } })
      .on("error", reject)
      .pipe(fs.createWriteStream(out))
      .on("finish", () => resolve())
      .on("error", reject);
  });
  return fs.statSync(out).size;
}

/**
 * `tiers grade <file> --out <out>`, run by the command line's own main in this process.
 * Throws when it exits with anything but 0.
 * @example await scaleGrade({ file, out: "/tmp/graded.xlsx" }) // { ms: 90000, outBytes: 120_000_000 }
 */
export async function scaleGrade(params: { file: string; out: string }): Promise<ScaleTiming> {
  const { main } = await import("../../src/cli/main");
  collectGarbage();
  const start = nowMs();
  const cpu = process.cpuUsage();
  let stderr = "";
  const code = await main(["grade", params.file, "--out", params.out], {
    stdout: () => undefined,
    stderr: (text) => (stderr += text),
    env: {},
    stderrIsTTY: false,
    now: () => new Date(Date.UTC(2026, 10, 22)),
  });
  const ms = nowMs() - start;
  const cpuMs = cpuMsSince(cpu);
  if (code !== 0) throw new Error(`tiers grade exited with ${code}: ${stderr.trim()}`);
  return { ms, cpuMs, outBytes: fs.statSync(params.out).size };
}

/**
 * `tiers split <graded> --by Owner --out <folder>`, run by the command line's own main in this
 * process: the per-owner copies (100 owners in the fixture) and the company-wide one. Throws when it
 * exits with anything but 0; the folder is removed afterwards.
 * @example await scaleSplit({ file: "/tmp/graded.xlsx", out: "/tmp/copies" }) // { ms: 150000, outBytes: 260_000_000, copies: 101 }
 */
export async function scaleSplit(params: { file: string; out: string }): Promise<ScaleTiming & { copies: number }> {
  const { main } = await import("../../src/cli/main");
  fs.rmSync(params.out, { recursive: true, force: true });
  collectGarbage();
  const start = nowMs();
  const cpu = process.cpuUsage();
  let stderr = "";
  const code = await main(["split", params.file, "--by", "Owner", "--out", params.out], {
    stdout: () => undefined,
    stderr: (text) => (stderr += text),
    env: {},
    stderrIsTTY: false,
    now: () => new Date(Date.UTC(2026, 10, 22)),
  });
  const ms = nowMs() - start;
  const cpuMs = cpuMsSince(cpu);
  if (code !== 0) throw new Error(`tiers split exited with ${code}: ${stderr.trim()}`);
  const names = fs.readdirSync(params.out);
  const outBytes = names.reduce((sum, name) => sum + fs.statSync(path.join(params.out, name)).size, 0);
  fs.rmSync(params.out, { recursive: true, force: true });
  return { ms, cpuMs, outBytes, copies: names.length };
}
