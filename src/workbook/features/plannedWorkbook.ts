// A workbook as it would be after a plan of whole sheets (the Customer indicators sheet made from an
// Orders table), without writing it: the check before Grade reads through it, so it sees the sheet the
// run would grade while the workbook stays as it is. Grading through it writes the sheets first, then
// the run's own plan, so a run that finds problems writes nothing at all.

import { headerKey } from "../reading/headers";
import type { Box, CellOut, CellValue, OutputSheet, Progress, WorkbookBackend, WorkbookIndex, WritePlan } from "../types";

function grid(sheet: OutputSheet): CellValue[][] {
  const rows: CellValue[][] = [];
  for (const block of sheet.blocks) {
    block.values.forEach((row, r) => {
      const target = (rows[block.top + r] ??= []);
      row.forEach((v: CellOut, c) => {
        // Only values are planned on these sheets; a formula would have no value before Excel computes it.
        target[block.left + c] = v !== null && typeof v === "object" ? null : v;
      });
    });
  }
  return rows;
}

function usedBox(values: CellValue[][]): Box | null {
  let rows = 0;
  let columns = 0;
  values.forEach((row, r) => {
    if (row && row.length > 0) {
      rows = r + 1;
      columns = Math.max(columns, row.length);
    }
  });
  return rows === 0 ? null : { top: 0, left: 0, rows, columns };
}

/**
 * `backend` as it would be after `sheetsPlan` (a plan of whole sheets and the state; no columns): its
 * sheets replace the sheets of the same name and the ones the plan removes, `readState` is the plan's
 * state. `execute(plan)` writes `sheetsPlan`, then `plan`, to `backend`.
 *
 * @example
 * // const made = await planOrderIndicators(book, { asOf, lang });
 * // const after = plannedWorkbook(book, made.plan); (await after.index()).sheets -> [..., "Customer indicators"]
 */
export function plannedWorkbook(backend: WorkbookBackend, sheetsPlan: WritePlan): WorkbookBackend {
  const planned = new Map(sheetsPlan.sheets.map((sheet) => [headerKey(sheet.name), { name: sheet.name, values: grid(sheet) }]));
  const gone = new Set([...(sheetsPlan.previous?.sheets ?? []), ...sheetsPlan.sheets.map((s) => s.name)].map(headerKey));
  return {
    async index(): Promise<WorkbookIndex> {
      const index = await backend.index();
      return {
        sheets: [
          ...index.sheets.filter((s) => !gone.has(headerKey(s.name))),
          ...[...planned.values()].map((s) => ({ name: s.name, used: usedBox(s.values) })),
        ],
        tables: index.tables.filter((t) => !gone.has(headerKey(t.sheet))),
      };
    },
    async read(sheet: string, box: Box): Promise<CellValue[][]> {
      const own = planned.get(headerKey(sheet));
      if (!own) return backend.read(sheet, box);
      return Array.from({ length: box.rows }, (_, r) => Array.from({ length: box.columns }, (_, c) => own.values[box.top + r]?.[box.left + c] ?? null));
    },
    async readState() {
      return sheetsPlan.state;
    },
    async execute(plan: WritePlan, onProgress?: (p: Progress) => void, signal?: AbortSignal): Promise<void> {
      await backend.execute(sheetsPlan, undefined, signal);
      await backend.execute(plan, onProgress, signal);
    },
    ...(backend.numberFormats ? { numberFormats: backend.numberFormats.bind(backend) } : {}),
    ...(backend.select ? { select: backend.select.bind(backend) } : {}),
    // A planned sheet is the add-in's own and holds no formula of the analyst's.
    ...(backend.sharedFormulaStarts
      ? { sharedFormulaStarts: async (sheet: string, cells: { row: number; column: number }[]) => (planned.has(headerKey(sheet)) ? [] : backend.sharedFormulaStarts!(sheet, cells)) }
      : {}),
  };
}
