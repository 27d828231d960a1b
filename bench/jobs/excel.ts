// Child-side measurement of the Excel section: one whole grading run (gradeWorkbook) through the
// Office.js executor on the strict stand-in of the Excel object model, which counts every sync and
// measures every request and response the way Excel on the web limits them (5 MB).

import { gradeWorkbook } from "../../src/workbook/run";
import { defaultSettings } from "../../src/workbook/settings";
import { StandinWorkbook } from "../../test/support/excel-standin";
import { customerHeaders, syntheticCustomers, weightSheetRows } from "../customers";
import { collectGarbage, nowMs } from "../statistics";

export interface ExcelRun {
  rows: number;
  syncs: number;
  maxRequestBytes: number;
  maxResponseBytes: number;
  totalRequestBytes: number;
  totalResponseBytes: number;
  ms: number;
  /** The executor's payload budget per batch, as it declares it. */
  budget: number;
  /** Request plus response bytes of each sync, in order. */
  syncBytes: number[];
}

/**
 * A stand-in workbook holding the synthetic weight table and `rows` customers, one column at a time.
 * Throws nothing.
 * @example standinWorkbook(200).get("Customers", 1, 0) // "C0000001"
 */
export function standinWorkbook(rows: number): StandinWorkbook {
  const model = new StandinWorkbook({ excelApi: 1.12 });
  model.addSheet("Weights");
  model.setValues("Weights", 0, 0, weightSheetRows("minmax"));
  model.addSheet("Customers");
  model.setValues("Customers", 0, 0, [customerHeaders()]);
  const customers = syntheticCustomers(rows);
  model.setColumn("Customers", 1, 0, customers.ids);
  customers.indicatorValues.forEach((column, j) => model.setColumn("Customers", 1, j + 1, column));
  return model;
}

/**
 * Grades `rows` customers through ExcelWorkbook on the stand-in; throws when the run reports problems.
 * @example await excelRun({ rows: 200 }) // { rows: 200, syncs: 8, maxRequestBytes: 13477, ... }
 */
export async function excelRun(params: { rows: number }): Promise<ExcelRun> {
  const { ExcelWorkbook } = await import("../../src/workbook/executors/excel");
  const { PAYLOAD_BUDGET } = await import("../../src/workbook/executors/excel/payload");
  const model = standinWorkbook(params.rows);
  model.install();
  collectGarbage();
  const start = nowMs();
  const outcome = await gradeWorkbook(new ExcelWorkbook(), defaultSettings("en-US", new Date(Date.UTC(2026, 10, 22))));
  const ms = nowMs() - start;
  if (!outcome.ok) {
    const first = outcome.inspection.problems.find((p) => p.severity === "error");
    throw new Error(`the run found problems: ${first ? `${first.sheet}!${first.cell} ${first.message["en-US"]}` : "?"}`);
  }
  return {
    rows: params.rows,
    syncs: model.syncs.length,
    maxRequestBytes: model.maxRequestBytes(),
    maxResponseBytes: model.maxResponseBytes(),
    totalRequestBytes: model.syncs.reduce((s, r) => s + r.requestBytes, 0),
    totalResponseBytes: model.syncs.reduce((s, r) => s + r.responseBytes, 0),
    ms,
    budget: PAYLOAD_BUDGET,
    syncBytes: model.syncs.map((r) => r.requestBytes + r.responseBytes),
  };
}
