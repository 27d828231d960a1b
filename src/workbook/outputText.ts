// Every word the add-in writes into a workbook, in both languages. The pane and the command line have
// their own strings; these are the ones a reader of the graded workbook sees.

import type { Lang } from "./types";

const en = {
  score: "Score",
  rank: "Rank",
  tier: "Tier",
  summarySheet: "Tier summary",
  title: "Customer tiers",
  tierHeader: "Tier",
  customers: "Customers",
  customerShare: "Share of customers",
  value: "Value",
  valueShare: "Share of value",
  spacerCustomers: "Spacer (customers)",
  spacerValue: "Spacer (value)",
  labelCustomers: "Label (customers)",
  labelValue: "Label (value)",
  total: "Total",
  settings: "How this workbook was graded",
  gradedOn: "Graded on",
  scheme: "Tier scheme",
  labels: "Tier labels",
  missing: "Blank values",
  missingExclude: "customers with a blank indicator are left out and listed below",
  missingZero: "a blank indicator scores 0 points",
  weightsTable: "Weight table",
  customersTable: "Customer table",
  graded: "Customers graded",
  excludedCount: "Customers left out",
  valueColumn: "Value column",
  valueIsScore: "(none: the value pyramid uses the score)",
  period: "Period",
  weights: "Weights",
  dimension: "Dimension",
  indicator: "Indicator",
  column: "Column",
  direction: "Direction",
  scoring: "Scoring",
  globalWeight: "Global weight",
  excluded: "Customers left out",
  customerId: "Customer ID",
  blankIndicators: "Blank indicators",
  warnings: "Warnings",
  quantityPyramid: "Customers per tier",
  valuePyramid: "Value per tier",
  higher: "higher is better",
  lower: "lower is better",
  schemeShares: (p: string) => `shares of customers by rank (RANK.EQ): ${p}`,
  schemePareto: (p: string) => `Pareto (ABC) by cumulative value: ${p}`,
  schemeCutoffs: (p: string) => `score cut-offs: ${p}`,
  schemeRules: (p: string) => `rules, first match wins: ${p}`,
};

const zh: typeof en = {
  score: "得分",
  rank: "排名",
  tier: "等级",
  summarySheet: "分级汇总",
  title: "客户分级",
  tierHeader: "等级",
  customers: "客户数",
  customerShare: "客户占比",
  value: "价值",
  valueShare: "价值占比",
  spacerCustomers: "占位（客户数）",
  spacerValue: "占位（价值）",
  labelCustomers: "标签（客户数）",
  labelValue: "标签（价值）",
  total: "合计",
  settings: "本工作簿的分级方法",
  gradedOn: "分级时间",
  scheme: "分级方案",
  labels: "等级名称",
  missing: "空值",
  missingExclude: "指标为空的客户不参与分级，列于下方",
  missingZero: "空指标计 0 分",
  weightsTable: "权重表",
  customersTable: "客户表",
  graded: "已分级客户",
  excludedCount: "未分级客户",
  valueColumn: "价值列",
  valueIsScore: "（无：价值金字塔使用得分）",
  period: "期间",
  weights: "权重",
  dimension: "维度",
  indicator: "指标",
  column: "数据列",
  direction: "方向",
  scoring: "计分",
  globalWeight: "综合权重",
  excluded: "未分级客户",
  customerId: "客户编号",
  blankIndicators: "空白指标",
  warnings: "提示",
  quantityPyramid: "各等级客户数",
  valuePyramid: "各等级价值",
  higher: "越高越好",
  lower: "越低越好",
  schemeShares: (p: string) => `按排名（RANK.EQ）的客户比例：${p}`,
  schemePareto: (p: string) => `按累计价值的 ABC（帕累托）分类：${p}`,
  schemeCutoffs: (p: string) => `按得分分档：${p}`,
  schemeRules: (p: string) => `规则，先匹配者优先：${p}`,
};

export type OutputText = typeof en;

/** The texts the add-in writes into a workbook in the given language. */
export function outputText(lang: Lang): OutputText {
  return lang === "zh-CN" ? zh : en;
}

/** Output column headers in both languages: a user column with any of these names is a collision. */
export const OUTPUT_HEADERS: readonly string[] = [en.score, en.rank, en.tier, zh.score, zh.rank, zh.tier];

/** Sheet names the add-in creates, in both languages. */
export const OUTPUT_SHEETS: readonly string[] = [en.summarySheet, zh.summarySheet];
