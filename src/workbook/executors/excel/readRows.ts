// Reading a rectangle in row chunks small enough for Excel on the web's 5 MB response limit. The size
// of a reply is unknown before it arrives (a cell may hold 32,767 characters), so the first chunk is
// sized by a conservative estimate per cell and every later one by the largest row seen so far.

import type { Batch } from "./batch";
import { rowsPerRead } from "./payload";

/** A first guess of a cell's reply for values and valueTypes together: a 17-digit number and "Double". */
const FIRST_GUESS_BYTES_PER_CELL = 64;


/**
 * Loads `properties` of rows [0, rowCount) of a rectangle, chunk by chunk, one sync per chunk, and
 * hands each chunk's loaded range to `take`. Returns the number of chunks. Throws what Excel throws.
 *
 * @example
 * // 1,048,576 rows x 8 numeric columns: about 12,000 rows per chunk, 88 syncs.
 */
export async function readRows(
  batch: Batch,
  rowCount: number,
  columns: number,
  properties: string,
  rangeAt: (offset: number, rows: number) => Excel.Range,
  take: (offset: number, range: Excel.Range) => void,
): Promise<number> {
  let rows = rowsPerRead(columns, FIRST_GUESS_BYTES_PER_CELL, batch.budget);
  let chunks = 0;
  let largestRow = 0;
  for (let offset = 0; offset < rowCount; ) {
    const count = Math.min(rows, rowCount - offset);
    const range = rangeAt(offset, count).load(properties);
    await batch.sync();
    take(offset, range);
    chunks++;
    largestRow = Math.max(largestRow, largestRowBytes(range, properties));
    // Half again the largest row seen: a later row may be longer than any so far.
    if (largestRow > 0) rows = Math.max(1, Math.floor(batch.budget / (largestRow * 1.5)));
    offset += count;
  }
  return chunks;
}

function largestRowBytes(range: Excel.Range, properties: string): number {
  const loaded = properties.split(",").map((p) => (range as unknown as Record<string, unknown[][]>)[p.trim()]);
  let largest = 0;
  const rows = loaded[0]?.length ?? 0;
  for (let r = 0; r < rows; r++) {
    let bytes = 0;
    for (const grid of loaded) bytes += JSON.stringify(grid[r]).length;
    if (bytes > largest) largest = bytes;
  }
  return largest;
}
