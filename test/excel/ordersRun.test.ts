// A run from an Orders table through the Excel executor (the stand-in of test/support/excel-standin.ts),
// as the pane in Excel runs it: the check writes nothing, Grade writes the Customer indicators sheet and
// then the RFM run on it, and a second run replaces both; a run with a problem writes nothing at all.
// (5 bins: the Segments sheet the first run writes holds the package's 5-bin bounds, which a second run
// with fewer bins refuses, cell by cell.)

import { ExcelWorkbook } from "../../src/workbook/executors/excel";
import { defaultSettings, gradeWorkbook, inspectWorkbook, type GradeSettings } from "../../src/workbook/run";
import { StandinWorkbook } from "../support/excel-standin";

const ORDERS: (string | number)[][] = [
  ["Customer ID", "Order date", "Amount"],
  ["C1", 39080, 100],
  ["C1", "2006-12-01", 300],
  ["C2", 39081, 150],
  ["C3", 39000, 20],
  ["C4", "2006-06-01", 80],
  ["C4", "2006-07-01", 90],
];

const settings = (): GradeSettings => ({ ...defaultSettings("en-US", new Date(2026, 11, 2)), method: { kind: "rfm", bins: 5 }, orders: { asOf: 39082 } });

function workbook(extra?: (model: StandinWorkbook) => void) {
  const model = new StandinWorkbook();
  model.addSheet("Orders");
  model.setValues("Orders", 0, 0, ORDERS);
  extra?.(model);
  model.install();
  return { model, book: new ExcelWorkbook() };
}

test("check, grade and grade again from orders in Excel: the indicators sheet and the RFM columns, replaced on the second run", async () => {
  const { model, book } = workbook();
  const found = await inspectWorkbook(book, settings());
  expect(found.ok).toBe(true);
  expect(model.sheets.map((s) => s.name)).toEqual(["Orders"]);
  for (let run = 0; run < 2; run++) {
    const outcome = await gradeWorkbook(book, settings());
    expect({ run, problems: outcome.inspection.problems.map((p) => p.message["en-US"]) }).toEqual({ run, problems: [] });
    expect(outcome.ok).toBe(true);
    expect(model.sheets.map((s) => s.name).sort()).toEqual(["Customer indicators", "Orders", "Segments", "Tier summary"]);
    const header = await book.read("Customer indicators", { top: 0, left: 0, rows: 1, columns: 16 });
    const segmentAt = header[0].indexOf("Segment");
    expect(segmentAt).toBeGreaterThan(header[0].indexOf("Recency (days)"));
    const rows = await book.read("Customer indicators", { top: 1, left: 0, rows: 4, columns: segmentAt + 1 });
    expect(rows.map((r) => r[0])).toEqual(["C1", "C2", "C3", "C4"]);
    expect(rows.every((r) => typeof r[segmentAt] === "string" && r[segmentAt] !== "")).toBe(true);
    // One header row of output, not two: the second run replaced the first's columns with the sheet.
    expect(header[0].filter((h) => h === "Segment")).toHaveLength(1);
  }
  expect((await book.readState())?.sheet).toBe("Customer indicators");
});

test("in Excel, a run from orders that finds a problem (a Tier summary sheet of the analyst's) adds no sheet", async () => {
  const { model, book } = workbook((m) => {
    m.addSheet("Tier summary");
    m.setValues("Tier summary", 0, 0, [["mine"]]);
  });
  const outcome = await gradeWorkbook(book, settings());
  expect(outcome.ok).toBe(false);
  expect(model.sheets.map((s) => s.name)).toEqual(["Orders", "Tier summary"]);
});
