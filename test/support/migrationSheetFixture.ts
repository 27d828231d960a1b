// One sheets-only plan's sheet for both executors' tests (Excel stand-in and .xlsx): the customer-count
// matrix `tiers migrate` writes from one period's tiers (rows) to the next one's (columns), shaded as a
// heat map. 3 customers stayed in A, 1 moved A -> B, 5 stayed in B, 2 moved B -> C, 9 stayed in C: the
// heat map is B5:D7, its maximum 9 in D7.

import { heatMap } from "../../src/workbook/planning/styles";
import type { OutputSheet } from "../../src/workbook/types";

export const migration: OutputSheet = {
  name: "Migration",
  blocks: [
    { top: 0, left: 0, values: [["Migration 2026-Q2 → 2026-Q3"]], look: { bold: true, size: 14 } },
    { top: 3, left: 0, values: [["From \\ to", "A", "B", "C"]], look: { bold: true, bottomBorder: true } },
    {
      top: 4,
      left: 0,
      values: [
        ["A", 3, 1, 0],
        ["B", 0, 5, 2],
        ["C", 0, 0, 9],
      ],
      numberFormats: ["@", "#,##0", "#,##0", "#,##0"],
    },
  ],
  columnWidths: [16, 10, 10, 10],
  charts: [],
  heatMaps: [heatMap("B5:D7")],
};
