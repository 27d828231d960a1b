// What a copy for others says about itself: the "About this grading" sheet of a copy prepared for
// sharing, and the record of the grading read back from the add-in's tier summary sheet. Pure apart
// from reading through a WorkbookBackend; the .xlsx transforms are in xlsx/share.ts and xlsx/split.ts.

import { headerKey } from "./headers";
import { outputText } from "./outputText";
import { formatDate, TEXT_FORMAT } from "./plan";
import type { CellBlock, CellOut, CellValue, Lang, OutputSheet, OwnedState, WorkbookBackend, WritePlan } from "./types";

/** The grading as the add-in's tier summary sheet records it: settings rows and the weights table. */
export interface GradingRecord {
  /** The language the summary was written in: the workbook's language for a reader. */
  lang: Lang;
  summarySheet: string;
  /** [label, value] pairs of the "How this workbook was graded" block. */
  settings: [string, CellValue][];
  /** The weights block, header row first (dimension, indicator, column, direction, scoring, global weight). */
  weights: CellValue[][];
  /** The full grid of the summary sheet from A1. */
  grid: CellValue[][];
}

const text = (value: CellValue) => (typeof value === "string" ? value : "");

/**
 * The add-in's grading record from its summary sheet (the one named in its state), or undefined when
 * the workbook holds none.
 */
export async function readGradingRecord(backend: WorkbookBackend, state?: OwnedState): Promise<GradingRecord | undefined> {
  const owned = state ?? (await backend.readState());
  if (!owned) return undefined;
  const index = await backend.index();
  for (const lang of ["en-US", "zh-CN"] as Lang[]) {
    const t = outputText(lang);
    const name = owned.sheets.find((sheet) => headerKey(sheet) === headerKey(t.summarySheet));
    const sheet = name && index.sheets.find((s) => headerKey(s.name) === headerKey(name));
    if (!sheet || !sheet.used) continue;
    const grid = await backend.read(sheet.name, { top: 0, left: 0, rows: sheet.used.top + sheet.used.rows, columns: Math.max(9, sheet.used.left + sheet.used.columns) });
    const rowOf = (label: string) => grid.findIndex((row) => text(row[0]) === label);
    const settings: [string, CellValue][] = [];
    const at = rowOf(t.settings);
    if (at >= 0) for (let r = at + 1; r < grid.length && text(grid[r][0]) !== ""; r++) settings.push([text(grid[r][0]), grid[r][1]]);
    const weights: CellValue[][] = [];
    const w = grid.findIndex((row) => text(row[0]) === t.dimension && text(row[1]) === t.indicator);
    if (w >= 0) for (let r = w; r < grid.length && grid[r].slice(0, 6).some((v) => v !== null && v !== ""); r++) weights.push(grid[r].slice(0, 6));
    return { lang, summarySheet: sheet.name, settings, weights, grid };
  }
  return undefined;
}

/** What prepare-for-sharing did, for the About sheet and the analyst. */
export interface ShareCounts {
  toValues: number;
  toNative: number;
  unresolved: number;
  addinRemoved: boolean;
}

/**
 * The "About this grading" sheet: the method in a reader's words, the grading's settings and weights
 * as the summary recorded them, and what the copy's preparation changed.
 */
export function aboutSheet(record: GradingRecord | undefined, counts: ShareCounts, lang: Lang, now: Date): OutputSheet {
  const t = outputText(lang);
  const blocks: CellBlock[] = [{ top: 0, left: 0, values: [[t.aboutSheet]], style: "title" }];
  let top = 2;
  blocks.push({ top, left: 0, values: [[t.aboutMethod]], style: "header" });
  blocks.push({ top: top + 1, left: 0, values: t.aboutLines.map((line) => [line]), numberFormats: [TEXT_FORMAT] });
  top += t.aboutLines.length + 2;
  if (record) {
    blocks.push({ top, left: 0, values: [[t.settings]], style: "header" });
    blocks.push({ top: top + 1, left: 0, values: record.settings.map(([label, value]) => [label, cellOut(value)]), numberFormats: [TEXT_FORMAT, null] });
    top += record.settings.length + 2;
    blocks.push(...weightBlocks(record, top));
    if (record.weights.length > 0) top += record.weights.length + 1;
  } else {
    blocks.push({ top, left: 0, values: [[t.notGradedHere]], numberFormats: [TEXT_FORMAT] });
    top += 2;
  }
  blocks.push({ top, left: 0, values: [[t.aboutCopy]], style: "header" });
  blocks.push({
    top: top + 1,
    left: 0,
    numberFormats: [TEXT_FORMAT, null],
    values: [
      [t.preparedOn, formatDate(now)],
      [t.toValues, counts.toValues],
      [t.toNative, counts.toNative],
      [t.unresolved, counts.unresolved],
      [t.addinOnOpen, t.no],
    ],
  });
  return { name: t.aboutSheet, blocks, columnWidths: [48, 30, 16, 16, 16, 14], charts: [] };
}

/** The recorded weights table (header row styled) at `top`; nothing when the record has none. */
export function weightBlocks(record: GradingRecord, top: number): CellBlock[] {
  if (record.weights.length === 0) return [];
  return [
    { top, left: 0, values: [record.weights[0].map(cellOut)], style: "header" },
    {
      top: top + 1,
      left: 0,
      values: record.weights.slice(1).map((row) => row.map(cellOut)),
      numberFormats: [TEXT_FORMAT, TEXT_FORMAT, TEXT_FORMAT, TEXT_FORMAT, TEXT_FORMAT, "0.0000"],
    },
  ];
}

/** A value read back, to write again: error values become their text. */
export function cellOut(value: CellValue): CellOut {
  if (value !== null && typeof value === "object") return value.error;
  return value;
}

/**
 * A plan that writes only sheets the add-in owns (the About sheet): earlier sheets of the same names
 * are replaced, the customer sheet and the rest of the state are kept as recorded.
 */
export function sheetsOnlyPlan(state: OwnedState | undefined, sheets: OutputSheet[]): WritePlan {
  const names = new Set(sheets.map((sheet) => headerKey(sheet.name)));
  const base: OwnedState = state ?? { version: 1, sheet: "", headerRow: 0, firstColumn: 0, headers: [], sheets: [] };
  const replaced = base.sheets.filter((name) => names.has(headerKey(name)));
  return {
    previous: { ...base, headers: [], sheets: replaced },
    state: { ...base, sheets: [...base.sheets.filter((name) => !names.has(headerKey(name))), ...sheets.map((sheet) => sheet.name)] },
    sheets,
  };
}
