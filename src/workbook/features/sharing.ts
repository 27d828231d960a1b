// What a copy for others says about itself: the "About this grading" sheet of a copy prepared for
// sharing, from the record of the grading the add-in keeps in its state (state.ts). Pure apart
// from reading through a WorkbookBackend; the .xlsx transforms are in executors/xlsx/share.ts and split.ts.

import { headerKey } from "../reading/headers";
import { outputText } from "../planning/outputText";
import { HEADER_LOOK, TEXT_FORMAT, TITLE_LOOK } from "../planning/styles";
import { formatDate } from "../planning/summary";
import type { CellBlock, CellOut, CellValue, GradingState, Lang, OutputSheet, OwnedState, WorkbookBackend, WritePlan } from "../types";

/** The grading as the add-in's state records it (the summary sheet's settings rows and weights table): the state's own type, without the history's periods. */
export type GradingRecord = Omit<GradingState, "periods">;

/**
 * The add-in's grading record from its state, or undefined when the workbook holds none (never graded,
 * or graded by a version whose record lacked it: the next Grade writes it). Nothing is read from the
 * summary sheet: its labels are in the grading's language and a reader may have edited them.
 */
export async function readGradingRecord(backend: WorkbookBackend, state?: OwnedState): Promise<GradingRecord | undefined> {
  const grading = (state ?? (await backend.readState()))?.grading;
  if (!grading) return undefined;
  return { lang: grading.lang, settings: grading.settings, weights: grading.weights, labels: grading.labels, valueColumn: grading.valueColumn };
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
 * as the state records them, and what the copy's preparation changed. `graded`: the workbook holds the
 * add-in's output but no record of how (graded by the defined-name version).
 */
export function aboutSheet(record: GradingRecord | undefined, counts: ShareCounts, lang: Lang, now: Date, graded = false): OutputSheet {
  const t = outputText(lang);
  const blocks: CellBlock[] = [{ top: 0, left: 0, values: [[t.aboutSheet]], look: TITLE_LOOK }];
  let top = 2;
  blocks.push({ top, left: 0, values: [[t.aboutMethod]], look: HEADER_LOOK });
  blocks.push({ top: top + 1, left: 0, values: t.aboutLines.map((line) => [line]), numberFormats: [TEXT_FORMAT] });
  top += t.aboutLines.length + 2;
  if (record) {
    blocks.push({ top, left: 0, values: [[t.settings]], look: HEADER_LOOK });
    blocks.push({ top: top + 1, left: 0, values: record.settings.map(({ label, value }) => [label, value]), numberFormats: [TEXT_FORMAT, null] });
    top += record.settings.length + 2;
    blocks.push(...weightBlocks(record, top));
    if (record.weights.length > 0) top += record.weights.length + 1;
  } else {
    // Graded without a record (the defined-name version) is not the same as never graded here.
    blocks.push({ top, left: 0, values: [[graded ? t.recordMissing : t.notGradedHere]], numberFormats: [TEXT_FORMAT] });
    top += 2;
  }
  blocks.push({ top, left: 0, values: [[t.aboutCopy]], look: HEADER_LOOK });
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
    { top, left: 0, values: [record.weights[0].map(cellOut)], look: HEADER_LOOK },
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
