import { ExcelWorkbook } from "../../src/workbook/executors/excel";
import { LEGACY_STATE_NAME } from "../../src/workbook/planning/state";
import { recordedState } from "../support/standin-customxml";
import type { WritePlan } from "../../src/workbook/types";
import { PAYLOAD_LIMIT, StandinWorkbook } from "../support/excel-standin";
import { customerSheet, plan, tierOf } from "./fixtures";

async function grade(model: StandinWorkbook, p: WritePlan, options: { budget?: number; signal?: AbortSignal } = {}) {
  model.install();
  await new ExcelWorkbook({ budget: options.budget }).execute(p, undefined, options.signal);
}

/** The plan of a second run: same output, the first run's record as `previous`. */
async function rerunPlan(model: StandinWorkbook, p: WritePlan): Promise<WritePlan> {
  model.install();
  const previous = await new ExcelWorkbook().readState();
  expect(previous).toBeDefined();
  return { ...p, previous };
}

describe("ExcelWorkbook on the strict stand-in", () => {
  test("grades 200 customers in two syncs: look, then write with commit", async () => {
    const f = customerSheet(200);
    const p = plan(f);
    await grade(f.model, p);
    const m = f.model;
    expect(m.syncs.length).toBe(2); // look, then one batch that writes and commits (it fits 4 MB); the planner judged collisions
    expect(m.maxRequestBytes()).toBeLessThan(PAYLOAD_LIMIT);
    // Row 2 is the best customer: score 100, rank 1, tier A; row 201 the last: 0.5, 200, C.
    expect([m.get("Customers", 0, 3), m.get("Customers", 0, 4), m.get("Customers", 0, 5)]).toEqual(["Score", "Rank", "Tier"]);
    expect([m.get("Customers", 1, 3), m.get("Customers", 1, 4), m.get("Customers", 1, 5)]).toEqual([100, 1, "A"]);
    expect([m.get("Customers", 200, 3), m.get("Customers", 200, 4), m.get("Customers", 200, 5)]).toEqual([0.5, 200, "C"]);
    expect(m.get("Customers", 40, 5)).toBe("A"); // rank 40 = 20 % of 200
    expect(m.get("Customers", 41, 5)).toBe("B");
    expect(m.format("Customers", 1, 3)).toBe("0.00");
    expect(m.format("Customers", 1, 5)).toBe("@");
    // One conditional format per tier on the tier column's 200 data cells, none per cell.
    const cfs = m.sheet("Customers")!.cfs;
    expect(cfs.map((cf) => cf.formula1)).toEqual(['="A"', '="B"', '="C"']);
    expect(cfs[0]).toMatchObject({ box: { top: 1, left: 5, rows: 200, columns: 1 }, operator: "EqualTo", fill: "#C6EFCE", fontColor: "#006100" });
    expect(m.sheet("Customers")!.styles.size).toBe(0);
    // The summary sheet, its pyramid chart and the hidden state name.
    const summary = m.sheet("Tier summary")!;
    expect(m.get(summary, 3, 0)).toBe("A");
    expect(m.get(summary, 3, 1)).toBe(40);
    expect(summary.styles.get("2,0")).toMatchObject({ bold: true, borderBottom: "Continuous" });
    expect(summary.charts).toHaveLength(1);
    const chart = summary.charts[0];
    expect(chart).toMatchObject({ type: "BarStacked", reversePlotOrder: true, legendVisible: false, position: ["G3", "M18"] });
    expect(chart.series[0]).toMatchObject({ values: "D4:D6", xValues: "A4:A6", fillCleared: true });
    expect(chart.series[1]).toMatchObject({ name: "Customers", values: "B4:B6", xValues: "A4:A6", gapWidth: 30 });
    expect(chart.series[1].labelFormulas).toEqual({ 0: "='Tier summary'!$E$4", 1: "='Tier summary'!$E$5", 2: "='Tier summary'!$E$6" });
    // The state is the add-in's Custom XML part; no defined name.
    expect(m.names.has(LEGACY_STATE_NAME)).toBe(false);
    expect(recordedState(m)).toMatchObject({ ...p.state, tierColumn: 2, rowCount: 200 });
    expect(m.calculationSuspensions).toBeGreaterThanOrEqual(1);
  });

  test("a 1,048,575-customer table: chunked writes and reads, every sync under 5 MB", async () => {
    const n = 1048575;
    const f = customerSheet(n, { table: true });
    const p = plan(f);
    await grade(f.model, p);
    const m = f.model;
    const writes = m.syncs.length;
    // ~37 MB of values and formats at 4 MB a batch: 10 chunks, plus look, guard and commit.
    expect(writes).toBeGreaterThanOrEqual(10);
    expect(writes).toBeLessThanOrEqual(16);
    expect(m.maxRequestBytes()).toBeLessThanOrEqual(PAYLOAD_LIMIT);
    expect(m.tables[0].headers).toEqual(["Customer ID", "Name", "Sales", "Score", "Rank", "Tier"]);
    expect(m.get("Customers", n, 4)).toBe(n);
    expect(m.get("Customers", n, 5)).toBe("C");
    expect(m.get("Customers", 209715, 5)).toBe(tierOf(209714, n, ["A", "B", "C"]));

    // Reading the whole table back: each response under 5 MB, one sync per chunk.
    m.syncs = [];
    const rows = await new ExcelWorkbook().read("Customers", { top: 0, left: 0, rows: n + 1, columns: 6 });
    expect(rows).toHaveLength(n + 1);
    expect(rows[n]).toEqual([`C${n}`, `Customer ${n}`, 1000, expect.any(Number), n, "C"]);
    expect(rows[n][3] as number).toBeCloseTo(100 / n, 12);
    expect(m.maxResponseBytes()).toBeLessThanOrEqual(PAYLOAD_LIMIT);
    expect(m.syncs.length).toBeGreaterThan(10);
    expect(m.syncs.length).toBeLessThan(200);
  });

  test.each([false, true])("a re-run leaves the workbook exactly as the first run did (table: %s)", async (table) => {
    const f = customerSheet(200, { table });
    const p = plan(f);
    await grade(f.model, p);
    const after = JSON.stringify(f.model.snapshot());
    await grade(f.model, await rerunPlan(f.model, p));
    expect(JSON.stringify(f.model.snapshot())).toBe(after);
    expect(f.model.sheets.map((s) => s.name)).toEqual(["Customers", "Tier summary"]);
  });

  test("names that look like formulas or numbers are written as text", async () => {
    const f = customerSheet(10);
    const labels = ['=HYPERLINK("http://x.example","A")', "+1-2", "007"];
    await grade(f.model, plan(f, { labels }));
    expect(f.model.get("Customers", 1, 5)).toBe(labels[0]);
    expect(f.model.get("Customers", 3, 5)).toBe("+1-2");
    expect(f.model.get("Customers", 10, 5)).toBe("007");
    expect(f.model.get("Tier summary", 3, 0)).toBe(labels[0]);
    expect(f.model.get("Tier summary", 4, 0)).toBe("+1-2");
    // The rule compares text with text, quotes doubled.
    expect(f.model.sheet("Customers")!.cfs[0].formula1).toBe('="=HYPERLINK(""http://x.example"",""A"")"');
  });

  test("without the stand-in's care, Excel would have made those formulas", () => {
    const m = new StandinWorkbook();
    const sheet = m.addSheet("S");
    m.writeTyped(sheet, 0, 0, "+1-2");
    m.writeTyped(sheet, 1, 0, "1,200");
    expect(m.get(sheet, 0, 0)).toEqual({ formula: "=+1-2" });
    expect(m.get(sheet, 1, 0)).toBe(1200);
  });

  describe.each([false, true])("cancel (table: %s)", (table) => {
    // A small budget cuts the 200 rows into several write batches so the abort lands mid-write too.
    const budget = 2000;
    test("at every sync of a re-run the workbook is put back as it was", async () => {
      const f = customerSheet(200, { table });
      const first = plan(f);
      await grade(f.model, first, { budget });
      const again = await rerunPlan(f.model, first);
      const before = JSON.stringify(f.model.snapshot());
      f.model.syncs = [];
      await grade(f.model, again, { budget });
      const total = f.model.syncs.length;
      expect(total).toBeGreaterThan(8);
      for (let k = 1; k < total; k++) {
        const g = customerSheet(200, { table });
        await grade(g.model, first, { budget });
        const start = g.model.syncs.length;
        const controller = new AbortController();
        g.model.onSync = (count) => {
          if (count - start === k) controller.abort();
        };
        const error = await grade(g.model, { ...again, previous: recordedState(g.model) }, { budget, signal: controller.signal }).catch((e) => e);
        expect(error?.name).toBe("AbortError");
        g.model.onSync = undefined;
        expect(JSON.stringify(g.model.snapshot())).toBe(before);
      }
    });

    test("a first run cancelled while writing leaves no trace", async () => {
      const f = customerSheet(200, { table });
      const before = JSON.stringify(f.model.snapshot());
      const controller = new AbortController();
      f.model.onSync = (count) => {
        if (count === 4) controller.abort();
      };
      const error = await grade(f.model, plan(f), { budget, signal: controller.signal }).catch((e) => e);
      expect(error?.name).toBe("AbortError");
      expect(JSON.stringify(f.model.snapshot())).toBe(before);
    });
  });

  test("index, readState and select", async () => {
    const f = customerSheet(5, { table: true });
    f.model.install();
    const backend = new ExcelWorkbook();
    expect(await backend.readState()).toBeUndefined();
    expect(await backend.index()).toEqual({
      sheets: [{ name: "Customers", used: { top: 0, left: 0, rows: 6, columns: 3 } }],
      tables: [{ name: "Customers", sheet: "Customers", box: { top: 0, left: 0, rows: 6, columns: 3 } }],
    });
    f.model.setValues("Customers", 2, 2, [[{ error: "#N/A" }]]);
    expect((await backend.read("Customers", { top: 2, left: 0, rows: 1, columns: 3 }))[0]).toEqual(["C2", "Customer 2", { error: "#N/A" }]);
    await backend.select("Customers", "C3");
    expect(f.model.selection).toEqual({ sheet: "Customers", address: "C3" });
  });

  test("a table's shown totals row is left out of its box (it is never a customer)", async () => {
    const f = customerSheet(5, { table: true });
    f.model.tables[0].showTotals = true;
    f.model.install();
    expect((await new ExcelWorkbook().index()).tables).toEqual([
      { name: "Customers", sheet: "Customers", box: { top: 0, left: 0, rows: 5, columns: 3 }, totalsRows: 1 },
    ]);
  });
});
