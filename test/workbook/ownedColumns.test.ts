// The add-in's output columns are found by identity (their headers on the header row), not only where
// the record says they were: an analyst who inserts a column left of them moves them, and a re-run
// must update them there instead of writing a second set over the analyst's data.

import { locateOwnedColumns } from "../../src/workbook/planning/outputColumns";
import { defaultSettings, gradeWorkbook } from "../../src/workbook/run";
import type { Block, CellValue, OwnedState } from "../../src/workbook/types";
import { MemoryWorkbook } from "../support/memoryWorkbook";

const NOW = new Date(2026, 10, 22, 9, 30);
const state: OwnedState = { version: 1, sheet: "Customers", headerRow: 0, firstColumn: 3, headers: ["Score", "Rank", "Tier"], sheets: ["Tier summary"] };
const block = (header: CellValue[]): Block => ({ sheet: "Customers", box: { top: 0, left: 0, rows: 1, columns: header.length }, values: [header] });

describe("locateOwnedColumns", () => {
  test("where the record says, where the analyst moved them, or nowhere", () => {
    expect(locateOwnedColumns(block(["ID", "Sales", "X", "Score", "Rank", "Tier"]), state)).toBe(state);
    expect(locateOwnedColumns(block(["ID", "New", "Sales", "X", "score", "RANK", "Tier"]), state)?.firstColumn).toBe(4);
    const gone = locateOwnedColumns(block(["ID", "Sales", "X", "My score", "Rank", "Tier"]), state);
    expect(gone).toMatchObject({ headers: [], sheets: ["Tier summary"] });
    expect(locateOwnedColumns(block(["ID"]), undefined)).toBeUndefined();
  });
});

test("a column inserted left of the outputs: the re-run updates them in their new place", async () => {
  const book = new MemoryWorkbook({
    Weights: [
      ["Indicator", "Weight", "Direction"],
      ["Sales", 0.6, "higher"],
      ["Complaints", 0.4, "lower"],
    ],
    Customers: [
      ["Customer ID", "Sales", "Complaints"],
      ["C1", 100, 4],
      ["C2", 200, 3],
      ["C3", 300, 2],
      ["C4", 400, 1],
      ["C5", 500, 0],
    ],
  });
  expect((await gradeWorkbook(book, defaultSettings("en-US", NOW))).ok).toBe(true);
  // The analyst inserts a column "Region" at B: everything from B moves one column right.
  const grid = book.sheets.get("Customers")!;
  grid.forEach((row, r) => row.splice(1, 0, r === 0 ? "Region" : "North"));
  const outcome = await gradeWorkbook(book, defaultSettings("en-US", NOW));
  expect(outcome.ok).toBe(true);
  expect(grid[0]).toEqual(["Customer ID", "Region", "Sales", "Complaints", "Score", "Rank", "Tier"]);
  expect(grid[5].slice(4)).toEqual([100, 1, "A"]);
  expect((await book.readState())?.firstColumn).toBe(4);
});
