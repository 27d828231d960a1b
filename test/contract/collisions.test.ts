// The planner decides collisions for every output cell (issue 12; issue 13 #3): a note of the
// analyst's in the output area, under a blank header cell, stops the run with a problem naming the
// cell, and neither executor writes anything. The same check for both executors, because it is one.

import { openXlsx } from "../../src/workbook/executors/xlsx";
import { ExcelWorkbook } from "../../src/workbook/executors/excel";
import { defaultSettings, gradeWorkbook } from "../../src/workbook/run";
import type { WorkbookBackend } from "../../src/workbook/types";
import { StandinWorkbook } from "../support/excel-standin";
import { buildWorkbook, smallCustomerSheets } from "../xlsx/buildWorkbook";

const NOW = new Date(2026, 10, 22, 9, 30);

async function xlsxBackend(note: { row: number; column: number; value: string }, tables: boolean) {
  const sheets = smallCustomerSheets({ tables });
  const customers = sheets[0].rows;
  while (customers[note.row].length <= note.column) customers[note.row].push(null);
  customers[note.row][note.column] = note.value;
  const bytes = await buildWorkbook(sheets);
  const book = await openXlsx(bytes);
  const grid = async (b: WorkbookBackend) => JSON.stringify(await b.read("Customers", { top: 0, left: 0, rows: 7, columns: 9 }));
  const before = await grid(book);
  return {
    backend: book as WorkbookBackend,
    // Saved and opened again: the cells are as they were (the note kept, no header written), no state.
    after: async () => {
      const again = await openXlsx(await book.save());
      return (await grid(again)) === before && (await again.readState()) === undefined;
    },
  };
}

function excelBackend(note: { row: number; column: number; value: string }, tables: boolean) {
  const model = new StandinWorkbook();
  for (const sheet of smallCustomerSheets()) {
    model.addSheet(sheet.name);
    model.setValues(sheet.name, 0, 0, sheet.rows as (string | number | null)[][]);
  }
  if (tables) {
    model.addTable("Customers", "Customers", { top: 0, left: 0, rows: 6, columns: 5 });
    model.addTable("Weights", "Weights", { top: 0, left: 0, rows: 3, columns: 3 });
  }
  model.setValues("Customers", note.row, note.column, [[note.value]]);
  const before = JSON.stringify(model.snapshot());
  model.install();
  return { backend: new ExcelWorkbook() as WorkbookBackend, after: async () => JSON.stringify(model.snapshot()) === before };
}

describe.each([
  ["xlsx", xlsxBackend],
  ["Excel", excelBackend],
] as const)("%s: the analyst's note in the output area", (_, make) => {
  test.each([false, true])("F4 under a blank F1 stops the run, nothing is written (tables: %s)", async (tables) => {
    // Customers A:E, outputs F:H; the note sits in F4 (row 3, column 5) under an empty F1.
    const { backend, after } = await make({ row: 3, column: 5, value: "call back in May" }, tables);
    const outcome = await gradeWorkbook(backend, defaultSettings("en-US", NOW));
    expect(outcome.ok).toBe(false);
    const problem = outcome.inspection.problems.find((p) => p.code === "output-cell-collision");
    expect(problem).toMatchObject({ severity: "error", sheet: "Customers", cell: "F4" });
    expect(problem?.message["en-US"]).toContain('"Score"');
    expect(problem?.message["zh-CN"]).toContain("“Score”");
    expect(await after()).toBe(true);
  });

  test("a note in the third output column (H6) is found too", async () => {
    const { backend } = await make({ row: 5, column: 7, value: "x" }, false);
    const outcome = await gradeWorkbook(backend, defaultSettings("zh-CN", NOW));
    expect(outcome.inspection.problems.filter((p) => p.code === "output-cell-collision").map((p) => p.cell)).toEqual(["H6"]);
  });
});
