// A strict stand-in of the Excel object model (docs/DESIGN.md §6): Excel does not run here, so the Office.js
// executor is tested against this. It keeps the rules that make real add-ins slow or broken:
// - a property read before load + sync throws (PropertyNotLoaded), as does isNullObject before a sync;
// - writes and loads are queued and take effect, in order, at context.sync();
// - every sync is counted and its request (JSON of the queued writes) and response (JSON of the loaded
//   properties) measured; more than 5 MB either way throws like Excel on the web;
// - an API from a requirement set the host does not support throws ApiNotFound at sync; the set of
//   each member is read from @types/office-js's annotations (excelApiSets.ts), never kept by hand;
// - a string written to values that starts with "=", "+" or "-" becomes a formula and numeric text
//   becomes a number, unless the cell's number format is "@" (text) — as in Excel;
// - `values` of a formula cell is its result (the stand-in does not calculate: see `resultOf`),
//   `formulas` the formula;
// - Excel's limits: 1,048,576 x 16,384 cells, 32,767 characters a cell, 8,192 a formula, 255 in a
//   text constant inside a formula, sheet names as Excel accepts them.
// Every rule, with its source and the test that exercises it: test/support/EXCEL-RULES.md.
// Sheets are sparse column arrays so a 1,048,576-row sheet fits in memory.
// Only the members the executor uses exist; anything else is undefined and fails loudly.

import { boxAddress, columnName, parseBoxAddress, quoteSheet } from "../../src/workbook/reading/address";
import type { Box } from "../../src/workbook/types";
import { CustomXmlPartCollection } from "./standin-customxml";
import type { CustomXmlModel } from "./standin-customxml";
import { apiSet } from "./excelApiSets";

export const PAYLOAD_LIMIT = 5 * 1024 * 1024;
const MAX_ROWS = 1048576;
const MAX_COLUMNS = 16384;
/** Excel specifications and limits: "Total number of characters that a cell can contain". */
export const MAX_CELL_CHARS = 32767;
/** Excel specifications and limits: "Length of formula contents". */
export const MAX_FORMULA_CHARS = 8192;
/** A text constant in a formula ([MS-XLS] PtgStr holds a ShortXLUnicodeString: at most 255 characters). */
export const MAX_FORMULA_TEXT = 255;
/** The stand-in does not calculate: a formula cell's `values` is this, never the formula text. */
export const UNCALCULATED = 0;

/**
 * Why Excel refuses `name` for a sheet, or undefined when it accepts it (Microsoft support, "Rename a
 * worksheet": not blank, at most 31 characters, none of / \\ ? * : [ ], no apostrophe first or last,
 * not "History"); uniqueness is checked against the workbook separately.
 */
export function sheetNameFault(name: string): string | undefined {
  if (name.length === 0 || name.trim().length === 0) return "blank";
  if (name.length > 31) return "longer than 31 characters";
  if (/[/\\?*:[\]]/.test(name)) return "contains one of / \\ ? * : [ ]";
  if (name.startsWith("'") || name.endsWith("'")) return "begins or ends with an apostrophe";
  if (name.toLowerCase() === "history") return "History is reserved by Excel";
  return undefined;
}

/**
 * Why Excel refuses formula `text` (with its "="), or undefined: longer than 8,192 characters, or a
 * text constant ("...", quotes doubled inside) longer than 255 characters.
 */
export function formulaFault(text: string): string | undefined {
  if (text.length > MAX_FORMULA_CHARS) return `a formula of ${text.length} characters (Excel allows ${MAX_FORMULA_CHARS})`;
  for (const match of text.matchAll(/"((?:[^"]|"")*)"/g)) {
    const constant = match[1].replace(/""/g, '"');
    if (constant.length > MAX_FORMULA_TEXT) return `a text constant of ${constant.length} characters in a formula (Excel allows ${MAX_FORMULA_TEXT})`;
  }
  return undefined;
}

export class StandinError extends Error {
  constructor(public code: string, message: string) {
    super(`${code}: ${message}`);
    this.name = "RichApi.Error";
  }
}

type Stored = number | string | boolean | { error: string } | { formula: string };

interface Column {
  values: (Stored | undefined)[];
  formats: (string | undefined)[];
}

export interface CellStyle {
  fill?: string;
  fontColor?: string;
  bold?: boolean;
  fontSize?: number;
  borderBottom?: string;
}

export interface CfModel {
  box: Box;
  operator: string;
  formula1: string;
  fill?: string;
  fontColor?: string;
  /** A colour scale's criteria (ConditionalColorScaleCriteria), for a "ColorScale" format. */
  colorScale?: { minimum?: ColorScaleCriterion; midpoint?: ColorScaleCriterion; maximum?: ColorScaleCriterion };
}

export interface ColorScaleCriterion {
  type: string;
  color: string;
  formula?: string;
}

/** Excel.ChartDataLabelPosition's values. */
const LABEL_POSITIONS = ["Invalid", "None", "Center", "InsideEnd", "InsideBase", "OutsideEnd", "Left", "Right", "Top", "Bottom", "BestFit", "Callout"];

/** Excel.ConditionalFormatColorCriterionType's values. */
const COLOR_CRITERION_TYPES = ["Invalid", "LowestValue", "HighestValue", "Number", "Percent", "Formula", "Percentile"];

export interface ChartModel {
  name: string;
  type: string;
  source: string;
  title?: string;
  legendVisible?: boolean;
  reversePlotOrder?: boolean;
  /** ChartAxes.valueAxis -> ChartAxis.visible. */
  valueAxisVisible?: boolean;
  plotVisibleOnly?: boolean;
  position?: [string, string];
  series: {
    name?: string;
    values?: string;
    xValues?: string;
    fillCleared?: boolean;
    fill?: string;
    gapWidth?: number;
    hasDataLabels?: boolean;
    /** ChartDataLabels.position (Excel.ChartDataLabelPosition). */
    labelPosition?: string;
    labelFormulas: Record<number, string>;
    /** Fills set on single points (ChartPoint.format.fill.setSolidColor), by point index. */
    pointFills?: Record<number, string>;
  }[];
}

export interface SheetModel {
  name: string;
  visibility: "Visible" | "Hidden" | "VeryHidden";
  columns: Map<number, Column>;
  styles: Map<string, CellStyle>;
  widths: Map<number, number>;
  cfs: CfModel[];
  charts: ChartModel[];
  /** Columns hidden by Range.columnHidden. */
  hiddenColumns?: Set<number>;
}

export interface TableModel {
  name: string;
  sheet: string;
  box: Box;
  headers: string[];
  /** A totals row shown as the last row of box (Excel's Table.showTotals). */
  showTotals?: boolean;
}

export interface NameModel {
  formula: string;
  visible: boolean;
}

export interface SyncRecord {
  requestBytes: number;
  responseBytes: number;
}

/** Requirement-set versions the stand-in host supports (ExcelApi minor version). */
export interface StandinOptions {
  excelApi?: number;
}

/** The workbook behind the stand-in, and the counters tests read. */
export class StandinWorkbook {
  sheets: SheetModel[] = [];
  tables: TableModel[] = [];
  names = new Map<string, NameModel>();
  /** Custom XML parts (standin-customxml.ts). */
  customXmlParts: CustomXmlModel[] = [];
  active = 0;
  selection?: { sheet: string; address: string };
  syncs: SyncRecord[] = [];
  calculationSuspensions = 0;
  /** Every API member a request used ("Worksheet.getRangeByIndexes"), for the requirement-set test. */
  apisUsed = new Set<string>();
  /** Called after each sync with its number (1-based): tests abort runs here. */
  onSync?: (n: number) => void;
  excelApi: number;


  constructor(options: StandinOptions = {}) {
    this.excelApi = options.excelApi ?? 1.8;
  }

  // ----- building fixtures (not Office.js: direct, unqueued) -----

  addSheet(name: string): SheetModel {
    const fault = sheetNameFault(name);
    if (fault) throw new StandinError("InvalidArgument", `sheet name "${name}": ${fault}`);
    if (this.sheet(name)) throw new StandinError("ItemAlreadyExists", name);
    const sheet: SheetModel = { name, visibility: "Visible", columns: new Map(), styles: new Map(), widths: new Map(), cfs: [], charts: [] };
    this.sheets.push(sheet);
    return sheet;
  }

  sheet(name: string): SheetModel | undefined {
    const key = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === key);
  }

  /** Puts raw values (no parsing) at top-left (row, column). */
  setValues(sheetName: string, row: number, column: number, rows: (Stored | null)[][]): void {
    const sheet = this.mustSheet(sheetName);
    rows.forEach((line, r) => line.forEach((v, c) => this.store(sheet, row + r, column + c, v === null ? undefined : v)));
  }

  /** Puts one column of raw values without building a 2-D array (for a million rows). */
  setColumn(sheetName: string, row: number, column: number, values: ArrayLike<Stored | null>): void {
    const sheet = this.mustSheet(sheetName);
    for (let i = 0; i < values.length; i++) {
      const v = values[i];
      this.store(sheet, row + i, column, v === null ? undefined : v);
    }
  }

  addTable(name: string, sheetName: string, box: Box): TableModel {
    const headers: string[] = [];
    for (let c = 0; c < box.columns; c++) headers.push(String(this.get(this.mustSheet(sheetName), box.top, box.left + c) ?? `Column${c + 1}`));
    const table = { name, sheet: sheetName, box: { ...box }, headers };
    this.tables.push(table);
    return table;
  }

  // ----- reading the model (tests) -----

  get(sheet: SheetModel | string, row: number, column: number): Stored | undefined {
    const s = typeof sheet === "string" ? this.mustSheet(sheet) : sheet;
    return s.columns.get(column)?.values[row];
  }

  format(sheet: string, row: number, column: number): string | undefined {
    return this.mustSheet(sheet).columns.get(column)?.formats[row];
  }

  maxRequestBytes(): number {
    return this.syncs.reduce((m, s) => Math.max(m, s.requestBytes), 0);
  }

  maxResponseBytes(): number {
    return this.syncs.reduce((m, s) => Math.max(m, s.responseBytes), 0);
  }

  /** The whole workbook as plain data, for "unchanged" comparisons (small workbooks). */
  snapshot(): unknown {
    return {
      sheets: this.sheets.map((s) => ({
        name: s.name,
        visibility: s.visibility,
        cells: [...s.columns.entries()]
          .sort((a, b) => a[0] - b[0])
          .map(([c, col]) => [
            c,
            col.values.map((v, r) => (v === undefined ? undefined : [r, v])).filter(Boolean),
            col.formats.map((f, r) => (f === undefined ? undefined : [r, f])).filter(Boolean),
          ])
          .filter(([, v, f]) => (v as unknown[]).length + (f as unknown[]).length > 0),
        styles: [...s.styles.entries()].sort(),
        widths: [...s.widths.entries()].sort(),
        cfs: s.cfs,
        charts: s.charts,
      })),
      tables: this.tables,
      names: [...this.names.entries()].sort(),
      customXmlParts: this.customXmlParts.map((p) => ({ ...p })),
    };
  }

  // ----- the Office.js surface -----

  /** Globals to install as `Excel` and `Office` for the code under test. */
  globals(): { Excel: unknown; Office: unknown } {
    const Excel = { run: <T>(batch: (context: RequestContext) => Promise<T>) => batch(new RequestContext(this)) };
    const Office = {
      context: {
        requirements: {
          isSetSupported: (name: string, version?: string) =>
            name === "ExcelApi" && Number(version ?? "1.1") <= this.excelApi + 1e-9,
        },
      },
    };
    return { Excel, Office };
  }

  install(): void {
    const g = globalThis as unknown as Record<string, unknown>;
    const { Excel, Office } = this.globals();
    g.Excel = Excel;
    g.Office = Office;
  }

  // ----- internals used by the proxies -----

  mustSheet(name: string): SheetModel {
    const sheet = this.sheet(name);
    if (!sheet) throw new StandinError("ItemNotFound", `no worksheet named ${name}`);
    return sheet;
  }

  store(sheet: SheetModel, row: number, column: number, v: Stored | undefined): void {
    if (row < 0 || row >= MAX_ROWS || column < 0 || column >= MAX_COLUMNS) throw new StandinError("InvalidArgument", "outside the sheet");
    if (typeof v === "string" && v.length > MAX_CELL_CHARS) {
      throw new StandinError("InvalidArgument", `a cell of ${v.length} characters (Excel allows ${MAX_CELL_CHARS})`);
    }
    if (v !== undefined && typeof v === "object" && "formula" in v) {
      const fault = formulaFault(v.formula);
      if (fault) throw new StandinError("InvalidArgument", fault);
    }
    let col = sheet.columns.get(column);
    if (!col) {
      if (v === undefined) return;
      col = { values: [], formats: [] };
      sheet.columns.set(column, col);
    }
    if (v === undefined) {
      if (row < col.values.length) col.values[row] = undefined;
    } else col.values[row] = v;
  }

  setFormat(sheet: SheetModel, row: number, column: number, format: string | undefined): void {
    let col = sheet.columns.get(column);
    if (!col) {
      if (format === undefined) return;
      col = { values: [], formats: [] };
      sheet.columns.set(column, col);
    }
    if (format === undefined) {
      if (row < col.formats.length) col.formats[row] = undefined;
    } else col.formats[row] = format;
  }

  /** A value written through Range.values: parsed like typed input unless the cell is text ("@"). */
  writeTyped(sheet: SheetModel, row: number, column: number, v: unknown): void {
    if (v === null || v === undefined || v === "") return this.store(sheet, row, column, undefined);
    if (typeof v === "number" || typeof v === "boolean") return this.store(sheet, row, column, v);
    if (typeof v !== "string") throw new StandinError("InvalidArgument", `cannot write ${JSON.stringify(v)}`);
    if (sheet.columns.get(column)?.formats[row] === "@") return this.store(sheet, row, column, v);
    if (/^[=+-]./.test(v) && !/^[+-]?\d+(\.\d+)?$/.test(v)) return this.store(sheet, row, column, { formula: v.startsWith("=") ? v : `=${v}` });
    const numeric = /^[+-]?[\d,]*\.?\d+%?$/.test(v) ? Number(v.replace(/[,%]/g, "")) / (v.endsWith("%") ? 100 : 1) : NaN;
    if (Number.isFinite(numeric)) return this.store(sheet, row, column, numeric);
    return this.store(sheet, row, column, v);
  }

  usedBox(sheet: SheetModel, within?: Box, valuesOnly = false): Box | null {
    let top = Infinity;
    let bottom = -1;
    let left = Infinity;
    let right = -1;
    for (const [c, col] of sheet.columns) {
      if (within && (c < within.left || c >= within.left + within.columns)) continue;
      const from = within ? within.top : 0;
      const to = within ? Math.min(within.top + within.rows, Math.max(col.values.length, col.formats.length)) : Math.max(col.values.length, col.formats.length);
      for (let r = from; r < to; r++) {
        if (col.values[r] !== undefined || (!valuesOnly && col.formats[r] !== undefined)) {
          if (r < top) top = r;
          if (r > bottom) bottom = r;
          if (c < left) left = c;
          if (c > right) right = c;
        }
      }
    }
    if (bottom < 0) return null;
    return { top, left, rows: bottom - top + 1, columns: right - left + 1 };
  }

  /** Throws ApiNotFound when `member` ("Class.member" of @types/office-js) needs a newer ExcelApi. */
  requireApi(member: string): void {
    const version = apiSet(member);
    this.apisUsed.add(member);
    if (version > this.excelApi + 1e-9) throw new StandinError("ApiNotFound", `${member} needs ExcelApi ${version}`);
  }
}

// ---------------------------------------------------------------------------------------------------
// The request context and the proxies.

interface Action {
  bytes: number;
  run: () => unknown;
}

export class RequestContext {
  workbook: WorkbookProxy;
  queue: Action[] = [];
  constructor(public model: StandinWorkbook) {
    this.workbook = new WorkbookProxy(this);
  }

  /** Queues the requirement-set check of the members a call uses; Excel refuses them at sync. */
  api(...members: string[]): void {
    this.queue.push({ bytes: 0, run: () => members.forEach((m) => this.model.requireApi(m)) });
  }

  enqueue(payload: unknown, run: () => unknown): void {
    this.queue.push({ bytes: payload === undefined ? 16 : JSON.stringify(payload).length + 16, run });
  }

  async sync(): Promise<void> {
    const actions = this.queue;
    this.queue = [];
    const requestBytes = actions.reduce((sum, a) => sum + a.bytes, 0);
    const record: SyncRecord = { requestBytes, responseBytes: 0 };
    this.model.syncs.push(record);
    if (requestBytes > PAYLOAD_LIMIT) {
      throw new StandinError("RequestPayloadSizeLimitExceeded", `request of ${requestBytes} bytes exceeds 5 MB`);
    }
    for (const action of actions) {
      const response = action.run();
      if (response !== undefined) record.responseBytes += JSON.stringify(response).length;
    }
    if (record.responseBytes > PAYLOAD_LIMIT) {
      throw new StandinError("ResponsePayloadSizeLimitExceeded", `response of ${record.responseBytes} bytes exceeds 5 MB`);
    }
    await Promise.resolve();
    this.model.onSync?.(this.model.syncs.length);
  }
}

/** Base of every proxy: loaded properties, strict reads, queued writes, null objects. */
class Proxy<M> {
  /** The Office.js class this proxy stands for, for requirement-set checks of loaded properties. */
  protected apiClass = "";
  protected loaded = new Map<string, unknown>();
  private nullState: boolean | undefined;
  constructor(protected ctx: RequestContext, protected resolveModel: () => M | undefined, private orNull = false) {
    if (orNull) {
      ctx.enqueue(undefined, () => {
        this.nullState = this.tryResolve() === undefined;
        return this.nullState;
      });
    }
  }

  get context(): RequestContext {
    return this.ctx;
  }

  get isNullObject(): boolean {
    if (this.nullState === undefined) throw new StandinError("PropertyNotLoaded", "isNullObject is known only after sync");
    return this.nullState;
  }

  protected tryResolve(): M | undefined {
    try {
      return this.resolveModel();
    } catch (e) {
      if (e instanceof StandinError && e.code === "ItemNotFound") return undefined;
      throw e;
    }
  }

  protected m(): M {
    const model = this.resolveModel();
    if (model === undefined) throw new StandinError("ItemNotFound", `${this.constructor.name} does not exist`);
    return model;
  }

  protected read<T>(name: string): T {
    if (!this.loaded.has(name)) throw new StandinError("PropertyNotLoaded", `${this.constructor.name}.${name} was read before load and sync`);
    return this.loaded.get(name) as T;
  }

  protected readers(): Record<string, (m: M) => unknown> {
    return {};
  }

  load(props?: string | string[] | { select?: string }): this {
    const names = (typeof props === "string" ? props.split(",") : Array.isArray(props) ? props : (props?.select ?? "").split(","))
      .map((s) => s.trim())
      .filter(Boolean);
    const readers = this.readers();
    const wanted = names.length ? names : Object.keys(readers);
    this.ctx.enqueue(wanted, () => {
      for (const name of wanted) this.checkProperty(name);
      const model = this.tryResolve();
      if (this.orNull && model === undefined) return null;
      if (model === undefined) throw new StandinError("ItemNotFound", `${this.constructor.name} does not exist`);
      const out: Record<string, unknown> = {};
      for (const name of wanted) {
        const reader = readers[name];
        if (!reader) throw new StandinError("InvalidArgument", `${this.constructor.name} has no property ${name} in the stand-in`);
        out[name] = reader(model);
        this.loaded.set(name, out[name]);
      }
      return out;
    });
    return this;
  }

  /** The requirement set of a loaded property ("name", or a path such as "worksheet/name"). */
  protected checkProperty(path: string): void {
    if (!this.apiClass) return;
    const [first, ...rest] = path.split("/");
    this.ctx.model.requireApi(`${this.apiClass}.${first}`);
    if (rest.length > 0 && first === "worksheet") this.ctx.model.requireApi(`Worksheet.${rest.join(".")}`);
  }

  /** Queues a write of property or method `member` of this object's class. */
  protected write(payload: unknown, apply: (m: M) => void, member?: string): void {
    this.ctx.enqueue(payload, () => {
      if (member) this.ctx.model.requireApi(`${this.apiClass}.${member}`);
      apply(this.m());
    });
  }
}

class WorkbookProxy {
  worksheets: WorksheetCollection;
  tables: TableCollection;
  names: NameCollection;
  application: ApplicationProxy;
  customXmlParts: CustomXmlPartCollection;
  constructor(private ctx: RequestContext) {
    this.customXmlParts = new CustomXmlPartCollection(ctx);
    this.worksheets = new WorksheetCollection(ctx);
    this.tables = new TableCollection(ctx, () => undefined);
    this.names = new NameCollection(ctx);
    this.application = new ApplicationProxy(ctx);
  }
}

class ApplicationProxy {
  constructor(private ctx: RequestContext) {}
  suspendApiCalculationUntilNextSync(): void {
    this.ctx.enqueue("suspend", () => {
      this.ctx.model.requireApi("Application.suspendApiCalculationUntilNextSync");
      this.ctx.model.calculationSuspensions++;
    });
  }
}

class WorksheetCollection extends Proxy<StandinWorkbook> {
  private itemProxies?: Worksheet[];
  constructor(ctx: RequestContext) {
    super(ctx, () => ctx.model);
  }
  get items(): Worksheet[] {
    if (!this.itemProxies) throw new StandinError("PropertyNotLoaded", "worksheets.items was read before load and sync");
    return this.itemProxies;
  }
  load(props?: string | string[]): this {
    const names = (typeof props === "string" ? props.split(",") : props ?? []).map((s) => s.trim().replace(/^items\//, ""));
    this.ctx.enqueue(names, () => {
      const model = this.ctx.model;
      for (const n of names) model.requireApi(`Worksheet.${n}`);
      this.itemProxies = model.sheets.map((s) => {
        const name = s.name;
        const proxy = new Worksheet(this.ctx, () => model.sheet(name));
        proxy.preload(s, model, names);
        return proxy;
      });
      return model.sheets.map((s) => names.map((n) => (n === "name" ? s.name : n === "visibility" ? s.visibility : model.sheets.indexOf(s))));
    });
    return this;
  }
  getItem(name: string): Worksheet {
    this.ctx.api("WorksheetCollection.getItem");
    return new Worksheet(this.ctx, () => this.ctx.model.mustSheet(name));
  }
  getItemOrNullObject(name: string): Worksheet {
    this.ctx.api("WorksheetCollection.getItemOrNullObject");
    return new Worksheet(this.ctx, () => this.ctx.model.sheet(name), true);
  }
  getActiveWorksheet(): Worksheet {
    this.ctx.api("WorksheetCollection.getActiveWorksheet");
    return new Worksheet(this.ctx, () => this.ctx.model.sheets[this.ctx.model.active]);
  }
  add(name: string): Worksheet {
    this.ctx.enqueue(name, () => {
      this.ctx.model.requireApi("WorksheetCollection.add");
      const fault = sheetNameFault(name);
      if (fault) throw new StandinError("InvalidArgument", `sheet name "${name}": ${fault}`);
      if (this.ctx.model.sheet(name)) throw new StandinError("ItemAlreadyExists", `a sheet named ${name} exists`);
      this.ctx.model.addSheet(name);
    });
    return new Worksheet(this.ctx, () => this.ctx.model.mustSheet(name));
  }
}

class Worksheet extends Proxy<SheetModel> {
  tables: TableCollection;
  charts: ChartCollection;
  constructor(ctx: RequestContext, resolve: () => SheetModel | undefined, orNull = false) {
    // The sheet is resolved by the name it had when first found, then followed through renames.
    let found: SheetModel | undefined;
    const follow = () => {
      if (found && ctx.model.sheets.includes(found)) return found;
      found = resolve();
      return found;
    };
    super(ctx, follow, orNull);
    this.apiClass = "Worksheet";
    this.tables = new TableCollection(ctx, () => this.m().name);
    this.charts = new ChartCollection(ctx, () => this.m());
  }
  preload(s: SheetModel, model: StandinWorkbook, names: string[]): void {
    for (const n of names) this.loaded.set(n, n === "name" ? s.name : n === "visibility" ? s.visibility : model.sheets.indexOf(s));
  }
  protected readers(): Record<string, (m: SheetModel) => unknown> {
    return {
      name: (s) => s.name,
      visibility: (s) => s.visibility,
      position: (s) => this.ctx.model.sheets.indexOf(s),
    };
  }
  get name(): string {
    return this.read("name");
  }
  set name(value: string) {
    this.write(value, (s) => {
      const fault = sheetNameFault(value);
      if (fault) throw new StandinError("InvalidArgument", `sheet name "${value}": ${fault}`);
      const other = this.ctx.model.sheet(value);
      if (other && other !== s) throw new StandinError("ItemAlreadyExists", `a sheet named ${value} exists`);
      for (const t of this.ctx.model.tables) if (t.sheet === s.name) t.sheet = value;
      s.name = value;
    }, "name");
  }
  get visibility(): string {
    return this.read("visibility");
  }
  set visibility(value: string) {
    this.write(value, (s) => {
      s.visibility = value as SheetModel["visibility"];
    }, "visibility");
  }
  get position(): number {
    return this.read("position");
  }
  set position(value: number) {
    this.write(value, (s) => {
      const list = this.ctx.model.sheets;
      list.splice(list.indexOf(s), 1);
      list.splice(Math.min(value, list.length), 0, s);
    }, "position");
  }
  delete(): void {
    this.write("delete", (s) => {
      const model = this.ctx.model;
      model.sheets.splice(model.sheets.indexOf(s), 1);
      model.tables = model.tables.filter((t) => t.sheet !== s.name);
      model.active = Math.min(model.active, model.sheets.length - 1);
    }, "delete");
  }
  activate(): void {
    this.write("activate", (s) => {
      this.ctx.model.active = this.ctx.model.sheets.indexOf(s);
    }, "activate");
  }
  getRange(address: string): RangeProxy {
    this.ctx.api("Worksheet.getRange");
    const box = parseBoxAddress(address);
    return new RangeProxy(this.ctx, () => ({ sheet: this.m(), box }));
  }
  getRangeByIndexes(row: number, column: number, rows: number, columns: number): RangeProxy {
    this.ctx.api("Worksheet.getRangeByIndexes");
    this.ctx.enqueue(undefined, () => {
      if (row < 0 || column < 0 || rows < 1 || columns < 1 || row + rows > MAX_ROWS || column + columns > MAX_COLUMNS) {
        throw new StandinError("InvalidArgument", `getRangeByIndexes(${row}, ${column}, ${rows}, ${columns}) is outside the sheet`);
      }
    });
    return new RangeProxy(this.ctx, () => ({ sheet: this.m(), box: { top: row, left: column, rows, columns } }));
  }
  getUsedRangeOrNullObject(valuesOnly = false): RangeProxy {
    this.ctx.api("Worksheet.getUsedRangeOrNullObject");
    return new RangeProxy(
      this.ctx,
      () => {
        const sheet = this.m();
        const box = this.ctx.model.usedBox(sheet, undefined, valuesOnly);
        return box ? { sheet, box } : undefined;
      },
      true,
    );
  }
}

interface RangeModel {
  sheet: SheetModel;
  box: Box;
}

function checkShape(box: Box, rows: unknown, what: string): unknown[][] {
  if (!Array.isArray(rows) || rows.length !== box.rows || rows.some((r) => !Array.isArray(r) || r.length !== box.columns)) {
    throw new StandinError("InvalidArgument", `${what}: the array's size does not match the range (${box.rows}x${box.columns})`);
  }
  return rows as unknown[][];
}

class RangeProxy extends Proxy<RangeModel> {
  format: RangeFormat;
  conditionalFormats: ConditionalFormatCollection;
  constructor(ctx: RequestContext, resolve: () => RangeModel | undefined, orNull = false) {
    let cached: RangeModel | undefined;
    let resolved = false;
    // A range is fixed when first resolved (a used range does not move when cells change later).
    super(ctx, () => {
      if (!resolved) {
        cached = resolve();
        resolved = true;
      }
      return cached;
    }, orNull);
    this.apiClass = "Range";
    this.format = new RangeFormat(ctx, () => this.m());
    this.conditionalFormats = new ConditionalFormatCollection(ctx, () => this.m());
  }
  /** Range.columnHidden (ExcelApi 1.2): hides or shows every column the range spans. */
  set columnHidden(v: boolean) {
    this.write(v, (m) => {
      const hidden = (m.sheet.hiddenColumns ??= new Set());
      for (let c = 0; c < m.box.columns; c++) {
        if (v) hidden.add(m.box.left + c);
        else hidden.delete(m.box.left + c);
      }
    }, "columnHidden");
  }
  protected readers(): Record<string, (m: RangeModel) => unknown> {
    const cells = (m: RangeModel, f: (v: Stored | undefined, nf: string | undefined) => unknown) => {
      const out: unknown[][] = [];
      for (let r = 0; r < m.box.rows; r++) {
        const line: unknown[] = [];
        for (let c = 0; c < m.box.columns; c++) {
          const col = m.sheet.columns.get(m.box.left + c);
          line.push(f(col?.values[m.box.top + r], col?.formats[m.box.top + r]));
        }
        out.push(line);
      }
      return out;
    };
    return {
      address: (m) => `${quoteSheet(m.sheet.name)}!${boxAddress(m.box)}`,
      rowIndex: (m) => m.box.top,
      columnIndex: (m) => m.box.left,
      rowCount: (m) => m.box.rows,
      columnCount: (m) => m.box.columns,
      // Excel returns a formula cell's result in `values`, never its text (Range.values reference).
      values: (m) => cells(m, (v) => resultOf(v)),
      formulas: (m) => cells(m, (v) => (v === undefined ? "" : typeof v === "object" ? ("error" in v ? v.error : v.formula) : v)),
      valueTypes: (m) =>
        cells(m, (v) => {
          const r = resultOf(v);
          if (v !== undefined && typeof v === "object" && "error" in v) return "Error";
          return r === "" ? "Empty" : typeof r === "number" ? "Double" : typeof r === "boolean" ? "Boolean" : "String";
        }),
      numberFormat: (m) => cells(m, (_v, nf) => nf ?? "General"),
    };
  }
  get address(): string {
    return this.read("address");
  }
  get rowIndex(): number {
    return this.read("rowIndex");
  }
  get columnIndex(): number {
    return this.read("columnIndex");
  }
  get rowCount(): number {
    return this.read("rowCount");
  }
  get columnCount(): number {
    return this.read("columnCount");
  }
  get values(): unknown[][] {
    return this.read("values");
  }
  set values(rows: unknown[][]) {
    this.write(rows, (m) => {
      const checked = checkShape(m.box, rows, "values");
      checked.forEach((line, r) => line.forEach((v, c) => this.ctx.model.writeTyped(m.sheet, m.box.top + r, m.box.left + c, v)));
    }, "values");
  }
  get formulas(): unknown[][] {
    return this.read("formulas");
  }
  /** Like typing each string: "=..." is a formula, anything else a value (Range.formulas reference). */
  set formulas(rows: unknown[][]) {
    this.write(rows, (m) => {
      const checked = checkShape(m.box, rows, "formulas");
      checked.forEach((line, r) => line.forEach((v, c) => this.ctx.model.writeTyped(m.sheet, m.box.top + r, m.box.left + c, v)));
    }, "formulas");
  }
  get valueTypes(): string[][] {
    return this.read("valueTypes");
  }
  get numberFormat(): string[][] {
    return this.read("numberFormat");
  }
  set numberFormat(rows: string[][]) {
    this.write(rows, (m) => {
      const checked = checkShape(m.box, rows, "numberFormat");
      checked.forEach((line, r) =>
        line.forEach((f, c) => this.ctx.model.setFormat(m.sheet, m.box.top + r, m.box.left + c, f === "General" || f === null ? undefined : String(f))),
      );
    }, "numberFormat");
  }
  clear(applyTo?: string): void {
    this.write(["clear", applyTo], (m) => {
      for (let r = 0; r < m.box.rows; r++) {
        for (let c = 0; c < m.box.columns; c++) {
          const row = m.box.top + r;
          const column = m.box.left + c;
          if (applyTo !== "Formats") this.ctx.model.store(m.sheet, row, column, undefined);
          if (applyTo !== "Contents") {
            this.ctx.model.setFormat(m.sheet, row, column, undefined);
            m.sheet.styles.delete(`${row},${column}`);
          }
        }
      }
      if (applyTo !== "Contents") m.sheet.cfs = m.sheet.cfs.filter((cf) => !within(cf.box, m.box));
    }, "clear");
  }
  select(): void {
    this.write("select", (m) => {
      this.ctx.model.selection = { sheet: m.sheet.name, address: boxAddress(m.box) };
    }, "select");
  }
  getUsedRangeOrNullObject(valuesOnly = false): RangeProxy {
    this.ctx.api("Range.getUsedRangeOrNullObject");
    return new RangeProxy(
      this.ctx,
      () => {
        const m = this.m();
        const box = this.ctx.model.usedBox(m.sheet, m.box, valuesOnly);
        return box ? { sheet: m.sheet, box } : undefined;
      },
      true,
    );
  }
}

/**
 * What `values` returns for a stored cell. Excel returns a formula's result; the stand-in does not
 * calculate, so a formula gives its constant when it is one (="A", =12) and UNCALCULATED otherwise:
 * never the formula's text, which is what a snapshot of `values` would wrongly write back.
 */
export function resultOf(v: Stored | undefined): string | number | boolean {
  if (v === undefined) return "";
  if (typeof v !== "object") return v;
  if ("error" in v) return v.error;
  const text = /^="((?:[^"]|"")*)"$/.exec(v.formula);
  if (text) return text[1].replace(/""/g, '"');
  const number = /^=([+-]?\d+(?:\.\d+)?)$/.exec(v.formula);
  if (number) return Number(number[1]);
  return UNCALCULATED;
}

function within(inner: Box, outer: Box): boolean {
  return (
    inner.top >= outer.top &&
    inner.left >= outer.left &&
    inner.top + inner.rows <= outer.top + outer.rows &&
    inner.left + inner.columns <= outer.left + outer.columns
  );
}

/** Applies a style to each cell of a range (the fixtures' formats are cell-by-cell). */
function styleCells(m: RangeModel, apply: (style: CellStyle) => void): void {
  for (let r = 0; r < m.box.rows; r++) {
    for (let c = 0; c < m.box.columns; c++) {
      const key = `${m.box.top + r},${m.box.left + c}`;
      const style = m.sheet.styles.get(key) ?? {};
      apply(style);
      m.sheet.styles.set(key, style);
    }
  }
}

class RangeFormat extends Proxy<RangeModel> {
  fill: { color: string };
  font: { bold: boolean; color: string; size: number };
  borders: { getItem(edge: string): { style: string; color: string } };
  constructor(ctx: RequestContext, resolve: () => RangeModel) {
    super(ctx, resolve);
    this.apiClass = "RangeFormat";
    // Writing these is all the executor does; reading them back is not modelled.
    const range = () => this.m();
    const set = (payload: unknown, apply: (s: CellStyle) => void, ...members: string[]) =>
      ctx.enqueue(payload, () => {
        for (const member of ["Range.format", ...members]) ctx.model.requireApi(member);
        styleCells(range(), apply);
      });
    const denied = (): never => {
      throw new StandinError("PropertyNotLoaded", "format properties cannot be read in the stand-in");
    };
    this.fill = {
      get color() {
        return denied();
      },
      set color(v: string) {
        set(v, (s) => (s.fill = v), "RangeFormat.fill", "RangeFill.color");
      },
    };
    this.font = {
      get bold() {
        return denied();
      },
      set bold(v: boolean) {
        set(v, (s) => (s.bold = v), "RangeFormat.font", "RangeFont.bold");
      },
      get color() {
        return denied();
      },
      set color(v: string) {
        set(v, (s) => (s.fontColor = v), "RangeFormat.font", "RangeFont.color");
      },
      get size() {
        return denied();
      },
      set size(v: number) {
        set(v, (s) => (s.fontSize = v), "RangeFormat.font", "RangeFont.size");
      },
    };
    this.borders = {
      getItem: (edge: string) => ({
        get style(): string {
          return denied();
        },
        set style(v: string) {
          if (edge !== "EdgeBottom") throw new StandinError("InvalidArgument", `edge ${edge} is not modelled`);
          set(v, (s) => (s.borderBottom = v), "RangeFormat.borders", "RangeBorderCollection.getItem", "RangeBorder.style");
        },
        get color(): string {
          return denied();
        },
        set color(_v: string) {
          set(_v, () => undefined, "RangeFormat.borders", "RangeBorderCollection.getItem", "RangeBorder.color");
        },
      }),
    };
  }
  get columnWidth(): number {
    return this.read("columnWidth");
  }
  set columnWidth(points: number) {
    this.write(points, (m) => {
      this.ctx.model.requireApi("Range.format");
      for (let c = 0; c < m.box.columns; c++) m.sheet.widths.set(m.box.left + c, points);
    }, "columnWidth");
  }
}

class ConditionalFormatCollection {
  constructor(private ctx: RequestContext, private range: () => RangeModel) {}
  add(type: string): {
    cellValue: { rule: unknown; format: { fill: { color: string }; font: { color: string } } };
    colorScale: { criteria: unknown };
  } {
    if (type !== "CellValue" && type !== "ColorScale") throw new StandinError("InvalidArgument", `conditional format ${type} is not modelled`);
    const ctx = this.ctx;
    let cf: CfModel | undefined;
    ctx.enqueue(type, () => {
      ctx.model.requireApi("Range.conditionalFormats");
      ctx.model.requireApi("ConditionalFormatCollection.add");
      const m = this.range();
      cf = { box: { ...m.box }, operator: "", formula1: "" };
      m.sheet.cfs.push(cf);
    });
    const later = (payload: unknown, apply: (cf: CfModel) => void, ...members: string[]) =>
      ctx.enqueue(payload, () => {
        for (const member of members) ctx.model.requireApi(member);
        if (!cf) throw new StandinError("InvalidOperation", "conditional format not added");
        apply(cf);
      });
    // The object Excel returns has both facets; the one that does not match the type fails at sync.
    const facet = (wanted: string) => {
      if (type !== wanted) throw new StandinError("InvalidOperation", `a ${type} conditional format has no ${wanted} facet`);
    };
    return {
      colorScale: {
        set criteria(criteria: unknown) {
          later(criteria, (cf) => {
            facet("ColorScale");
            const c = criteria as CfModel["colorScale"] & Record<string, unknown>;
            for (const key of Object.keys(c ?? {})) {
              if (key !== "minimum" && key !== "midpoint" && key !== "maximum") throw new StandinError("InvalidArgument", `colour scale criterion ${key}`);
              const criterion = c[key] as ColorScaleCriterion;
              if (!COLOR_CRITERION_TYPES.includes(criterion?.type)) throw new StandinError("InvalidArgument", `colour scale type ${String(criterion?.type)}`);
              if (!/^#[0-9A-Fa-f]{6}$/.test(criterion.color)) throw new StandinError("InvalidArgument", `colour ${String(criterion.color)}`);
            }
            if (!c?.minimum || !c?.maximum) throw new StandinError("InvalidArgument", "a colour scale needs a minimum and a maximum");
            cf.colorScale = { ...c };
          }, "ConditionalFormat.colorScale", "ColorScaleConditionalFormat.criteria");
        },
        get criteria(): unknown {
          throw new StandinError("PropertyNotLoaded", "criteria");
        },
      },
      cellValue: {
        set rule(rule: unknown) {
          later(rule, (cf) => {
            facet("CellValue");
            const r = rule as { operator: string; formula1: string };
            const fault = formulaFault(r.formula1);
            if (fault) throw new StandinError("InvalidArgument", fault);
            cf.operator = r.operator;
            cf.formula1 = r.formula1;
          }, "ConditionalFormat.cellValue", "CellValueConditionalFormat.rule");
        },
        get rule(): unknown {
          throw new StandinError("PropertyNotLoaded", "rule");
        },
        format: {
          fill: {
            set color(v: string) {
              later(v, (cf) => (cf.fill = v), "ConditionalFormat.cellValue", "CellValueConditionalFormat.format", "ConditionalRangeFormat.fill", "ConditionalRangeFill.color");
            },
            get color(): string {
              throw new StandinError("PropertyNotLoaded", "color");
            },
          },
          font: {
            set color(v: string) {
              later(v, (cf) => (cf.fontColor = v), "ConditionalFormat.cellValue", "CellValueConditionalFormat.format", "ConditionalRangeFormat.font", "ConditionalRangeFont.color");
            },
            get color(): string {
              throw new StandinError("PropertyNotLoaded", "color");
            },
          },
        },
      },
    };
  }
  clearAll(): void {
    this.ctx.enqueue("clearAll", () => {
      this.ctx.model.requireApi("Range.conditionalFormats");
      this.ctx.model.requireApi("ConditionalFormatCollection.clearAll");
      const m = this.range();
      m.sheet.cfs = m.sheet.cfs.filter((cf) => !intersects(cf.box, m.box));
    });
  }
}

function intersects(a: Box, b: Box): boolean {
  return a.left < b.left + b.columns && b.left < a.left + a.columns && a.top < b.top + b.rows && b.top < a.top + a.rows;
}

// ----- tables -----

class TableCollection extends Proxy<TableModel[]> {
  private itemProxies?: Table[];
  constructor(ctx: RequestContext, private sheetName: () => string | undefined) {
    super(ctx, () => {
      const sheet = sheetName();
      return ctx.model.tables.filter((t) => sheet === undefined || t.sheet === sheet);
    });
  }
  get items(): Table[] {
    if (!this.itemProxies) throw new StandinError("PropertyNotLoaded", "tables.items was read before load and sync");
    return this.itemProxies;
  }
  load(props?: string | string[]): this {
    const names = (typeof props === "string" ? props.split(",") : props ?? []).map((s) => s.trim().replace(/^items\//, ""));
    this.ctx.enqueue(names, () => {
      for (const n of names) {
        const [first, ...rest] = n.split("/");
        this.ctx.model.requireApi(`Table.${first}`);
        if (rest.length > 0) this.ctx.model.requireApi(`Worksheet.${rest.join(".")}`);
      }
      const list = this.m();
      this.itemProxies = list.map((t) => {
        const proxy = new Table(this.ctx, () => t);
        proxy.preload(t, names);
        return proxy;
      });
      return list.map((t) => [t.name, t.sheet]);
    });
    return this;
  }
  getItem(name: string): Table {
    this.ctx.api("TableCollection.getItem");
    return new Table(this.ctx, () => {
      const t = this.m().find((t) => t.name.toLowerCase() === name.toLowerCase());
      if (!t) throw new StandinError("ItemNotFound", `no table named ${name}`);
      return t;
    });
  }
  getItemOrNullObject(name: string): Table {
    this.ctx.api("TableCollection.getItemOrNullObject");
    return new Table(this.ctx, () => this.m().find((t) => t.name.toLowerCase() === name.toLowerCase()), true);
  }
}

class Table extends Proxy<TableModel> {
  columns: TableColumnCollection;
  worksheet: { name: string };
  constructor(ctx: RequestContext, resolve: () => TableModel | undefined, orNull = false) {
    super(ctx, resolve, orNull);
    this.apiClass = "Table";
    this.columns = new TableColumnCollection(ctx, () => this.m());
    const self = this;
    this.worksheet = {
      get name(): string {
        return self.read("worksheet/name");
      },
    };
  }
  preload(t: TableModel, names: string[]): void {
    for (const n of names) this.loaded.set(n, n === "name" ? t.name : n === "worksheet/name" ? t.sheet : n === "showTotals" ? t.showTotals ?? false : undefined);
  }
  protected readers(): Record<string, (m: TableModel) => unknown> {
    return { name: (t) => t.name, "worksheet/name": (t) => t.sheet, showTotals: (t) => t.showTotals ?? false };
  }
  get name(): string {
    return this.read("name");
  }
  get showTotals(): boolean {
    return this.read("showTotals");
  }
  private rangeOf(box: (t: TableModel) => Box): RangeProxy {
    return new RangeProxy(this.ctx, () => {
      const t = this.m();
      return { sheet: this.ctx.model.mustSheet(t.sheet), box: box(t) };
    });
  }
  getRange(): RangeProxy {
    this.ctx.api("Table.getRange");
    return this.rangeOf((t) => t.box);
  }
  getHeaderRowRange(): RangeProxy {
    this.ctx.api("Table.getHeaderRowRange");
    return this.rangeOf((t) => ({ ...t.box, rows: 1 }));
  }
  getDataBodyRange(): RangeProxy {
    this.ctx.api("Table.getDataBodyRange");
    return this.rangeOf((t) => ({ ...t.box, top: t.box.top + 1, rows: t.box.rows - 1 }));
  }
}

class TableColumnCollection extends Proxy<TableModel> {
  private itemProxies?: TableColumn[];
  constructor(ctx: RequestContext, resolve: () => TableModel) {
    super(ctx, resolve);
  }
  get items(): TableColumn[] {
    if (!this.itemProxies) throw new StandinError("PropertyNotLoaded", "columns.items was read before load and sync");
    return this.itemProxies;
  }
  load(props?: string): this {
    this.ctx.enqueue("columns", () => {
      this.ctx.model.requireApi("Table.columns");
      for (const n of (props ?? "").split(",").map((p) => p.trim().replace(/^items\//, "")).filter(Boolean)) {
        this.ctx.model.requireApi(`TableColumn.${n}`);
      }
      const t = this.m();
      this.itemProxies = t.headers.map((h) => {
        const c = new TableColumn(this.ctx, () => t, () => t.headers.indexOf(h));
        c.preload(h);
        return c;
      });
      return t.headers;
    });
    return this;
  }
  /** Adds a column at the right end (index null), header `name`; values must span header + body. */
  add(index?: number | null, values?: unknown[][], name?: string): TableColumn {
    if (index !== undefined && index !== null) throw new StandinError("InvalidArgument", "only columns at the end are modelled");
    const model = this.ctx.model;
    this.ctx.enqueue([values, name], () => {
      model.requireApi("Table.columns");
      // Appending (index null) and naming the column both need 1.4 (the annotation names 1.1 and 1.4).
      model.requireApi("TableColumnCollection.add");
      const t = this.m();
      const sheet = model.mustSheet(t.sheet);
      const column = t.box.left + t.box.columns;
      for (let r = 0; r < t.box.rows; r++) {
        if (model.get(sheet, t.box.top + r, column) !== undefined) {
          throw new StandinError("InsertDeleteConflict", `the cell ${columnName(column)}${t.box.top + r + 1} next to the table is not empty`);
        }
      }
      const header = name ?? `Column${t.headers.length + 1}`;
      if (t.headers.some((h) => h.toLowerCase() === header.toLowerCase())) throw new StandinError("InvalidArgument", `the table has a column ${header}`);
      t.headers.push(header);
      t.box = { ...t.box, columns: t.box.columns + 1 };
      model.store(sheet, t.box.top, column, header);
      if (values) {
        checkShape({ top: 0, left: 0, rows: t.box.rows, columns: 1 }, values, "columns.add");
        for (let r = 1; r < t.box.rows; r++) model.writeTyped(sheet, t.box.top + r, column, values[r][0]);
      }
    });
    return new TableColumn(this.ctx, () => this.m(), () => this.m().headers.findIndex((h) => h.toLowerCase() === (name ?? "").toLowerCase()));
  }
  getItem(name: string): TableColumn {
    this.ctx.api("Table.columns", "TableColumnCollection.getItem");
    return new TableColumn(this.ctx, () => this.m(), () => {
      const i = this.m().headers.findIndex((h) => h.toLowerCase() === name.toLowerCase());
      if (i < 0) throw new StandinError("ItemNotFound", `no table column ${name}`);
      return i;
    });
  }
  getItemOrNullObject(name: string): TableColumn {
    this.ctx.api("Table.columns", "TableColumnCollection.getItemOrNullObject");
    return new TableColumn(this.ctx, () => this.m(), () => this.m().headers.findIndex((h) => h.toLowerCase() === name.toLowerCase()), true);
  }
}

class TableColumn extends Proxy<{ table: TableModel; index: number }> {
  constructor(ctx: RequestContext, table: () => TableModel, index: () => number, orNull = false) {
    super(ctx, () => {
      const t = table();
      const i = index();
      return i < 0 ? undefined : { table: t, index: i };
    }, orNull);
    this.apiClass = "TableColumn";
  }
  preload(name: string): void {
    this.loaded.set("name", name);
  }
  protected readers(): Record<string, (m: { table: TableModel; index: number }) => unknown> {
    return { name: (m) => m.table.headers[m.index] };
  }
  get name(): string {
    return this.read("name");
  }
  /** Renames the column; its header cell shows the new name (TableColumn.name). */
  set name(value: string) {
    this.write(value, ({ table, index }) => {
      if (value.trim() === "") throw new StandinError("InvalidArgument", "a table column needs a name");
      if (table.headers.some((h, i) => i !== index && h.toLowerCase() === value.toLowerCase())) {
        throw new StandinError("InvalidArgument", `the table has a column ${value}`);
      }
      table.headers[index] = value;
      this.ctx.model.store(this.ctx.model.mustSheet(table.sheet), table.box.top, table.box.left + index, value);
    }, "name");
  }
  /**
   * Deletes the column's cells and shifts the table's columns to its right one column left ("Columns
   * with a higher index will be shifted", TableColumnCollection.add). What Excel does with cells right
   * of the table in the same rows is not documented: the stand-in refuses when any is not empty.
   */
  delete(): void {
    this.write("delete", ({ table, index }) => {
      const model = this.ctx.model;
      const sheet = model.mustSheet(table.sheet);
      const column = table.box.left + index;
      const last = table.box.left + table.box.columns - 1;
      const outside = model.usedBox(sheet, { top: table.box.top, left: last + 1, rows: table.box.rows, columns: MAX_COLUMNS - last - 1 }, true);
      if (outside) {
        throw new StandinError("NotModelled", `deleting a table column with data right of the table (${boxAddress(outside)}) is not documented; the stand-in refuses`);
      }
      for (let c = column; c <= last; c++) {
        for (let r = table.box.top; r < table.box.top + table.box.rows; r++) {
          const next = c < last ? sheet.columns.get(c + 1) : undefined;
          model.store(sheet, r, c, next?.values[r]);
          model.setFormat(sheet, r, c, next?.formats[r]);
        }
      }
      sheet.cfs = sheet.cfs.filter((cf) => !(cf.box.left === column && cf.box.columns === 1 && cf.box.top >= table.box.top));
      for (const cf of sheet.cfs) if (cf.box.left > column && cf.box.top >= table.box.top) cf.box = { ...cf.box, left: cf.box.left - 1 };
      table.headers.splice(index, 1);
      table.box = { ...table.box, columns: table.box.columns - 1 };
    }, "delete");
  }
  getDataBodyRange(): RangeProxy {
    this.ctx.api("TableColumn.getDataBodyRange");
    return new RangeProxy(this.ctx, () => {
      const { table, index } = this.m();
      return { sheet: this.ctx.model.mustSheet(table.sheet), box: { top: table.box.top + 1, left: table.box.left + index, rows: table.box.rows - 1, columns: 1 } };
    });
  }
}

// ----- charts -----

class ChartCollection {
  constructor(private ctx: RequestContext, private sheet: () => SheetModel) {}
  add(type: string, source: RangeProxy, seriesBy?: string): ChartProxy {
    const ctx = this.ctx;
    let chart: ChartModel | undefined;
    ctx.enqueue([type, seriesBy], () => {
      ctx.model.requireApi("Worksheet.charts");
      ctx.model.requireApi("ChartCollection.add");
      const sheet = this.sheet();
      const src = (source as unknown as { m(): RangeModel }).m();
      chart = { name: `Chart ${sheet.charts.length + 1}`, type, source: boxAddress(src.box), series: [] };
      // One series per column of the source (seriesBy "Columns").
      for (let c = 0; c < src.box.columns; c++) {
        chart.series.push({ values: boxAddress({ ...src.box, left: src.box.left + c, columns: 1 }), labelFormulas: {} });
      }
      sheet.charts.push(chart);
    });
    return new ChartProxy(ctx, () => {
      if (!chart) throw new StandinError("InvalidOperation", "chart not added");
      return chart;
    });
  }
}

class ChartProxy {
  title: { text: string };
  legend: { visible: boolean };
  axes: { categoryAxis: { reversePlotOrder: boolean }; valueAxis: { visible: boolean } };
  series: { getItemAt(i: number): SeriesProxy; add(name?: string): SeriesProxy };
  constructor(private ctx: RequestContext, private chart: () => ChartModel) {
    const later = (payload: unknown, apply: (c: ChartModel) => void, ...members: string[]) =>
      ctx.enqueue(payload, () => {
        for (const member of members) ctx.model.requireApi(member);
        apply(chart());
      });
    const denied = (): never => {
      throw new StandinError("PropertyNotLoaded", "chart properties cannot be read in the stand-in");
    };
    this.title = {
      get text() {
        return denied();
      },
      set text(v: string) {
        later(v, (c) => (c.title = v), "Chart.title", "ChartTitle.text");
      },
    };
    this.legend = {
      get visible() {
        return denied();
      },
      set visible(v: boolean) {
        later(v, (c) => (c.legendVisible = v), "Chart.legend", "ChartLegend.visible");
      },
    };
    this.axes = {
      categoryAxis: {
        get reversePlotOrder() {
          return denied();
        },
        set reversePlotOrder(v: boolean) {
          later(v, (c) => (c.reversePlotOrder = v), "Chart.axes", "ChartAxes.categoryAxis", "ChartAxis.reversePlotOrder");
        },
      },
      valueAxis: {
        get visible() {
          return denied();
        },
        set visible(v: boolean) {
          later(v, (c) => (c.valueAxisVisible = v), "Chart.axes", "ChartAxes.valueAxis", "ChartAxis.visible");
        },
      },
    };
    this.series = {
      getItemAt: (i: number) => new SeriesProxy(ctx, () => {
        ctx.model.requireApi("Chart.series");
        ctx.model.requireApi("ChartSeriesCollection.getItemAt");
        const s = chart().series[i];
        if (!s) throw new StandinError("ItemNotFound", `series ${i}`);
        return s;
      }),
      add: (name?: string) => {
        let added: ChartModel["series"][number] | undefined;
        later(name, (c) => {
          added = { name, labelFormulas: {} };
          c.series.push(added);
        }, "Chart.series", "ChartSeriesCollection.add");
        return new SeriesProxy(ctx, () => {
          if (!added) throw new StandinError("InvalidOperation", "series not added");
          return added;
        });
      },
    };
  }
  /** Chart.plotVisibleOnly (ExcelApi 1.8, learn.microsoft.com/javascript/api/excel/excel.chart). */
  set plotVisibleOnly(v: boolean) {
    this.ctx.enqueue(v, () => {
      this.ctx.model.requireApi("Chart.plotVisibleOnly");
      this.chart().plotVisibleOnly = v;
    });
  }
  setPosition(start: string, end: string): void {
    this.ctx.enqueue([start, end], () => {
      this.ctx.model.requireApi("Chart.setPosition");
      this.chart().position = [start, end];
    });
  }
}

class SeriesProxy {
  format: { fill: { clear(): void; setSolidColor(c: string): void } };
  points: { getItemAt(i: number): { hasDataLabel: boolean; dataLabel: { formula: string }; format: { fill: { setSolidColor(c: string): void } } } };
  dataLabels: { showValue: boolean; position: string };
  constructor(private ctx: RequestContext, private series: () => ChartModel["series"][number]) {
    const later = (payload: unknown, apply: (s: ChartModel["series"][number]) => void, ...members: string[]) =>
      ctx.enqueue(payload, () => {
        for (const member of members) ctx.model.requireApi(member);
        apply(series());
      });
    const denied = (): never => {
      throw new StandinError("PropertyNotLoaded", "series properties cannot be read in the stand-in");
    };
    this.format = {
      fill: {
        clear: () => later("clear", (s) => (s.fillCleared = true), "ChartSeries.format", "ChartSeriesFormat.fill", "ChartFill.clear"),
        setSolidColor: (c: string) => later(c, (s) => (s.fill = c), "ChartSeries.format", "ChartSeriesFormat.fill", "ChartFill.setSolidColor"),
      },
    };
    this.points = {
      getItemAt: (i: number) => ({
        get hasDataLabel() {
          return denied();
        },
        set hasDataLabel(v: boolean) {
          later(v, () => undefined, "ChartSeries.points", "ChartPointsCollection.getItemAt", "ChartPoint.hasDataLabel");
        },
        dataLabel: {
          get formula() {
            return denied();
          },
          set formula(v: string) {
            later(v, (s) => {
              const fault = formulaFault(v);
              if (fault) throw new StandinError("InvalidArgument", fault);
              s.labelFormulas[i] = v;
            }, "ChartSeries.points", "ChartPointsCollection.getItemAt", "ChartPoint.dataLabel", "ChartDataLabel.formula");
          },
        },
        // ChartPoint.format -> ChartPointFormat.fill -> ChartFill.setSolidColor (ExcelApi 1.7 each;
        // learn.microsoft.com/javascript/api/excel/excel.chartpoint, .chartpointformat, .chartfill).
        format: {
          fill: {
            setSolidColor: (c: string) =>
              later(c, (s) => {
                if (!/^#[0-9A-Fa-f]{6}$/.test(c) && !/^[A-Za-z]+$/.test(c)) throw new StandinError("InvalidArgument", `colour ${c}`);
                (s.pointFills ??= {})[i] = c;
              }, "ChartSeries.points", "ChartPointsCollection.getItemAt", "ChartPoint.format", "ChartPointFormat.fill", "ChartFill.setSolidColor"),
          },
        },
      }),
    };
    this.dataLabels = {
      get showValue() {
        return denied();
      },
      set showValue(v: boolean) {
        later(v, (s) => (s.hasDataLabels = v), "ChartSeries.dataLabels", "ChartDataLabels.showValue");
      },
      get position() {
        return denied();
      },
      // Excel.ChartDataLabelPosition's values (@types/office-js); another string is InvalidArgument.
      set position(v: string) {
        later(v, (s) => {
          if (!LABEL_POSITIONS.includes(v)) throw new StandinError("InvalidArgument", `data label position ${v}`);
          s.labelPosition = v;
        }, "ChartSeries.dataLabels", "ChartDataLabels.position");
      },
    };
  }
  set name(v: string) {
    this.ctx.enqueue(v, () => {
      this.ctx.model.requireApi("ChartSeries.name");
      this.series().name = v;
    });
  }
  set gapWidth(v: number) {
    this.ctx.enqueue(v, () => {
      this.ctx.model.requireApi("ChartSeries.gapWidth");
      this.series().gapWidth = v;
    });
  }
  setValues(range: RangeProxy): void {
    this.ctx.enqueue("setValues", () => {
      this.ctx.model.requireApi("ChartSeries.setValues");
      this.series().values = boxAddress((range as unknown as { m(): RangeModel }).m().box);
    });
  }
  setXAxisValues(range: RangeProxy): void {
    this.ctx.enqueue("setXAxisValues", () => {
      this.ctx.model.requireApi("ChartSeries.setXAxisValues");
      this.series().xValues = boxAddress((range as unknown as { m(): RangeModel }).m().box);
    });
  }
}

// ----- names -----

class NameCollection {
  constructor(private ctx: RequestContext) {}
  add(name: string, reference: string, comment?: string): NamedItem {
    this.ctx.enqueue([name, reference, comment], () => {
      this.ctx.model.requireApi("Workbook.names");
      this.ctx.model.requireApi("NamedItemCollection.add");
      const formula = reference.startsWith("=") ? reference : `=${reference}`;
      const fault = formulaFault(formula);
      if (fault) throw new StandinError("InvalidArgument", fault);
      if (this.ctx.model.names.has(name)) throw new StandinError("ItemAlreadyExists", `a name ${name} exists`);
      this.ctx.model.names.set(name, { formula: reference.startsWith("=") ? reference : `=${reference}`, visible: true });
    });
    return new NamedItem(this.ctx, () => this.ctx.model.names.get(name), name);
  }
  getItemOrNullObject(name: string): NamedItem {
    this.ctx.api("Workbook.names", "NamedItemCollection.getItemOrNullObject");
    return new NamedItem(this.ctx, () => this.ctx.model.names.get(name), name, true);
  }
}

class NamedItem extends Proxy<NameModel> {
  constructor(ctx: RequestContext, resolve: () => NameModel | undefined, private key: string, orNull = false) {
    super(ctx, resolve, orNull);
    this.apiClass = "NamedItem";
  }
  protected readers(): Record<string, (m: NameModel) => unknown> {
    return { formula: (n) => n.formula, visible: (n) => n.visible, name: () => this.key };
  }
  get formula(): string {
    return this.read("formula");
  }
  get visible(): boolean {
    return this.read("visible");
  }
  set visible(v: boolean) {
    this.write(v, (n) => (n.visible = v), "visible");
  }
  delete(): void {
    this.write("delete", () => this.ctx.model.names.delete(this.key), "delete");
  }
}
