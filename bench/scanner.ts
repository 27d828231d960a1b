// The sheet reader against the regular-expression scanner it replaced, on one 100,000-row sheet as
// Excel writes it (cell references, shared strings for IDs, 12 numeric indicators), in one process,
// alternating, median of 5 runs each: `npx ts-node --transpile-only -P tsconfig.node.json bench/scanner.ts [rows]`.

import { readSheet } from "../src/workbook/executors/xlsx/sheetScanner";
import { cellValue, splitCells, splitSheet } from "./reference/regexScanner";

function sheet(rows: number): string {
  const parts: string[] = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><dimension ref="A1:M', String(rows), '"/><sheetData>'];
  for (let r = 1; r <= rows; r++) {
    let row = `<row r="${r}" spans="1:13">`;
    row += `<c r="A${r}" t="s"><v>${r - 1}</v></c>`;
    for (let c = 0; c < 12; c++) row += `<c r="${String.fromCharCode(66 + c)}${r}"><v>${((r * 7919 + c * 104729) % 100000) / 100}</v></c>`;
    parts.push(`${row}</row>`);
  }
  parts.push("</sheetData></worksheet>");
  return parts.join("");
}

function regexRead(xml: string, strings: string[]): number {
  let cells = 0;
  for (const row of splitSheet(xml).rows) for (const cell of splitCells(row.inner)) if (cellValue(cell, strings) !== null) cells++;
  return cells;
}

function tokenRead(xml: string, strings: string[]): number {
  let cells = 0;
  for (const row of readSheet(xml, strings).rows) cells += row.cells.length;
  return cells;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

const rows = parseInt(process.argv[2] ?? "100000", 10);
const xml = sheet(rows);
const strings = Array.from({ length: rows }, (_, i) => `C${i + 1}`);
const times: Record<string, number[]> = { regex: [], tokenizer: [] };
let checked = -1;
for (let run = 0; run < 5; run++) {
  for (const [name, read] of [["regex", regexRead], ["tokenizer", tokenRead]] as const) {
    const start = process.hrtime.bigint();
    const cells = read(xml, strings);
    times[name].push(Number(process.hrtime.bigint() - start) / 1e6);
    if (checked >= 0 && cells !== checked) throw new Error(`the readers disagree: ${cells} cells vs ${checked}`);
    checked = cells;
  }
}
const regex = median(times.regex);
const tokenizer = median(times.tokenizer);
console.log(`${rows.toLocaleString("en-US")} rows, ${(xml.length / 1048576).toFixed(1)} M characters, ${checked.toLocaleString("en-US")} cells`);
console.log(`regex scanner (floor): ${regex.toFixed(0)} ms; tokenizer: ${tokenizer.toFixed(0)} ms; ratio ${(tokenizer / regex).toFixed(2)}x (median of 5, alternating)`);
