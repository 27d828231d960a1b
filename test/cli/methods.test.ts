// The methods of issue 16 through the command line: --explain (Why column and JSON contributions).

import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import type { CliIo } from "../../src/cli/main";
import { main } from "../../src/cli/main";
import { openXlsx } from "../../src/workbook/xlsx";
import { buildWorkbook, smallCustomerSheets } from "../xlsx/buildWorkbook";

function capture(): CliIo & { out: string; err: string } {
  const io = {
    out: "",
    err: "",
    stdout: (text: string) => {
      io.out += text;
    },
    stderr: (text: string) => {
      io.err += text;
    },
    env: {},
    stderrIsTTY: false,
    now: () => new Date(Date.UTC(2026, 10, 22, 9, 30)),
  };
  return io;
}

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
