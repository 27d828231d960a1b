// What every benchmark section reports: one row of BENCHMARKS.md. A figure is a measurement next to
// its floor — the cheapest thing that does the same amount of input work, timed in the same process
// and run — because absolute times on a shared 2-core machine drift from run to run.

export interface Floor {
  /** What the floor is, in words ("Float64Array sort of 1,000,000 numbers"). */
  what: string;
  value: number;
}

export interface Target {
  /** The target as the issue states it ("<= 10x the floor"). */
  text: string;
  met: boolean;
}

export interface Figure {
  section: string;
  /** What was measured ("grade minmax/shares, n = 1,000,000"). */
  what: string;
  value?: number;
  /** Unit of `value` and of `floor.value`: "ms", "MB", "KB", "syncs", ... */
  unit: string;
  floor?: Floor;
  /** value / floor.value, when both exist. */
  ratio?: number;
  target?: Target;
  /** Set instead of a value when the section could not measure: the reason, never a made-up number. */
  notMeasured?: string;
  note?: string;
}

/** Options every section receives from bench/run.ts. */
export interface BenchOptions {
  quick: boolean;
  /** Project root (where package.json lives). */
  root: string;
  /** Scratch folder for generated workbooks and browser profiles (git-ignored .bench-out/). */
  scratch: string;
  log: (line: string) => void;
}

export interface Section {
  name: string;
  /** One line for BENCHMARKS.md: what the section measures and against which floor. */
  about: string;
  run(options: BenchOptions): Promise<Figure[]>;
}

/**
 * A figure with its ratio to the floor and whether the ratio target holds.
 * Throws nothing; a non-positive floor leaves the ratio out (a ratio to zero says nothing).
 *
 * @example against("engine", "grade, n = 10", 30, "ms", { what: "sort", value: 10 }, 10).ratio // 3
 * @example against("engine", "grade, n = 10", 30, "ms", { what: "sort", value: 10 }, 2).target // { text: "<= 2x the floor", met: false }
 */
export function against(section: string, what: string, value: number, unit: string, floor: Floor, maxRatio?: number): Figure {
  const ratio = floor.value > 0 ? value / floor.value : undefined;
  const figure: Figure = { section, what, value, unit, floor, ratio };
  if (maxRatio !== undefined && ratio !== undefined) figure.target = { text: `<= ${maxRatio}x the floor`, met: ratio <= maxRatio };
  return figure;
}

/**
 * A row that says why a figure could not be measured.
 *
 * @example notMeasured("pane", "first render", "dist/taskpane.js is missing").notMeasured // "dist/taskpane.js is missing"
 */
export function notMeasured(section: string, what: string, why: string): Figure {
  return { section, what, unit: "", notMeasured: why };
}
