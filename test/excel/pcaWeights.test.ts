// PCA weights into the weight table through the Office.js executor on the strict stand-in (issue 16
// §4): the same cells and numbers as the .xlsx executor, and a cancelled run at any sync leaves the
// Weight cells (formulas included) as they were.

import { pcaWeights } from "../../src/engine/pca";
import { ExcelWorkbook } from "../../src/workbook/executors/excel";
import { defaultSettings, gradeWorkbook } from "../../src/workbook/run";
import type { GradeSettings } from "../../src/workbook/run";
import { StandinWorkbook } from "../support/excel-standin";
import { pcaCustomerRows, pcaSheets } from "../support/pcaFixture";

const NOW = new Date(Date.UTC(2026, 10, 22, 9, 30));
const expected = pcaWeights(pcaCustomerRows());
const BUDGET = 1500;

function model(weights: (number | string | null)[] = [null, null, null, null]): StandinWorkbook {
  const m = new StandinWorkbook();
  const sheets = pcaSheets(weights.map((w) => (typeof w === "string" ? null : w)));
  m.addSheet("Weights");
  m.setValues("Weights", 0, 0, sheets.weights as (string | number | null)[][]);
  weights.forEach((w, j) => {
    if (typeof w === "string") m.setValues("Weights", 1 + j, 1, [[{ formula: w }]]);
  });
  m.addSheet("Customers");
  m.setValues("Customers", 0, 0, sheets.customers as (string | number | null)[][]);
  return m;
}

function settings(replace = false): GradeSettings {
  return { ...defaultSettings("en-US", NOW), weightsFrom: { method: "pca", replace } };
}

async function grade(m: StandinWorkbook, s: GradeSettings, signal?: AbortSignal) {
  m.install();
  return gradeWorkbook(new ExcelWorkbook({ budget: BUDGET }), s, undefined, signal);
}

describe("PCA weights fill the weight table (Excel stand-in)", () => {
  test("the Weight cells hold the PCA weights to 1e-12 and the Factor loadings sheet is written", async () => {
    const m = model();
    const outcome = await grade(m, settings());
    if (!outcome.ok) throw new Error(outcome.inspection.problems.map((p) => p.message["en-US"]).join("\n"));
    expected.weights.forEach((w, j) => expect(Math.abs((m.get("Weights", 1 + j, 1) as number) - w)).toBeLessThan(1e-12));
    expect(m.sheets.map((s) => s.name)).toEqual(["Weights", "Customers", "Tier summary", "Factor loadings"]);
    expect(m.get("Factor loadings", 7, 0)).toBe("PC1");
    expect(Math.abs((m.get("Factor loadings", 7, 1) as number) - expected.eigenvalues[0])).toBeLessThan(1e-12);
    // The other columns of the weight table are untouched.
    expect([1, 2, 3, 4].map((r) => m.get("Weights", r, 2))).toEqual(["higher", "higher", "higher", "lower"]);
  });

  test("replace over formulas; a run cancelled at each sync puts the formulas back", async () => {
    const formulas = ["=0.4", "=0.3", "=0.2", "=0.1"];
    const probe = model(formulas);
    await grade(probe, settings(true));
    const total = probe.syncs.length;
    expect(Math.abs((probe.get("Weights", 1, 1) as number) - expected.weights[0])).toBeLessThan(1e-12);
    let cancelled = 0;
    for (let k = 1; k < total; k++) {
      const m = model(formulas);
      const before = JSON.stringify(m.snapshot());
      const controller = new AbortController();
      m.onSync = (count) => {
        if (count === k) controller.abort();
      };
      const error = await grade(m, settings(true), controller.signal).catch((e: unknown) => e);
      m.onSync = undefined;
      if (!(error instanceof Error)) continue;
      expect(error.name).toBe("AbortError");
      cancelled++;
      expect(JSON.stringify(m.snapshot())).toBe(before);
    }
    expect(cancelled).toBeGreaterThan(0);
  });

  test("without replace, a filled cell stops the run and nothing is written", async () => {
    const m = model([0.5, null, null, null]);
    const before = JSON.stringify(m.snapshot());
    const outcome = await grade(m, settings());
    expect(outcome.ok).toBe(false);
    expect(outcome.inspection.problems.filter((p) => p.code === "pca-weight-filled").map((p) => p.cell)).toEqual(["B2"]);
    expect(JSON.stringify(m.snapshot())).toBe(before);
  });
});
