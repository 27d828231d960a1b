// Headers and keywords as analysts write them, in English or Chinese, in any case, with or without
// spaces, in full-width or half-width characters (docs/DESIGN.md §4).

import type { Direction, ScoringRule } from "../../engine/types";

/**
 * The key two headers are compared by: NFKC (full-width "Ｗｅｉｇｈｔ" is "Weight"), lower case, and
 * without whitespace, "_" or "-". Never throws.
 *
 * @example
 * headerKey(" Customer ID ") // "customerid"
 * headerKey("customer_id")   // "customerid"
 * headerKey("客户 编号")      // "客户编号"
 */
export function headerKey(text: string): string {
  return text.normalize("NFKC").toLowerCase().replace(/[\s_-]+/g, "");
}

/** The columns the parsers look for: the weight table's, then the customer table's. */
export type HeaderRole =
  | "dimension"
  | "indicator"
  | "weight"
  | "direction"
  | "scoring"
  | "bands"
  | "column"
  | "id"
  | "name"
  | "owner";

/** Accepted headers per role, English first; the first of each language is the one messages name. */
export const HEADER_ALIASES: Readonly<Record<HeaderRole, readonly string[]>> = {
  dimension: ["Dimension", "维度"],
  indicator: ["Indicator", "指标"],
  weight: ["Weight", "权重"],
  direction: ["Direction", "方向"],
  scoring: ["Scoring", "计分", "计分方式"],
  bands: ["Bands", "分档"],
  column: ["Column", "数据列"],
  id: ["Customer ID", "ID", "客户编号", "客户ID", "编号"],
  name: ["Name", "Customer name", "客户名称", "名称"],
  owner: ["Owner", "Salesperson", "负责人", "销售员"],
};

const ROLE_KEYS: Record<HeaderRole, Set<string>> = Object.fromEntries(
  Object.entries(HEADER_ALIASES).map(([role, aliases]) => [role, new Set(aliases.map(headerKey))]),
) as Record<HeaderRole, Set<string>>;

/**
 * The index of the first header that names `role` in either language, or -1 when none does.
 *
 * @example
 * findRole(["客户编号", "客户名称", "销售额"], "id")  // 0
 * findRole(["Customer name", "Sales"], "owner")     // -1
 */
export function findRole(headers: readonly string[], role: HeaderRole): number {
  const keys = ROLE_KEYS[role];
  return headers.findIndex((header) => keys.has(headerKey(header)));
}

/**
 * Words accepted in the Direction column, by their `wordKey`. "-" and "-1" must stay apart from "+"
 * and "1", which is why directions are not compared by headerKey (it drops "-").
 */
export const DIRECTION_WORDS: Readonly<Record<string, Direction>> = {
  higher: "higher",
  high: "higher",
  "+": "higher",
  "1": "higher",
  正向: "higher",
  lower: "lower",
  low: "lower",
  "-": "lower",
  "-1": "lower",
  负向: "lower",
};

/** Words accepted in the Scoring column, by their headerKey ("min-max" and "Min Max" are minmax). */
export const SCORING_WORDS: Readonly<Record<string, ScoringRule>> = {
  minmax: "minmax",
  极差: "minmax",
  最大最小: "minmax",
  percentile: "percentile",
  百分位: "percentile",
  bands: "bands",
  分档: "bands",
  raw: "raw",
  原值: "raw",
};

/** NFKC, lower case, no whitespace: "－1" and " -1 " are "-1"; U+2212 minus is "-". */
function wordKey(text: string): string {
  return text.normalize("NFKC").replace(/\u2212/g, "-").toLowerCase().replace(/\s+/g, "");
}

/**
 * The direction a Direction cell names, or undefined when it names none (the caller reports it; a
 * blank cell is the caller's default, not this function's).
 *
 * @example
 * directionOf("正向") // "higher"
 * directionOf("-1")   // "lower"
 * directionOf("up")   // undefined
 */
export function directionOf(text: string): Direction | undefined {
  const key = wordKey(text);
  return Object.prototype.hasOwnProperty.call(DIRECTION_WORDS, key) ? DIRECTION_WORDS[key] : undefined;
}

/**
 * The scoring rule a Scoring cell names, or undefined when it names none.
 *
 * @example
 * scoringOf("Min-Max") // "minmax"
 * scoringOf("百分位")  // "percentile"
 */
export function scoringOf(text: string): ScoringRule | undefined {
  const key = headerKey(text);
  return Object.prototype.hasOwnProperty.call(SCORING_WORDS, key) ? SCORING_WORDS[key] : undefined;
}
