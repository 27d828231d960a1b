// How large a table each TIERS.* function can take in one call. Excel marshals a call's arguments
// as JSON and caps a custom function's payload at 5 MB (office-js #4654: "Excel limits
// custom-function payloads to 5 MB ... by design"; Excel on the web also caps API requests at 5 MB,
// learn.microsoft.com/office/dev/add-ins/excel/performance). This test measures, for customers like
// the bundled sample's (its indicator values, its scores, its sales, repeated), the JSON size of
// each function's arguments and the largest number of customers that stays under 5,000,000 bytes
// (the smaller reading of "5 MB"), and checks docs/FUNCTIONS.md states those numbers.
import "./customFunctionsGlobal";
import { readFileSync } from "fs";
import { join } from "path";
import { openXlsx } from "../../src/workbook/executors/xlsx";
import { defaultSettings, gradeWorkbook } from "../../src/workbook/run";
import type { CellValue } from "../../src/workbook/types";
import { MemoryWorkbook } from "../support/memoryWorkbook";

const LIMIT = 5_000_000;
const EXCEL_ROWS = 1_048_576;

interface Sample {
  data: number[][];
  scores: number[];
  sales: number[];
  k: number;
}

let sample: Sample;

beforeAll(async () => {
  const xlsx = await openXlsx(readFileSync(join(__dirname, "../../assets/sample-customers.en-US.xlsx")));
  const sheets: Record<string, CellValue[][]> = {};
  for (const sheet of (await xlsx.index()).sheets) {
    if (!sheet.used) continue;
    sheets[sheet.name] = await xlsx.read(sheet.name, { top: 0, left: 0, rows: sheet.used.top + sheet.used.rows, columns: sheet.used.left + sheet.used.columns });
  }
  const outcome = await gradeWorkbook(new MemoryWorkbook(sheets), defaultSettings("en-US", new Date(2026, 10, 22)));
  if (!outcome.ok) throw new Error("the sample has problems");
  const { customers, result } = outcome;
  const n = customers.ids.length;
  const data = Array.from({ length: n }, (_, i) => customers.indicatorValues.map((column) => column[i]));
  const salesAt = outcome.inspection.indicators.findIndex((indicator) => /sales/i.test(indicator.name));
  expect(salesAt).toBeGreaterThanOrEqual(0);
  sample = { data, scores: Array.from(result.score), sales: data.map((row) => row[salesAt]), k: customers.indicatorValues.length };
});

/** n rows taken from `rows` in turn, as a table of that many customers would look. */
function repeat<T>(rows: T[], n: number): T[] {
  return Array.from({ length: n }, (_, i) => rows[i % rows.length]);
}

const bytes = (args: unknown[]) => Buffer.byteLength(JSON.stringify(args), "utf8");

/**
 * Each function: the rows its big range repeats (one per customer) and its arguments around a
 * table of those rows, as an analyst writes the formula.
 */
interface Call {
  rows: () => unknown[];
  args: (table: unknown[]) => unknown[];
}
const CALLS: Record<string, Call> = {
  CUSTOMERSCORE: {
    rows: () => sample.data,
    args: (data) => [[sample.data[0]], [new Array(sample.k).fill(0.125)], data, [new Array(sample.k).fill("higher")], "minmax"],
  },
  CUSTOMERRANK: { rows: () => sample.scores.map((s) => [s]), args: (scores) => [sample.scores[0], scores] },
  CUSTOMERTIER: { rows: () => sample.scores.map((s) => [s]), args: (scores) => [sample.scores[0], scores, [[0.2, 0.3, 0.5]], [["A", "B", "C"]]] },
  PARETOCLASS: { rows: () => sample.sales.map((v) => [v]), args: (values) => [sample.sales[0], values, [[0.8, 0.95]], [["A", "B", "C"]]] },
  GRADE: {
    rows: () => sample.data,
    args: (data) => [data, [new Array(sample.k).fill(0.125)], [new Array(sample.k).fill("higher")], [[0.2, 0.3, 0.5]], [["A", "B", "C"]], "minmax"],
  },
  ENTROPYWEIGHTS: { rows: () => sample.data, args: (data) => [data, [new Array(sample.k).fill("higher")], "minmax"] },
};

/** The arguments' JSON for a table of n customers (rows taken in turn), actually serialised. */
function jsonBytes(call: Call, n: number): number {
  return bytes(call.args(repeat(call.rows(), n)));
}

/**
 * The largest n whose arguments' JSON stays within LIMIT. Each customer adds its row's JSON and a
 * comma, so the size for n is the size for 1 plus those; the answer is then checked by serialising
 * the arguments for n and n + 1 for real.
 */
function largestTable(call: Call): number {
  const rows = call.rows();
  const rowBytes = rows.map((row) => Buffer.byteLength(JSON.stringify(row), "utf8") + 1);
  let size = jsonBytes(call, 1);
  let n = 1;
  while (size + rowBytes[n % rows.length] <= LIMIT) {
    size += rowBytes[n % rows.length];
    n++;
  }
  return n;
}

/** What docs/FUNCTIONS.md says, rounded down to the thousand: the table is a guide, not a promise. */
function inThousands(n: number): string {
  return (Math.floor(n / 1000) * 1000).toLocaleString("en-US");
}

test("the largest table per function within 5 MB of arguments, as docs/FUNCTIONS.md states it", () => {
  const doc = readFileSync(join(__dirname, "../../docs/FUNCTIONS.md"), "utf8");
  const measured: Record<string, number> = {};
  for (const [id, call] of Object.entries(CALLS)) {
    const n = largestTable(call);
    expect(jsonBytes(call, n)).toBeLessThanOrEqual(LIMIT);
    expect(jsonBytes(call, n + 1)).toBeGreaterThan(LIMIT);
    measured[id] = n;
  }
  console.log(`largest tables within ${LIMIT} bytes (k = ${sample.k} indicators):`, measured);
  const section = doc.slice(doc.indexOf("**How big a table per call.**"));
  for (const [id, n] of Object.entries(measured)) {
    const line = section.split("\n").find((l) => l.startsWith(`| \`${id}\``));
    expect(line).toBeDefined();
    expect(line).toContain(inThousands(n));
  }
  // The one-column lists (scores, sales) hold far more customers than the k-column data table.
  expect(measured.CUSTOMERRANK).toBeGreaterThan(measured.CUSTOMERSCORE);
  expect(measured.PARETOCLASS).toBeGreaterThan(measured.CUSTOMERSCORE);
});

test("a whole column (E:E) is 1,048,576 cells: its blanks alone are 7.3 MB of JSON as null, 4.2 MB as 0", () => {
  const asNull = bytes([new Array(EXCEL_ROWS).fill([null])]) - 2;
  const asZero = bytes([new Array(EXCEL_ROWS).fill([0])]) - 2;
  expect(asNull).toBe(7 * EXCEL_ROWS + 1);
  expect(asZero).toBe(4 * EXCEL_ROWS + 1);
  expect(asNull).toBeGreaterThan(LIMIT);
  const doc = readFileSync(join(__dirname, "../../docs/FUNCTIONS.md"), "utf8");
  expect(doc).toContain("7.3 MB");
  expect(doc).toContain("4.2 MB");
});
