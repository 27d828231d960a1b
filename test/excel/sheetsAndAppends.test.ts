// The Excel executor on plans the migration and the audit log make: only sheets (no output columns,
// the customer sheet untouched), a heat map as a two-colour scale, and rows appended below what an
// append-only sheet already holds. Every step is undone exactly when the run is cancelled.

import { ExcelWorkbook } from "../../src/workbook/executors/excel";
import { recordedState } from "../support/standin-customxml";
import type { WritePlan } from "../../src/workbook/types";
import { PAYLOAD_LIMIT, StandinWorkbook } from "../support/excel-standin";
import { customerSheet } from "./fixtures";
import { migration } from "../support/migrationSheetFixture";


const AUDIT_HEADER = ["When", "Customer", "From", "To", "Reason"];

function migrationPlan(rows: (string | number)[][], previous?: WritePlan["previous"]): WritePlan {
  return {
    previous,
    state: { version: 1, sheet: "Customers", headerRow: 0, firstColumn: 3, headers: [], sheets: ["Migration"] },
    sheets: [migration],
    appends: [{ sheet: "Audit log", header: AUDIT_HEADER, rows }],
  };
}

async function run(model: StandinWorkbook, plan: WritePlan, signal?: AbortSignal, budget?: number): Promise<void> {
  model.install();
  await new ExcelWorkbook({ budget }).execute(plan, undefined, signal);
}

describe("sheets-only plans, heat maps and appended rows in Excel (strict stand-in)", () => {
  test("the migration sheet with its heat map; the customer sheet is not touched", async () => {
    const f = customerSheet(20);
    const customersBefore = JSON.stringify((f.model.snapshot() as { sheets: unknown[] }).sheets[0]);
    await run(f.model, migrationPlan([["2026-09-30", "C7", "B", "A", "Signed the framework contract"]]));
    const m = f.model;
    expect(JSON.stringify((m.snapshot() as { sheets: unknown[] }).sheets[0])).toBe(customersBefore);
    expect(m.get("Migration", 6, 3)).toBe(9);
    const scales = m.sheet("Migration")!.cfs.filter((cf) => cf.colorScale);
    expect(scales).toHaveLength(1);
    expect(scales[0]).toMatchObject({
      box: { top: 4, left: 1, rows: 3, columns: 3 },
      colorScale: { minimum: { type: "LowestValue", color: "#FFFFFF" }, maximum: { type: "HighestValue", color: "#F8696B" } },
    });
    expect(m.maxRequestBytes()).toBeLessThan(PAYLOAD_LIMIT);
    // The record names the sheet it owns and no columns; the audit log is never owned.
    const state = recordedState(m)!;
    expect(state.sheets).toEqual(["Migration"]);
    expect(state.headers).toEqual([]);
    expect(state.sheets).not.toContain("Audit log");
  });

  test("the heat map's colours are the plan's, not the executor's", async () => {
    const f = customerSheet(20);
    const plan = migrationPlan([]);
    plan.sheets = [{ ...migration, heatMaps: [{ range: "B5:D7", low: "#63BE7B", high: "#5A8AC6" }] }];
    await run(f.model, plan);
    const scales = f.model.sheet("Migration")!.cfs.filter((cf) => cf.colorScale);
    expect(scales).toHaveLength(1);
    expect(scales[0].colorScale).toMatchObject({ minimum: { color: "#63BE7B" }, maximum: { color: "#5A8AC6" } });
  });

  test("appended rows go below what the log holds, its header is written once, and a re-run replaces only the owned sheet", async () => {
    const f = customerSheet(5);
    await run(f.model, migrationPlan([["2026-09-30", "C1", "B", "A", "first"]]));
    // The analyst adds a note below the log by hand; the next run appends below it.
    f.model.setValues("Audit log", 2, 0, [["(checked by the controller)"]]);
    f.model.install();
    const previous = await new ExcelWorkbook().readState();
    await run(f.model, migrationPlan([["2026-10-31", "C2", "C", "B", "second"], ["2026-10-31", "C3", "A", "B", "third"]], previous));
    const m = f.model;
    const log = [0, 1, 2, 3, 4].map((r) => m.get("Audit log", r, 0));
    expect(log).toEqual(["When", "2026-09-30", "(checked by the controller)", "2026-10-31", "2026-10-31"]);
    expect(m.get("Audit log", 4, 4)).toBe("third");
    expect(m.format("Audit log", 0, 0)).toBe("@");
    expect(m.sheets.filter((s) => s.name === "Migration")).toHaveLength(1);
    expect(m.sheet("Migration")!.cfs.filter((cf) => cf.colorScale)).toHaveLength(1);
  });

  test("cancelled at any sync, a run leaves the workbook exactly as it was, the log included", async () => {
    const base = customerSheet(5);
    await run(base.model, migrationPlan([["2026-09-30", "C1", "B", "A", "first"]]));
    base.model.install();
    const previous = await new ExcelWorkbook().readState();
    const second = migrationPlan([["2026-10-31", "C2", "C", "B", "second"]], previous);
    const before = JSON.stringify(base.model.snapshot());
    base.model.syncs = [];
    await run(base.model, second, undefined, 600);
    const total = base.model.syncs.length;
    expect(total).toBeGreaterThan(3);
    let aborted = 0;
    for (let k = 1; k < total; k++) {
      const g = customerSheet(5);
      await run(g.model, migrationPlan([["2026-09-30", "C1", "B", "A", "first"]]));
      expect(JSON.stringify(g.model.snapshot())).toBe(before);
      const start = g.model.syncs.length;
      const controller = new AbortController();
      g.model.onSync = (count) => {
        if (count - start === k) controller.abort();
      };
      const error = await run(g.model, second, controller.signal, 600).catch((e) => e);
      g.model.onSync = undefined;
      if (error === undefined) continue; // the abort came after the last step that checks it
      expect(error?.name).toBe("AbortError");
      aborted++;
      expect(JSON.stringify(g.model.snapshot())).toBe(before);
    }
    expect(aborted).toBeGreaterThanOrEqual(total - 2);
  });

  test("a colour scale without a maximum, or of a type Excel lacks, is refused like Excel refuses it", async () => {
    const model = new StandinWorkbook();
    model.addSheet("S");
    model.install();
    await expect(
      Excel.run(async (context) => {
        const scale = context.workbook.worksheets.getItem("S").getRange("A1:B2").conditionalFormats.add("ColorScale");
        scale.colorScale.criteria = { minimum: { type: "LowestValue", color: "#FFFFFF" } } as Excel.ConditionalColorScaleCriteria;
        await context.sync();
      }),
    ).rejects.toThrow(/minimum and a maximum/);
    await expect(
      Excel.run(async (context) => {
        const scale = context.workbook.worksheets.getItem("S").getRange("A1:B2").conditionalFormats.add("ColorScale");
        scale.colorScale.criteria = {
          minimum: { type: "Lowest", color: "#FFFFFF" },
          maximum: { type: "HighestValue", color: "#F8696B" },
        } as unknown as Excel.ConditionalColorScaleCriteria;
        await context.sync();
      }),
    ).rejects.toThrow(/colour scale type Lowest/);
  });
});
