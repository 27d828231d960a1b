// Child-side measurements of the engine section: grade() on synthetic customers against one
// Float64Array sort of n numbers in the same process (the floor), and grade()'s peak memory.

import { grade } from "../../src/engine/grade";
import type { GradeInput, ScoringRule, TierScheme } from "../../src/engine/types";
import { syntheticCustomers, seededRandom } from "../customers";
import { collectGarbage, heldBytes, peakRssBytes, timeMedian } from "../statistics";

export type SchemeKind = "shares" | "pareto";

export interface EngineVariant {
  scoring: ScoringRule;
  scheme: SchemeKind;
}

export const ENGINE_VARIANTS: EngineVariant[] = [
  { scoring: "minmax", scheme: "shares" },
  { scoring: "minmax", scheme: "pareto" },
  { scoring: "percentile", scheme: "shares" },
  { scoring: "percentile", scheme: "pareto" },
];

function schemeOf(kind: SchemeKind): TierScheme {
  return kind === "shares" ? { kind: "shares", shares: [0.2, 0.3, 0.5] } : { kind: "pareto", cutoffs: [0.8, 0.95] };
}

/** The grade() input for n synthetic customers under one variant. */
export function engineInput(n: number, variant: EngineVariant): GradeInput {
  const customers = syntheticCustomers(n, variant.scoring);
  return {
    ids: customers.ids,
    indicatorValues: customers.indicatorValues,
    weightTable: customers.weightTable,
    scheme: schemeOf(variant.scheme),
    labels: ["A", "B", "C"],
    missing: "exclude",
    value: customers.value,
  };
}

/**
 * The floor: median ms of sorting a fresh Float64Array of n uniform random numbers (the copy is
 * made outside the timing).
 */
export function sortFloorMs(n: number, repeats: number): number {
  const random = seededRandom(7);
  const source = new Float64Array(n);
  for (let i = 0; i < n; i++) source[i] = random();
  return timeMedian(repeats, () => source.slice(), (a) => a.sort());
}

export interface EngineTimings {
  n: number;
  floorMs: number;
  /** Median ms per variant, in ENGINE_VARIANTS order. */
  gradeMs: number[];
}

/** Times the floor and every variant in this one process (the floor is re-timed last as well). */
export function engineTimings(params: { n: number; repeats: number }): EngineTimings {
  const { n, repeats } = params;
  const before = sortFloorMs(n, repeats);
  const gradeMs = ENGINE_VARIANTS.map((variant) => {
    const input = engineInput(n, variant);
    grade(input); // warm-up: the first call pays for compiling grade() itself
    return timeMedian(repeats, () => input, grade);
  });
  // Taking the lower of two floor medians keeps a noisy neighbour from flattering the ratio.
  const floorMs = Math.min(before, sortFloorMs(n, repeats));
  return { n, floorMs, gradeMs };
}

export interface EngineMemory {
  n: number;
  /** Bytes of the input as Float64Arrays: 12 indicators x n x 8. */
  inputBytes: number;
  /** Peak RSS during grade() minus RSS just before it. */
  peakGrowthBytes: number;
  /** True when grade() did not raise the process's peak: then peakGrowthBytes is an upper bound. */
  upperBound: boolean;
  /** Heap and array buffers held after grade() with its result alive, minus before. */
  retainedBytes: number;
}

/** One grade() in a fresh process: how much memory it needs beyond its input. */
export function engineMemory(params: { n: number } & EngineVariant): EngineMemory {
  const input = engineInput(params.n, params);
  const inputBytes = input.indicatorValues.reduce((sum, column) => sum + column.byteLength, 0);
  collectGarbage();
  const rssBefore = process.memoryUsage().rss;
  const heldBefore = heldBytes();
  const peakBefore = peakRssBytes();
  const result = grade(input);
  const peakAfter = peakRssBytes();
  collectGarbage();
  const retainedBytes = heldBytes() - heldBefore;
  if (result.score.length !== params.n) throw new Error("grade returned the wrong number of scores");
  return {
    n: params.n,
    inputBytes,
    peakGrowthBytes: Math.max(0, peakAfter - rssBefore),
    upperBound: peakAfter <= peakBefore,
    retainedBytes,
  };
}
