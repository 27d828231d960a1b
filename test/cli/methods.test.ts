// The methods of issue 16 through the command line: --explain (Why column and JSON contributions).

import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { main } from "../../src/cli/main";
import { openXlsx } from "../../src/workbook/executors/xlsx";
import { buildWorkbook, smallCustomerSheets } from "../xlsx/buildWorkbook";
import { capture } from "./capture";
import { PUBLISHED_SEGMENT_SUMMARY } from "../reference/rfm/vignette";

interface CustomerJson {
  id: string;
  score: number | null;
  rank: number | null;
  tier: string | null;
  contributions?: Record<string, number> | null;
  gap_to_next_tier?: number | null;
  why?: string | null;
  [key: string]: unknown;
}

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "tiers-methods-"));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** The header row and every row of a sheet's used range. */
async function sheetRows(file: string, sheet: string): Promise<unknown[][]> {
  const book = await openXlsx(fs.readFileSync(file));
  const used = (await book.index()).sheets.find((s) => s.name === sheet)?.used;
  if (!used) throw new Error(`no sheet ${sheet}`);
  return book.read(sheet, { top: 0, left: 0, rows: used.top + used.rows, columns: used.left + used.columns });
}

describe("tiers grade --explain", () => {
  test("on the sample: contributions add up to each score, the gap is the next tier's lowest score minus the score, a Why column is written", async () => {
    const io = capture();
    const out = path.join(dir, "sample.xlsx");
    expect(await main(["grade", "assets/sample-customers.en-US.xlsx", "--out", out, "--explain", "--json", "-"], io)).toBe(0);
    const json = JSON.parse(io.out) as { customers: CustomerJson[] };
    const graded = json.customers.filter((c) => c.tier !== null);
    expect(graded.length).toBeGreaterThan(100);
    const names = Object.keys(graded[0].contributions ?? {});
    expect(names.length).toBeGreaterThan(3);
    const lowest = new Map<string, number>();
    for (const c of graded) lowest.set(c.tier as string, Math.min(lowest.get(c.tier as string) ?? Infinity, c.score as number));
    const labels = ["A", "B", "C"];
    for (const c of graded) {
      // Added in the weight table's order from 0, the contributions are the score bit for bit.
      const sum = names.reduce((s, name) => s + (c.contributions as Record<string, number>)[name], 0);
      expect(sum).toBe(c.score);
      const t = labels.indexOf(c.tier as string);
      if (t === 0) expect(c.gap_to_next_tier).toBeNull();
      else expect(c.gap_to_next_tier).toBeCloseTo((lowest.get(labels[t - 1]) as number) - (c.score as number), 9);
      expect(c.why).toMatch(t === 0 ? /^A: the top tier$/ : new RegExp(`^${c.tier}: \\d+\\.\\d points below ${labels[t - 1]}; `));
    }
    for (const c of json.customers.filter((x) => x.tier === null)) {
      expect(c.contributions).toBeNull();
      expect(c.gap_to_next_tier).toBeNull();
    }
    const rows = await sheetRows(out, "Customers");
    const whyAt = rows[0].indexOf("Why");
    expect(whyAt).toBeGreaterThan(rows[0].indexOf("Tier"));
    // Row order: the JSON lists customers in table order, the sheet holds them from row 2.
    const idAt = 0;
    const byId = new Map(rows.slice(1).map((r) => [r[idAt], r[whyAt]]));
    for (const c of json.customers) expect(byId.get(c.id) ?? null).toBe(c.why ?? null);
  });

  test("by hand on five customers: B is 25 points below A, which no single indicator can close", async () => {
    const input = path.join(dir, "small.xlsx");
    fs.writeFileSync(input, await buildWorkbook(smallCustomerSheets()));
    const io = capture();
    expect(await main(["grade", input, "--out", path.join(dir, "small.graded.xlsx"), "--explain", "--json", "-"], io)).toBe(0);
    const json = JSON.parse(io.out) as { customers: CustomerJson[] };
    // Sales 500..100 (weight 0.6, minmax) and Complaints 0..4 (weight 0.4, lower is better):
    // C2 = 0.6 × 75 + 0.4 × 75 = 75, B; A's lowest is 100, so 25 points; Sales would need
    // 75 + 25 / 0.6 > 100 points and Complaints 75 + 25 / 0.4 > 100: neither alone can.
    const c2 = json.customers[1];
    expect(c2.tier).toBe("B");
    expect(c2.contributions?.Sales).toBeCloseTo(45, 12);
    expect(c2.contributions?.Complaints).toBeCloseTo(30, 12);
    expect(c2.gap_to_next_tier).toBeCloseTo(25, 12);
    expect(c2.why).toBe("B: 25.0 points below A; no single indicator can close it");
    expect(json.customers[0].why).toBe("A: the top tier");
  });

  test("zh-CN: the column is 原因 and the sentences are Chinese", async () => {
    const input = path.join(dir, "small-zh.xlsx");
    fs.writeFileSync(input, await buildWorkbook(smallCustomerSheets()));
    const io = capture();
    const out = path.join(dir, "small-zh.graded.xlsx");
    expect(await main(["grade", input, "--out", out, "--explain", "--lang", "zh-CN"], io)).toBe(0);
    const rows = await sheetRows(out, "Customers");
    const at = rows[0].indexOf("原因");
    expect(at).toBeGreaterThan(0);
    expect(rows[2][at]).toBe("B：比 A 低 25.0 分；单个指标无法补足");
  });

  test("without --explain: no Why column and no contributions in the JSON", async () => {
    const input = path.join(dir, "plain.xlsx");
    fs.writeFileSync(input, await buildWorkbook(smallCustomerSheets()));
    const io = capture();
    const out = path.join(dir, "plain.graded.xlsx");
    expect(await main(["grade", input, "--out", out, "--json", "-"], io)).toBe(0);
    expect(Object.keys(JSON.parse(io.out).customers[0])).toEqual(["id", "score", "rank", "tier"]);
    expect((await sheetRows(out, "Customers"))[0]).not.toContain("Why");
  });
});

describe("tiers grade --orders", () => {
  /** Orders of three customers (dates as serials, ISO text and locale text), a Customers table to join, weights on the indicators. */
  function orderSheets(weights: (string | number)[][]) {
    return [
      {
        name: "Orders",
        rows: [
          ["Customer ID", "Order date", "Amount"],
          ["C1", 39080, 100], // 2006-12-29
          ["C1", "2006-12-01", 300],
          ["c2", "11/30/2006", 50],
          ["C3", 39000, 20], // 2006-10-10
          ["C2", 39081, 150], // 2006-12-30
        ],
      },
      {
        name: "Customers",
        rows: [
          ["Customer ID", "Name", "Owner"],
          ["C1", "Acme", "Li"],
          ["C2", "Beta", "Wu"],
          ["C9", "No orders", "Wu"],
        ],
      },
      { name: "Weights", rows: weights },
    ];
  }

  test("aggregates as of --as-of into a Customer indicators sheet joined with Customers by ID, and grades it", async () => {
    const input = path.join(dir, "orders.xlsx");
    fs.writeFileSync(
      input,
      await buildWorkbook(
        orderSheets([
          ["Indicator", "Column", "Weight", "Direction"],
          ["Monetary", "Monetary", 0.5, "higher"],
          ["Recency", "Recency (days)", 0.5, "lower"],
        ]),
      ),
    );
    const before = fs.readFileSync(input);
    const io = capture();
    const out = path.join(dir, "orders.graded.xlsx");
    expect(await main(["grade", input, "--out", out, "--orders", "Orders", "--as-of", "2006-12-31", "--scheme", "cutoffs:60", "--json", "-"], io)).toBe(0);
    expect(fs.readFileSync(input)).toEqual(before);
    const rows = await sheetRows(out, "Customer indicators");
    // C1: last 12-29 (2 days), 2 orders, 400; C2 (c2 and C2 are one customer, first spelling kept):
    // last 12-30 (1 day), 2 orders, 200; C3: 82 days, 1 order, 20.
    expect(rows[0].slice(0, 6)).toEqual(["Customer ID", "Recency (days)", "Frequency (orders)", "Monetary", "Average order value", "Tenure (days)"]);
    expect(rows.slice(1).map((r) => r.slice(0, 4))).toEqual([
      ["C1", 2, 2, 400],
      ["c2", 1, 2, 200],
      ["C3", 82, 1, 20],
    ]);
    const name = rows[0].indexOf("Name");
    const owner = rows[0].indexOf("Owner");
    expect(rows.slice(1).map((r) => [r[name], r[owner]])).toEqual([
      ["Acme", "Li"],
      ["Beta", "Wu"],
      [null, null],
    ]);
    // Monetary minmax 20..400, recency minmax 1..82 (lower is better):
    // C1 = 0.5·100 + 0.5·(80/81·100) = 99.38, C2 = 0.5·(180/380·100) + 0.5·100 = 73.68, C3 = 0.
    const json = JSON.parse(io.out) as { customers: CustomerJson[] };
    expect(json.customers.map((c) => [c.id, c.tier])).toEqual([
      ["C1", "A"],
      ["c2", "A"],
      ["C3", "B"],
    ]);
    expect(json.customers[0].score).toBeCloseTo(50 + 50 * (80 / 81), 9);
    expect(rows[0]).toContain("Tier");
    // Graded again (the graded copy as input): the add-in's sheet is rebuilt, not refused.
    const again = capture();
    expect(await main(["grade", out, "--out", path.join(dir, "orders.again.xlsx"), "--orders", "Orders", "--as-of", "2006-12-31"], again)).toBe(0);
    const rows2 = await sheetRows(path.join(dir, "orders.again.xlsx"), "Customer indicators");
    expect(rows2[0].filter((h) => h === "Tier")).toHaveLength(1);
    expect(rows2.length).toBe(4);
  });

  test("zh-CN: an 订单 sheet becomes a 客户指标 sheet with Chinese headers, graded by rfm", async () => {
    const input = path.join(dir, "orders-zh.xlsx");
    fs.writeFileSync(
      input,
      await buildWorkbook([
        {
          name: "订单",
          rows: [
            ["客户编号", "订单日期", "金额"],
            ["甲", "2006/12/30", 100],
            ["乙", "2006年12月01日", 50],
            ["甲", 39000, 30],
          ],
        },
      ]),
    );
    const io = capture();
    const out = path.join(dir, "orders-zh.graded.xlsx");
    expect(await main(["grade", input, "--out", out, "--orders", "订单", "--as-of", "2006-12-31", "--scheme", "rfm", "--bins", "2", "--json", "-"], io)).toBe(0);
    const rows = await sheetRows(out, "客户指标");
    expect(rows[0].slice(0, 4)).toEqual(["客户编号", "最近购买间隔(天)", "购买频次(单)", "消费金额"]);
    expect(rows.slice(1).map((r) => r.slice(0, 4))).toEqual([
      ["甲", 1, 2, 130],
      ["乙", 30, 1, 50],
    ]);
    const json = JSON.parse(io.out) as { customers: CustomerJson[] };
    expect(json.customers.map((c) => [c.id, c.recency_days, c.frequency, c.monetary])).toEqual([
      ["甲", 1, 2, 130],
      ["乙", 30, 1, 50],
    ]);
  });

  test("an order dated after --as-of is a problem with its cell; nothing is written", async () => {
    const input = path.join(dir, "late.xlsx");
    fs.writeFileSync(input, await buildWorkbook(orderSheets([["Indicator", "Weight"], ["Monetary", 1]])));
    const io = capture();
    const out = path.join(dir, "late.graded.xlsx");
    expect(await main(["grade", input, "--out", out, "--orders", "Orders", "--as-of", "2006-12-29"], io)).toBe(1);
    expect(io.err).toMatch(/Orders!B6/);
    expect(fs.existsSync(out)).toBe(false);
  });

  test("a sheet of the analyst's named Customer indicators is never overwritten", async () => {
    const input = path.join(dir, "clash.xlsx");
    const sheets = [...orderSheets([["Indicator", "Weight"], ["Monetary", 1]]), { name: "Customer indicators", rows: [["mine"]] }];
    fs.writeFileSync(input, await buildWorkbook(sheets));
    const io = capture();
    expect(await main(["grade", input, "--out", path.join(dir, "clash.graded.xlsx"), "--orders", "Orders", "--as-of", "2006-12-31"], io)).toBe(1);
    expect(io.err).toContain("Customer indicators");
  });

  test("usage: --as-of needs --orders and a real date", async () => {
    const a = capture();
    expect(await main(["grade", "x.xlsx", "--as-of", "2006-12-31"], a)).toBe(2);
    expect(a.err).toContain("--orders");
    const b = capture();
    expect(await main(["grade", "x.xlsx", "--orders", "Orders", "--as-of", "2006-02-30"], b)).toBe(2);
    expect(b.err).toContain("yyyy-mm-dd");
  });
});

describe("tiers grade --scheme rfm", () => {
  /** R's rfm package's rfm_data_orders (test/reference/rfm) as an Orders sheet: IDs, ISO text dates, revenue. */
  function rfmOrdersSheet() {
    const lines = fs.readFileSync(path.join(__dirname, "..", "reference", "rfm", "rfm_data_orders.csv"), "utf8").trim().split(/\r?\n/);
    const rows: (string | number)[][] = [["Customer ID", "Order date", "Amount"]];
    for (const line of lines.slice(1)) {
      const [id, date, revenue] = line.split(",");
      rows.push([id, date, Number(revenue)]);
    }
    return { name: "Orders", rows };
  }

  test("reproduces the vignette's segment table on rfm_data_orders as of 2006-12-31, through the command line", async () => {
    const input = path.join(dir, "rfm.xlsx");
    fs.writeFileSync(input, await buildWorkbook([rfmOrdersSheet()]));
    const io = capture();
    const out = path.join(dir, "rfm.graded.xlsx");
    const code = await main(["grade", input, "--out", out, "--orders", "Orders", "--as-of", "2006-12-31", "--scheme", "rfm", "--json", "-"], io);
    if (code !== 0) console.log(io.err);
    expect(code).toBe(0);
    const json = JSON.parse(io.out) as { customers: CustomerJson[] };
    expect(json.customers).toHaveLength(995);
    const table: Record<string, [number, number, number]> = {};
    for (const c of json.customers) {
      expect(c.tier).toBe(c.segment);
      expect(c.score).toBe(c.rfm_score);
      expect(c.rfm_score).toBe(100 * (c.r as number) + 10 * (c.f as number) + (c.m as number));
      const row = (table[c.segment as string] ??= [0, 0, 0]);
      row[0]++;
      row[1] += c.frequency as number;
      row[2] += c.monetary as number;
    }
    // rfm_segment_summary() as the vignette "RFM - Introduction" prints it: customers, orders, revenue.
    expect(table).toEqual(PUBLISHED_SEGMENT_SUMMARY);
    // The vignette's first customers, as published: rfm_score, R, F, M.
    const segmentTable = (JSON.parse(io.out) as { segments: { segment: string; customers: number; orders: number; revenue: number }[] }).segments;
    expect(Object.fromEntries(segmentTable.map((r) => [r.segment, [r.customers, r.orders, r.revenue]]))).toEqual(table);
    const abbey = json.customers.find((c) => c.id === "Abbey O'Reilly") as CustomerJson;
    expect([abbey.rfm_score, abbey.r, abbey.f, abbey.m, abbey.segment]).toEqual([343, 3, 4, 3, "Potential Loyalist"]);
    expect(Object.keys(abbey)).toEqual(["id", "score", "rank", "tier", "recency_days", "frequency", "monetary", "r", "f", "m", "rfm_score", "segment"]);

    // The workbook: R, F, M, RFM score and Segment beside Score, Rank and Tier on the indicator sheet,
    // the default Segments sheet written for the analyst, the segment table on the summary.
    const rows = await sheetRows(out, "Customer indicators");
    for (const header of ["Score", "Rank", "Tier", "R", "F", "M", "RFM score", "Segment"]) expect(rows[0]).toContain(header);
    const segments = await sheetRows(out, "Segments");
    expect(segments[0]).toEqual(["Segment", "R low", "R high", "F low", "F high", "M low", "M high"]);
    expect(segments[1]).toEqual(["Champions", 5, 5, 5, 5, 5, 5]);
    const summary = (await sheetRows(out, "Tier summary")).map((r) => r.slice(0, 5));
    expect(summary).toContainEqual(["Potential Loyalist", 342, 2211, 204856, 204856 / 2211]);
    expect(summary).toContainEqual(["Segments table", "the package's default segments", null, null, null]);
    expect(summary).toContainEqual([null, "R", "Recency (days)", "lower is better", "5 quantile bins (R's rfm)"]);
  });

  test("with --bins 3 the Segments sheet it writes is on the 3-bin scale, and the next run reads it back without a problem", async () => {
    const input = path.join(dir, "rfm3.xlsx");
    fs.writeFileSync(input, await buildWorkbook([rfmOrdersSheet()]));
    const args = (from: string, out: string) => ["grade", from, "--out", out, "--orders", "Orders", "--as-of", "2006-12-31", "--scheme", "rfm", "--bins", "3", "--json", "-"];
    const first = capture();
    const once = path.join(dir, "rfm3.graded.xlsx");
    expect(await main(args(input, once), first)).toBe(0);
    const segments = await sheetRows(once, "Segments");
    // Every bound a whole number from 1 to 3 (before, the 5-bin table was written and the next run refused it).
    for (const row of segments.slice(1)) for (const bound of row.slice(1)) expect([1, 2, 3]).toContain(bound);
    expect(segments[1]).toEqual(["Champions", 3, 3, 3, 3, 3, 3]);
    const again = capture();
    const twice = path.join(dir, "rfm3.twice.xlsx");
    const code = await main(args(once, twice), again);
    if (code !== 0) console.log(again.err);
    expect(code).toBe(0);
    const tiers = (io: { out: string }) => (JSON.parse(io.out) as { customers: CustomerJson[] }).customers.map((c) => [c.id, c.segment]);
    expect(tiers(again)).toEqual(tiers(first));
    expect(new Set(tiers(first).map(([, segment]) => segment)).size).toBeGreaterThan(1);
  });

  test("an edited Segments sheet is read: first match wins, the rest are Others; --rfm-columns on a customer table", async () => {
    const input = path.join(dir, "rfm-columns.xlsx");
    fs.writeFileSync(
      input,
      await buildWorkbook([
        {
          name: "Customers",
          rows: [
            ["Customer ID", "Days since", "Orders", "Revenue"],
            ["K1", 10, 5, 500],
            ["K2", 200, 1, 20],
            ["K3", 40, 3, 90],
            ["K4", 90, 2, 60],
          ],
        },
        {
          name: "Segments",
          rows: [
            ["Segment", "R low", "R high", "F low", "F high", "M low", "M high"],
            ["Best", 3, 3, 3, 3, 3, 3],
            ["Gone", 1, 1, 1, 3, 1, 3],
          ],
        },
      ]),
    );
    const io = capture();
    const args = ["grade", input, "--out", path.join(dir, "rfm-columns.graded.xlsx"), "--scheme", "rfm", "--bins", "3", "--rfm-columns", "Days since,Orders,Revenue", "--json", "-"];
    const code = await main(args, io);
    if (code !== 0) console.log(io.err);
    expect(code).toBe(0);
    const json = JSON.parse(io.out) as { customers: CustomerJson[] };
    // 3 bins, type-7 quantiles at 1/3 and 2/3 of 4 sorted values are the 2nd and 3rd, plus 1:
    // recency 10, 40, 90, 200 -> cut at 41, 91: 10 and 40 bin 1, 90 bin 2, 200 bin 3, reversed R 3, 1, 3, 2;
    // frequency 1, 2, 3, 5 -> 3, 4: F 3, 1, 2, 1; monetary 20, 60, 90, 500 -> 61, 91: M 3, 1, 2, 1.
    expect(json.customers.map((c) => [c.id, c.r, c.f, c.m, c.rfm_score, c.segment])).toEqual([
      ["K1", 3, 3, 3, 333, "Best"],
      ["K2", 1, 1, 1, 111, "Gone"],
      ["K3", 3, 2, 2, 322, "Others"],
      ["K4", 2, 1, 1, 211, "Others"],
    ]);
  });

  test("zh-CN: the default segments are written and named in Chinese, Others is 其他", async () => {
    const input = path.join(dir, "rfm-zh.xlsx");
    fs.writeFileSync(
      input,
      await buildWorkbook([
        {
          name: "客户",
          rows: [
            ["客户编号", "最近购买间隔(天)", "购买频次(单)", "消费金额"],
            ["K1", 1, 9, 900],
            ["K2", 300, 1, 10],
            ["K3", 100, 3, 100],
            ["K4", 50, 5, 300],
            ["K5", 200, 2, 50],
          ],
        },
      ]),
    );
    const io = capture();
    const out = path.join(dir, "rfm-zh.graded.xlsx");
    expect(await main(["grade", input, "--out", out, "--scheme", "rfm", "--json", "-"], io)).toBe(0);
    const json = JSON.parse(io.out) as { customers: CustomerJson[] };
    // Frequency 1, 2, 3, 5, 9: type-7 quantiles at .2, .4, .6, .8 are 1.8, 2.6, 3.8, 5.8, plus 1 the
    // cuts 2.8, 3.6, 4.8, 6.8, so 1 and 2 score 1, 3 scores 2, 5 scores 4, 9 scores 5; recency and
    // monetary put each value in its own bin (R reversed): K3 is 323 -> 忠诚客户 (Loyal: R 2-4, F 2-4, M 2-4),
    // K5 212 -> 即将沉睡客户 (About To Sleep: R 2-3, F 1-3, M 1-4).
    expect(json.customers.map((c) => [c.id, c.rfm_score, c.segment])).toEqual([
      ["K1", 555, "重要价值客户"],
      ["K2", 111, "已流失客户"],
      ["K3", 323, "忠诚客户"],
      ["K4", 444, "潜在忠诚客户"],
      ["K5", 212, "即将沉睡客户"],
    ]);
    // The tiers are the segments in table order, then 其他 (Others), with or without customers.
    expect((JSON.parse(io.out) as { summary: { tier: string }[] }).summary.map((r) => r.tier).slice(-2)).toEqual(["已流失客户", "其他"]);
    const segments = await sheetRows(out, "细分");
    expect(segments[0]).toEqual(["细分", "R下限", "R上限", "F下限", "F上限", "M下限", "M上限"]);
    expect((await sheetRows(out, "客户"))[0]).toEqual(expect.arrayContaining(["得分", "等级", "RFM得分", "细分"]));
  });

  test("a sheet of the analyst's named Tier summary is never replaced by an rfm run", async () => {
    const input = path.join(dir, "rfm-summary-clash.xlsx");
    fs.writeFileSync(
      input,
      await buildWorkbook([
        { name: "Customers", rows: [["Customer ID", "Recency", "Frequency", "Monetary"], ["K1", 1, 1, 1], ["K2", 2, 2, 2]] },
        { name: "Tier summary", rows: [["my notes"]] },
      ]),
    );
    const io = capture();
    expect(await main(["grade", input, "--out", path.join(dir, "rfm-summary-clash.graded.xlsx"), "--scheme", "rfm"], io)).toBe(1);
    expect(io.err).toContain("Tier summary");
  });

  test("a Segments bound outside 1..bins is a problem with its cell", async () => {
    const input = path.join(dir, "rfm-bad.xlsx");
    fs.writeFileSync(
      input,
      await buildWorkbook([
        { name: "Customers", rows: [["Customer ID", "Recency", "Frequency", "Monetary"], ["K1", 1, 1, 1], ["K2", 2, 2, 2]] },
        { name: "Segments", rows: [["Segment", "R low", "R high", "F low", "F high", "M low", "M high"], ["Top", 5, 6, 1, 5, 1, 5]] },
      ]),
    );
    const io = capture();
    expect(await main(["grade", input, "--out", path.join(dir, "rfm-bad.graded.xlsx"), "--scheme", "rfm"], io)).toBe(1);
    expect(io.err).toContain("Segments!C2");
  });
});

describe("tiers grade --scheme kmeans", () => {
  const groups = [
    {
      name: "Customers",
      rows: [
        ["Customer ID", "Sales", "Complaints"],
        ["K1", 100, 5],
        ["K2", 910, 1],
        ["K3", 110, 6],
        ["K4", 900, 0],
        ["K5", 105, 5],
        ["K6", 905, 0],
      ],
    },
    { name: "Weights", rows: [["Indicator", "Weight", "Direction"], ["Sales", 0.6, "higher"], ["Complaints", 0.4, "lower"]] },
  ];

  test("kmeans:2 on two plain groups: Cluster 1 is the group with the better mean score; JSON carries cluster", async () => {
    const input = path.join(dir, "km.xlsx");
    fs.writeFileSync(input, await buildWorkbook(groups));
    const io = capture();
    const out = path.join(dir, "km.graded.xlsx");
    expect(await main(["grade", input, "--out", out, "--scheme", "kmeans:2", "--json", "-"], io)).toBe(0);
    const json = JSON.parse(io.out) as { customers: CustomerJson[]; summary: { tier: string; customers: number }[] };
    expect(json.customers.map((c) => [c.id, c.tier, c.cluster])).toEqual([
      ["K1", "Cluster 2", 2],
      ["K2", "Cluster 1", 1],
      ["K3", "Cluster 2", 2],
      ["K4", "Cluster 1", 1],
      ["K5", "Cluster 2", 2],
      ["K6", "Cluster 1", 1],
    ]);
    expect(json.summary.map((r) => [r.tier, r.customers])).toEqual([
      ["Cluster 1", 3],
      ["Cluster 2", 3],
    ]);
    expect(io.err).toMatch(/k-means: k = 2, mean silhouette 0\.9\d\d/);
    const clusters = (JSON.parse(io.out) as { clusters: { k: number; profiles: { label: string; size: number; means: number[] }[] } }).clusters;
    expect(clusters.k).toBe(2);
    expect(clusters.profiles.map((p) => [p.label, p.size, p.means])).toEqual([
      ["Cluster 1", 3, [905, 1 / 3]],
      ["Cluster 2", 3, [105, 16 / 3]],
    ]);
    const rows = await sheetRows(out, "Customers");
    expect(rows.slice(1).map((r) => r[rows[0].indexOf("Tier")])).toEqual(["Cluster 2", "Cluster 1", "Cluster 2", "Cluster 1", "Cluster 2", "Cluster 1"]);
    const summary = await sheetRows(out, "Tier summary");
    expect(summary.some((r) => r[0] === "Cluster profile")).toBe(true);
  });

  test("with --formulas the clusters are still written as values (no formula of the score decides them)", async () => {
    const input = path.join(dir, "km-formulas.xlsx");
    fs.writeFileSync(input, await buildWorkbook(groups));
    const out = path.join(dir, "km-formulas.graded.xlsx");
    expect(await main(["grade", input, "--out", out, "--scheme", "kmeans:2", "--formulas"], capture())).toBe(0);
    const rows = await sheetRows(out, "Customers");
    expect(rows.slice(1).map((r) => r[rows[0].indexOf("Tier")])).toEqual(["Cluster 2", "Cluster 1", "Cluster 2", "Cluster 1", "Cluster 2", "Cluster 1"]);
  });

  test("kmeans:auto chooses k = 2 for two plain groups and says so", async () => {
    const input = path.join(dir, "km-auto.xlsx");
    fs.writeFileSync(input, await buildWorkbook(groups));
    const io = capture();
    expect(await main(["grade", input, "--out", path.join(dir, "km-auto.graded.xlsx"), "--scheme", "kmeans:auto"], io)).toBe(0);
    expect(io.out).toMatch(/k-means: k = 2, mean silhouette 0\.9\d\d/);
  });
});
