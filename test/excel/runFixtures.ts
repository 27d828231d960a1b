// The stand-in workbooks and settings the end-to-end re-run tests share.

import { ExcelWorkbook } from "../../src/workbook/executors/excel";
import { defaultSettings, gradeWorkbook } from "../../src/workbook/run";
import type { GradeSettings } from "../../src/workbook/run";
import { StandinWorkbook } from "../support/excel-standin";

const NOW = new Date(2026, 10, 22, 9, 30);

/** Weights and 12 customers (Sales, Complaints, Overdue days, YoY growth); optionally a table. */
export function workbook(options: { table?: boolean } = {}): StandinWorkbook {
  const model = new StandinWorkbook();
  model.addSheet("Weights");
  model.setValues("Weights", 0, 0, [
    ["Indicator", "Weight", "Direction"],
    ["Sales", 0.6, "higher"],
    ["Complaints", 0.4, "lower"],
  ]);
  model.addSheet("Customers");
  const rows: (string | number)[][] = [["Customer ID", "Name", "Sales", "Complaints", "Overdue days", "YoY growth"]];
  for (let i = 0; i < 12; i++) rows.push([`C${i + 1}`, `Customer ${i + 1}`, 1000 * (i + 1), i % 6, (i * 17) % 120, ((i % 5) - 2) / 10]);
  model.setValues("Customers", 0, 0, rows);
  if (options.table) model.addTable("Customers", "Customers", { top: 0, left: 0, rows: 13, columns: 6 });
  return model;
}

export function settings(overrides: Partial<GradeSettings> = {}): GradeSettings {
  return { ...defaultSettings("en-US", NOW), ...overrides };
}

// A small request budget cuts every write into several batches, so that a cancel lands mid-write.
export const BUDGET = 1500;

export async function grade(model: StandinWorkbook, s: GradeSettings, signal?: AbortSignal) {
  model.install();
  const outcome = await gradeWorkbook(new ExcelWorkbook({ budget: BUDGET }), s, undefined, signal);
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.inspection.problems.map((p) => p.message["en-US"])));
  return outcome;
}

