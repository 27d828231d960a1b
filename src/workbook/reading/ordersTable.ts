// The Orders / 订单 table (issue 16 §1): one order (or order line) per row, read into per-customer
// indicators by the engine's customerIndicators. Dates come in every form Excel stores them: serial
// numbers (a date cell), ISO text (what an .xlsx `t="d"` cell holds when the reader hands it on as
// text), and text dates typed in ISO or in the workbook's locale. A cell the reader cannot
// understand is a problem with its address, never a guess.

import { customerIndicators, serialOfDate } from "../../engine/orders";
import type { CustomerIndicators } from "../../engine/orders";
import { boxAddress, cellAddress } from "./address";
import { cellText, isBlank, isErrorValue, readNumber } from "./cells";
import { CELL_PROBLEMS_PER_COLUMN } from "./customerTable";
import { findRole, headerKey } from "./headers";
import { engineReason, problem } from "./problems";
import type { ProblemCode, ProblemParams } from "./problems";
import type { Block, CellOut, CellValue, Lang, Problem } from "../types";

/** The order of day, month and year in a text date such as 03/04/2006. */
export type DateOrder = "MDY" | "DMY" | "YMD";

/**
 * The text-date order of a workbook language: en-US writes 12/31/2006, zh-CN 2006/12/31.
 *
 * @example dateOrderOf("en-US") // "MDY"
 */
export function dateOrderOf(lang: Lang): DateOrder {
  return lang === "zh-CN" ? "YMD" : "MDY";
}

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
/** An optional time after a date: " 10:30", "T10:30:00.000", with an optional zone; the time is dropped. */
const TIME = String.raw`(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?(?:\s*[AaPp][Mm])?)?(?:Z|[+-]\d{2}:?\d{2})?`;
const ISO = new RegExp(String.raw`^(\d{4})-(\d{1,2})-(\d{1,2})${TIME}$`);
const YMD_TEXT = new RegExp(String.raw`^(\d{4})[/.](\d{1,2})[/.](\d{1,2})${TIME}$`);
const YMD_CHINESE = /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日$/;
const YEAR_LAST = new RegExp(String.raw`^(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})${TIME}$`);
const DAY_MONTH_NAME = /^(\d{1,2})[\s-]([A-Za-z]{3,9})\.?[\s-](\d{4}|\d{2})$/;
const MONTH_NAME_DAY = /^([A-Za-z]{3,9})\.?\s+(\d{1,2}),?\s+(\d{4})$/;

/** The last serial Excel's 1900 date system holds (9999-12-31). */
const LAST_SERIAL = 2958465;

/**
 * A two-digit year as Windows (and so Excel) reads it by default: 00-29 are 2000-2029, 30-99 are
 * 1930-1999 (the "interpret a two-digit year as between 1930 and 2029" setting; Microsoft, "Century
 * interpretation for Year 2000", learn.microsoft.com/en-us/previous-versions/ms811944).
 */
function fullYear(text: string): number {
  const y = Number(text);
  if (text.length === 4) return y;
  return y <= 29 ? 2000 + y : 1900 + y;
}

function monthOf(name: string): number {
  const key = name.toLowerCase();
  if (key.length > 3 && !["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december", "sept"].includes(key)) return 0;
  return MONTHS.indexOf(key.slice(0, 3)) + 1;
}

function serialOrUndefined(year: number, month: number, day: number): number | undefined {
  try {
    return serialOfDate(year, month, day);
  } catch {
    return undefined;
  }
}

/**
 * A cell as an order date, an Excel serial day number (1900 system, time of day dropped): a number
 * is a serial (1..2958465, as a date cell holds it); text is read as ISO (2006-12-31, with an
 * optional time and zone, the written date kept), yyyy/mm/dd, yyyy.mm.dd, 2006年12月31日, a
 * month name (31-Dec-2006, 31 Dec 2006, Dec 31, 2006), or day/month/year numbers in the workbook's
 * `order` (MDY: 12/31/2006, DMY: 31/12/2006; separators / - .; two-digit years 00-29 = 20xx, 30-99 =
 * 19xx). Under YMD (zh-CN) a year-last numeric date is not read: its order is unknown. Returns null
 * for a blank cell and undefined for anything else (words, booleans, errors, impossible dates).
 * Never throws.
 *
 * @example readOrderDate(39082, "MDY") // 39082
 * @example readOrderDate("2006-12-31T00:00:00", "YMD") // 39082
 * @example readOrderDate("12/31/2006", "MDY") // 39082
 * @example readOrderDate("31/12/2006", "MDY") // undefined: there is no month 31
 * @example readOrderDate("2006年12月31日", "MDY") // 39082
 */
export function readOrderDate(v: CellValue | undefined, order: DateOrder): number | null | undefined {
  if (isBlank(v ?? null)) return null;
  if (typeof v === "number") return Number.isFinite(v) && v >= 1 && v < LAST_SERIAL + 1 ? Math.floor(v) : undefined;
  if (typeof v !== "string") return undefined;
  const text = v.normalize("NFKC").trim();
  let m = ISO.exec(text) ?? YMD_TEXT.exec(text) ?? YMD_CHINESE.exec(text);
  if (m) return serialOrUndefined(Number(m[1]), Number(m[2]), Number(m[3]));
  m = YEAR_LAST.exec(text);
  if (m) {
    if (order === "YMD") return undefined;
    const [a, b] = [Number(m[1]), Number(m[3])];
    const year = fullYear(m[4]);
    return order === "MDY" ? serialOrUndefined(year, a, b) : serialOrUndefined(year, b, a);
  }
  m = DAY_MONTH_NAME.exec(text);
  if (m) {
    const month = monthOf(m[2]);
    return month > 0 ? serialOrUndefined(fullYear(m[3]), month, Number(m[1])) : undefined;
  }
  m = MONTH_NAME_DAY.exec(text);
  if (m) {
    const month = monthOf(m[1]);
    return month > 0 ? serialOrUndefined(Number(m[3]), month, Number(m[2])) : undefined;
  }
  return undefined;
}

/**
 * A serial day as yyyy-mm-dd (1900 system; Excel's phantom 1900-02-29 is serial 60).
 *
 * @example serialText(39082) // "2006-12-31"
 */
export function serialText(serial: number): string {
  const day = Math.floor(serial);
  if (day === 60) return "1900-02-29";
  const days = day < 60 ? day + 1 : day;
  return new Date(Date.UTC(1899, 11, 30) + days * 86400000).toISOString().slice(0, 10);
}

/** Accepted headers of the Orders table's columns, English first, then Chinese. */
export const ORDER_HEADERS = {
  date: ["Order date", "Date", "Order Date", "订单日期", "下单日期", "日期"],
  amount: ["Amount", "Order amount", "Revenue", "Sales", "金额", "订单金额", "销售额"],
  margin: ["Margin", "Gross margin", "Gross profit", "毛利", "毛利润"],
  orderId: ["Order ID", "Order number", "订单编号", "订单号"],
} as const;

function findHeader(headers: string[], aliases: readonly string[]): number {
  const keys = new Set(aliases.map(headerKey));
  return headers.findIndex((h) => keys.has(headerKey(h)));
}

export interface OrdersTableOptions {
  /** The analysis date, an Excel serial day number (default: today, chosen by the caller). */
  asOf: number;
  /** How text dates such as 03/04/2006 are read (dateOrderOf(lang)). */
  dateOrder: DateOrder;
}

/** The orders as read (after order lines sharing an Order ID were merged), and where each came from. */
export interface OrdersRead {
  customer: string[];
  date: Float64Array;
  amount: Float64Array;
  margin?: Float64Array;
  /** Sheet row (0-based, absolute) of each order's first line. */
  rows: number[];
  /** Lines read (rows with data); more than orders when lines share an Order ID. */
  lines: number;
}

const NON_ASCII = /[\u0080-\uffff]/;

/**
 * Reads an Orders table and aggregates it per customer. The header row is the block's first
 * non-blank row; it needs a Customer ID column (the customer table's accepted headers, 客户编号 ...),
 * an Order date and an Amount column (ORDER_HEADERS); Margin and Order ID are optional. Fully blank
 * rows are skipped. Customer IDs are matched case- and width-insensitively (as the customer table
 * matches them), the first spelling kept. Order lines of one customer that share an Order ID are one
 * order: amounts and margins added, the latest line's date kept; without an Order ID every row is an
 * order (as R's rfm counts rows). Every bad cell is a problem with its address (at most
 * CELL_PROBLEMS_PER_COLUMN per column and kind, then a count): a blank ID, a blank or unreadable date
 * (readOrderDate), a date after the analysis date, a blank amount, an amount or margin that is not a
 * number; a blank margin is blank. Never throws: `indicators` is returned only when there is no error.
 *
 * @example
 * // Orders!A1:C3 = [["客户编号","订单日期","金额"], ["C01","2006-12-01",120], ["C01",39080,"1,000"]]
 * parseOrdersTable(block, { asOf: 39082, dateOrder: "YMD" }).indicators
 * // ids ["C01"], recencyDays [2], frequency [2], monetary [1120], tenureDays [30]
 */
export function parseOrdersTable(
  block: Block,
  options: OrdersTableOptions,
): { orders?: OrdersRead; indicators?: CustomerIndicators; problems: Problem[] } {
  const { sheet, box, values } = block;
  const problems: Problem[] = [];
  const width = box.columns;
  const blankRow = (row: CellValue[] | undefined) => !row || row.every((v) => isBlank(v ?? null));
  let headerIndex = 0;
  while (headerIndex < values.length && blankRow(values[headerIndex])) headerIndex++;
  if (headerIndex >= values.length || width === 0) {
    return { problems: [problem("table-empty", sheet, box.rows > 0 && box.columns > 0 ? boxAddress(box) : "", { role: "orders" })] };
  }
  const headers = Array.from({ length: width }, (_, c) => cellText(values[headerIndex][c] ?? null));
  const headerRange = boxAddress({ top: box.top + headerIndex, left: box.left, rows: 1, columns: width });
  const shown = headers.filter((h) => h !== "").join(", ");
  const idColumn = findRole(headers, "id");
  const dateColumn = findHeader(headers, ORDER_HEADERS.date);
  const amountColumn = findHeader(headers, ORDER_HEADERS.amount);
  const marginColumn = findHeader(headers, ORDER_HEADERS.margin);
  const orderIdColumn = findHeader(headers, ORDER_HEADERS.orderId);
  if (idColumn < 0) problems.push(problem("orders-header-missing", sheet, headerRange, { column: "Customer ID", columnZh: "客户编号", headers: shown }));
  if (dateColumn < 0) problems.push(problem("orders-header-missing", sheet, headerRange, { column: "Order date", columnZh: "订单日期", headers: shown }));
  if (amountColumn < 0) problems.push(problem("orders-header-missing", sheet, headerRange, { column: "Amount", columnZh: "金额", headers: shown }));
  if (problems.length > 0) return { problems };

  const counts = new Map<string, number>();
  const report = (code: ProblemCode, column: number, row: number, params: ProblemParams) => {
    const key = `${code}|${column}`;
    const count = (counts.get(key) ?? 0) + 1;
    counts.set(key, count);
    if (count <= CELL_PROBLEMS_PER_COLUMN) problems.push(problem(code, sheet, cellAddress(box.top + row, box.left + column), params));
  };

  const display = new Map<string, string>();
  const orderOf = new Map<string, number>();
  const customer: string[] = [];
  const date: number[] = [];
  const amount: number[] = [];
  const margin: number[] = [];
  const rows: number[] = [];
  let lines = 0;
  const asOfText = serialText(options.asOf);
  const example = options.dateOrder === "MDY" ? "12/31/2006" : options.dateOrder === "DMY" ? "31/12/2006" : "2006/12/31";

  for (let r = headerIndex + 1; r < values.length; r++) {
    const row = values[r];
    if (blankRow(row)) continue;
    lines++;
    const id = cellText(row[idColumn] ?? null);
    if (id === "") report("blank-id", idColumn, r, {});
    const d = readOrderDate(row[dateColumn], options.dateOrder);
    if (d === null) report("order-value-missing", dateColumn, r, { column: headers[dateColumn] });
    else if (d === undefined) report("order-date-unreadable", dateColumn, r, { value: cellText(row[dateColumn] ?? null), example });
    else if (d > Math.floor(options.asOf)) report("order-after-as-of", dateColumn, r, { value: serialText(d), asOf: asOfText });
    const a = readNumber(row[amountColumn]);
    const amountCell = row[amountColumn];
    if (a === null) report("order-value-missing", amountColumn, r, { column: headers[amountColumn] });
    else if (a === undefined) {
      report(
        "order-not-a-number",
        amountColumn,
        r,
        isErrorValue(amountCell) ? { error: amountCell.error, column: headers[amountColumn] } : { value: cellText(amountCell ?? null), column: headers[amountColumn] },
      );
    }
    let g = NaN;
    if (marginColumn >= 0) {
      const cell = row[marginColumn];
      const x = readNumber(cell);
      if (x === undefined) {
        report(
          "order-not-a-number",
          marginColumn,
          r,
          isErrorValue(cell) ? { error: cell.error, column: headers[marginColumn] } : { value: cellText(cell ?? null), column: headers[marginColumn] },
        );
      } else if (x !== null) g = x;
    }
    if (id === "" || typeof d !== "number" || typeof a !== "number") continue;
    const key = (NON_ASCII.test(id) ? id.normalize("NFKC") : id).toLowerCase();
    if (!display.has(key)) display.set(key, id);
    const orderId = orderIdColumn >= 0 ? cellText(row[orderIdColumn] ?? null) : "";
    const orderKey = orderId === "" ? undefined : `${key}\u0000${orderId}`;
    const existing = orderKey === undefined ? undefined : orderOf.get(orderKey);
    if (existing !== undefined) {
      amount[existing] += a;
      if (g === g) margin[existing] = margin[existing] === margin[existing] ? margin[existing] + g : g;
      if (d > date[existing]) date[existing] = d;
      continue;
    }
    if (orderKey !== undefined) orderOf.set(orderKey, customer.length);
    customer.push(display.get(key) as string);
    date.push(d);
    amount.push(a);
    margin.push(g);
    rows.push(box.top + r);
  }
  for (const [key, count] of counts) {
    if (count <= CELL_PROBLEMS_PER_COLUMN) continue;
    const column = Number(key.split("|")[1]);
    const range = boxAddress({ top: box.top + headerIndex + 1, left: box.left + column, rows: values.length - headerIndex - 1, columns: 1 });
    problems.push(problem("more-problems", sheet, range, { count: count - CELL_PROBLEMS_PER_COLUMN }));
  }
  if (lines === 0) problems.push(problem("table-empty", sheet, boxAddress(box), { role: "orders" }));
  const orders: OrdersRead = {
    customer,
    date: Float64Array.from(date),
    amount: Float64Array.from(amount),
    margin: marginColumn >= 0 ? Float64Array.from(margin) : undefined,
    rows,
    lines,
  };
  if (problems.some((p) => p.severity === "error")) return { orders, problems };
  try {
    return { orders, indicators: customerIndicators(orders, options.asOf), problems };
  } catch (e) {
    problems.push(problem("cannot-grade", sheet, boxAddress(box), { reason: engineReason(e) }));
    return { orders, problems };
  }
}

/** Headers of the Customer indicators / 客户指标 sheet, in the order indicatorSheetRows writes them. */
export const INDICATOR_HEADERS: Record<Lang, string[]> = {
  "en-US": ["Customer ID", "Recency (days)", "Frequency (orders)", "Monetary", "Average order value", "Tenure (days)", "Margin", "Last order", "First order"],
  "zh-CN": ["客户编号", "最近购买间隔(天)", "购买频次(单)", "消费金额", "平均订单金额", "客户年限(天)", "毛利", "最近订单日期", "首次订单日期"],
};

/**
 * The rows of the Customer indicators / 客户指标 sheet: the header row (INDICATOR_HEADERS), then one
 * customer per row; a blank margin is a blank cell, dates are yyyy-mm-dd text, the margin column is
 * left out when the orders had none.
 *
 * @example indicatorSheetRows(customerIndicators({ customer: ["a"], date: [39080], amount: [5] }, 39082), "en-US")[1]
 * // ["a", 2, 1, 5, 5, 2, "2006-12-29", "2006-12-29"]
 */
export function indicatorSheetRows(ind: CustomerIndicators, lang: Lang): CellOut[][] {
  const withMargin = Array.from(ind.margin).some((x) => x === x);
  const header = INDICATOR_HEADERS[lang].filter((_, c) => withMargin || c !== 6);
  const rows: CellOut[][] = [header];
  ind.ids.forEach((id, i) => {
    const row: CellOut[] = [id, ind.recencyDays[i], ind.frequency[i], ind.monetary[i], ind.averageOrderValue[i], ind.tenureDays[i]];
    if (withMargin) row.push(ind.margin[i] === ind.margin[i] ? ind.margin[i] : null);
    row.push(serialText(ind.lastOrder[i]), serialText(ind.firstOrder[i]));
    rows.push(row);
  });
  return rows;
}
