// How big an Office.js request or response is. Excel on the web refuses any request or response over
// 5 MB, so every bulk read and write is cut into chunks sized by these estimates.

import type { CellOut } from "../../types";

/** Excel on the web's payload limit per request and per response. */
export const PAYLOAD_LIMIT = 5 * 1024 * 1024;

/**
 * What one batch may carry: 4 MB, leaving a fifth of the limit for the envelope Office.js wraps around
 * values (object paths, action ids), which we cannot measure from here.
 */
export const PAYLOAD_BUDGET = 4 * 1024 * 1024;

/**
 * Bytes a value takes in a request's JSON: its JSON text plus the separating comma.
 *
 * @example
 * cellBytes(12.5)     // 5  ("12.5" and a comma)
 * cellBytes("A")      // 4  ('"A"' and a comma)
 */
export function cellBytes(value: CellOut | undefined): number {
  if (value === null || value === undefined) return 3; // written as "" (two quotes) plus a comma
  if (typeof value === "number") return (Number.isFinite(value) ? String(value).length : 4) + 1;
  if (typeof value === "boolean") return value ? 5 : 6;
  if (typeof value === "string") return JSON.stringify(value).length + 1;
  return JSON.stringify(value.formula).length + 1;
}

/**
 * Consecutive row ranges [start, end) whose summed byte estimates stay within `budget` each; a
 * single row larger than the budget gets a chunk of its own (Excel then refuses it, which is right:
 * no chunking can send it). Throws a RangeError when the budget is not positive.
 *
 * @example
 * chunkRows([4, 4, 4, 4, 4], 10) // [[0, 2], [2, 4], [4, 5]]
 * chunkRows([], 10)              // []
 */
export function chunkRows(rowBytes: ArrayLike<number>, budget: number): [number, number][] {
  if (!(budget > 0)) throw new RangeError("chunkRows: the budget must be positive");
  const chunks: [number, number][] = [];
  let start = 0;
  let size = 0;
  for (let i = 0; i < rowBytes.length; i++) {
    if (i > start && size + rowBytes[i] > budget) {
      chunks.push([start, i]);
      start = i;
      size = 0;
    }
    size += rowBytes[i];
  }
  if (rowBytes.length > start) chunks.push([start, rowBytes.length]);
  return chunks;
}

/**
 * How many rows of `columns` cells a read may ask for when each cell's reply is estimated at
 * `bytesPerCell` bytes (values and valueTypes together); at least one row.
 *
 * @example
 * rowsPerRead(8, 64, 4 * 1024 * 1024) // 8192
 */
export function rowsPerRead(columns: number, bytesPerCell: number, budget: number): number {
  return Math.max(1, Math.floor(budget / (Math.max(1, columns) * bytesPerCell)));
}
