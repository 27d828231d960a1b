// The strategy table (tier × upgrade potential -> action): a sheet the analyst owns and edits. The add-in
// writes it once, pre-filled from the practice, when the workbook has none; after that it only reads it.

import type { PotentialMatch, StrategyRow } from "../../engine/strategy";
import { cellText } from "./cells";
import { headerKey } from "./headers";
import { problem } from "./problems";
import { cellAddress } from "./address";
import type { CellLook, CellValue, Lang, OutputSheet, Problem } from "../types";

export const STRATEGY_SHEETS: Record<Lang, string> = { "en-US": "Strategies", "zh-CN": "策略" };

const HEADERS: Record<Lang, [string, string, string]> = {
  "en-US": ["Tier", "Potential", "Strategy"],
  "zh-CN": ["等级", "潜力", "策略"],
};

const POTENTIAL_WORDS: Record<string, PotentialMatch> = {
  yes: "yes",
  no: "no",
  any: "any",
  是: "yes",
  有: "yes",
  否: "no",
  无: "no",
  任意: "any",
  不限: "any",
};

const ACTIONS: Record<Lang, { key: string; grow: string; lower: string; exit: string }> = {
  "en-US": {
    key: "Key customer: a dedicated account manager, first call on resources, regular personal contact",
    grow: "Grow: loyalty rewards, more of the product line, advice on their business",
    lower: "Lower the cost to serve: fewer service hours, cheaper channels, prepayment",
    exit: "Poor customer: recover dues and exit",
  },
  "zh-CN": {
    key: "关键客户：专属客户经理，优先配置资源，定期亲自联系",
    grow: "培育：忠诚奖励，扩大产品线合作，提供经营建议",
    lower: "降低服务成本：减少服务时间，采用低成本渠道，预付款",
    exit: "劣质客户：收回欠款，逐步退出",
  },
};

/**
 * The practice's strategies for tier labels best first: the top tier are key customers; the tiers
 * below are grown when they have upgrade potential and served more cheaply when they have none; with
 * four tiers or more the last is a poor customer to exit.
 *
 * @example defaultStrategies(["A", "B", "C"], "en-US").length // 5: A any, B yes/no, C yes/no
 */
export function defaultStrategies(labels: string[], lang: Lang): StrategyRow[] {
  const text = ACTIONS[lang];
  const rows: StrategyRow[] = [];
  labels.forEach((tier, i) => {
    if (i === 0) rows.push({ tier, potential: "any", action: text.key });
    else if (labels.length >= 4 && i === labels.length - 1) rows.push({ tier, potential: "any", action: text.exit });
    else {
      rows.push({ tier, potential: "yes", action: text.grow });
      rows.push({ tier, potential: "no", action: text.lower });
    }
  });
  return rows;
}

/**
 * The strategy sheet the add-in writes when the workbook has none (it is the analyst's from then on);
 * its header row in the plan's `headerLook`.
 */
export function strategySheet(rows: StrategyRow[], lang: Lang, headerLook: CellLook): OutputSheet {
  const words: Record<PotentialMatch, string> =
    lang === "zh-CN" ? { yes: "是", no: "否", any: "任意" } : { yes: "yes", no: "no", any: "any" };
  return {
    name: STRATEGY_SHEETS[lang],
    blocks: [
      { top: 0, left: 0, look: headerLook, values: [HEADERS[lang]] },
      { top: 1, left: 0, numberFormats: ["@", "@", "@"], values: rows.map((row) => [row.tier, words[row.potential], row.action]) },
    ],
    columnWidths: [10, 12, 70],
    charts: [],
  };
}

/**
 * The strategy rows of a strategy sheet as the analyst left it; every unreadable potential word is a
 * problem with its cell. Rows without a tier are skipped.
 */
export function readStrategies(sheet: string, values: CellValue[][]): { rows: StrategyRow[]; problems: Problem[] } {
  const problems: Problem[] = [];
  const rows: StrategyRow[] = [];
  const headerIndex = values.findIndex((row) => row.some((cell) => cell !== null && cell !== ""));
  if (headerIndex < 0) return { rows, problems };
  const headers = values[headerIndex].map((cell) => headerKey(cellText(cell)));
  const find = (i: number) => headers.findIndex((h) => h === headerKey(HEADERS["en-US"][i]) || h === headerKey(HEADERS["zh-CN"][i]));
  const [tierAt, potentialAt, actionAt] = [find(0), find(1), find(2)];
  if (tierAt < 0 || actionAt < 0) {
    const missing = tierAt < 0 ? 0 : 2;
    problems.push(problem("missing-header", sheet, cellAddress(headerIndex, 0), { headers: [HEADERS["en-US"][missing], HEADERS["zh-CN"][missing]] }));
    return { rows, problems };
  }
  values.slice(headerIndex + 1).forEach((row, r) => {
    const tier = cellText(row[tierAt] ?? null);
    if (tier === "") return;
    const word = potentialAt < 0 ? "any" : headerKey(cellText(row[potentialAt] ?? null)) || "any";
    const potential = POTENTIAL_WORDS[word];
    if (!potential) {
      problems.push(problem("unknown-potential", sheet, cellAddress(headerIndex + 1 + r, potentialAt), { value: word }));
      return;
    }
    rows.push({ tier, potential, action: cellText(row[actionAt] ?? null) });
  });
  return { rows, problems };
}
