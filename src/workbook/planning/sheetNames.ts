// Excel's rules for a worksheet name, checked for every sheet the add-in creates, and used to make a
// derived name (from data: an owner, a period) into one Excel accepts. Each rule and its source:
//
// - not blank, at most 31 characters, none of : \ / ? * [ ], not beginning or ending with an apostrophe,
//   not "History": Microsoft Support, "Rename a worksheet" (support.microsoft.com), whose list of what a
//   worksheet name cannot be ends with "History", a word Excel reserves for itself (also wisechecker.com
//   "Excel sheet name rules" and openboxmodels.com: "You can't name an Excel sheet History (try it)";
//   ExcelJS 4.4.0 refuses to read a file that has one: 'The name "History" is protected', checked on a
//   workbook graded by the version that wrote History, test/fixtures/legacy-state.en-US.xlsx);
//   the 31-character bound is also [MS-XLS] 2.5.198.102 RevSheetName ("MUST be less than or equal to
//   31 characters") and [MS-XLSB] BoundSheet8; the characters are also the ones Telerik's and
//   DevExpress's spreadsheet libraries refuse, documenting Excel's behaviour;
// - unique in the workbook, compared case-insensitively ("Sheet1" and "sheet1" cannot both exist:
//   Telerik RadSpreadProcessing "Rename a worksheet", matching Excel's own refusal).
// Characters are counted as Excel counts them, in UTF-16 code units (a character outside the BMP counts
// twice), and a cut never splits a surrogate pair.

import { inBoth } from "../../text";

/** Excel's longest sheet name, in UTF-16 code units. */
export const MAX_SHEET_NAME = 31;

/** The characters a sheet name may not hold. */
const FORBIDDEN = /[:\\/?*[\]]/g;

/** The name Excel reserves, compared case-insensitively. */
const RESERVED = "history";

export type SheetNameFault = "blank" | "too-long" | "forbidden-character" | "apostrophe" | "reserved" | "duplicate";

const key = (name: string) => name.toLowerCase();

/**
 * What makes `name` a sheet name Excel refuses, or undefined when it is a good one. `others` are the
 * names of the workbook's other sheets (for uniqueness).
 *
 * @example
 * sheetNameFault("Tier summary")       // undefined
 * sheetNameFault("History")            // "reserved"
 * sheetNameFault("Q1/Q2")              // "forbidden-character"
 * sheetNameFault("tier SUMMARY", ["Tier summary"]) // "duplicate"
 */
export function sheetNameFault(name: string, others: readonly string[] = []): SheetNameFault | undefined {
  if (name.trim() === "") return "blank";
  if (name.length > MAX_SHEET_NAME) return "too-long";
  if (new RegExp(FORBIDDEN.source).test(name)) return "forbidden-character";
  if (name.startsWith("'") || name.endsWith("'")) return "apostrophe";
  if (key(name) === RESERVED) return "reserved";
  if (others.some((other) => key(other) === key(name))) return "duplicate";
  return undefined;
}


/** A sheet name Excel would refuse, with the reason in both languages. */
export class SheetNameError extends Error {
  constructor(
    readonly sheet: string,
    readonly fault: SheetNameFault,
  ) {
    const text = inBoth((t) => t.sheetName.refused(sheet, t.sheetName[fault](MAX_SHEET_NAME)));
    super(`${text["en-US"]} / ${text["zh-CN"]}`);
    this.name = "SheetNameError";
  }
}

/** Throws SheetNameError when Excel would refuse `name` beside `others`. */
export function assertSheetName(name: string, others: readonly string[] = []): void {
  const fault = sheetNameFault(name, others);
  if (fault) throw new SheetNameError(name, fault);
}

/**
 * A sheet name Excel accepts, made from a wanted one that comes from data (an owner, a period): the
 * forbidden characters become "_", apostrophes at either end and surrounding spaces go, a blank name
 * becomes `fallback`, "History" gets " (2)", the name is cut to 31 characters on a character boundary,
 * and a name taken (case-insensitively) gets " (2)", " (3)", ... within the 31.
 *
 * @example
 * safeSheetName("2026/Q1", [])                   // "2026_Q1"
 * safeSheetName("History", [])                   // "History (2)"
 * safeSheetName("Wang", ["wang"])                // "Wang (2)"
 * safeSheetName("A very long owner name that goes on", []) // "A very long owner name that goe"
 */
export function safeSheetName(wanted: string, taken: readonly string[], fallback = "Sheet"): string {
  let base = wanted.replace(FORBIDDEN, "_").trim().replace(/^'+|'+$/g, "").trim();
  if (base === "") base = fallback;
  base = cut(base, MAX_SHEET_NAME);
  const free = (name: string) => sheetNameFault(name, taken) === undefined;
  if (free(base)) return base;
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    const name = `${cut(base, MAX_SHEET_NAME - suffix.length).replace(/'+$/, "")}${suffix}`;
    if (free(name)) return name;
  }
}

/** The first `max` UTF-16 code units of `text`, one fewer when the cut would split a surrogate pair. */
function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  const code = text.charCodeAt(max - 1);
  return text.slice(0, code >= 0xd800 && code <= 0xdbff ? max - 1 : max).trimEnd();
}

/**
 * Checks the names of every sheet a write plan creates (its sheets and the appended logs it may create)
 * against Excel's rules and against each other; throws SheetNameError before anything is written.
 * Clashes with the user's sheets are the planner's and executors' own check (output-sheet-collision).
 */
export function assertPlanSheetNames(plan: { sheets: { name: string }[]; appends?: { sheet: string }[] }): void {
  const written = plan.sheets.map((sheet) => sheet.name);
  // Two appends may go to one log; a written sheet must be unique among everything the plan names.
  const logs = [...new Set((plan.appends ?? []).map((append) => key(append.sheet)))].map((k) => plan.appends!.find((a) => key(a.sheet) === k)!.sheet);
  const names = [...written, ...logs];
  names.forEach((name, i) => assertSheetName(name, names.slice(0, i)));
}
