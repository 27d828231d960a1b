// Orders -> per-customer indicators (issue 16 §1): an order list aggregated into the measures a
// weight table can name (recency, frequency, monetary, average order value, tenure, margin).
// Dates are Excel serial day numbers (1900 system: 45658 = 2025-01-01); the workbook reader turns
// every stored form of a date into one. Sums are exact (Shewchuk), so row order never changes them.

import { refuse } from "./errors";
import { ExactSum } from "./exactSum";

/** One order per entry of each column (same length). */
export interface OrderColumns {
  /** Customer ID per order; compared as given (the reader normalises case and width). */
  customer: ArrayLike<string>;
  /** Order date as an Excel serial day number; a time of day (fraction) is ignored. */
  date: ArrayLike<number>;
  /** Order amount. */
  amount: ArrayLike<number>;
  /** Optional margin (毛利) per order; NaN = blank, skipped like Excel's SUM skips blanks. */
  margin?: ArrayLike<number>;
}

/** Per customer, in order of first appearance in the order list. */
export interface CustomerIndicators {
  ids: string[];
  /** Serial day of the customer's last and first order (whole days). */
  lastOrder: Float64Array;
  firstOrder: Float64Array;
  /** Analysis date − last order date, in days (R's rfm `recency_days`). */
  recencyDays: Float64Array;
  /** Number of orders (R's rfm `transaction_count`). */
  frequency: Float64Array;
  /** Sum of amounts (R's rfm `amount`). */
  monetary: Float64Array;
  /** monetary / frequency. */
  averageOrderValue: Float64Array;
  /** Analysis date − first order date, in days. */
  tenureDays: Float64Array;
  /** Sum of non-blank margins; NaN when every margin of the customer is blank or there is no margin column. */
  margin: Float64Array;
  /** Number of orders read. */
  orders: number;
}

/**
 * Aggregates orders per customer as of `asOf` (a serial day number): recency = asOf − last order
 * date, tenure = asOf − first order date (both in whole days: fractions of a day, the time, are
 * dropped from every date), frequency = number of orders, monetary = exact sum of amounts, average
 * order value = monetary / frequency, margin = exact sum of the non-blank margins.
 *
 * Throws RangeError naming the order (1-based position in the list) for a blank customer ID, a
 * date or amount that is not a finite number, a date after `asOf` (recency would be negative), a
 * margin that is infinite; and on columns of different lengths or a non-finite `asOf`.
 *
 * @example customerIndicators({ customer: ["a", "b", "a"], date: [45650, 45655, 45640],
 *   amount: [100, 50, 30] }, 45658)
 * // ids ["a", "b"], recencyDays [8, 3], frequency [2, 1], monetary [130, 50],
 * // averageOrderValue [65, 50], tenureDays [18, 3], margin [NaN, NaN]
 */
export function customerIndicators(orders: OrderColumns, asOf: number): CustomerIndicators {
  const { customer, date, amount, margin } = orders;
  const m = customer.length;
  if (date.length !== m || amount.length !== m || (margin && margin.length !== m)) {
    throw new RangeError(`the order columns differ in length (${m} customer IDs, ${date.length} dates, ${amount.length} amounts)`);
  }
  if (!Number.isFinite(asOf)) refuse("as-of-not-date");
  const asOfDay = Math.floor(asOf);

  // Customer index per order, ids by first appearance.
  const indexOf = new Map<string, number>();
  const ids: string[] = [];
  const who = new Int32Array(m);
  for (let o = 0; o < m; o++) {
    const id = customer[o];
    if (typeof id !== "string" || id.trim() === "") refuse("order-no-id", { order: o + 1 });
    const d = date[o];
    if (typeof d !== "number" || !Number.isFinite(d)) refuse("order-no-date", { order: o + 1 });
    if (Math.floor(d) > asOfDay) refuse("order-after-as-of", { order: o + 1 });
    const a = amount[o];
    if (typeof a !== "number" || !Number.isFinite(a)) refuse("order-no-amount", { order: o + 1 });
    if (margin && (margin[o] === Infinity || margin[o] === -Infinity)) refuse("order-margin-infinite", { order: o + 1 });
    let k = indexOf.get(id);
    if (k === undefined) {
      k = ids.length;
      indexOf.set(id, k);
      ids.push(id);
    }
    who[o] = k;
  }

  const n = ids.length;
  const lastOrder = new Float64Array(n).fill(-Infinity);
  const firstOrder = new Float64Array(n).fill(Infinity);
  const frequency = new Float64Array(n);
  // Orders grouped by customer (a counting sort), so each customer's sums take one ExactSum in turn.
  const start = new Int32Array(n + 1);
  for (let o = 0; o < m; o++) {
    const k = who[o];
    frequency[k]++;
    start[k + 1]++;
    const d = Math.floor(date[o]);
    if (d > lastOrder[k]) lastOrder[k] = d;
    if (d < firstOrder[k]) firstOrder[k] = d;
  }
  for (let k = 0; k < n; k++) start[k + 1] += start[k];
  const fill = start.slice(0, n);
  const grouped = new Int32Array(m);
  for (let o = 0; o < m; o++) grouped[fill[who[o]]++] = o;

  const monetary = new Float64Array(n);
  const marginSum = new Float64Array(n).fill(NaN);
  const averageOrderValue = new Float64Array(n);
  const recencyDays = new Float64Array(n);
  const tenureDays = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    const sum = new ExactSum();
    const marginTotal = new ExactSum();
    let margins = 0;
    for (let g = start[k]; g < start[k + 1]; g++) {
      const o = grouped[g];
      sum.add(amount[o]);
      if (margin && margin[o] === margin[o]) {
        marginTotal.add(margin[o]);
        margins++;
      }
    }
    monetary[k] = sum.value();
    if (margins > 0) marginSum[k] = marginTotal.value();
    averageOrderValue[k] = monetary[k] / frequency[k];
    recencyDays[k] = asOfDay - lastOrder[k];
    tenureDays[k] = asOfDay - firstOrder[k];
  }
  return {
    ids,
    lastOrder,
    firstOrder,
    recencyDays,
    frequency,
    monetary,
    averageOrderValue,
    tenureDays,
    margin: marginSum,
    orders: m,
  };
}

/**
 * The Excel serial day number (1900 date system) of a calendar date, for years 1900..9999.
 * Serial 1 is 1900-01-01 and Excel counts the non-existent 1900-02-29 as serial 60 (a Lotus 1-2-3
 * compatibility rule), so from 1900-03-01 on, serial = days since 1899-12-30.
 *
 * Throws RangeError on a date that does not exist (2025-02-30) or lies outside 1900-01-01..9999-12-31.
 *
 * @example serialOfDate(2006, 12, 31) // 39082
 * @example serialOfDate(1900, 3, 1) // 61
 */
export function serialOfDate(year: number, month: number, day: number): number {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) {
    refuse("date-invalid", { year, month, day });
  }
  const utc = Date.UTC(year, month - 1, day);
  const check = new Date(utc);
  if (year < 1900 || year > 9999 || check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) {
    refuse("date-out-of-range", { year, month, day });
  }
  const days = Math.round((utc - Date.UTC(1899, 11, 30)) / 86400000);
  // Before 1900-03-01 Excel's serials are one less (no phantom 29 February yet).
  return days < 61 ? days - 1 : days;
}
