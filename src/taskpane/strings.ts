// Every word the pane shows, in en-US and zh-CN: the `pane` part of the text catalogue (src/text).
// Components take the `Strings` of the pane's language.

import { textOf } from "../text";
import type { Catalogue } from "../text";
import type { Lang } from "../workbook/types";

export type Strings = Catalogue["pane"];

/** The pane's words in `lang`. */
export function strings(lang: Lang): Strings {
  return textOf(lang).pane;
}

/**
 * The pane's language from Office's display language or the browser's ("zh", "zh-CN", "zh-TW"... are
 * Chinese; everything else English).
 *
 * @example
 * paneLanguage("zh-CN") // "zh-CN"
 * paneLanguage("fr-FR") // "en-US"
 */
export function paneLanguage(tag: string | undefined): Lang {
  return tag && /^zh\b/i.test(tag) ? "zh-CN" : "en-US";
}

/** Tier label presets the analyst picks from. */
export const LABEL_PRESETS: Record<Lang, string[][]> = {
  "en-US": textOf("en-US").labelPresets,
  "zh-CN": textOf("zh-CN").labelPresets,
};
