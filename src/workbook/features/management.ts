// Acting on the grades (docs/DESIGN.md §2 "Management"): a strategy per customer from its tier and upgrade
// potential, a risk level from the risk rules, and the watch list of both ends — the top key customers
// and every high-risk customer.

import { strategyOf, potentialFromGrowth } from "../../engine/strategy";
import type { StrategyRow } from "../../engine/strategy";
import { tiersByRules } from "../../engine/tiers";
import type { GradeResult, TierRule } from "../../engine/types";
import { cellText, isBlank } from "../reading/cells";
import { headerKey } from "../reading/headers";
import { headerRowIndex } from "../reading/blocks";
import { isHighRisk, RISK_LEVELS } from "../reading/riskRules";
import type { CellOut, CustomerData, Lang, OutputSheet } from "../types";
import { HEADER_LOOK } from "../planning/styles";

/** How a run decides upgrade potential: a growth column and threshold, else a yes/no Potential column. */
export interface StrategySettings {
  /** A numeric growth column (YoY growth); found by name when absent. */
  growthColumn?: string;
  /** Growth at or above this is upgrade potential; default 0.1 (10 %). */
  threshold?: number;
}

export const DEFAULT_GROWTH_THRESHOLD = 0.1;
const GROWTH_HEADERS = ["YoY growth", "Growth", "Sales growth", "同比增长率", "增长率", "销售增长率"];
const POTENTIAL_HEADERS = ["Potential", "Upgrade potential", "潜力", "升级潜力"];

/**
 * Upgrade potential per customer: from the growth column (growth >= threshold) when the table has one,
 * else from a Potential column of yes/no (是/否), else unknown (undefined) for everyone.
 */
export function upgradePotential(customers: CustomerData, settings: StrategySettings): (boolean | undefined)[] {
  const numeric = Object.keys(customers.numericColumns);
  const wanted = settings.growthColumn ? [settings.growthColumn] : GROWTH_HEADERS;
  const growth = wanted.map(headerKey).map((key) => numeric.find((h) => headerKey(h) === key)).find((h) => h !== undefined);
  if (growth !== undefined) {
    return potentialFromGrowth(customers.numericColumns[growth], settings.threshold ?? DEFAULT_GROWTH_THRESHOLD);
  }
  const block = customers.block;
  const headerIndex = headerRowIndex(block.values);
  const keys = POTENTIAL_HEADERS.map(headerKey);
  const at = (block.values[headerIndex] ?? []).findIndex((cell) => keys.includes(headerKey(cellText(cell))));
  if (at < 0) return customers.ids.map(() => undefined);
  return customers.rows.map((row) => {
    const cell = block.values[row - block.box.top]?.[at] ?? null;
    if (isBlank(cell)) return undefined;
    const word = headerKey(cellText(cell));
    return ["yes", "y", "是", "有", "1", "true"].includes(word);
  });
}

/** The growth column a strategy needs and the table lacks, if any. */
export function missingGrowthColumn(customers: CustomerData, settings: StrategySettings): string | undefined {
  if (!settings.growthColumn) return undefined;
  const key = headerKey(settings.growthColumn);
  return Object.keys(customers.numericColumns).some((h) => headerKey(h) === key) ? undefined : settings.growthColumn;
}

/** The strategy text per customer ("" when not graded or no row of the table matches). */
export function strategies(result: GradeResult, potential: (boolean | undefined)[], table: StrategyRow[]): string[] {
  return Array.from(result.tier, (tier, i) => (tier < 0 ? "" : strategyOf(result.labels[tier], potential[i], table)));
}

/** The risk level per customer by the rules, first match wins; "low" for no match; "" when not graded. */
export function riskLevels(result: GradeResult, customers: CustomerData, rules: TierRule[], lang: Lang): { level: string[]; rule: number[] } {
  const n = customers.ids.length;
  const matched = tiersByRules(n, customers.numericColumns, rules);
  const low = RISK_LEVELS[lang].low;
  const level = Array.from(matched, (r, i) => (result.tier[i] < 0 ? "" : r < rules.length ? rules[r].label : low));
  return { level, rule: Array.from(matched) };
}

const TEXT: Record<Lang, { sheet: string; headers: string[]; top: string; because: (rule: string) => string }> = {
  "en-US": {
    sheet: "Watch list",
    headers: ["Customer ID", "Name", "Owner", "Tier", "Score", "Risk", "Reason"],
    top: "Top key customer",
    because: (rule) => `High risk: ${rule}`,
  },
  "zh-CN": {
    sheet: "重点关注",
    headers: ["客户编号", "客户名称", "负责人", "等级", "得分", "风险", "原因"],
    top: "头部关键客户",
    because: (rule) => `高风险：${rule}`,
  },
};

export const WATCH_LIST_SHEETS: readonly string[] = [TEXT["en-US"].sheet, TEXT["zh-CN"].sheet];

/** How many of the top tier the watch list shows, best score first. */
export const WATCH_LIST_TOP = 20;

/**
 * The watch list: the top key customers (top tier, best score first, at most WATCH_LIST_TOP), then every
 * high-risk customer with the rule that made it so. A customer at both ends is listed at both.
 */
export function watchListSheet(
  result: GradeResult,
  customers: CustomerData,
  risk: { level: string[]; rule: number[] },
  rules: TierRule[],
  lang: Lang,
): OutputSheet {
  const text = TEXT[lang];
  const row = (i: number, reason: string): CellOut[] => [
    customers.ids[i],
    customers.names?.[i] ?? "",
    customers.owners?.[i] ?? "",
    result.labels[result.tier[i]],
    result.score[i],
    risk.level[i],
    reason,
  ];
  const top = [...customers.ids.keys()]
    .filter((i) => result.tier[i] === 0)
    .sort((a, b) => result.score[b] - result.score[a] || a - b)
    .slice(0, WATCH_LIST_TOP)
    .map((i) => row(i, text.top));
  const risky = [...customers.ids.keys()]
    .filter((i) => result.tier[i] >= 0 && isHighRisk(risk.level[i]))
    .map((i) => {
      const condition = rules[risk.rule[i]].conditions.map((c) => `${c.column} ${c.op} ${c.value}`).join(" & ");
      return row(i, text.because(condition));
    });
  const body = [...top, ...risky];
  return {
    name: text.sheet,
    blocks: [
      { top: 0, left: 0, look: HEADER_LOOK, values: [text.headers] },
      ...(body.length > 0 ? [{ top: 1, left: 0, numberFormats: ["@", "@", "@", "@", "0.00", "@", "@"], values: body }] : []),
    ],
    columnWidths: [14, 24, 12, 8, 8, 8, 40],
    charts: [],
  };
}
