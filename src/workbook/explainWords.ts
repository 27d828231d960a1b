// The engine's explanation (src/engine/explain.ts, a reason code with its numbers rounded for reading)
// in a reader's words, from the text catalogue's `explain` section: the Why column, `tiers grade
// --json`, TIERS.EXPLAIN and the pane's explain view all say it this way.

import type { Explanation } from "../engine/explain";
import { textOf } from "../text";
import type { Lang } from "./types";

/**
 * The sentence of an explanation in `lang`.
 *
 * @example explanationText({ ..., reason: { code: "gap", label: "B", next: "A", gap: "6.3", close: { indicator: "Sales", change: "+18 %" } } }, "en-US")
 * // "B: 6.3 points below A; Sales +18 % would close it"
 * @example explanationText({ ..., reason: { code: "top-tier", label: "A" } }, "zh-CN") // "A：已是最高一级"
 */
export function explanationText(explanation: Pick<Explanation, "reason">, lang: Lang): string {
  const words = textOf(lang).explain;
  const reason = explanation.reason;
  switch (reason.code) {
    case "by-value":
      return words.byValue(reason.label);
    case "by-rule":
      return words.byRule(reason.label);
    case "top-tier":
      return words.topTier(reason.label);
    case "gap": {
      const gap = words.gap(reason.label, reason.gap, reason.next);
      return reason.close ? words.closes(gap, reason.close.indicator, reason.close.change) : words.noneCloses(gap);
    }
  }
}
