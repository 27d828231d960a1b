// Writes the sample workbooks (npm run sample): assets/sample-customers.zh-CN.xlsx (sheets 权重, 客户)
// and its English twin assets/sample-customers.en-US.xlsx (Weights, Customers). The same seeded
// random numbers feed both, so the twins hold the same customers and grade to the same tiers.
// xlsx-populate writes them because these are new workbooks: there is nothing of a user's to keep.

import * as fs from "fs";
import * as path from "path";
// xlsx-populate ships no type declarations.
const XlsxPopulate = require("xlsx-populate");

const CUSTOMERS = 200;
const SEED = 20260401;

/** mulberry32: a small seeded generator, so `npm run sample` always writes the same customers. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function normal(random: () => number): number {
  // Box–Muller; 1 - u keeps the logarithm finite.
  return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;

interface Customer {
  id: string;
  name: { "zh-CN": string; "en-US": string };
  owner: { "zh-CN": string; "en-US": string };
  sales: number;
  salesThisYear: number;
  growth: number;
  capital: number;
  marketShare: number;
  years: number;
  onTime: number;
  complaints: number;
}

const PLACES = [
  ["华东", "Eastern"], ["华南", "Southern"], ["北方", "Northern"], ["西部", "Western"], ["中原", "Central"],
  ["沿海", "Coastal"], ["江南", "Jiangnan"], ["东海", "East Sea"], ["长江", "Yangtze"], ["珠江", "Pearl River"],
];
const TRADES = [
  ["精密机械", "Precision Machinery"], ["电子科技", "Electronics"], ["食品", "Foods"], ["化工", "Chemicals"],
  ["物流", "Logistics"], ["建材", "Building Materials"], ["医药", "Pharma"], ["纺织", "Textiles"],
  ["汽车配件", "Auto Parts"], ["包装", "Packaging"], ["能源", "Energy"], ["家居", "Home Goods"],
];
const FORMS = [["有限公司", "Co., Ltd."], ["股份有限公司", "Holdings"], ["贸易公司", "Trading"]];
const OWNERS = [["张伟", "Zhang Wei"], ["李娜", "Li Na"], ["王强", "Wang Qiang"], ["刘洋", "Liu Yang"], ["陈静", "Chen Jing"]];

function makeCustomers(): Customer[] {
  const random = seeded(SEED);
  const used = new Set<string>();
  const customers: Customer[] = [];
  for (let i = 0; i < CUSTOMERS; i++) {
    let place: string[], trade: string[], form: string[];
    do {
      place = PLACES[Math.floor(random() * PLACES.length)];
      trade = TRADES[Math.floor(random() * TRADES.length)];
      form = FORMS[Math.floor(random() * FORMS.length)];
    } while (used.has(place[0] + trade[0] + form[0]));
    used.add(place[0] + trade[0] + form[0]);
    const owner = OWNERS[Math.floor(random() * OWNERS.length)];
    // Lognormal sales (median 150,000, sigma 1.4): a handful of customers carry most of the sales.
    const sales = Math.round(150000 * Math.exp(1.4 * normal(random)));
    const growth = round(Math.max(-0.6, 0.08 + 0.22 * normal(random)), 4);
    const salesThisYear = Math.round(sales * (1 + growth));
    const capital = Math.round(5000000 * Math.exp(1.1 * normal(random)) / 10000) * 10000;
    const marketShare = round(Math.min(0.35, (sales / 40000000) * Math.exp(0.3 * normal(random))), 5);
    const years = 1 + Math.floor(random() * random() * 15);
    const onTime = round(Math.min(1, Math.max(0.45, 0.9 + 0.08 * normal(random))), 3);
    const complaints = Math.floor(-Math.log(1 - random()) * 1.5);
    customers.push({
      id: `C${String(i + 1).padStart(4, "0")}`,
      name: { "zh-CN": `${place[0]}${trade[0]}${form[0]}`, "en-US": `${place[1]} ${trade[1]} ${form[1]}` },
      owner: { "zh-CN": owner[0], "en-US": owner[1] },
      sales, salesThisYear, growth, capital, marketShare, years, onTime, complaints,
    });
  }
  return customers;
}

type Lang = "zh-CN" | "en-US";

const WORDS = {
  "zh-CN": {
    weights: "权重", customers: "客户",
    weightHeaders: ["维度", "指标", "权重", "方向", "计分", "分档", "数据列"],
    customerHeaders: ["客户编号", "客户名称", "负责人", "销售额", "本年销售额", "同比增长率", "注册资本", "市场份额", "合作年限", "按时回款率", "投诉次数"],
    dimensions: ["盈利情况", "经营实力", "合作关系"],
    higher: "正向", lower: "负向", minmax: "极差", percentile: "百分位", bands: "分档",
  },
  "en-US": {
    weights: "Weights", customers: "Customers",
    weightHeaders: ["Dimension", "Indicator", "Weight", "Direction", "Scoring", "Bands", "Column"],
    customerHeaders: ["Customer ID", "Name", "Owner", "Sales", "Sales this year", "YoY growth", "Capital", "Market share", "Years of cooperation", "On-time payment rate", "Complaints"],
    dimensions: ["Profitability", "Operating strength", "Cooperation"],
    higher: "higher", lower: "lower", minmax: "minmax", percentile: "percentile", bands: "bands",
  },
};

/** The weight table rows: dimension rows (no indicator) and their sub-indicators. */
function weightRows(lang: Lang): (string | number | null)[][] {
  const w = WORDS[lang];
  const c = w.customerHeaders;
  const [profit, strength, cooperation] = w.dimensions;
  return [
    [profit, null, 0.4, null, null, null, null],
    [profit, c[3], 0.4, w.higher, w.bands, "0:20; 100000:60; 1000000:100", c[3]],
    [profit, c[4], 0.35, w.higher, w.minmax, null, c[4]],
    [profit, c[5], 0.25, w.higher, w.percentile, null, c[5]],
    [strength, null, 0.3, null, null, null, null],
    [strength, c[6], 0.5, w.higher, w.minmax, null, c[6]],
    [strength, c[7], 0.5, w.higher, w.minmax, null, c[7]],
    [cooperation, null, 0.3, null, null, null, null],
    [cooperation, c[8], 0.3, w.higher, w.bands, "0:20; 3:60; 8:100", c[8]],
    [cooperation, c[9], 0.4, w.higher, w.minmax, null, c[9]],
    [cooperation, c[10], 0.3, w.lower, w.minmax, null, c[10]],
  ];
}

async function writeSample(lang: Lang, customers: Customer[], file: string): Promise<void> {
  const w = WORDS[lang];
  const workbook = await XlsxPopulate.fromBlankAsync();
  const weights = workbook.sheet(0).name(w.weights);
  weights.cell("A1").value([w.weightHeaders, ...weightRows(lang)]);
  weights.range("A1:G1").style({ bold: true, bottomBorder: true });
  [16, 22, 10, 10, 12, 32, 22].forEach((width, i) => weights.column(i + 1).width(width));
  weights.range(`C2:C${weightRows(lang).length + 1}`).style("numberFormat", "0.00");

  const sheet = workbook.addSheet(w.customers);
  const rows = customers.map((c) => [
    c.id, c.name[lang], c.owner[lang], c.sales, c.salesThisYear, c.growth, c.capital, c.marketShare, c.years, c.onTime, c.complaints,
  ]);
  sheet.cell("A1").value([w.customerHeaders, ...rows]);
  const last = customers.length + 1;
  sheet.range("A1:K1").style({ bold: true, bottomBorder: true });
  [12, lang === "zh-CN" ? 26 : 36, 12, 14, 14, 12, 14, 12, 12, 14, 10].forEach((width, i) => sheet.column(i + 1).width(width));
  sheet.range(`D2:E${last}`).style("numberFormat", "#,##0");
  sheet.range(`F2:F${last}`).style("numberFormat", "0.0%");
  sheet.range(`G2:G${last}`).style("numberFormat", "#,##0");
  sheet.range(`H2:H${last}`).style("numberFormat", "0.00%");
  sheet.range(`J2:J${last}`).style("numberFormat", "0.0%");
  sheet.freezePanes(0, 1);
  workbook.activeSheet(sheet);
  fs.writeFileSync(file, await workbook.outputAsync());
}

async function main(): Promise<void> {
  const customers = makeCustomers();
  const assets = path.join(__dirname, "..", "assets");
  fs.mkdirSync(assets, { recursive: true });
  for (const lang of ["zh-CN", "en-US"] as Lang[]) {
    const file = path.join(assets, `sample-customers.${lang}.xlsx`);
    await writeSample(lang, customers, file);
    process.stdout.write(`${file}\n`);
  }
  const total = customers.reduce((s, c) => s + c.sales, 0);
  const top = [...customers].sort((a, b) => b.sales - a.sales).slice(0, CUSTOMERS / 5).reduce((s, c) => s + c.sales, 0);
  process.stdout.write(`${CUSTOMERS} customers; the top 20 % hold ${Math.round((100 * top) / total)} % of sales\n`);
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? error.stack : error}\n`);
  process.exit(1);
});
