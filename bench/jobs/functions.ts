// Child-side measurements of the custom functions section (issue 4, Speed): Excel calls a per-cell
// function once per customer with the same big ranges, so each call must cost one pass over them.
// Floors are one pass over the very ranges a call receives, timed in this process.

import { grade } from "../../src/engine/grade";
import type { Direction, GradeInput } from "../../src/engine/types";
import { globalWeights } from "../../src/engine/weights";
import { syntheticCustomers } from "../customers";
import { collectGarbage, median, nowMs } from "../statistics";

type Grid = unknown[][];

/** The custom functions need CustomFunctions.Error only to report errors; outside Excel give them one. */
function installCustomFunctionsGlobal(): void {
  const g = globalThis as Record<string, unknown>;
  if (g.CustomFunctions) return;
  class CustomFunctionsError extends Error {
    constructor(public code: string, message?: string) {
      super(message);
    }
  }
  g.CustomFunctions = { Error: CustomFunctionsError, ErrorCode: { invalidValue: "#VALUE!", notAvailable: "#N/A" } };
}

/** One pass over every cell of the ranges, as cheap as reading them can be: the per-call floor. */
function onePass(ranges: Grid[]): number {
  let sum = 0;
  for (const range of ranges) {
    for (let r = 0; r < range.length; r++) {
      const row = range[r];
      for (let c = 0; c < row.length; c++) {
        const v = row[c];
        if (typeof v === "number") sum += v;
      }
    }
  }
  return sum;
}

export interface PerCallFigure {
  name: string;
  /** Median ms of one call over n customers. */
  callMs: number;
  /** Median ms of one pass over the same ranges. */
  passMs: number;
  calls: number;
}

export interface FunctionsTimings {
  n: number;
  perCall: PerCallFigure[];
  gradeFunctionMs: number;
  gradeEngineMs: number;
}

/**
 * Times `calls` per-cell calls of each function (customers spread evenly over the table) and, between
 * them, one pass over the same ranges; then GRADE against grade() on the same data, interleaved.
 * Each call gets a fresh outer array, as each Excel call marshals its ranges anew.
 * Throws when a function returns nothing or GRADE disagrees with grade().
 * @example await functionsTimings({ n: 10_000, calls: 40, repeats: 3 }) // { n: 10000, perCall: [{ name: "CUSTOMERSCORE", callMs: 13.8, passMs: 0.54, calls: 40 }, ...], gradeFunctionMs: 75, gradeEngineMs: 50 }
 */
export async function functionsTimings(params: { n: number; calls: number; repeats: number }): Promise<FunctionsTimings> {
  installCustomFunctionsGlobal();
  const fx = await import("../../src/functions/functions");
  const { n, calls, repeats } = params;
  const customers = syntheticCustomers(n, "minmax");
  const indicators = customers.weightTable.indicators;
  const flatWeights = globalWeights(customers.weightTable).weights;
  const directions: Direction[] = indicators.map((i) => i.direction);

  const data: Grid = Array.from({ length: n }, (_, i) => customers.indicatorValues.map((column) => column[i]));
  const weightsRow: Grid = [flatWeights];
  const directionsRow: Grid = [directions];
  const engineInput: GradeInput = {
    ids: Array.from({ length: n }, (_, i) => String(i + 1)),
    indicatorValues: customers.indicatorValues,
    weightTable: { dimensions: [], indicators: indicators.map((indicator, j) => ({ ...indicator, dimension: undefined, weight: flatWeights[j] })) },
    scheme: { kind: "shares", shares: [0.2, 0.3, 0.5] },
    labels: ["A", "B", "C"],
    missing: "exclude",
  };
  const graded = grade(engineInput);
  const scores: Grid = Array.from(graded.score, (s) => [s]);
  const values: Grid = Array.from(customers.value, (v) => [v]);

  const cases: { name: string; ranges: (i: number) => Grid[]; call: (i: number, ranges: Grid[]) => unknown }[] = [
    {
      name: "CUSTOMERSCORE",
      ranges: () => [data.slice()],
      call: (i, [d]) => fx.customerScore([data[i]], weightsRow, d, directionsRow, "minmax"),
    },
    { name: "CUSTOMERRANK", ranges: () => [scores.slice()], call: (i, [s]) => fx.customerRank(scores[i][0], s) },
    { name: "CUSTOMERTIER", ranges: () => [scores.slice()], call: (i, [s]) => fx.customerTier(scores[i][0], s) },
    { name: "PARETOCLASS", ranges: () => [values.slice()], call: (i, [v]) => fx.paretoClass(values[i][0], v) },
  ];
  const perCall: PerCallFigure[] = [];
  for (const c of cases) {
    // Warm-up: compile the function and the pass on this input's shapes.
    for (let w = 0; w < 3; w++) {
      c.call(w, c.ranges(w));
      onePass(c.ranges(w));
    }
    collectGarbage();
    const callTimes: number[] = [];
    const passTimes: number[] = [];
    let sink = 0;
    for (let q = 0; q < calls; q++) {
      const i = Math.floor(((q + 0.5) * n) / calls);
      const ranges = c.ranges(i);
      let start = nowMs();
      const out = c.call(i, ranges);
      callTimes.push(nowMs() - start);
      if (out === undefined || out === null) throw new Error(`${c.name} returned nothing for customer ${i + 1}`);
      const again = c.ranges(i);
      start = nowMs();
      sink += onePass(again);
      passTimes.push(nowMs() - start);
    }
    if (!Number.isFinite(sink)) throw new Error("the pass summed to a non-number");
    perCall.push({ name: c.name, callMs: median(callTimes), passMs: median(passTimes), calls });
  }

  // Warm-up at full size for both, so neither side's first timed run pays for compiling its loops.
  for (let w = 0; w < 2; w++) {
    fx.gradeCustomers(data.slice(), weightsRow, directionsRow, undefined, undefined, "minmax");
    grade(engineInput);
  }
  const functionTimes: number[] = [];
  const engineTimes: number[] = [];
  for (let r = 0; r < repeats; r++) {
    collectGarbage();
    let start = nowMs();
    const rows = fx.gradeCustomers(data.slice(), weightsRow, directionsRow, undefined, undefined, "minmax");
    functionTimes.push(nowMs() - start);
    if (rows.length !== n || rows[0][1] !== graded.rank[0]) throw new Error("GRADE disagrees with grade() on the first customer's rank");
    collectGarbage();
    start = nowMs();
    grade(engineInput);
    engineTimes.push(nowMs() - start);
  }
  return { n, perCall, gradeFunctionMs: median(functionTimes), gradeEngineMs: median(engineTimes) };
}
