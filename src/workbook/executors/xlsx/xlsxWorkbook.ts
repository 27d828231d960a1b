// A workbook held as an .xlsx file, behind the same WorkbookBackend the task pane uses in Excel.
//
// Why JSZip and text edits of only the parts a plan touches: the promise is to lose nothing of the
// user's workbook. exceljs drops charts it reads; xlsx-populate keeps unknown parts but re-serialises
// every sheet and the styles it parses, and no package writes charts (docs/ENVIRONMENT.md). Editing the
// few parts a plan touches (the customer sheet, its table, styles, workbook.xml, the add-in's own
// sheets and charts) leaves every other part byte-identical, runs the same in Node and in a browser
// (JSZip needs neither fs nor path), and is fast: the sheet reader (sheetScanner.ts, on the tokenizer
// of xmlTokens.ts) walks a 100,000-row sheet in about 2.3 times what the old regular expressions took
// (bench/scanner.ts) while reading every namespace style, where a DOM parser takes tens of seconds.
// Part names are found case-insensitively (OPC), and new ones are unique that way.

import JSZip from "jszip";
import { decodeLegacyState, LEGACY_STATE_NAME, parseStateXml } from "../../planning/state";
import { assertPlanSheetNames } from "../../planning/sheetNames";
import { attachStatePart, detachStateParts, stateParts } from "./customXml";
import type { Box, CellValue, OutputColumns, OutputSheet, OwnedState, Progress, WorkbookBackend, WorkbookIndex, WritePlan } from "../../types";
import { appendRowsXml, logSheet } from "./appendRowsXml";
import { rangeCorners } from "../../reading/address";
import { throwIfCancelled } from "../../cancel";
import type { OwnedColumns } from "./outputColumnsXml";
import { OutputColumnsEdit, outputColumnsXml } from "./outputColumnsXml";
import { fillCellsXml, sharedFormulaStarts } from "./fillCellsXml";
import {
  CONTENT_TYPE,
  freeRelationshipId,
  isRelType,
  parseRelationships,
  Relationship,
  relationshipsXml,
  relsPath,
  relType,
  resolveTarget,
  strictNamespaces,
  withOverride,
} from "./packageParts";
import { asBadXml, packageError } from "./packageErrors";
import { asTooLarge, partString, sniffPackage } from "./packageGuard";
import { drawingXml, pyramidChartXml } from "./pyramidChartXml";
import { findSheetData, MAX_COLUMNS, readSheet, scopeFor, sharedStrings, splitCells, splitSheet } from "./sheetScanner";
import type { RowText } from "./sheetScanner";
import { CellStore, CHUNK_BYTES, declaredSizes, editSheetStream, findRow, partChunks, readSheetStream, spliceSheetBytes, spliceSheetStream, textChunks } from "./sheetStream";
import { SpilledPart, SpillStores } from "./partSpill";
import type { RowLayout } from "./sheetStream";
import { AsyncChunks, gatherChunks, helperChunks, readableOf, StreamHelper, zipTakesStreams } from "./zipStream";
import { EMPTY_STYLESHEET, Stylesheet } from "./stylesheet";
import { SheetXmlWriter, valuesInRange } from "./summarySheetXml";
import { viewOf } from "../../lazyArray";
import { tableInfo, tablePartXml } from "./tablePartXml";
import { attribute, escapeXml, unescapeXml, withAttribute } from "./xmlText";
import { isMain, isOfficeRel, MAIN_STRICT, OFFICE_REL, OFFICE_REL_STRICT, prefixFor, rootElement, Token, withPrefix, XmlTokens, XmlSyntaxError } from "./xmlTokens";

interface SheetEntry {
  name: string;
  part: string;
  relationshipId: string;
  element: string;
}

/** Options of the .xlsx reader; the defaults suit every file, tests set smaller ones. */
export interface XlsxOptions {
  /**
   * A worksheet whose part inflates to more than this many bytes is read and written as a stream,
   * never as one string (default STREAM_ABOVE_BYTES; 0 streams every worksheet).
   */
  streamAbove?: number;
  /** The most inflated bytes a streamed chunk holds (default sheetStream's CHUNK_BYTES). */
  chunkBytes?: number;
  /**
   * Stores for a streamed sheet's inflated bytes, kept by the read that grades it for the rewrite that
   * saves it (partSpill.ts; the command line's are on disk). Without them each read inflates the part.
   */
  spill?: SpillStores;
}

/**
 * Worksheets larger than this are streamed: 64 MiB of XML is about 130,000 rows of a dozen numbers,
 * far below the 512 M characters of a string, so every smaller sheet keeps the whole-string path.
 */
export const STREAM_ABOVE_BYTES = 64 * 1024 * 1024;

/**
 * Fewer bytes than any written cell takes (a styled blank `<c r="A1" s="1"/>` is 17): a new sheet whose
 * cells would pass options.streamAbove at this size is written as a stream.
 */
const MIN_CELL_BYTES = 16;

/** A worksheet held as a stream: its text is produced again from its source each time it is read. */
interface StreamedPart {
  path: string;
  chunks: () => AsyncChunks;
  /** True once a run has rewritten it: the package's entry must be replaced when it is saved. */
  edited: boolean;
  /**
   * A new sheet this workbook writes (not yet rewritten): its writer, whose rows a run that adds output
   * columns edits as they are made instead of reading them back from the text (the same bytes: see
   * editWrittenSheet).
   */
  writer?: { sheet: SheetXmlWriter; conform: (xml: string) => string };
}

interface SheetCells {
  rows: { index: number; cells: { column: number; value: CellValue }[] }[];
  used: Box | null;
}

/** Workbook.xml children that come after definedNames / calcPr (CT_Workbook's order). */
const AFTER_DEFINED_NAMES = ["calcPr", "oleSize", "customWorkbookViews", "pivotCaches", "smartTagPr", "smartTagTypes", "webPublishing", "fileRecoveryPr", "webPublishObjects", "extLst"];
const AFTER_CALC_PR = AFTER_DEFINED_NAMES.slice(1);

/** The qualified name of a SpreadsheetML element in a part whose SpreadsheetML prefix is `prefix`. */
function qualified(prefix: string, name: string): string {
  return prefix ? `${prefix}:${name}` : name;
}

function insertBefore(xml: string, followers: string[], closing: string, text: string, prefix = ""): string {
  const at = followers
    .map((name) => xml.search(new RegExp(`<${qualified(prefix, name)}\\b`)))
    .filter((i) => i >= 0)
    .reduce((min, i) => Math.min(min, i), xml.lastIndexOf(closing));
  return xml.slice(0, at) + text + xml.slice(at);
}

/** workbook.xml asking for a full calculation when the file is opened (formulas without fresh values). */
export function withFullCalcOnLoad(workbook: string, prefix = ""): string {
  const calcPr = qualified(prefix, "calcPr");
  return new RegExp(`<${calcPr}\\b`).test(workbook)
    ? workbook.replace(new RegExp(`<${calcPr}\\b([^>]*?)(\\/?)>`), (_, attrs: string, close: string) => `<${calcPr}${withAttribute(attrs, "fullCalcOnLoad", "1")}${close}>`)
    : insertBefore(workbook, AFTER_CALC_PR, `</${qualified(prefix, "workbook")}>`, `<${calcPr} fullCalcOnLoad="1"/>`, prefix);
}

/**
 * Whether the plan writes a formula anywhere. A lazy view that says it holds values only (a split copy's
 * million rows) is not walked: walking it would make every one of its rows just to find none.
 */
export function hasFormula(plan: WritePlan): boolean {
  const isFormula = (value: unknown) => typeof value === "object" && value !== null && "formula" in value;
  const valuesOnly = (values: readonly unknown[]) => viewOf(values)?.valuesOnly === true;
  return (
    (plan.columns?.columns.some((column) => !valuesOnly(column.values) && column.values.some(isFormula)) ?? false) ||
    plan.sheets.some((sheet) => sheet.blocks.some((block) => !valuesOnly(block.values) && block.values.some((row) => row.some(isFormula)))) ||
    (plan.appends ?? []).some((append) => [append.header, ...append.rows].some((row) => row.some(isFormula)))
  );
}

export class XlsxWorkbook implements WorkbookBackend {
  private readonly texts = new Map<string, string>();
  private readonly cells = new Map<string, SheetCells | CellStore>();
  /** Where the rows of each streamed part lie in its text, as read (by the part's stream, which a rewrite replaces). */
  private readonly layouts = new WeakMap<StreamedPart, RowLayout>();
  /** Worksheets read and written as streams (their declared size passes options.streamAbove), by lower-case path. */
  private readonly streamed = new Map<string, StreamedPart>();
  private options: XlsxOptions = {};
  private strings?: string[];

  /** The prefix of SpreadsheetML elements in workbook.xml ("" for the default namespace). */
  private prefix = "";
  /** Whether the workbook is strict OOXML (purl.oclc.org namespaces): new parts are written the same way. */
  private strict = false;

  private constructor(
    private readonly zip: JSZip,
    private readonly workbookPart: string,
  ) {}

  /**
   * Opens an .xlsx held in memory. Throws an Error with a `code` (packageErrors.ts) when the bytes are
   * not an .xlsx package: "encrypted", "xls", "not-xlsx", "no-content-types", "too-large".
   */
  static async open(data: Uint8Array | ArrayBuffer, options: XlsxOptions = {}): Promise<XlsxWorkbook> {
    const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
    sniffPackage(bytes);
    let zip: JSZip;
    try {
      zip = await JSZip.loadAsync(bytes);
    } catch (error) {
      throw packageError("not-xlsx", { detail: `the zip package is damaged (${(error as Error).message})` });
    }
    const workbook = new XlsxWorkbook(zip, "");
    // A package without its content types is not an OPC package (ECMA-376 Part 2, §10.1.2.1); adding
    // one would be guessing what each part is, so it is refused rather than repaired.
    if (!workbook.file("[Content_Types].xml")) throw packageError("no-content-types");
    const root = await workbook.relationships("_rels/.rels");
    const office = root.find((rel) => isRelType(rel.type, "officeDocument"));
    const part = office ? resolveTarget("", office.target) : "xl/workbook.xml";
    const found = workbook.file(part);
    if (!found) throw packageError("not-xlsx", { detail: "the package has no workbook part" });
    const opened = new XlsxWorkbook(zip, found.name);
    opened.options = options;
    const xml = (await opened.text(found.name)) ?? "";
    let top: ReturnType<typeof rootElement>;
    try {
      top = rootElement(xml);
    } catch (error) {
      throw asBadXml(error, found.name);
    }
    if (!top || top.local !== "workbook" || !isMain(top.uri)) {
      throw packageError("not-xlsx", { detail: "its main part is not a workbook (it may be a Word or PowerPoint file)" });
    }
    opened.prefix = top.prefix;
    opened.strict = top.uri === MAIN_STRICT;
    return opened;
  }

  /** The package's entry for a part name, compared case-insensitively as OPC requires (ECMA-376 Part 2, §9.1.1.1). */
  private file(path: string): JSZip.JSZipObject | null {
    const exact = this.zip.file(path);
    if (exact) return exact;
    const lower = path.toLowerCase();
    const name = Object.keys(this.zip.files).find((key) => key.toLowerCase() === lower && !this.zip.files[key].dir);
    return name ? this.zip.files[name] : null;
  }

  /** A part written by the add-in, in the workbook's conformance class (strict namespaces for a strict workbook). */
  private conform(xml: string): string {
    return this.strict ? strictNamespaces(xml) : xml;
  }

  async index(): Promise<WorkbookIndex> {
    const sheets = await this.sheetList();
    const index: WorkbookIndex = { sheets: [], tables: [] };
    for (const sheet of sheets) {
      index.sheets.push({ name: sheet.name, used: (await this.sheetCells(sheet)).used });
      for (const table of await this.tableParts(sheet.part)) {
        const xml = (await this.text(table))!;
        const { name, ref, totalsRows } = await inPart(table, () => tableInfo(xml));
        const box = rangeCorners(ref);
        // A totals row is part of the table's range but is never a customer: the box stops above it.
        const rows = Math.max(1, box.bottom - box.top + 1 - totalsRows);
        index.tables.push({
          name,
          sheet: sheet.name,
          box: { top: box.top, left: box.left, rows, columns: box.right - box.left + 1 },
          ...(totalsRows > 0 ? { totalsRows } : {}),
        });
      }
    }
    return index;
  }

  async read(sheet: string, box: Box): Promise<CellValue[][]> {
    const entry = (await this.sheetList()).find((s) => s.name.toLowerCase() === sheet.toLowerCase());
    if (!entry) throw new Error(`The workbook has no sheet "${sheet}".`);
    const grid: CellValue[][] = Array.from({ length: box.rows }, () => new Array<CellValue>(box.columns).fill(null));
    const cells = await this.sheetCells(entry);
    if (cells instanceof CellStore) {
      cells.fill(box, grid);
      return grid;
    }
    for (const row of cells.rows) {
      if (row.index < box.top || row.index >= box.top + box.rows) continue;
      const target = grid[row.index - box.top];
      for (const cell of row.cells) {
        if (cell.column >= box.left && cell.column < box.left + box.columns) target[cell.column - box.left] = cell.value;
      }
    }
    return grid;
  }

  /** The add-in's record: its Custom XML part, else (a workbook graded before the part) the legacy defined name. */
  async readState(): Promise<OwnedState | undefined> {
    const rels = await this.relationships(relsPath(this.workbookPart));
    const root = await this.relationships("_rels/.rels");
    for (const part of await stateParts(this.workbookPart, rels, (path) => this.text(path), root)) {
      const state = parseStateXml(part.xml);
      if (state) return state;
    }
    const workbook = (await this.text(this.workbookPart))!;
    const definedName = qualified(this.prefix, "definedName");
    for (const match of workbook.matchAll(new RegExp(`<${definedName}\\b([^>]*)>([\\s\\S]*?)<\\/${definedName}>`, "g"))) {
      if (attribute(match[1], "name") === LEGACY_STATE_NAME && attribute(match[1], "localSheetId") === undefined) {
        return decodeLegacyState(unescapeXml(match[2]));
      }
    }
    return undefined;
  }

  /** The workbook as .xlsx bytes, with every part the runs did not touch as it was read. */
  async save(): Promise<Uint8Array> {
    // Level 1: compressing the rewritten customer sheet dominates the save of a large workbook, and
    // level 1 is about 2.5 times faster than the default 6 on a 50 MB sheet for a slightly larger file.
    // Parts the run did not touch keep their original compressed bytes (JSZip reuses them).
    await this.attachStreams();
    return this.zip.generateAsync({ type: "uint8array", compression: "DEFLATE", compressionOptions: { level: 1 } });
  }

  /**
   * The workbook as .xlsx bytes in chunks, as they are compressed: a streamed sheet passes through
   * without ever being whole in memory (written with data descriptors, as streaming zip writers such
   * as Java's ZipOutputStream do). For a file of any size; the command line writes through it.
   */
  async *saveChunks(): AsyncGenerator<Uint8Array> {
    const streaming = await this.attachStreams();
    const helper = this.zip.generateInternalStream({ type: "uint8array", compression: "DEFLATE", compressionOptions: { level: 1 }, streamFiles: streaming });
    yield* helperChunks(helper as unknown as StreamHelper);
  }

  /**
   * Puts each rewritten streamed sheet into the package as a fresh stream of its text (a stream can be
   * read once). Where JSZip takes no streams (a browser), the sheet's bytes are gathered instead: a
   * typed array holds what a string cannot. Returns whether any part is a stream.
   */
  private async attachStreams(): Promise<boolean> {
    let any = false;
    const nodeStreams = zipTakesStreams();
    for (const part of this.streamed.values()) {
      if (!part.edited) continue;
      const name = this.file(part.path)?.name ?? part.path;
      if (nodeStreams) {
        this.zip.file(name, readableOf(part.chunks()) as unknown as Uint8Array, { binary: true });
        any = true;
      } else {
        this.zip.file(name, await gatherChunks(part.chunks()), { binary: true });
      }
    }
    return any;
  }

  /** The stream of a worksheet part when it is (or, by its declared size, must be) streamed. */
  private streamOf(path: string): StreamedPart | undefined {
    const key = path.toLowerCase();
    const known = this.streamed.get(key);
    if (known) return known;
    if (this.texts.has(key)) return undefined;
    const file = this.file(path);
    if (!file) return undefined;
    const size = declaredSizes(file)?.uncompressed ?? 0;
    const above = this.options.streamAbove ?? STREAM_ABOVE_BYTES;
    if (above > 0 && size <= above) return undefined;
    const chunkBytes = this.options.chunkBytes;
    const inflate = () => partChunks(file, chunkBytes);
    const spilled = this.options.spill ? new SpilledPart(inflate, this.options.spill, chunkBytes ?? CHUNK_BYTES) : undefined;
    const part: StreamedPart = { path: file.name, chunks: spilled ? () => spilled.chunks() : inflate, edited: false };
    this.streamed.set(key, part);
    return part;
  }

  async numberFormats(sheet: string, row: number, left: number, columns: number): Promise<(string | null)[]> {
    const formats = new Array<string | null>(columns).fill(null);
    const entry = (await this.sheetList()).find((s) => s.name.toLowerCase() === sheet.toLowerCase());
    if (!entry) return formats;
    const stream = this.streamOf(entry.part);
    const line = stream ? (await findRow(textChunks(stream.chunks()), row))?.row : splitSheet((await this.text(entry.part)) ?? "").rows.find((r) => r.index === row);
    if (!line) return formats;
    const rels = await this.relationships(relsPath(this.workbookPart));
    const stylesRel = rels.find((rel) => isRelType(rel.type, "styles"));
    const stylesPart = stylesRel && resolveTarget(this.workbookPart, stylesRel.target);
    const stylesXml = (stylesPart && (await this.text(stylesPart))) || EMPTY_STYLESHEET;
    const styles = await inPart(stylesPart ?? "xl/styles.xml", () => new Stylesheet(stylesXml));
    for (const cell of splitCells(line.inner, line.scope)) {
      const style = attribute(cell.attributes, "s");
      if (cell.column >= left && cell.column < left + columns && style !== undefined) formats[cell.column - left] = styles.numberFormatOf(parseInt(style, 10));
    }
    return formats;
  }

  /**
   * Of `cells` of `sheet`, those a fill cannot replace alone: each starts a shared formula other cells
   * copy (fillCellsXml.ts). Excel keeps a formula per cell, so only a file has this limit.
   */
  async sharedFormulaStarts(sheet: string, cells: { row: number; column: number }[]): Promise<{ row: number; column: number; range: string }[]> {
    const entry = (await this.sheetList()).find((s) => s.name.toLowerCase() === sheet.toLowerCase());
    if (!entry || cells.length === 0) return [];
    const xml = (await this.text(entry.part)) ?? "";
    const found = await inPart(entry.part, () => sharedFormulaStarts(xml, cells));
    return found.map(({ row, column, ref }) => ({ row, column, range: ref }));
  }

  /** The worksheets in tab order, with their part paths (for transforms outside a write plan). */
  async worksheets(): Promise<{ name: string; part: string }[]> {
    return (await this.sheetList()).map(({ name, part }) => ({ name, part }));
  }

  /** The workbook part's path (xl/workbook.xml in every file Excel writes). */
  get workbookPath(): string {
    return this.workbookPart;
  }

  /** Every part path in the package. */
  partPaths(): string[] {
    return Object.keys(this.zip.files).filter((path) => !this.zip.files[path].dir);
  }

  /** The namespace style of workbook.xml: the SpreadsheetML prefix and whether it is strict OOXML. */
  get namespaceStyle(): { prefix: string; strict: boolean } {
    return { prefix: this.prefix, strict: this.strict };
  }

  /** A part's text, or undefined when the package has no such part. */
  async partText(path: string): Promise<string | undefined> {
    return this.text(path);
  }

  /**
   * Replaces parts (text) or removes them (null) in one step: the transforms that are not a write plan
   * (prepare for sharing) go through here, so the cached sheet cells stay consistent.
   */
  replaceParts(changes: Map<string, string | null>): void {
    for (const [path, text] of changes) this.put(path, text);
    this.cells.clear();
    this.strings = undefined;
  }

  /** Writes (or removes, for null) a part under its existing name when one matches case-insensitively. */
  private put(path: string, text: string | null): void {
    const name = this.file(path)?.name ?? path;
    this.streamed.delete(name.toLowerCase());
    if (text === null) {
      this.zip.remove(name);
      this.texts.delete(name.toLowerCase());
    } else {
      // A part read as UTF-16 is written as UTF-8 (JSZip encodes text so): its declaration must say so.
      const utf8 = text.replace(/^(\uFEFF?<\?xml[^>]*?\sencoding\s*=\s*["'])UTF-16(?:LE|BE)?(["'])/i, "$1UTF-8$2");
      this.zip.file(name, utf8);
      this.texts.set(name.toLowerCase(), utf8);
    }
  }

  async execute(plan: WritePlan, onProgress?: (p: Progress) => void, signal?: AbortSignal): Promise<void> {
    try {
      await this.executeWhole(plan, onProgress, signal);
    } catch (error) {
      // Nothing is applied before the end, so a part too large to rewrite leaves the workbook as it was.
      throw asTooLarge(error, "a rewritten part");
    }
  }

  private async executeWhole(plan: WritePlan, onProgress?: (p: Progress) => void, signal?: AbortSignal): Promise<void> {
    const check = () => {
      throwIfCancelled(signal);
    };
    const report = (fraction: number) => onProgress?.({ stage: "write", fraction });
    check();
    assertPlanSheetNames(plan);
    // Every change is staged here and applied to the package only at the end, so an abort or an
    // error leaves the workbook exactly as it was.
    // Keyed by the lower-case part name: part names are case-insensitive in a package.
    const stagedParts = new Map<string, { path: string; text: string | null }>();
    const staged = {
      set: (path: string, text: string | null) => stagedParts.set(path.toLowerCase(), { path, text }),
      has: (path: string) => stagedParts.has(path.toLowerCase()),
      get: (path: string) => stagedParts.get(path.toLowerCase())?.text,
    };
    const read = async (path: string) => (staged.has(path) ? staged.get(path) ?? undefined : this.text(path));
    // Streamed worksheets rewritten by this run, applied with the staged parts.
    const stagedStreams = new Map<string, StreamedPart>();
    const exists = (path: string) =>
      staged.has(path) ? staged.get(path) !== null : stagedStreams.has(path.toLowerCase()) || this.streamed.has(path.toLowerCase()) || this.file(path) !== null;
    const p = this.prefix;
    const workbookRelsPath = relsPath(this.workbookPart);
    let workbook = (await this.text(this.workbookPart))!;
    let workbookRels = await this.relationships(workbookRelsPath);
    let types = (await this.text("[Content_Types].xml")) ?? "";
    let sheets = await this.sheetList();
    const paths = new Set(this.partPaths().map((path) => path.toLowerCase()));
    const stateEdit = {
      workbookPart: this.workbookPart,
      strict: this.strict,
      staged,
      read,
      taken: (path: string) => (staged.has(path) ? staged.get(path) !== null : paths.has(path.toLowerCase())),
    };
    const detached = await detachStateParts({ ...stateEdit, workbookRels, types }, await this.relationships("_rels/.rels"));
    ({ workbookRels, types } = detached);
    if (detached.rootRels) staged.set("_rels/.rels", relationshipsXml(detached.rootRels));

    const stylesRel = workbookRels.find((rel) => isRelType(rel.type, "styles"));
    let stylesPath = stylesRel ? resolveTarget(this.workbookPart, stylesRel.target) : "xl/styles.xml";
    if (!stylesRel) {
      stylesPath = freeName(resolveTarget(this.workbookPart, "styles.xml"), exists);
      workbookRels = [...workbookRels, { id: freeRelationshipId(workbookRels), type: relType("styles", this.strict), target: resolveRelative(this.workbookPart, stylesPath), external: false }];
      types = withOverride(types, stylesPath, CONTENT_TYPE.styles);
    }
    const stylesXml = (await this.text(stylesPath)) ?? this.conform(EMPTY_STYLESHEET);
    const styles = await inPart(stylesPath, () => new Stylesheet(stylesXml));

    // 1. The add-in's earlier sheets go, with their drawings and charts. A plan sheet whose name a
    //    user sheet already has is refused: the add-in never overwrites what it does not own.
    const owned = new Set((plan.previous?.sheets ?? []).map((name) => name.toLowerCase()));
    for (const sheet of plan.sheets) {
      if (sheets.some((s) => s.name.toLowerCase() === sheet.name.toLowerCase()) && !owned.has(sheet.name.toLowerCase())) {
        throw new Error(`The workbook already has a sheet named "${sheet.name}" that the add-in did not write; rename it and grade again.`);
      }
    }
    const removed: number[] = [];
    sheets.forEach((sheet, i) => {
      if (owned.has(sheet.name.toLowerCase())) removed.push(i);
    });
    for (const i of removed.reverse()) {
      const sheet = sheets[i];
      workbook = workbook.replace(sheet.element, "");
      workbookRels = workbookRels.filter((rel) => rel.id !== sheet.relationshipId);
      for (const part of await this.ownedParts(sheet.part, read)) {
        staged.set(part, null);
        types = withOverride(types, part, undefined);
      }
      workbook = this.shiftLocalNames(workbook, i);
    }
    sheets = sheets.filter((_, i) => !removed.includes(i));
    check();
    report(0.85);

    // 2. Output columns: the earlier run's cleared, the new ones written, on the customer sheet and
    //    in its table.
    const clears = new Map<string, OwnedColumns[]>();
    const previous = plan.previous;
    if (previous && previous.headers.length > 0) {
      clears.set(previous.sheet.toLowerCase(), [
        { headerRow: previous.headerRow, first: previous.firstColumn, last: previous.firstColumn + previous.headers.length - 1 },
      ]);
    }
    // A plan without columns (the migration sheet alone) leaves every customer sheet as it is.
    const target = plan.columns?.sheet.toLowerCase();
    if (plan.columns && !sheets.some((sheet) => sheet.name.toLowerCase() === target)) throw new Error(`The workbook has no sheet "${plan.columns.sheet}".`);
    if (plan.columns && plan.columns.firstColumn + plan.columns.columns.length > MAX_COLUMNS) {
      // The planner reports this as a problem first (output-past-last-column); a column past XFD would be dropped.
      throw new Error(`The sheet "${plan.columns.sheet}" has no room for the output columns: they would pass column XFD, Excel's last.`);
    }
    for (const sheet of sheets) {
      const key = sheet.name.toLowerCase();
      const columns: OutputColumns | undefined = key === target ? plan.columns : undefined;
      const clear = clears.get(key) ?? [];
      if (!columns && clear.length === 0) continue;
      const stream = staged.has(sheet.part) ? undefined : this.streamOf(sheet.part);
      if (stream) {
        // Only the header row is read now (for its style); the rows are rewritten as the package is saved.
        const found = await inPart(sheet.part, () => findRow(textChunks(stream.chunks()), columns ? columns.headerRow : -1));
        if (!found) throw packageError("bad-xml", { part: sheet.part, detail: "The worksheet has no sheetData element" });
        const edit = new OutputColumnsEdit(found.prefix, columns, clear, styles, found.row);
        const source = stream.chunks;
        const written = stream.writer;
        const layout = this.layouts.get(stream);
        // A sheet this workbook writes is edited as its rows are made; one read from the file is spliced
        // at the rows' places recorded while reading, or walked again when none were recorded.
        const edited = written
          ? () => editWrittenSheet(written.sheet, written.conform, edit.restart())
          : layout?.ascii
            ? () => spliceSheetBytes(source(), layout, edit.restart())
            : layout
            ? () => spliceSheetStream(textChunks(source()), layout, edit.restart())
            : () => editSheetStream(textChunks(source()), edit.restart());
        // Read and checked again as the package is saved: a fault found then names the part too.
        const chunks = () => chunksInPart(sheet.part, edited());
        stagedStreams.set(sheet.part.toLowerCase(), { path: stream.path, chunks, edited: true });
      } else {
        const xml = (await read(sheet.part))!;
        staged.set(sheet.part, await inPart(sheet.part, () => outputColumnsXml(xml, columns, clear, styles)));
      }
      const tableClears = columns
        ? [...clear, { headerRow: columns.headerRow, first: columns.firstColumn, last: columns.firstColumn + columns.columns.length - 1 }]
        : clear;
      for (const table of await this.tableParts(sheet.part)) {
        const xml = (await read(table))!;
        const add =
          columns?.table && (await inPart(table, () => tableInfo(xml))).name.toLowerCase() === columns.table.toLowerCase()
            ? { firstColumn: columns.firstColumn, headers: columns.columns.map((c) => c.header), lastRow: columns.headerRow + columns.rowCount }
            : undefined;
        const edited = await inPart(table, () => tablePartXml(xml, tableClears, add));
        if (edited !== xml) staged.set(table, edited);
      }
    }
    // 2b. Cells of the analyst's tables an option fills (plan.fills: PCA weights), each keeping its style.
    for (const fill of plan.fills ?? []) {
      const sheet = sheets.find((s) => s.name.toLowerCase() === fill.sheet.toLowerCase());
      if (!sheet) throw new Error(`The workbook has no sheet "${fill.sheet}".`);
      const xml = (await read(sheet.part))!;
      staged.set(sheet.part, await inPart(sheet.part, () => fillCellsXml(xml, fill.cells)));
    }
    check();
    report(0.92);

    // 3. The add-in's sheets, appended after the user's, with their charts.
    let sheetId = [...workbook.matchAll(new RegExp(`<${qualified(p, "sheet")}\\b[^>]*?\\bsheetId="(\\d+)"`, "g"))].reduce((max, m) => Math.max(max, parseInt(m[1], 10)), 0);
    // New part names are unique case-insensitively against every part in the package (and its .rels).
    const freePart = (prefix: string) => {
      let n = 1;
      while (exists(`${prefix}${n}.xml`) || exists(relsPath(`${prefix}${n}.xml`))) n++;
      return `${prefix}${n}.xml`;
    };
    const relPrefix = this.relationshipPrefix(workbook);
    const addSheet = (sheet: OutputSheet) => {
      const part = freePart("xl/worksheets/sheet");
      staged.set(part, "");
      let drawingId: string | undefined;
      if (sheet.charts.length > 0) {
        const drawing = freePart("xl/drawings/drawing");
        staged.set(drawing, "");
        const drawingRels: Relationship[] = [];
        const anchors = sheet.charts.map((chart) => {
          const chartPart = freePart("xl/charts/chart");
          staged.set(chartPart, this.conform(pyramidChartXml(chart, sheet.name, (range) => valuesInRange(sheet, range))));
          types = withOverride(types, chartPart, CONTENT_TYPE.chart);
          const id = freeRelationshipId(drawingRels);
          drawingRels.push({ id, type: relType("chart", this.strict), target: `../charts/${chartPart.split("/").pop()}`, external: false });
          return { anchor: chart.anchor, relationshipId: id, title: chart.title };
        });
        staged.set(drawing, this.conform(drawingXml(anchors)));
        staged.set(relsPath(drawing), relationshipsXml(drawingRels));
        types = withOverride(types, drawing, CONTENT_TYPE.drawing);
        drawingId = "rId1";
        staged.set(relsPath(part), relationshipsXml([{ id: drawingId, type: relType("drawing", this.strict), target: `../drawings/${drawing.split("/").pop()}`, external: false }]));
      }
      const writer = new SheetXmlWriter(sheet, styles, drawingId);
      const above = this.options.streamAbove ?? STREAM_ABOVE_BYTES;
      if (writer.cellCount * MIN_CELL_BYTES > above) {
        // Too large for one string (a per-owner copy of a million customers): written as a stream of
        // whole rows when the package is saved, and edited as a stream by a later run (output columns).
        stagedParts.delete(part.toLowerCase());
        const encoder = new TextEncoder();
        const conform = (xml: string) => this.conform(xml);
        stagedStreams.set(part.toLowerCase(), {
          path: part,
          chunks: async function* () {
            for (const piece of writer.chunks()) yield encoder.encode(conform(piece));
          },
          edited: true,
          writer: { sheet: writer, conform },
        });
      } else staged.set(part, this.conform([...writer.chunks()].join("")));
      types = withOverride(types, part, CONTENT_TYPE.worksheet);
      const relId = freeRelationshipId(workbookRels);
      workbookRels = [...workbookRels, { id: relId, type: relType("worksheet", this.strict), target: resolveRelative(this.workbookPart, part), external: false }];
      // r:id in the prefix workbook.xml binds to the relationships namespace, or declared on the element.
      const idAttribute = relPrefix
        ? `${relPrefix}:id="${relId}"`
        : `xmlns:r="${this.strict ? OFFICE_REL_STRICT : OFFICE_REL}" r:id="${relId}"`;
      const element = withPrefix(`<sheet name="${escapeXml(sheet.name)}" sheetId="${++sheetId}" ${idAttribute}/>`, p);
      const sheetsName = qualified(p, "sheets");
      workbook = workbook
        .replace(new RegExp(`</${sheetsName}>`), `${element}</${sheetsName}>`)
        .replace(new RegExp(`<${sheetsName}\\s*/>`), `<${sheetsName}>${element}</${sheetsName}>`);
      sheets.push({ name: sheet.name, part, relationshipId: relId, element });
    };
    for (const sheet of plan.sheets) addSheet(sheet);
    check();

    // 4. Appends (the audit log): new rows below the last used row of a sheet that is never rewritten,
    //    or a new sheet with the header as row 1.
    for (const append of plan.appends ?? []) {
      const log = sheets.find((sheet) => sheet.name.toLowerCase() === append.sheet.toLowerCase());
      if (log) staged.set(log.part, appendRowsXml((await read(log.part))!, append.header, append.rows, styles, append.headerLook));
      else addSheet(logSheet(append.sheet, append.header, append.rows, append.headerLook));
    }
    check();

    // 5. The record of what the add-in owns, and a full calculation on open when formulas were
    //    written without cached values. The calculation chain is only a cache of formula cells; a
    //    stale one (cells the run removed) makes Excel repair the file, so it goes and Excel rebuilds it.
    workbook = withoutLegacyState(workbook, p);
    ({ workbookRels, types } = attachStatePart({ ...stateEdit, workbookRels, types }, detached.reuse, plan.state));
    const formulas = hasFormula(plan);
    if (formulas) workbook = withFullCalcOnLoad(workbook, p);
    const calcChain = workbookRels.find((rel) => isRelType(rel.type, "calcChain"));
    // A filled cell may have held a formula: the chain would then name a cell that has none.
    if (calcChain && (formulas || previous || (plan.fills ?? []).length > 0)) {
      const path = resolveTarget(this.workbookPart, calcChain.target);
      staged.set(path, null);
      types = withOverride(types, path, undefined);
      workbookRels = workbookRels.filter((rel) => rel !== calcChain);
    }
    staged.set(stylesPath, styles.toXml());
    staged.set(this.workbookPart, workbook);
    staged.set(workbookRelsPath, relationshipsXml(workbookRels));
    staged.set("[Content_Types].xml", types);
    check();

    for (const { path, text } of stagedParts.values()) {
      if (text === null || text !== this.texts.get(path.toLowerCase())) this.put(path, text);
    }
    for (const [key, part] of stagedStreams) if (!stagedParts.has(key)) this.streamed.set(key, part);
    this.cells.clear();
    report(1);
  }

  /** Sheet-scoped names follow their sheet's position: those of a removed sheet go, later ones shift. */
  private shiftLocalNames(workbook: string, removedIndex: number): string {
    const p = this.prefix;
    const one = qualified(p, "definedName");
    const view = qualified(p, "workbookView");
    let text = workbook.replace(new RegExp(`<${one}\\b([^>]*)>([\\s\\S]*?)<\\/${one}>`, "g"), (whole, attrs: string, body: string) => {
      const local = attribute(attrs, "localSheetId");
      if (local === undefined) return whole;
      const index = parseInt(local, 10);
      if (index === removedIndex) return "";
      if (index < removedIndex) return whole;
      return `<${one}${withAttribute(attrs, "localSheetId", String(index - 1))}>${body}</${one}>`;
    });
    text = text.replace(new RegExp(`<${one}s>\\s*<\\/${one}s>`), "");
    return text.replace(new RegExp(`<${view}\\b([^>]*?)(\\/?)>`, "g"), (whole, attrs: string, close: string) => {
      let next = attrs;
      for (const key of ["activeTab", "firstSheet"]) {
        const value = attribute(next, key);
        if (value !== undefined && parseInt(value, 10) >= removedIndex && parseInt(value, 10) > 0) {
          next = withAttribute(next, key, String(parseInt(value, 10) - 1));
        }
      }
      return next === attrs ? whole : `<${view}${next}${close}>`;
    });
  }

  /** A sheet part with its rels and the drawings and charts under it: what goes when the sheet goes. */
  private async ownedParts(part: string, read: (path: string) => Promise<string | undefined>): Promise<string[]> {
    const parts = [part];
    const rels = relsPath(part);
    const relationships = parseRelationships(await read(rels), rels);
    if (relationships.length) parts.push(rels);
    for (const rel of relationships) {
      const target = resolveTarget(part, rel.target);
      if (rel.external || !/^xl\/(drawings|charts)\//.test(target)) continue;
      parts.push(...(await this.ownedParts(target, read)));
    }
    return parts;
  }

  /** The prefix bound to the office-document relationships namespace on workbook.xml's root, if any. */
  private relationshipPrefix(workbook: string): string | undefined {
    const root = rootElement(workbook);
    const prefix = root ? prefixFor(root.scope, [OFFICE_REL, OFFICE_REL_STRICT]) : undefined;
    return prefix ? prefix : undefined;
  }

  /** The relationships of the .rels part at `path` (none when it is absent), refused naming it when broken. */
  private async relationships(path: string): Promise<Relationship[]> {
    return parseRelationships(await this.text(path), path);
  }

  private async text(path: string): Promise<string | undefined> {
    const cached = this.texts.get(path.toLowerCase());
    if (cached !== undefined) return cached;
    const stream = this.streamed.get(path.toLowerCase());
    if (stream?.edited) return streamText(stream);
    const file = this.file(path);
    if (!file) return undefined;
    const text = await partString(file);
    this.texts.set(path.toLowerCase(), text);
    return text;
  }

  private async sheetList(): Promise<SheetEntry[]> {
    const workbook = (await this.text(this.workbookPart))!;
    const rels = await this.relationships(relsPath(this.workbookPart));
    const sheets: SheetEntry[] = [];
    const tokens = new XmlTokens(workbook);
    try {
      while (tokens.next() !== Token.End) {
        if (tokens.kind !== Token.Open) continue;
        const depth = tokens.depth;
        if (depth === 2 && !(tokens.local === "sheets" && isMain(tokens.uri))) tokens.skipElement();
        if (depth !== 3 || tokens.local !== "sheet" || !isMain(tokens.uri)) continue;
        const start = tokens.start;
        const name = tokens.attribute("name") ?? "";
        const scope = tokens.bindings;
        // r:id by namespace, whatever its prefix (transitional or strict relationships namespace).
        const idName = tokens.attributeText.match(/([\w.-]+):id\s*=/g)?.map((m) => m.replace(/:id\s*=$/, "")).find((prefix) => isOfficeRel(scope[prefix] ?? ""));
        const id = idName ? tokens.attribute(`${idName}:id`) : undefined;
        const end = tokens.skipElement();
        const rel = rels.find((r) => r.id === id);
        if (!rel || !isRelType(rel.type, "worksheet")) continue;
        sheets.push({ name, part: resolveTarget(this.workbookPart, rel.target), relationshipId: rel.id, element: workbook.slice(start, end) });
      }
    } catch (error) {
      throw asBadXml(error, this.workbookPart);
    }
    return sheets;
  }

  private async tableParts(sheetPart: string): Promise<string[]> {
    return (await this.relationships(relsPath(sheetPart)))
      .filter((rel) => isRelType(rel.type, "table") && !rel.external)
      .map((rel) => resolveTarget(sheetPart, rel.target))
      .filter((path) => this.file(path) !== null);
  }

  private async sheetCells(sheet: SheetEntry): Promise<SheetCells | CellStore> {
    const cached = this.cells.get(sheet.part);
    if (cached) return cached;
    if (!this.strings) {
      const rel = (await this.relationships(relsPath(this.workbookPart))).find((r) => isRelType(r.type, "sharedStrings"));
      const path = rel ? resolveTarget(this.workbookPart, rel.target) : "";
      try {
        this.strings = rel ? sharedStrings((await this.text(path)) ?? "") : [];
      } catch (error) {
        throw asBadXml(error, path);
      }
    }
    let result: SheetCells | CellStore;
    try {
      const stream = this.streamOf(sheet.part);
      const seen = { ascii: false };
      result = stream ? await readSheetStream(textChunks(stream.chunks(), seen), this.strings) : readSheet((await this.text(sheet.part)) ?? "", this.strings);
      // The rows' places in this very text: a rewrite of the same stream splices there instead of walking it again.
      if (stream && result instanceof CellStore && result.layout?.valid) {
        result.layout.ascii = seen.ascii;
        this.layouts.set(stream, result.layout);
      }
    } catch (error) {
      throw asBadXml(error, sheet.part);
    }
    this.cells.set(sheet.part, result);
    return result;
  }
}

/** `work` on the text of part `part`, its syntax errors refused as asBadXml says. */
async function inPart<T>(part: string, work: () => T | Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw asBadXml(error, part);
  }
}

/** A part's chunks as they are made, a syntax error among them refused as asBadXml says. */
async function* chunksInPart(part: string, chunks: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
  try {
    yield* chunks;
  } catch (error) {
    throw asBadXml(error, part);
  }
}

/** A rewritten streamed part asked for whole (by a transform that edits text): as much as a string holds. */
async function streamText(stream: StreamedPart): Promise<string> {
  let text = "";
  try {
    for await (const piece of textChunks(stream.chunks())) text += piece;
  } catch (error) {
    throw asTooLarge(error, `the part ${stream.path}`);
  }
  return text;
}

/**
 * A sheet this workbook writes, edited row by row as its writer makes the rows, as UTF-8 chunks: what
 * editSheetStream gives from the writer's text, without encoding, decoding and tokenizing it again.
 * The writer's rows are <row r="n"> elements side by side in its sheetData, in the namespaces its head
 * declares, with no text between them.
 */
async function* editWrittenSheet(
  writer: SheetXmlWriter,
  conform: (xml: string) => string,
  edit: { head(head: string): string; row(row: RowText, original: string, lastColumn?: number): string; end(tail: string): string },
): AsyncGenerator<Uint8Array> {
  const encoder = new TextEncoder();
  const head = conform(writer.head());
  const tokens = new XmlTokens(head, scopeFor(head));
  if (!findSheetData(tokens)) throw new XmlSyntaxError("The worksheet has no sheetData element", 0);
  const scope = tokens.bindings;
  yield encoder.encode(edit.head(head));
  for (const batch of writer.rowBatches()) {
    let out = "";
    for (const row of batch) {
      const index = row.index;
      const inner = conform(row.inner);
      const attributes = ` r="${index + 1}"`;
      out += edit.row({ index, attributes, inner, start: 0, end: 0, name: "row", scope, gap: "" }, `<row${attributes}>${inner}</row>`, row.last);
    }
    yield encoder.encode(out);
  }
  yield encoder.encode(edit.end(conform(writer.tail())));
}

/** workbook.xml without the legacy state name (the record now lives in a Custom XML part), in its prefix. */
function withoutLegacyState(workbook: string, p: string): string {
  const one = qualified(p, "definedName");
  const all = qualified(p, "definedNames");
  const text = workbook.replace(new RegExp(`<${one}\\b([^>]*)>[\\s\\S]*?<\\/${one}>`, "g"), (whole, attrs: string) =>
    attribute(attrs, "name") === LEGACY_STATE_NAME && attribute(attrs, "localSheetId") === undefined ? "" : whole,
  );
  return text === workbook ? workbook : text.replace(new RegExp(`<${all}>\\s*<\\/${all}>`), "");
}

/** `path`, or path with a number before its extension, so that no part has its name case-insensitively. */
function freeName(path: string, exists: (path: string) => boolean): string {
  if (!exists(path)) return path;
  const dot = path.lastIndexOf(".");
  for (let n = 2; ; n++) {
    const candidate = `${path.slice(0, dot)}${n}${path.slice(dot)}`;
    if (!exists(candidate)) return candidate;
  }
}

/** A target for a relationship from `source` to `part`, relative as Excel writes it. */
function resolveRelative(source: string, part: string): string {
  const base = source.split("/").slice(0, -1).join("/");
  return part.startsWith(`${base}/`) ? part.slice(base.length + 1) : `/${part}`;
}

/**
 * Opens an .xlsx file held in memory as a WorkbookBackend that can also save itself. Runs in Node and
 * in a browser (no file system): the caller reads and writes the bytes. Throws when the bytes are not
 * an .xlsx package.
 *
 * @example
 * const workbook = await openXlsx(fs.readFileSync("assets/sample-customers.en-US.xlsx"));
 * (await workbook.index()).sheets.map((s) => s.name) // ["Weights", "Customers"]
 * fs.writeFileSync("graded.xlsx", await workbook.save());
 */
export async function openXlsx(data: Uint8Array | ArrayBuffer, options?: XlsxOptions): Promise<XlsxWorkbook> {
  return XlsxWorkbook.open(data, options);
}
