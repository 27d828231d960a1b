// "Insert example tables": a small Weights and Customers pair in the workbook's language, written as a
// plain write plan so Excel and the .xlsx executor make the same sheets. The sheets are the analyst's,
// not the add-in's (the state is left as it was), so they can be overwritten, edited or deleted like
// any other sheet. The customers are made up: a few rows whose tiers differ under every scheme.

import type { CellOut, Lang, OutputSheet, OwnedState, WritePlan } from "../types";
import { headerKey } from "../reading/headers";

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

/** The two sheets' names in `lang`. */
export function exampleSheetNames(lang: Lang): { weights: string; customers: string } {
  return { weights: WORDS[lang].weights, customers: WORDS[lang].customers };
}

/**
 * The plan that adds the example Weights and Customers sheets. Throws when the workbook already has a
 * sheet of either name: the add-in never writes over a sheet it does not own.
 *
 * @example exampleTablesPlan("zh-CN", undefined, ["Sheet1"]).sheets.map((s) => s.name) // ["权重", "客户"]
 */
export function exampleTablesPlan(lang: Lang, state: OwnedState | undefined, sheetNames: string[]): WritePlan {
  const w = WORDS[lang];
  const taken = new Set(sheetNames.map(headerKey));
  for (const name of [w.weights, w.customers]) {
    if (taken.has(headerKey(name))) throw new Error(`The workbook already has a sheet named "${name}".`);
  }
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
      { top: 0, left: 0, values: weightRows.slice(0, 1), style: "header" },
      { top: 1, left: 0, values: weightRows.slice(1), numberFormats: [null, null, "0.00", null, null, null, null] },
    ],
    columnWidths: [16, 22, 10, 10, 12, 30, 22],
    charts: [],
  };
  const customers: OutputSheet = {
    name: w.customers,
    blocks: [
      { top: 0, left: 0, values: customerRows.slice(0, 1), style: "header" },
      { top: 1, left: 0, values: customerRows.slice(1), numberFormats: [null, null, null, "#,##0", "0.0%", "0", "0"] },
    ],
    columnWidths: [12, 22, 12, 14, 12, 12, 10],
    charts: [],
  };
  const base: OwnedState = state ?? { version: 1, sheet: "", headerRow: 0, firstColumn: 0, headers: [], sheets: [] };
  // Nothing of the add-in's is replaced and nothing new is owned: the example sheets are the analyst's.
  return { previous: { ...base, headers: [], sheets: [] }, state: base, sheets: [weights, customers] };
}
