// Engine section (issue 8): grade n customers x 12 indicators in 3 dimensions, minmax and percentile
// scoring, shares and pareto schemes, against one Float64Array sort of n numbers; and grade()'s peak
// memory against the input's size as Float64Arrays. Each size runs in a child process of its own.

import { against, notMeasured } from "../figure";
import type { BenchOptions, Figure, Section } from "../figure";
import { inChild } from "../inChild";
import type { EngineMemory, EngineTimings } from "../jobs/engine";
import { MB } from "../statistics";

const VARIANTS = ["minmax/shares", "minmax/pareto", "percentile/shares", "percentile/pareto"];
const TIME_TARGET_AT = 1_000_000;
const TIME_TARGET = 10;
const MEMORY_TARGET = 3;

/**
 * Sizes, repeats and the sizes whose memory is measured, full or quick.
 * Throws nothing.
 * @example enginePlan(true).sizes // [10000, 100000]
 * @example enginePlan(false).memorySizes // [100000, 1000000]
 */
export function enginePlan(quick: boolean, sizes?: number[]): { sizes: number[]; repeats: (n: number) => number; memorySizes: number[] } {
  const chosen = sizes ?? (quick ? [10_000, 100_000] : [10_000, 100_000, 1_000_000]);
  return {
    sizes: chosen,
    repeats: (n) => (n >= 1_000_000 ? 3 : n >= 100_000 ? (quick ? 3 : 5) : quick ? 5 : 9),
    // Below 100k customers the input is a few MB and RSS noise would dominate the ratio.
    memorySizes: chosen.filter((n) => n >= 100_000 || chosen.length === 1),
  };
}

/**
 * The engine section for bench/run.ts; `sizes` overrides the customer counts (tests use tiny ones).
 * Its run never throws: a size whose child fails becomes a "not measured" figure.
 * @example await engineSection([500]).run(options) // [{ what: "grade minmax/shares, n = 500", unit: "ms", ratio: 31.2, ... }, ...]
 */
export function engineSection(sizes?: number[]): Section {
  return {
    name: "engine",
    about:
      "grade() of n customers x 12 indicators in 3 dimensions; floor: one Float64Array sort of n numbers in the same process. " +
      "Memory: peak RSS growth of one grade() in a fresh process vs the 12 indicator columns as Float64Arrays.",
    async run(options: BenchOptions): Promise<Figure[]> {
      const plan = enginePlan(options.quick, sizes);
      const figures: Figure[] = [];
      for (const n of plan.sizes) {
        options.log(`engine: timing n = ${n.toLocaleString("en-US")}`);
        try {
          const { result } = await inChild<EngineTimings>("jobs/engine", "engineTimings", { n, repeats: plan.repeats(n) }, { timeoutMs: 600_000 });
          const floor = { what: `Float64Array sort of ${n.toLocaleString("en-US")} numbers`, value: result.floorMs };
          result.gradeMs.forEach((ms, k) => {
            const figure = against("engine", `grade ${VARIANTS[k]}, n = ${n.toLocaleString("en-US")}`, ms, "ms", floor, n === TIME_TARGET_AT ? TIME_TARGET : undefined);
            if (n !== TIME_TARGET_AT) figure.note = "target applies at 1,000,000";
            figures.push(figure);
          });
        } catch (error) {
          figures.push(notMeasured("engine", `grade, n = ${n.toLocaleString("en-US")}`, (error as Error).message));
        }
      }
      // A quick run measures the lightest and the heaviest variant's memory only.
      const memoryVariants = options.quick ? [VARIANTS[0], VARIANTS[3]] : VARIANTS;
      for (const n of plan.memorySizes) {
        for (const variant of memoryVariants) {
          const [scoring, scheme] = variant.split("/");
          options.log(`engine: memory ${variant}, n = ${n.toLocaleString("en-US")}`);
          try {
            const { result } = await inChild<EngineMemory>("jobs/engine", "engineMemory", { n, scoring, scheme }, { timeoutMs: 300_000 });
            const floor = { what: "input as Float64Arrays (12 x n x 8 bytes)", value: result.inputBytes / MB };
            const figure = against("engine", `grade ${variant} peak memory, n = ${n.toLocaleString("en-US")}`, result.peakGrowthBytes / MB, "MB", floor, MEMORY_TARGET);
            figure.note = `${result.upperBound ? "upper bound (grade did not raise the process peak); " : ""}retained with the result: ${(result.retainedBytes / MB).toFixed(1)} MB`;
            figures.push(figure);
          } catch (error) {
            figures.push(notMeasured("engine", `grade ${variant} peak memory, n = ${n.toLocaleString("en-US")}`, (error as Error).message));
          }
        }
      }
      return figures;
    },
  };
}
