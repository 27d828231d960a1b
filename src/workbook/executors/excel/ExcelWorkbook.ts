// The workbook inside Excel, through Office.js: what the task pane grades when it runs in Excel.

import { boxAddress, parseBoxAddress } from "../../reading/address";
import type { Box, CellValue, OwnedState, Progress, WorkbookBackend, WorkbookIndex, WritePlan } from "../../types";
import { Batch } from "./batch";
import { executePlan } from "./executePlan";
import { readRows } from "./readRows";
import { readExcelState } from "./stateStore";

export interface ExcelWorkbookOptions {
  /** Bytes per request or response; defaults to a margin under Excel on the web's 5 MB. */
  budget?: number;
}

/** A cell as Office.js returns it, with its valueType, as the parser's CellValue. */
function cellValue(value: unknown, type: string): CellValue {
  if (type === "Error") return { error: String(value) };
  if (type === "Empty" || value === "" || value === undefined) return null;
  if (typeof value === "number" || typeof value === "boolean" || typeof value === "string") return value;
  return String(value);
}

/**
 * The active Excel workbook as a WorkbookBackend. Every method opens its own Excel.run; none keeps
 * Office objects between calls (they belong to one request context).
 *
 * @example
 * const backend = new ExcelWorkbook();
 * const index = await backend.index(); // { sheets: [{ name: "Customers", used: {...} }], tables: [...] }
 */
export class ExcelWorkbook implements WorkbookBackend {
  constructor(private options: ExcelWorkbookOptions = {}) {}

  /** Sheets with their used ranges and tables with their ranges: two syncs (names, then ranges). */
  async index(): Promise<WorkbookIndex> {
    return Excel.run(async (context) => {
      const sheets = context.workbook.worksheets.load("items/name");
      const tables = context.workbook.tables.load("items/name,items/worksheet/name,items/showTotals");
      await context.sync();
      const used = sheets.items.map((s) => s.getUsedRangeOrNullObject(true).load("rowIndex,columnIndex,rowCount,columnCount"));
      const ranges = tables.items.map((t) => t.getRange().load("rowIndex,columnIndex,rowCount,columnCount"));
      await context.sync();
      const box = (r: Excel.Range): Box => ({ top: r.rowIndex, left: r.columnIndex, rows: r.rowCount, columns: r.columnCount });
      return {
        sheets: sheets.items.map((s, i) => ({ name: s.name, used: used[i].isNullObject ? null : box(used[i]) })),
        // getRange() includes a shown totals row, which is never a customer: the box stops above it.
        tables: tables.items.map((t, i) =>
          t.showTotals
            ? { name: t.name, sheet: t.worksheet.name, box: { ...box(ranges[i]), rows: box(ranges[i]).rows - 1 }, totalsRows: 1 }
            : { name: t.name, sheet: t.worksheet.name, box: box(ranges[i]) },
        ),
      };
    });
  }

  /** The values of a rectangle, read in row chunks that keep each response under the payload limit. */
  async read(sheet: string, box: Box): Promise<CellValue[][]> {
    return Excel.run(async (context) => {
      const batch = new Batch(context, undefined, this.options.budget);
      const worksheet = context.workbook.worksheets.getItem(sheet);
      const rows: CellValue[][] = [];
      await readRows(
        batch,
        box.rows,
        box.columns,
        "values,valueTypes",
        (offset, count) => worksheet.getRangeByIndexes(box.top + offset, box.left, count, box.columns),
        (_, range) => {
          const types = range.valueTypes;
          range.values.forEach((line, r) => rows.push(line.map((v, c) => cellValue(v, types[r][c]))));
        },
      );
      return rows;
    });
  }

  /** The add-in's record from an earlier run (its Custom XML part, or a legacy defined name), or undefined. */
  async readState(): Promise<OwnedState | undefined> {
    return Excel.run((context) => readExcelState(context));
  }

  /** Runs a write plan; see executePlan for batching, the collision guard and cancel. */
  async execute(plan: WritePlan, onProgress?: (p: Progress) => void, signal?: AbortSignal): Promise<void> {
    await Excel.run((context) => executePlan(context, plan, { onProgress, signal, budget: this.options.budget }));
  }

  /** Activates `sheet` and selects `cell` ("B7" or "B2:B9"; "" selects A1). */
  async select(sheet: string, cell: string): Promise<void> {
    await Excel.run(async (context) => {
      const worksheet = context.workbook.worksheets.getItem(sheet);
      worksheet.activate();
      worksheet.getRange(boxAddress(parseBoxAddress(cell || "A1"))).select();
      await context.sync();
    });
  }
}
