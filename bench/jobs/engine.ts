// Child-side measurements of the engine section: grade() on synthetic customers against one
// Float64Array sort of n numbers in the same process (the floor), and grade()'s peak memory.

import { grade } from "../../src/engine/grade";
import type { GradeInput, ScoringRule, TierScheme } from "../../src/engine/types";
import { syntheticCustomers, seededRandom } from "../customers";
import { collectGarbage, heldBytes, median, peakRssBytes, timeMedian } from "../statistics";

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

/**
 * The grade() input for n synthetic customers under one variant.
 * Throws RangeError when n is not a positive whole number.
 * @example engineInput(3, { scoring: "percentile", scheme: "pareto" }).scheme // { kind: "pareto", cutoffs: [0.8, 0.95] }
 */
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

/** n uniform random numbers: what the floor sorts (a fresh copy each time). */
function sortSource(n: number): Float64Array {
  const random = seededRandom(7);
  const source = new Float64Array(n);
  for (let i = 0; i < n; i++) source[i] = random();
  return source;
}

export interface EngineTimings {
  n: number;
  floorMs: number;
  /** Median ms per variant, in ENGINE_VARIANTS order. */
  gradeMs: number[];
}

/**
 * Times the floor and every variant in this one process. Repeats are interleaved (floor, then each
 * variant, then again), so a busy neighbour slows the floor and the figures alike and the ratio holds.
 * Throws what grade() throws.
 * @example engineTimings({ n: 100_000, repeats: 5 }) // { n: 100000, floorMs: 8.1, gradeMs: [62, 70, 81, 95] }
 */
export function engineTimings(params: { n: number; repeats: number }): EngineTimings {
  const { n, repeats } = params;
  const source = sortSource(n);
  const inputs = ENGINE_VARIANTS.map((variant) => engineInput(n, variant));
  // Warm-up on a smaller input: the first calls pay for compiling grade() and the sort.
  for (const variant of ENGINE_VARIANTS) {
    const small = engineInput(Math.min(n, 20_000), variant);
    for (let w = 0; w < 3; w++) grade(small);
  }
  for (let w = 0; w < 3; w++) sortSource(20_000).sort();
  const floorTimes: number[] = [];
  const gradeTimes: number[][] = ENGINE_VARIANTS.map(() => []);
  for (let k = 0; k < repeats; k++) {
    floorTimes.push(timeMedian(1, () => source.slice(), (a) => a.sort()));
    inputs.forEach((input, v) => gradeTimes[v].push(timeMedian(1, () => input, grade)));
  }
  return { n, floorMs: median(floorTimes), gradeMs: gradeTimes.map(median) };
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

/**
 * One grade() in a fresh process: how much memory it needs beyond its input.
 * Throws what grade() throws, or Error when grade() returns the wrong number of scores.
 * @example engineMemory({ n: 1_000_000, scoring: "minmax", scheme: "shares" }) // { inputBytes: 96_000_000, peakGrowthBytes: 150_000_000, ... }
 */
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
