// The command line's words: the `cli` part of the text catalogue (src/text), and the language it speaks.

import { textOf } from "../text";
import type { Catalogue } from "../text";
import type { Lang } from "../workbook/types";

export type CliText = Catalogue["cli"];

/**
 * The command line's words in a language.
 *
 * @example
 * cliText("zh-CN").badLang("fr") // "不支持语言“fr”。请写 --lang zh-CN 或 --lang en-US。"
 */
export function cliText(lang: Lang): CliText {
  return textOf(lang).cli;
}

/**
 * The language for messages: --lang when given, else the LANG / LC_ALL / LC_MESSAGES environment
 * (zh... is Chinese), else English.
 *
 * @example
 * messageLanguage(undefined, { LANG: "zh_CN.UTF-8" }) // "zh-CN"
 * messageLanguage(undefined, {})                      // "en-US"
 */
export function messageLanguage(option: string | undefined, env: Record<string, string | undefined>): Lang {
  if (option === "zh-CN" || option === "en-US") return option;
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || "";
  return /^zh/i.test(locale) ? "zh-CN" : "en-US";
}
