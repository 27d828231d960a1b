// The text catalogue: one typed object per language (en.ts, zh.ts), the English one's type the
// catalogue's. Pure data and formatting; imports nothing of the project, so the workbook layer and
// every surface use it (the engine stays free of project imports and speaks no language).

import { en } from "./en";
import { zh } from "./zh";
import type { Lang } from "./format";

export type { Lang, Value, TableRole, BandsReason } from "./format";
export { UNCALCULATED, t } from "./format";

/** The English catalogue's shape: every language gives each key, each message the same parameters. */
export type Catalogue = typeof en;

export const CATALOGUES: Record<Lang, Catalogue> = { "en-US": en, "zh-CN": zh };

/**
 * The catalogue of a language.
 *
 * @example textOf("zh-CN").cli.cancelled // "已取消，未写入任何内容。"
 */
export function textOf(lang: Lang): Catalogue {
  return CATALOGUES[lang];
}

/**
 * One piece of text in both languages, for what carries both (a Problem's message, an error shown
 * before the reader's language is known).
 *
 * @example inBoth((c) => c.cli.cancelled)["zh-CN"] // "已取消，未写入任何内容。"
 */
export function inBoth(pick: (text: Catalogue) => string): Record<Lang, string> {
  return { "en-US": pick(en), "zh-CN": pick(zh) };
}
