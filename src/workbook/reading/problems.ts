// The problems a workbook can have, each in both languages, each saying where it is and what the
// analyst should do about it. Problems are values: the parsers collect them all in one pass. The
// sentences are in the text catalogue (src/text, key `problems`), with each code's typed parameters.

import { EngineError } from "../../engine/errors";
import type { EngineErrorCode, EngineErrorParams } from "../../engine/errors";
import { inBoth, textOf, UNCALCULATED } from "../../text";
import type { Catalogue } from "../../text";
import { quoteSheet } from "./address";
import type { Lang, Problem, Text } from "../types";

/**
 * The error value a reader gives a formula cell the file stores without a calculated value (<f> without
 * <v>: files written by programs that do not calculate); the problems say to open and save it in Excel.
 */
export { UNCALCULATED };

/** Every problem code: the keys of the catalogue's problems. */
export type ProblemCode = keyof Catalogue["problems"];

/** The parameters a code's message reads, as the English catalogue declares them. */
export type ProblemParams<C extends ProblemCode = ProblemCode> = C extends ProblemCode
  ? Parameters<Catalogue["problems"][C]> extends [infer P] ? P : Record<string, never>
  : never;

/** A problem's parameters as problem() takes them: a text parameter may come in both languages (an engine's reason). */
export type ProblemArguments<C extends ProblemCode = ProblemCode> = { [K in keyof ProblemParams<C>]: ProblemParams<C>[K] | (ProblemParams<C>[K] extends string | number ? Text : never) };

// The catalogue's engineErrors section takes exactly the engine's codes, each with the engine's parameters.
type EngineWords = { [C in EngineErrorCode]: (p: EngineErrorParams[C]) => string };
const SAME_CODES: [keyof Catalogue["engineErrors"]] extends [EngineErrorCode] ? true : never = true;
const ENGINE_WORDS: Record<Lang, EngineWords> = { "en-US": textOf("en-US").engineErrors, "zh-CN": textOf("zh-CN").engineErrors };
void SAME_CODES;

/**
 * Why the engine refused, in both languages: an EngineError's code in the catalogue's words (engineErrors);
 * any other error's message as it is (a fault of the program, not of the workbook, has no translation).
 *
 * @example engineReason(new EngineError("entropy-few", {}))["zh-CN"] // "熵权法至少需要 2 个客户"
 */
export function engineReason(error: unknown): Text {
  if (error instanceof EngineError) {
    const say = (lang: Lang) => (ENGINE_WORDS[lang][error.code as EngineErrorCode] as (p: unknown) => string)(error.params);
    return { "en-US": say("en-US"), "zh-CN": say("zh-CN") };
  }
  const message = error instanceof Error ? error.message : String(error);
  return inBoth(() => message);
}

function isText(v: unknown): v is Text {
  return typeof v === "object" && v !== null && !Array.isArray(v) && typeof (v as Text)["en-US"] === "string" && typeof (v as Text)["zh-CN"] === "string";
}

/** The parameters in one language: each one given in both languages read in `lang`. */
function inLanguage(params: object | undefined, lang: Lang): object {
  if (!params) return {};
  return Object.fromEntries(Object.entries(params).map(([key, value]) => [key, isText(value) ? value[lang] : value]));
}

/** Whether a problem stops the run (error) or is reported alongside the results (warning), by code. */
const SEVERITY: Record<ProblemCode, "error" | "warning"> = {
  "table-not-found": "error",
  "table-empty": "error",
  "missing-header": "error",
  "duplicate-header": "error",
  "duplicate-id": "error",
  "blank-id": "error",
  "indicator-column-missing": "error",
  "not-a-number": "error",
  "unknown-direction": "error",
  "unknown-scoring": "error",
  "malformed-bands": "error",
  "bands-required": "error",
  "bands-ignored": "warning",
  "negative-weight": "error",
  "missing-weight": "error",
  "zero-weights": "error",
  "unknown-dimension": "error",
  "missing-dimension": "error",
  "duplicate-dimension": "error",
  "empty-dimension": "warning",
  "missing-indicator": "error",
  "raw-out-of-range": "error",
  "duplicate-indicator": "error",
  "value-column-missing": "error",
  "more-problems": "error",
  "output-collision": "error",
  "output-past-last-column": "error",
  "totals-row-excluded": "warning",
  "output-sheet-collision": "error",
  "output-cell-collision": "error",
  "output-columns-blocked": "error",
  "label-count": "error",
  "cannot-grade": "error",
  "weights-normalised": "warning",
  "dimension-weights-normalised": "warning",
  "customers-excluded": "warning",
  "missing-scored-zero": "warning",
  "no-spread": "warning",
  "unknown-potential": "error",
  "rules-header-missing": "error",
  "rule-column-missing": "error",
  "unknown-condition": "error",
  "override-unknown-customer": "error",
  "override-unknown-tier": "error",
  "not-a-date": "error",
  "period-not-graded": "error",
  "history-customer-twice": "error",
  "not-graded": "error",
  "owner-column-missing": "error",
  "org-table-not-found": "error",
  "org-header-missing": "error",
  "not-recalculated": "error",
  "orders-header-missing": "error",
  "order-value-missing": "error",
  "order-date-unreadable": "error",
  "order-after-as-of": "error",
  "order-not-a-number": "error",
  "segments-header-missing": "error",
  "segment-bound": "error",
  "segment-bounds-crossed": "error",
  "not-an-id": "error",
  "value-overflow": "error",
  "weights-overflow": "error",
  "pca-weight-filled": "error",
  "pca-weight-shared-formula": "error",
  "pca-weights-failed": "error",
  "pca-not-for-rfm": "error",
  "growth-column-missing": "error",
};

/** The problem codes the catalogue knows, for tests and for anyone listing them. */
export const PROBLEM_CODES = Object.keys(SEVERITY) as ProblemCode[];

/**
 * "Customers!C7: ", "客户!C7：", "'My sheet'!C7: ", "Customers: " or "". Quotes only where a reader
 * needs them to see where the name ends (spaces, punctuation), so "C" or "客户" stay bare even though
 * a formula would quote them.
 */
function location(sheet: string, cell: string, lang: Lang): string {
  if (!sheet && !cell) return "";
  const name = /[\s'!:;,()[\]+-]/.test(sheet) ? quoteSheet(sheet) : sheet;
  const where = sheet ? (cell ? `${name}!${cell}` : sheet) : cell;
  return where + textOf(lang).problemWords.locationEnd;
}

/**
 * A Problem with its message in en-US and zh-CN, each starting with where it is ("Customers!C7: ")
 * and ending with what to do. `severity` defaults to the code's own (warnings for what does not stop
 * the run). Throws on a code the catalogue does not know (a programming error, not a workbook's).
 *
 * @example
 * problem("not-a-number", "Customers", "C7", { value: "abc" }).message["en-US"]
 * // 'Customers!C7: "abc" is not a number. Enter a number or leave the cell blank.'
 * problem("blank-id", "客户", "A9").message["zh-CN"]
 * // "客户!A9：该行有数据但没有客户编号。请填写编号，或删除该行。"
 */
export function problem<C extends ProblemCode>(
  code: C,
  sheet: string,
  cell: string,
  ...[params, severity]: {} extends ProblemParams<C>
    ? [params?: ProblemArguments<C>, severity?: "error" | "warning"]
    : [params: ProblemArguments<C>, severity?: "error" | "warning"]
): Problem {
  const defaultSeverity = SEVERITY[code];
  if (!defaultSeverity) throw new Error(`problem: unknown code "${code}"`);
  const message = (lang: Lang) => (textOf(lang).problems[code] as (p: ProblemParams<C>) => string)(inLanguage(params, lang) as ProblemParams<C>);
  return {
    severity: severity ?? defaultSeverity,
    code,
    sheet,
    cell,
    message: {
      "en-US": location(sheet, cell, "en-US") + capitalise(message("en-US"), sheet === "" && cell === ""),
      "zh-CN": location(sheet, cell, "zh-CN") + message("zh-CN"),
    },
  };
}

/** A message without a location starts a sentence. */
function capitalise(text: string, start: boolean): string {
  return start ? text.charAt(0).toUpperCase() + text.slice(1) : text;
}

/**
 * One line for a list of problems (the command line, the summary sheet): the severity word, then the
 * message in `lang`.
 *
 * @example
 * formatProblem(problem("blank-id", "Customers", "A9"), "en-US")
 * // "Error: Customers!A9: this row has data but no customer ID. Enter an ID, or delete the row."
 * formatProblem(problem("blank-id", "客户", "A9"), "zh-CN")
 * // "错误：客户!A9：该行有数据但没有客户编号。请填写编号，或删除该行。"
 */
export function formatProblem(p: Problem, lang: Lang): string {
  return textOf(lang).problemWords[p.severity] + p.message[lang];
}
