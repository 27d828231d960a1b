// Every word the add-in writes into a workbook, in both languages (the `output` part of the text
// catalogue in src/text): the ones a reader of the graded workbook sees, and the names it finds again.

import { textOf } from "../../text";
import type { Catalogue } from "../../text";
import type { Lang } from "../types";

const en = textOf("en-US").output;
const zh = textOf("zh-CN").output;

export type OutputText = Catalogue["output"];

/** The texts the add-in writes into a workbook in the given language. */
export function outputText(lang: Lang): OutputText {
  return lang === "zh-CN" ? zh : en;
}

/** Output column headers in both languages: a user column with any of these names is a collision. */
export const OUTPUT_HEADERS: readonly string[] = [en.score, en.rank, en.tier, zh.score, zh.rank, zh.tier];

/** The headers of the optional Strategy and Risk columns, in both languages. */
export const STRATEGY_HEADERS: readonly string[] = [en.strategy, zh.strategy];
export const RISK_HEADERS: readonly string[] = [en.risk, zh.risk];
export const OVERRIDE_HEADERS: readonly string[] = [en.computedTier, en.override, zh.computedTier, zh.override];

/** Sheet names the add-in creates, in both languages. */
export const OUTPUT_SHEETS: readonly string[] = [
  en.summarySheet,
  zh.summarySheet,
  en.historySheet,
  zh.historySheet,
  en.migrationSheet,
  zh.migrationSheet,
];
