// Per-owner copies (visibility by role, docs/DESIGN.md §2): from a graded workbook, the plans of one workbook
// per salesperson (their customers), per manager (their team's, from an org table) and one for the
// business owner (everyone). Tiers and ranks are the company-wide grading as the workbook holds it; each
// copy's summary counts only the customers it holds.
//
// A copy is built from nothing but these plans (executors/xlsx/split.ts runs them on an empty package), never by
// deleting from the original: what is not written cannot leak through hidden rows, shared strings,
// pivot or chart caches, comments, names or document properties.

import { pyramid } from "../../engine/pyramid";
import { boxAddress } from "../reading/address";
import { isBlank } from "../reading/cells";
import { findRole, headerKey } from "../reading/headers";
import { outputText } from "../planning/outputText";
import type { OutputText } from "../planning/outputText";
import { HEADER_LOOK, RANK_FORMAT, SCORE_FORMAT, TEXT_FORMAT, tierStyles, TITLE_LOOK } from "../planning/styles";
import { tierTableBlocks } from "../planning/summary";
import { problem } from "../reading/problems";
import { safeSheetName } from "../planning/sheetNames";
import { cellOut, readGradingRecord, weightBlocks } from "./sharing";
import { lazyArray } from "../lazyArray";
import type { GradingRecord } from "./sharing";
import type { CellBlock, CellOut, CellValue, Lang, OutputSheet, OwnedState, Problem, WorkbookBackend, WritePlan } from "../types";

export interface SplitSettings {
  /** The owner column's header as written (Owner, 负责人, ...). */
  by: string;
  /** A sheet or Excel table with the columns Owner and Manager. */
  org?: string;
  lang: Lang;
}

export type CopyRole = "salesperson" | "manager" | "all";

/** One copy to build: who it is for, how many customers it holds, and the plans that write it. */
export interface OwnerCopy {
  owner: string;
  role: CopyRole;
  /** The owners whose customers the copy holds. */
  owners: string[];
  customers: number;
  /** Run in order on an empty workbook: the sheets first, then the output columns on the customer sheet. */
  plans: WritePlan[];
}

export type SplitOutcome = { ok: true; copies: OwnerCopy[]; lang: Lang } | { ok: false; problems: Problem[] };

/** The graded customer table as the workbook holds it: user columns, then the add-in's output columns. */
interface GradedTable {
  sheet: string;
  headers: string[];
  /** Data rows (blank rows left out), each as wide as `headers`, held compactly. */
  rows: TableCells;
  /** Index in `headers` of the first output column. */
  outputFirst: number;
  tierColumn: number;
  /** Number formats of the user columns as the first customer row has them (null = General). */
  formats: (string | null)[];
}

const MANAGER_HEADERS = ["Manager", "经理", "主管"].map(headerKey);

const asText = (value: CellValue): string => {
  if (value === null) return "";
  if (typeof value === "object") return value.error;
  return String(value).trim();
};

/** Rows read a window at a time: a window of this many rows is the most held as CellValue[][] at once. */
const WINDOW_ROWS = 16384;

/**
 * The cells of a table held a column at a time: numbers in a Float64Array, other values (texts
 * mostly, blanks, errors) in an array made for a column only when it holds one. A million rows of a
 * dozen numbers take about 100 MB this way; as CellValue[][] they took several times that.
 */
class TableCells {
  private readonly numbers: Float64Array[];
  private readonly others: ((CellValue | undefined)[] | undefined)[];
  count = 0;

  constructor(
    readonly width: number,
    private readonly capacity: number,
  ) {
    this.numbers = Array.from({ length: width }, () => new Float64Array(capacity));
    this.others = new Array<(CellValue | undefined)[] | undefined>(width).fill(undefined);
  }

  push(row: CellValue[]): void {
    const at = this.count++;
    for (let j = 0; j < this.width; j++) {
      const value = row[j] ?? null;
      if (typeof value === "number") this.numbers[j][at] = value;
      else (this.others[j] ??= Array.from({ length: this.capacity }, () => undefined))[at] = value;
    }
  }

  /** Cell `j` of row `i`. */
  value(i: number, j: number): CellValue {
    const other = this.others[j]?.[i];
    return other === undefined ? this.numbers[j][i] : other;
  }

  /** Cell `j` of row `i` when it is a finite number, else NaN (ask value). */
  numberAt(i: number, j: number): number {
    const others = this.others[j];
    if (others !== undefined && others[i] !== undefined) return NaN;
    const x = this.numbers[j][i];
    return x - x === 0 ? x : NaN;
  }
}

async function readGradedTable(backend: WorkbookBackend, state: OwnedState, text: OutputText): Promise<GradedTable | Problem> {
  const index = await backend.index();
  const sheet = index.sheets.find((s) => headerKey(s.name) === headerKey(state.sheet));
  if (!sheet || !sheet.used) return problem("not-graded", "", "");
  const right = Math.max(sheet.used.left + sheet.used.columns, state.firstColumn + state.headers.length);
  const top = state.headerRow;
  const bottom = sheet.used.top + sheet.used.rows;
  const header = (await backend.read(sheet.name, { top, left: 0, rows: 1, columns: right }))[0];
  let left = state.firstColumn;
  while (left > 0 && !isBlank(header[left - 1])) left--;
  const last = state.firstColumn + state.headers.length;
  const rows = new TableCells(last - left, Math.max(0, bottom - top - 1));
  // A window of rows at a time, never the whole table as CellValue[][] (a million rows would not fit).
  for (let from = top + 1; from < bottom; from += WINDOW_ROWS) {
    const window = await backend.read(sheet.name, { top: from, left, rows: Math.min(WINDOW_ROWS, bottom - from), columns: last - left });
    // Blank rows inside the table are skipped, as the grading skipped them; the customers after them count.
    for (const row of window) if (!row.every(isBlank)) rows.push(row);
  }
  const headers = header.slice(left, last).map(asText);
  const outputFirst = state.firstColumn - left;
  const tierKeys = new Set([outputText("en-US").tier, outputText("zh-CN").tier].map(headerKey));
  const recorded = state.tierColumn !== undefined ? outputFirst + state.tierColumn : -1;
  const tierColumn = recorded >= outputFirst ? recorded : headers.findIndex((h, i) => i >= outputFirst && tierKeys.has(headerKey(h)));
  if (tierColumn < 0) return problem("not-graded", "", "");
  let graded = false;
  for (let i = 0; i < rows.count && !graded; i++) graded = !isBlank(rows.value(i, tierColumn));
  if (rows.count > 0 && !graded) {
    return problem("not-recalculated", sheet.name, "", { column: headers[tierColumn] || text.tier });
  }
  const formats = (await backend.numberFormats?.(sheet.name, top + 1, left, outputFirst)) ?? new Array<string | null>(outputFirst).fill(null);
  return { sheet: sheet.name, headers, rows, outputFirst, tierColumn, formats };
}

/** Owner -> manager from the org table, or a problem saying what is missing. */
async function readOrg(backend: WorkbookBackend, name: string, by: string): Promise<Map<string, string> | Problem> {
  const index = await backend.index();
  const table = index.tables.find((t) => headerKey(t.name) === headerKey(name));
  const sheet = index.sheets.find((s) => headerKey(s.name) === headerKey(name));
  const at = table ? { sheet: table.sheet, box: table.box } : sheet?.used ? { sheet: sheet.name, box: sheet.used } : undefined;
  if (!at) return problem("org-table-not-found", "", "", { name, sheets: index.sheets.map((s) => s.name).join(", ") });
  const grid = await backend.read(at.sheet, at.box);
  const headers = (grid[0] ?? []).map(asText);
  let ownerAt = headers.findIndex((h) => headerKey(h) === headerKey(by));
  if (ownerAt < 0) ownerAt = findRole(headers, "owner");
  const managerAt = headers.findIndex((h) => MANAGER_HEADERS.includes(headerKey(h)));
  if (ownerAt < 0 || managerAt < 0) {
    const headerRow = { ...at.box, rows: 1 };
    return problem("org-header-missing", at.sheet, boxAddress(headerRow), { headers: headers.filter(Boolean).join(", ") });
  }
  const managers = new Map<string, string>();
  for (const row of grid.slice(1)) {
    const owner = asText(row[ownerAt]);
    const manager = asText(row[managerAt]);
    if (owner && manager) managers.set(owner, manager);
  }
  return managers;
}

/** Tier labels best first: as the state records them, else as its tier colours list them, else as found. */
function labelsOf(record: GradingRecord | undefined, state: OwnedState, table: GradedTable): string[] {
  if (record && record.labels.length > 0) return record.labels;
  if (state.tierStyles?.length) return state.tierStyles.map((style) => style.label);
  const found = new Set<string>();
  for (let i = 0; i < table.rows.count; i++) found.add(asText(table.rows.value(i, table.tierColumn)));
  return [...found].filter(Boolean).sort();
}

/** The settings rows a copy may carry: none of them names a customer or counts the company's customers. */
function copySettings(record: GradingRecord | undefined): [string, CellOut][] {
  if (!record) return [];
  // Not the blank-value policy: its words point to the list of customers left out, which a copy omits.
  const safe = new Set(["gradedOn", "scheme", "labels", "valueColumn", "period"]);
  return record.settings.filter(({ key }) => safe.has(key)).map(({ label, value }) => [label, value]);
}

/** The summary of a copy holding the table's rows `rows` (indices into table.rows). */
function summaryFor(copy: { owner: string; role: CopyRole; owners: string[] }, rows: Int32Array, table: GradedTable, labels: string[], valueColumn: number, record: GradingRecord | undefined, lang: Lang): OutputSheet {
  const t = outputText(lang);
  const index = new Map(labels.map((label, i) => [label, i]));
  const cells = table.rows;
  const tier = Int32Array.from(rows, (i) => index.get(asText(cells.value(i, table.tierColumn))) ?? -1);
  const value = Float64Array.from(rows, (i) => {
    const v = valueColumn >= 0 ? cells.value(i, valueColumn) : null;
    return typeof v === "number" ? v : NaN;
  });
  const blocks: CellBlock[] = [{ top: 0, left: 0, values: [[t.title]], look: TITLE_LOOK }];
  const tiers = tierTableBlocks(pyramid(tier, labels, value), t, lang, 2);
  blocks.push(...tiers.blocks);
  let top = Math.max(tiers.last + 3, 2 + 18);
  const role = copy.role === "salesperson" ? t.roleSalesperson : copy.role === "manager" ? t.roleManager : t.roleAll;
  blocks.push({ top, left: 0, values: [[t.aboutCopy]], look: HEADER_LOOK });
  blocks.push({
    top: top + 1,
    left: 0,
    numberFormats: [TEXT_FORMAT, TEXT_FORMAT],
    values: [
      [t.copyOf, copy.role === "all" ? t.roleAll : copy.owners.join(", ")],
      [t.customers, rows.length],
      [role, copy.owner],
      [t.companyWide, null],
    ],
  });
  top += 6;
  const settings = copySettings(record);
  if (settings.length > 0) {
    blocks.push({ top, left: 0, values: [[t.settings]], look: HEADER_LOOK });
    blocks.push({ top: top + 1, left: 0, values: settings, numberFormats: [TEXT_FORMAT, null] });
    top += settings.length + 3;
  }
  if (record) blocks.push(...weightBlocks(record, top));
  return { name: t.summarySheet, blocks, columnWidths: [22, 14, 18, 16, 16, 12, 12, 18, 18], charts: tiers.charts, hiddenColumns: tiers.hiddenColumns };
}

/**
 * The two plans of one copy holding the table's rows `rows` (indices into table.rows): its sheets on an
 * empty workbook, then the output columns. The rows and output values are views of the table, made
 * as the executor writes them.
 */
function copyPlans(rows: Int32Array, table: GradedTable, summary: OutputSheet, labels: string[], text: OutputText): WritePlan[] {
  const userColumns = table.outputFirst;
  // A name Excel accepts beside the summary (the original's may come from a file no Excel wrote).
  const sheetName = safeSheetName(table.sheet, [summary.name]);
  // Cell j of the copy's row k; a row made whole is its cells (the writer asks cell by cell).
  const cellAt = (k: number, j: number): CellOut => cellOut(table.rows.value(rows[k], j));
  const customers: OutputSheet = {
    name: sheetName,
    blocks: [
      { top: 0, left: 0, values: [table.headers.slice(0, userColumns)], look: HEADER_LOOK },
      {
        top: 1,
        left: 0,
        // Values only (cellOut makes no formula), every row userColumns wide.
        values: lazyArray({
          length: rows.length,
          make: (k) => {
            const row = new Array<CellOut>(userColumns);
            for (let j = 0; j < userColumns; j++) row[j] = cellAt(k, j);
            return row;
          },
          valuesOnly: true,
          width: userColumns,
          numberAt: (k, j) => table.rows.numberAt(rows[k], j),
          cellAt,
        }),
        numberFormats: table.formats,
      },
    ],
    columnWidths: new Array<number>(userColumns).fill(14),
    charts: [],
  };
  const outputHeaders = table.headers.slice(userColumns);
  const formatOf = (header: string) =>
    [text.score, outputText("en-US").score, outputText("zh-CN").score].includes(header)
      ? SCORE_FORMAT
      : [outputText("en-US").rank, outputText("zh-CN").rank].includes(header)
        ? RANK_FORMAT
        : TEXT_FORMAT;
  const state: OwnedState = {
    version: 1,
    sheet: sheetName,
    headerRow: 0,
    firstColumn: userColumns,
    headers: outputHeaders,
    sheets: [summary.name],
  };
  return [
    { state: { ...state, headers: [] }, sheets: [customers, summary] },
    {
      state,
      sheets: [],
      columns: {
        sheet: sheetName,
        headerRow: 0,
        firstColumn: userColumns,
        rowCount: rows.length,
        columns: outputHeaders.map((header, j) => ({
          header,
          numberFormat: formatOf(header),
          values: lazyArray({ length: rows.length, make: (k) => cellOut(table.rows.value(rows[k], userColumns + j)), valuesOnly: true }),
        })),
        tierColumn: table.tierColumn - userColumns,
        tierStyles: tierStyles(labels),
        headerLook: HEADER_LOOK,
      },
    },
  ];
}

/**
 * The per-owner copies of a graded workbook, or the problems that stop them (not graded, no owner
 * column, an org table without Owner and Manager). Customers without an owner appear only in the
 * business owner's copy.
 */
export async function planOwnerCopies(backend: WorkbookBackend, settings: SplitSettings): Promise<SplitOutcome> {
  const state = await backend.readState();
  if (!state || state.headers.length === 0) return { ok: false, problems: [problem("not-graded", "", "")] };
  const record = await readGradingRecord(backend, state);
  const lang = record?.lang ?? settings.lang;
  const text = outputText(lang);
  const table = await readGradedTable(backend, state, text);
  if ("code" in table) return { ok: false, problems: [table] };
  const ownerAt = table.headers.findIndex((h, i) => i < table.outputFirst && headerKey(h) === headerKey(settings.by));
  if (ownerAt < 0) {
    const left = state.firstColumn - table.outputFirst;
    const cell = boxAddress({ top: state.headerRow, left, rows: 1, columns: table.headers.length });
    return {
      ok: false,
      problems: [problem("owner-column-missing", table.sheet, cell, { column: settings.by, headers: table.headers.slice(0, table.outputFirst).join(", ") })],
    };
  }
  let managers = new Map<string, string>();
  if (settings.org) {
    const org = await readOrg(backend, settings.org, settings.by);
    if (!(org instanceof Map)) return { ok: false, problems: [org] };
    managers = org;
  }

  const labels = labelsOf(record, state, table);
  const valueName = record?.valueColumn;
  const scoreAt = table.headers.findIndex((h, i) => i >= table.outputFirst && [outputText("en-US").score, outputText("zh-CN").score].includes(h));
  const named = typeof valueName === "string" ? table.headers.findIndex((h) => headerKey(h) === headerKey(valueName)) : -1;
  const valueColumn = named >= 0 ? named : scoreAt;

  // The rows of each owner, as indices into the table (in table order).
  const rowsOf = new Map<string, number[]>();
  for (let i = 0; i < table.rows.count; i++) {
    const owner = asText(table.rows.value(i, ownerAt));
    if (!owner) continue;
    const list = rowsOf.get(owner);
    if (list) list.push(i);
    else rowsOf.set(owner, [i]);
  }
  const owners = [...rowsOf.keys()].sort((a, b) => a.localeCompare(b, lang));
  const wanted: { owner: string; role: CopyRole; owners: string[] }[] = owners.map((owner) => ({ owner, role: "salesperson" as CopyRole, owners: [owner] }));
  const managerNames = [...new Set(managers.values())].sort((a, b) => a.localeCompare(b, lang));
  for (const manager of managerNames) {
    const team = [...managers.entries()].filter(([, m]) => m === manager).map(([owner]) => owner);
    wanted.push({ owner: manager, role: "manager", owners: [...new Set([manager, ...team])] });
  }
  wanted.push({ owner: text.roleAll, role: "all", owners });

  const everyRow = Int32Array.from({ length: table.rows.count }, (_, i) => i);
  const copies = wanted.map((copy) => {
    const members = new Set(copy.owners);
    const rows = copy.role === "all" ? everyRow : Int32Array.from([...members].flatMap((owner) => rowsOf.get(owner) ?? [])).sort();
    const summary = summaryFor(copy, rows, table, labels, valueColumn, record, lang);
    return { ...copy, customers: rows.length, plans: copyPlans(rows, table, summary, labels, text) };
  });
  return { ok: true, copies, lang };
}
