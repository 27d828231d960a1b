// An in-memory workbook for testing the run and the plan without Excel or files: sheets are grids of
// cell values, and `execute` applies a write plan the simplest way the plan can be read.

import { cellAddress } from "../../src/workbook/reading/address";
import { assertPlanSheetNames } from "../../src/workbook/planning/sheetNames";
import { decodeLegacyState, isStateXml, LEGACY_STATE_NAME, parseStateXml, stateXml } from "../../src/workbook/planning/state";
import type {
  Box,
  CellOut,
  CellValue,
  OwnedState,
  PyramidChart,
  WorkbookBackend,
  WorkbookIndex,
  WritePlan,
} from "../../src/workbook/types";

export class MemoryWorkbook implements WorkbookBackend {
  sheets = new Map<string, CellValue[][]>();
  names = new Map<string, string>();
  /** The workbook's custom XML parts (their XML), as Excel's customXmlParts holds them. */
  customXmlParts: string[] = [];
  charts = new Map<string, PyramidChart[]>();
  formats = new Map<string, string>();
  executed = 0;

  constructor(sheets: Record<string, CellValue[][]>) {
    for (const [name, rows] of Object.entries(sheets)) this.sheets.set(name, rows.map((row) => [...row]));
  }

  async index(): Promise<WorkbookIndex> {
    return {
      sheets: [...this.sheets.entries()].map(([name, rows]) => ({ name, used: usedBox(rows) })),
      tables: [],
    };
  }

  async read(sheet: string, box: Box): Promise<CellValue[][]> {
    const rows = this.sheets.get(sheet) ?? [];
    const out: CellValue[][] = [];
    for (let r = 0; r < box.rows; r++) {
      const row: CellValue[] = [];
      for (let c = 0; c < box.columns; c++) row.push(rows[box.top + r]?.[box.left + c] ?? null);
      out.push(row);
    }
    return out;
  }

  async readState(): Promise<OwnedState | undefined> {
    for (const xml of this.customXmlParts) {
      const state = isStateXml(xml) ? parseStateXml(xml) : undefined;
      if (state) return state;
    }
    const formula = this.names.get(LEGACY_STATE_NAME);
    return formula === undefined ? undefined : decodeLegacyState(formula);
  }

  async execute(plan: WritePlan): Promise<void> {
    assertPlanSheetNames(plan);
    this.executed++;
    const previous = plan.previous;
    if (previous) {
      const rows = this.sheets.get(previous.sheet);
      if (rows) {
        for (const row of rows.slice(previous.headerRow)) {
          for (let c = 0; c < previous.headers.length; c++) {
            if (row.length > previous.firstColumn + c) row[previous.firstColumn + c] = null;
          }
        }
      }
      for (const sheet of previous.sheets) {
        this.sheets.delete(sheet);
        this.charts.delete(sheet);
      }
    }
    const columns = plan.columns;
    if (columns) {
      const target = this.sheets.get(columns.sheet);
      if (!target) throw new Error(`no sheet ${columns.sheet}`);
      columns.columns.forEach((column, c) => {
        const at = columns.firstColumn + c;
        set(target, columns.headerRow, at, column.header);
        this.formats.set(`${columns.sheet}!${cellAddress(columns.headerRow + 1, at)}`, column.numberFormat);
        column.values.forEach((value, r) => set(target, columns.headerRow + 1 + r, at, value));
      });
    }
    for (const sheet of plan.sheets) {
      const grid: CellValue[][] = [];
      for (const block of sheet.blocks) {
        block.values.forEach((row, r) => row.forEach((value, c) => set(grid, block.top + r, block.left + c, value)));
      }
      this.sheets.set(sheet.name, grid);
      this.charts.set(sheet.name, sheet.charts);
    }
    for (const append of plan.appends ?? []) {
      if (!this.sheets.has(append.sheet)) this.sheets.set(append.sheet, [append.header.map((v) => v as CellValue)]);
      const grid = this.sheets.get(append.sheet)!;
      for (const row of append.rows) grid.push(row.map((v) => v as CellValue));
    }
    for (const fill of plan.fills ?? []) {
      const grid = this.sheets.get(fill.sheet);
      if (!grid) throw new Error(`no sheet ${fill.sheet}`);
      for (const cell of fill.cells) set(grid, cell.row, cell.column, cell.value);
    }
    this.names.delete(LEGACY_STATE_NAME);
    this.customXmlParts = [...this.customXmlParts.filter((xml) => !isStateXml(xml)), stateXml(plan.state)];
  }

  /** A cell by A1 address. */
  cell(sheet: string, a1: string): CellValue {
    const match = /^([A-Z]+)(\d+)$/.exec(a1);
    if (!match) throw new Error(a1);
    const column = [...match[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
    return this.sheets.get(sheet)?.[Number(match[2]) - 1]?.[column] ?? null;
  }
}

function set(grid: CellValue[][], row: number, column: number, value: CellOut): void {
  while (grid.length <= row) grid.push([]);
  const cells = grid[row];
  while (cells.length <= column) cells.push(null);
  cells[column] = typeof value === "object" && value !== null ? { error: `=${value.formula}` } : value;
}

function usedBox(rows: CellValue[][]): Box | null {
  let top = -1;
  let bottom = -1;
  let left = Infinity;
  let right = -1;
  rows.forEach((row, r) =>
    row.forEach((cell, c) => {
      if (cell === null || cell === "") return;
      if (top < 0) top = r;
      bottom = r;
      left = Math.min(left, c);
      right = Math.max(right, c);
    }),
  );
  return top < 0 ? null : { top, left, rows: bottom - top + 1, columns: right - left + 1 };
}
