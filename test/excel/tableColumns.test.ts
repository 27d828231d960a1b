// Issue 12 defect 4: re-grading a table after the analyst added a column to its right. The add-in's
// columns are found by name where they are and updated in place; the analyst's column keeps its cells.

import { ExcelWorkbook } from "../../src/workbook/executors/excel";
import { gradeWorkbook } from "../../src/workbook/run";
import type { GradeSettings } from "../../src/workbook/run";
import { tablePartXml } from "../../src/workbook/executors/xlsx/tablePartXml";
import { StandinWorkbook } from "../support/excel-standin";
import { BUDGET, settings, workbook } from "./runFixtures";

async function grade(model: StandinWorkbook, s: GradeSettings, signal?: AbortSignal) {
  model.install();
  return gradeWorkbook(new ExcelWorkbook({ budget: BUDGET }), s, undefined, signal);
}

/** The analyst types a "Note" header right of the table; Excel's AutoExpansion makes it a table column. */
function addNoteColumn(model: StandinWorkbook): number {
  const table = model.tables[0];
  const column = table.box.left + table.box.columns;
  model.setValues("Customers", 0, column, [["Note"]]);
  for (let r = 1; r < table.box.rows; r++) model.setValues("Customers", r, column, [[`note ${r}`]]);
  table.headers.push("Note");
  table.box = { ...table.box, columns: table.box.columns + 1 };
  return column;
}

const row = (model: StandinWorkbook, r: number, from: number, to: number) => {
  const out: unknown[] = [];
  for (let c = from; c <= to; c++) out.push(model.get("Customers", r, c));
  return out;
};

describe("a column the analyst added right of the table", () => {
  test("a re-run keeps it, and writes Score, Rank and Tier in their own place", async () => {
    const model = workbook({ table: true });
    expect((await grade(model, settings())).ok).toBe(true);
    const first = JSON.stringify([row(model, 0, 6, 8), row(model, 1, 6, 8), row(model, 12, 6, 8)]);
    const note = addNoteColumn(model);
    expect(note).toBe(9);
    expect((await grade(model, settings())).ok).toBe(true);
    expect(JSON.stringify([row(model, 0, 6, 8), row(model, 1, 6, 8), row(model, 12, 6, 8)])).toBe(first);
    expect(row(model, 0, 9, 9)).toEqual(["Note"]);
    expect(row(model, 5, 9, 9)).toEqual(["note 5"]);
    expect(model.tables[0].headers.slice(6)).toEqual(["Score", "Rank", "Tier", "Note"]);
  });

  test("in the other language the add-in's table columns are renamed in place", async () => {
    const model = workbook({ table: true });
    await grade(model, settings());
    addNoteColumn(model);
    expect((await grade(model, settings({ lang: "zh-CN" }))).ok).toBe(true);
    expect(model.tables[0].headers.slice(6)).toEqual(["得分", "排名", "等级", "Note"]);
    expect(row(model, 0, 6, 9)).toEqual(["得分", "排名", "等级", "Note"]);
    expect(row(model, 7, 9, 9)).toEqual(["note 7"]);
  });

  test("a cancelled re-run in the other language puts names, cells and the note back", async () => {
    const base = workbook({ table: true });
    await grade(base, settings());
    addNoteColumn(base);
    const before = JSON.stringify(base.snapshot());
    const probe = workbook({ table: true });
    await grade(probe, settings());
    addNoteColumn(probe);
    const start = probe.syncs.length;
    await grade(probe, settings({ lang: "zh-CN" }));
    const total = probe.syncs.length - start;
    let cancelled = 0;
    for (let k = 1; k < total; k++) {
      const model = workbook({ table: true });
      await grade(model, settings());
      addNoteColumn(model);
      const from = model.syncs.length;
      const controller = new AbortController();
      model.onSync = (count) => {
        if (count - from === k) controller.abort();
      };
      const error = await grade(model, settings({ lang: "zh-CN" }), controller.signal).catch((e: unknown) => e);
      model.onSync = undefined;
      if (!(error instanceof Error)) continue;
      expect(error.name).toBe("AbortError");
      cancelled++;
      expect(JSON.stringify(model.snapshot())).toBe(before);
    }
    expect(cancelled).toBeGreaterThan(5);
  });

  test("a run that would write more columns than there is room for stops with a problem naming the column", async () => {
    const model = workbook({ table: true });
    await grade(model, settings());
    addNoteColumn(model);
    const before = JSON.stringify(model.snapshot());
    const outcome = await grade(model, settings({ risk: true }));
    expect(outcome.ok).toBe(false);
    const problem = outcome.inspection.problems.find((p) => p.code === "output-columns-blocked");
    expect(problem).toMatchObject({ sheet: "Customers", cell: "J1" });
    expect(problem?.message["en-US"]).toContain('"Note"');
    expect(problem?.message["zh-CN"]).toContain("“Note”");
    expect(JSON.stringify(model.snapshot())).toBe(before);
  });
});

describe("the .xlsx table part", () => {
  test("in place inside the table, the add-in's columns take the new names and keep their ids", () => {
    const xml =
      '<table xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" id="1" name="Customers" displayName="Customers" ref="A1:E6"><autoFilter ref="A1:E6"/><tableColumns count="5">' +
      '<tableColumn id="1" name="ID"/><tableColumn id="2" name="Score"/><tableColumn id="3" name="Rank"/><tableColumn id="4" name="Tier"/><tableColumn id="5" name="Note"/>' +
      "</tableColumns></table>";
    const out = tablePartXml(xml, [{ headerRow: 0, first: 1, last: 3 }], { firstColumn: 1, headers: ["得分", "排名", "等级"], lastRow: 5 });
    expect(out).toContain('<tableColumn id="2" name="得分"/><tableColumn id="3" name="排名"/><tableColumn id="4" name="等级"/><tableColumn id="5" name="Note"/>');
    expect(out).toContain('ref="A1:E6"');
  });
});
