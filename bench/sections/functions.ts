// Custom functions section (issues 4 and 8): the per-cell functions' cost per call against one pass
// over the same ranges (target <= 3x: linear, never a sort per call), and GRADE against the engine's
// grade() on the same data (target <= 1.2x).

import { against, notMeasured } from "../figure";
import type { BenchOptions, Figure, Section } from "../figure";
import { inChild } from "../inChild";
import type { FunctionsTimings } from "../jobs/functions";

const PER_CALL_TARGET = 3;
const GRADE_TARGET = 1.2;

/**
 * The custom functions section for bench/run.ts; `sizes` and `calls` override the customer counts and the sample of calls.
 * Its run never throws: a size whose child fails becomes a "not measured" figure.
 * @example await functionsSection([10_000], 40).run(options) // [{ what: "CUSTOMERSCORE per call, n = 10,000", ratio: 25.8, target: { met: false } }, ...]
 */
export function functionsSection(sizes?: number[], calls?: number): Section {
  return {
    name: "functions",
    about:
      "TIERS.* custom functions called as Excel calls them, over n synthetic customers (12 indicators). Per-cell functions: the median of a sample of calls " +
      "(customers spread over the table; n calls each O(n) would be 1e10 steps at 100k) against one pass reading every cell of the same ranges. " +
      "GRADE: the custom function (ranges in, spill rows out) against the engine's grade() on the same numbers as Float64Arrays.",
    async run(options: BenchOptions): Promise<Figure[]> {
      const chosen = sizes ?? (options.quick ? [10_000] : [10_000, 100_000]);
      const figures: Figure[] = [];
      for (const n of chosen) {
        const label = n.toLocaleString("en-US");
        options.log(`functions: n = ${label}`);
        try {
          const sample = calls ?? (options.quick ? 40 : 200);
          const { result } = await inChild<FunctionsTimings>(
            "jobs/functions",
            "functionsTimings",
            { n, calls: sample, repeats: options.quick ? 3 : 5 },
            { timeoutMs: 600_000 },
          );
          for (const f of result.perCall) {
            const figure = against(
              "functions",
              `${f.name} per call, n = ${label}`,
              f.callMs,
              "ms",
              { what: `one pass over the same ranges`, value: f.passMs },
              PER_CALL_TARGET,
            );
            figure.note = `median of ${f.calls} calls`;
            figures.push(figure);
          }
          figures.push(
            against("functions", `GRADE, n = ${label}`, result.gradeFunctionMs, "ms", { what: "engine grade() on the same data", value: result.gradeEngineMs }, GRADE_TARGET),
          );
        } catch (error) {
          figures.push(notMeasured("functions", `custom functions, n = ${label}`, (error as Error).message));
        }
      }
      return figures;
    },
  };
}
