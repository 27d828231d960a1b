// "Insert example tables": a Weights and Customers pair in the workbook's language, written as a plain
// write plan so Excel and the .xlsx executor make the same sheets. The sheets are the analyst's, not
// the add-in's (the state is left as it was), so they can be overwritten, edited or deleted like any
// other sheet. Two templates (issue 16 §6):
// - "basic": a few made-up rows whose tiers differ under every scheme (profitability, cooperation);
// - "value": the practice's customer value model, customer value = economic value (profit contribution,
//   sales) + social value (referrals, reputation, influence) + potential value (growth, share of wallet),
//   with 36 made-up customers drawn from a seeded generator, so every insert writes the same numbers.

import type { CellOut, Lang, OutputSheet, OwnedState, WritePlan } from "../types";
import { headerKey } from "../reading/headers";
import { outputText } from "../planning/outputText";
import { HEADER_LOOK } from "../planning/styles";

const WORDS = {
  "en-US": {
    weights: "Weights",
    customers: "Customers",
    weightHeaders: ["Dimension", "Indicator", "Weight", "Direction", "Scoring", "Bands", "Column"],
    customerHeaders: ["Customer ID", "Name", "Owner", "Sales", "YoY growth", "Years of cooperation", "Complaints"],
    dimensions: ["Profitability", "Cooperation"],
    higher: "higher",
    lower: "lower",
    minmax: "minmax",
    percentile: "percentile",
    bands: "bands",
    owners: ["Chen Jing", "Li Na", "Wang Qiang"],
    names: ["Harbor Foods", "Northwind Parts", "Blue River Pharma", "Summit Textiles", "Eastern Logistics", "Golden Packaging",
      "Pearl Electronics", "Coastal Chemicals", "Maple Home Goods", "Central Energy", "Jade Machinery", "Sunrise Trading"],
  },
  "zh-CN": {
    weights: "权重",
    customers: "客户",
    weightHeaders: ["维度", "指标", "权重", "方向", "计分", "分档", "数据列"],
    customerHeaders: ["客户编号", "客户名称", "负责人", "销售额", "同比增长率", "合作年限", "投诉次数"],
    dimensions: ["盈利情况", "合作关系"],
    higher: "正向",
    lower: "负向",
    minmax: "极差",
    percentile: "百分位",
    bands: "分档",
    owners: ["陈静", "李娜", "王强"],
    names: ["港湾食品", "北风配件", "蓝河医药", "峰顶纺织", "东方物流", "金色包装", "珍珠电子", "沿海化工", "枫叶家居", "中原能源", "翠玉机械", "旭日贸易"],
  },
} as const;

/** Sales, growth, years, complaints of the twelve example customers. */
const NUMBERS: [number, number, number, number][] = [
  [1250000, 0.18, 9, 0], [860000, 0.05, 12, 1], [640000, 0.22, 4, 0], [410000, -0.04, 7, 3],
  [385000, 0.12, 2, 0], [220000, 0.31, 5, 1], [198000, 0.02, 11, 2], [150000, -0.12, 3, 4],
  [96000, 0.09, 1, 0], [72000, 0.15, 6, 1], [41000, -0.2, 2, 5], [18000, 0.04, 1, 2],
];

/** The templates "Insert example tables" offers. */
export type ExampleTemplate = "basic" | "value";
export const EXAMPLE_TEMPLATES: readonly ExampleTemplate[] = ["basic", "value"];

/** The value model's words: dimensions, indicators (= customer columns) and the customers' names. */
const VALUE_WORDS = {
  "en-US": {
    dimensions: ["Economic value", "Social value", "Potential value"],
    indicators: ["Profit contribution", "Sales", "Referrals", "Reputation", "Influence", "Growth", "Share of wallet"],
    prefixes: ["Harbor", "Northwind", "Blue River", "Summit", "Eastern", "Golden", "Pearl", "Coastal", "Maple", "Central", "Jade", "Sunrise"],
    trades: ["Foods", "Parts", "Pharma", "Textiles", "Logistics", "Packaging", "Electronics", "Chemicals", "Home Goods"],
  },
  "zh-CN": {
    dimensions: ["经济价值", "社会价值", "潜在价值"],
    indicators: ["利润贡献", "销售额", "推荐客户数", "口碑评分", "行业影响力", "增长率", "钱包份额"],
    prefixes: ["港湾", "北风", "蓝河", "峰顶", "东方", "金色", "珍珠", "沿海", "枫叶", "中原", "翠玉", "旭日"],
    trades: ["食品", "配件", "医药", "纺织", "物流", "包装", "电子", "化工", "家居"],
  },
} as const;

/**
 * The value model's 36 customers: profit contribution, sales, referrals, reputation (0-100 survey
 * score), influence (1-5), growth and share of wallet. From mulberry32 seeded with 16 (the issue's
 * number), so the template is the same on every insert and in every language; sales are long-tailed
 * (a few large customers carry most of it), margins 6-28 %, rounded as a ledger would hold them.
 */
export function valueModelNumbers(): [number, number, number, number, number, number, number][] {
  let seed = 16;
  // mulberry32 (Tommy Ettinger's public-domain 32-bit generator), the project's seeded generator.
  const next = () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return Array.from({ length: 36 }, () => {
    const sales = Math.round((30000 * Math.exp(4.2 * next() * next() + 1.2 * next())) / 1000) * 1000;
    const margin = 0.06 + 0.22 * next();
    const profit = Math.round((sales * margin) / 100) * 100;
    const referrals = Math.floor(7 * next() * next());
    const reputation = 55 + Math.round(40 * next());
    const influence = 1 + Math.floor(5 * next());
    const growth = Math.round(-150 + 550 * next()) / 1000;
    const share = Math.round(10 + 80 * next()) / 100;
    return [profit, sales, referrals, reputation, influence, growth, share];
  });
}

/** The two sheets' names in `lang`. */
export function exampleSheetNames(lang: Lang): { weights: string; customers: string } {
  return { weights: WORDS[lang].weights, customers: WORDS[lang].customers };
}

/**
 * The plan that adds the example Weights and Customers sheets of a template ("basic" by default).
 * Throws when the workbook already has a sheet of either name: the add-in never writes over a sheet
 * it does not own.
 *
 * @example exampleTablesPlan("zh-CN", undefined, ["Sheet1"]).sheets.map((s) => s.name) // ["权重", "客户"]
 * @example exampleTablesPlan("en-US", undefined, [], "value").sheets[1].blocks[1].values.length // 36
 */
export function exampleTablesPlan(lang: Lang, state: OwnedState | undefined, sheetNames: string[], template: ExampleTemplate = "basic"): WritePlan {
  const w = WORDS[lang];
  const taken = new Set(sheetNames.map(headerKey));
  for (const name of [w.weights, w.customers]) {
    if (taken.has(headerKey(name))) throw new Error(outputText(lang).exampleSheetTaken(name));
  }
  const sheets = template === "value" ? valueModelSheets(lang) : basicSheets(lang);
  const base: OwnedState = state ?? { version: 1, sheet: "", headerRow: 0, firstColumn: 0, headers: [], sheets: [] };
  // Nothing of the add-in's is replaced and nothing new is owned: the example sheets are the analyst's.
  return { previous: { ...base, headers: [], sheets: [] }, state: base, sheets };
}

/**
 * The value model: three weighted dimensions (economic 0.5, social 0.2, potential 0.3) and their
 * indicators. Reputation is already a 0-100 score (raw); influence is a 1-5 level scored by bands;
 * sales by percentile (long-tailed); a low share of wallet leaves room to grow, so it counts as
 * potential the lower it is.
 */
function valueModelSheets(lang: Lang): OutputSheet[] {
  const w = WORDS[lang];
  const v = VALUE_WORDS[lang];
  const [economic, social, potential] = v.dimensions;
  const [profit, sales, referrals, reputation, influence, growth, share] = v.indicators;
  const raw = lang === "zh-CN" ? "原值" : "raw";
  const weightRows: CellOut[][] = [
    [economic, null, 0.5, null, null, null, null],
    [economic, profit, 0.6, w.higher, w.minmax, null, profit],
    [economic, sales, 0.4, w.higher, w.percentile, null, sales],
    [social, null, 0.2, null, null, null, null],
    [social, referrals, 0.4, w.higher, w.minmax, null, referrals],
    [social, reputation, 0.3, w.higher, raw, null, reputation],
    [social, influence, 0.3, w.higher, w.bands, "1:20; 3:60; 5:100", influence],
    [potential, null, 0.3, null, null, null, null],
    [potential, growth, 0.5, w.higher, w.minmax, null, growth],
    [potential, share, 0.5, w.lower, w.minmax, null, share],
  ];
  const [idHeader, nameHeader, ownerHeader] = w.customerHeaders;
  const customerRows: CellOut[][] = valueModelNumbers().map((numbers, i) => [
    `V${String(i + 1).padStart(3, "0")}`,
    `${v.prefixes[i % v.prefixes.length]}${lang === "zh-CN" ? "" : " "}${v.trades[(i * 4 + Math.floor(i / 12)) % v.trades.length]}`,
    w.owners[i % w.owners.length],
    ...numbers,
  ]);
  return [
    {
      name: w.weights,
      blocks: [
        { top: 0, left: 0, values: [[...w.weightHeaders]], look: HEADER_LOOK },
        { top: 1, left: 0, values: weightRows, numberFormats: [null, null, "0.00", null, null, null, null] },
      ],
      columnWidths: [16, 22, 10, 10, 12, 20, 22],
      charts: [],
    },
    {
      name: w.customers,
      blocks: [
        { top: 0, left: 0, values: [[idHeader, nameHeader, ownerHeader, ...v.indicators]], look: HEADER_LOOK },
        { top: 1, left: 0, values: customerRows, numberFormats: [null, null, null, "#,##0", "#,##0", "0", "0", "0", "0.0%", "0%"] },
      ],
      columnWidths: [12, 22, 12, 16, 14, 12, 12, 12, 10, 14],
      charts: [],
    },
  ];
}

/** The basic template: profitability and cooperation, twelve customers. */
function basicSheets(lang: Lang): OutputSheet[] {
  const w = WORDS[lang];
  const c = w.customerHeaders;
  const [profit, cooperation] = w.dimensions;
  const weightRows: CellOut[][] = [
    [...w.weightHeaders],
    [profit, null, 0.6, null, null, null, null],
    [profit, c[3], 0.7, w.higher, w.bands, "0:20; 100000:60; 500000:100", c[3]],
    [profit, c[4], 0.3, w.higher, w.percentile, null, c[4]],
    [cooperation, null, 0.4, null, null, null, null],
    [cooperation, c[5], 0.6, w.higher, w.minmax, null, c[5]],
    [cooperation, c[6], 0.4, w.lower, w.minmax, null, c[6]],
  ];
  const customerRows: CellOut[][] = [
    [...c],
    ...NUMBERS.map(([sales, growth, years, complaints], i) => [
      `C${String(i + 1).padStart(3, "0")}`,
      w.names[i],
      w.owners[i % w.owners.length],
      sales,
      growth,
      years,
      complaints,
    ]),
  ];
  const weights: OutputSheet = {
    name: w.weights,
    blocks: [
      { top: 0, left: 0, values: weightRows.slice(0, 1), look: HEADER_LOOK },
      { top: 1, left: 0, values: weightRows.slice(1), numberFormats: [null, null, "0.00", null, null, null, null] },
    ],
    columnWidths: [16, 22, 10, 10, 12, 30, 22],
    charts: [],
  };
  const customers: OutputSheet = {
    name: w.customers,
    blocks: [
      { top: 0, left: 0, values: customerRows.slice(0, 1), look: HEADER_LOOK },
      { top: 1, left: 0, values: customerRows.slice(1), numberFormats: [null, null, null, "#,##0", "0.0%", "0", "0"] },
    ],
    columnWidths: [12, 22, 12, 14, 12, 12, 10],
    charts: [],
  };
  return [weights, customers];
}
