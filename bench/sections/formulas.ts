// Live formulas section (issue 8): how long LibreOffice takes to recalculate a formula-mode workbook of
// n customers — what an analyst without the add-in waits for — against the engine grading the same n.
// LibreOffice's start-up and file loading are taken out by timing the values-mode file the same way.

import * as path from "path";
import { against, notMeasured } from "../figure";
import type { BenchOptions, Figure, Section } from "../figure";
import { inChild } from "../inChild";
import type { EngineTimings } from "../jobs/engine";
import type { FormulasTimings } from "../jobs/formulas";

/**
 * The live-formulas section for bench/run.ts; `size` overrides the customer count.
 * Its run never throws: a failure becomes a "not measured" figure with the reason.
 * @example await formulasSection(1000).run(options) // [{ what: "LibreOffice open + recalculate + export, ...", value: 7364, ratio: 2.66 }, { what: "LibreOffice recalculation alone, ...", ... }]
 */
export function formulasSection(size?: number): Section {
  return {
    name: "formulas",
    about:
      "The n-customer workbook graded by the .xlsx backend in \"formulas\" mode (live Excel formulas) and in \"values\" mode, each converted to CSV by LibreOffice " +
      "(soffice --headless, OOXMLRecalcMode 0 so every formula is recalculated on load). Recalculation = formulas-mode time minus values-mode time; " +
      "floor: the engine's grade() of the same n customers (minmax, shares). The recalculated tiers and scores are checked against the engine's.",
    async run(options: BenchOptions): Promise<Figure[]> {
      const n = size ?? (options.quick ? 1_000 : 10_000);
      const label = n.toLocaleString("en-US");
      const repeats = options.quick ? 1 : 3;
      try {
        options.log(`formulas: grading ${label} customers in both modes`);
        const source = (await inChild<string>("jobs/xlsx", "customerWorkbook", { n, scratch: options.scratch }, { timeoutMs: 600_000 })).result;
        const values = path.join(options.scratch, `graded-values-${n}.xlsx`);
        const formulas = path.join(options.scratch, `graded-formulas-${n}.xlsx`);
        await inChild("jobs/formulas", "gradeToFile", { source, out: values, mode: "values" }, { timeoutMs: 600_000 });
        const { result: written } = await inChild<{ formulaCells: number }>("jobs/formulas", "gradeToFile", { source, out: formulas, mode: "formulas" }, { timeoutMs: 600_000 });
        if (written.formulaCells === 0) return [notMeasured("formulas", `LibreOffice recalculation, ${label} customers`, 'settings.mode "formulas" wrote no formulas into the output columns')];
        options.log("formulas: LibreOffice conversions");
        const { result: office } = await inChild<FormulasTimings>("jobs/formulas", "sofficeTimings", { values, formulas, scratch: options.scratch, repeats }, { timeoutMs: 1_200_000 });
        const { result: engine } = await inChild<EngineTimings>("jobs/engine", "engineTimings", { n, repeats: options.quick ? 3 : 5 }, { timeoutMs: 300_000 });
        const recalcMs = Math.max(0, office.formulasMs - office.valuesMs);
        const floor = { what: `engine grade() of ${label} customers`, value: engine.gradeMs[0] };
        const check = `recalculated vs engine: ${office.tierMismatches} of ${office.rows} tiers differ, largest score difference ${office.maxScoreDifference.toPrecision(2)}`;
        const total = against("formulas", `LibreOffice open + recalculate + export, formulas mode, ${label} customers`, office.formulasMs, "ms", { what: "the same for the values-mode file", value: office.valuesMs });
        total.note = `${written.formulaCells.toLocaleString("en-US")} formula cells in the output columns; median of ${repeats}`;
        const recalc = against("formulas", `LibreOffice recalculation alone, ${label} customers`, recalcMs, "ms", floor);
        recalc.note = check;
        return [total, recalc];
      } catch (error) {
        return [notMeasured("formulas", `LibreOffice recalculation, ${label} customers`, (error as Error).message)];
      }
    },
  };
}
