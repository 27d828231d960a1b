// Risk levels (docs/DESIGN.md §2 "Management"): ordered rules on risk indicators (overdue days, credit
// rating, complaints, declining sales), first match wins, kept in a sheet the analyst owns and edits.
// The add-in writes it once, pre-filled for the risk columns the customer table has.

import type { Comparison, TierRule } from "../../engine/types";
import { cellAddress } from "./address";
import { cellText, readNumber } from "./cells";
import { headerKey } from "./headers";
import { problem } from "./problems";
import type { CellLook, CellValue, Lang, OutputSheet, Problem } from "../types";

export const RISK_SHEETS: Record<Lang, string> = { "en-US": "Risk rules", "zh-CN": "风险规则" };

const HEADERS: Record<Lang, [string, string, string, string]> = {
  "en-US": ["Risk", "Column", "Condition", "Value"],
  "zh-CN": ["风险", "数据列", "条件", "值"],
};

/** The three levels, in the run's language; the last is what matches no rule. */
export const RISK_LEVELS: Record<Lang, { high: string; medium: string; low: string }> = {
  "en-US": { high: "high", medium: "medium", low: "low" },
  "zh-CN": { high: "高", medium: "中", low: "低" },
};

/** Whether a level a rule gives is the high one, in either language. */
export function isHighRisk(level: string): boolean {
  return ["high", "高", "高风险"].includes(headerKey(level));
}

const OPERATORS: Comparison[] = [">=", "<=", "<>", ">", "<", "="];

/** Known risk indicators: accepted headers, and the rules for high and medium risk. */
const KNOWN: { headers: string[]; high: [Comparison, number]; medium: [Comparison, number] }[] = [
  { headers: ["Overdue days", "逾期天数"], high: [">", 90], medium: [">", 30] },
  { headers: ["Complaints", "投诉次数"], high: [">=", 5], medium: [">=", 2] },
  { headers: ["Credit rating", "信用评级"], high: ["<=", 1], medium: ["<=", 2] },
  { headers: ["YoY growth", "同比增长率", "Sales growth", "销售增长率"], high: ["<", -0.2], medium: ["<", 0] },
];

/**
 * Pre-filled risk rules for the columns a customer table has: every high rule first, then the medium
 * ones, so the worst match wins. Empty when the table has none of the known risk columns.
 *
 * @example defaultRiskRules(["Customer ID", "Complaints"], "en-US")
 * // [{ label: "high", conditions: [Complaints >= 5] }, { label: "medium", conditions: [Complaints >= 2] }]
 */
export function defaultRiskRules(headers: string[], lang: Lang): TierRule[] {
  const levels = RISK_LEVELS[lang];
  const present = KNOWN.map((known) => ({
    known,
    header: headers.find((h) => known.headers.map(headerKey).includes(headerKey(h))),
  })).filter((entry): entry is { known: (typeof KNOWN)[number]; header: string } => entry.header !== undefined);
  const rule = (label: string, header: string, [op, value]: [Comparison, number]): TierRule => ({
    label,
    conditions: [{ column: header, op, value }],
  });
  return [
    ...present.map(({ known, header }) => rule(levels.high, header, known.high)),
    ...present.map(({ known, header }) => rule(levels.medium, header, known.medium)),
  ];
}

/** The risk-rules sheet the add-in writes when the workbook has none; its header row in the plan's `headerLook`. */
export function riskSheet(rules: TierRule[], lang: Lang, headerLook: CellLook): OutputSheet {
  return {
    name: RISK_SHEETS[lang],
    blocks: [
      { top: 0, left: 0, look: headerLook, values: [HEADERS[lang]] },
      {
        top: 1,
        left: 0,
        numberFormats: ["@", "@", "@", null],
        values: rules.map((rule) => [rule.label, rule.conditions[0].column, rule.conditions[0].op, rule.conditions[0].value]),
      },
    ],
    columnWidths: [10, 18, 10, 10],
    charts: [],
  };
}

/**
 * The rules of a risk sheet as the analyst left it, one condition a row, in order. A row whose column
 * is not in `columns` (the customer table's numeric columns), whose condition is not one of
 * > >= < <= = <>, or whose value is not a number is a problem with its cell.
 */
export function readRiskRules(
  sheet: string,
  values: CellValue[][],
  columns: string[],
): { rules: TierRule[]; problems: Problem[] } {
  const rules: TierRule[] = [];
  const problems: Problem[] = [];
  const headerIndex = values.findIndex((row) => row.some((cell) => cell !== null && cell !== ""));
  if (headerIndex < 0) return { rules, problems };
  const headers = values[headerIndex].map((cell) => headerKey(cellText(cell)));
  const at = [0, 1, 2, 3].map((i) =>
    headers.findIndex((h) => h === headerKey(HEADERS["en-US"][i]) || h === headerKey(HEADERS["zh-CN"][i])),
  );
  if (at.some((i) => i < 0)) {
    problems.push(problem("rules-header-missing", sheet, cellAddress(headerIndex, 0), { headers: HEADERS["en-US"].join(", ") }));
    return { rules, problems };
  }
  const byKey = new Map(columns.map((c) => [headerKey(c), c]));
  values.slice(headerIndex + 1).forEach((row, r) => {
    const line = headerIndex + 1 + r;
    const label = cellText(row[at[0]] ?? null);
    if (label === "") return;
    const column = byKey.get(headerKey(cellText(row[at[1]] ?? null)));
    const op = cellText(row[at[2]] ?? null).replace(/\s+/g, "").replace("≥", ">=").replace("≤", "<=").replace("≠", "<>") as Comparison;
    const value = readNumber(row[at[3]] ?? null);
    if (column === undefined) {
      problems.push(problem("rule-column-missing", sheet, cellAddress(line, at[1]), { column: cellText(row[at[1]] ?? null) }));
    } else if (!OPERATORS.includes(op)) {
      problems.push(problem("unknown-condition", sheet, cellAddress(line, at[2]), { value: op }));
    } else if (typeof value !== "number") {
      problems.push(problem("not-a-number", sheet, cellAddress(line, at[3]), { value: cellText(row[at[3]] ?? null) }));
    } else {
      rules.push({ label, conditions: [{ column, op, value }] });
    }
  });
  return { rules, problems };
}
