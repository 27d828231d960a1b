// The benchmark harness (issue 8): its arithmetic, its report, and `--quick` machinery end to end on
// tiny sizes. No timing is asserted — only that figures are measured, paired with floors and written.

import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { customerHeaders, syntheticCustomers, weightSheetRows } from "../../bench/customers";
import { against, notMeasured } from "../../bench/figure";
import type { Section } from "../../bench/figure";
import type { ExcelRun } from "../../bench/jobs/excel";
import { benchmarksMarkdown, formatNumber, NOTES_MARK, parseBenchmarks, sectionMarkdown } from "../../bench/report";
import { parseArgs, runBench } from "../../bench/run";
import { engineSection } from "../../bench/sections/engine";
import { smallSync, syncFloor } from "../../bench/sections/excel";
import { median } from "../../bench/statistics";
import type { Machine } from "../../bench/machine";

const machine: Machine = { cpu: "Test CPU", cores: 2, memoryGb: 4, node: "v20.0.0", os: "Linux", date: "2026-11-22 22:00 UTC" };

describe("figures against floors", () => {
  it("takes the median of an odd and an even number of repeats", () => {
    expect(median([30, 10, 20])).toBe(20);
    expect(median([40, 10, 30, 20])).toBe(25);
    expect(() => median([])).toThrow(RangeError);
  });

  it("reports a grade of 30 ms against a 10 ms sort as 3x, within a 10x target and outside a 2x one", () => {
    const floor = { what: "sort", value: 10 };
    expect(against("engine", "grade", 30, "ms", floor, 10)).toMatchObject({ ratio: 3, target: { met: true } });
    expect(against("engine", "grade", 30, "ms", floor, 2).target).toEqual({ text: "<= 2x the floor", met: false });
    expect(against("engine", "grade", 30, "ms", { what: "nothing", value: 0 }).ratio).toBeUndefined();
  });

  it("formats numbers to about three significant digits", () => {
    expect(formatNumber(1234.567)).toBe("1,235");
    expect(formatNumber(12.345)).toBe("12.3");
    expect(formatNumber(1.2345)).toBe("1.23");
    expect(formatNumber(0.012345)).toBe("0.0123");
  });
});

describe("synthetic customers", () => {
  it("are the same numbers on every run, with 12 indicators in 3 dimensions", () => {
    const a = syntheticCustomers(50);
    const b = syntheticCustomers(50);
    expect(a.ids.slice(0, 2)).toEqual(["C0000001", "C0000002"]);
    expect(a.indicatorValues).toHaveLength(12);
    expect(a.indicatorValues[3]).toEqual(b.indicatorValues[3]);
    expect(new Set(a.weightTable.indicators.map((i) => i.dimension))).toEqual(new Set(["Profitability", "Operating strength", "Cooperation"]));
    expect(a.value).toBe(a.indicatorValues[1]);
  });

  it("draw years of cooperation as whole numbers 0..20 and two lower-is-better indicators", () => {
    const years = syntheticCustomers(500).indicatorValues[7];
    expect(years.every((y) => Number.isInteger(y) && y >= 0 && y <= 20)).toBe(true);
    expect(syntheticCustomers(1).weightTable.indicators.filter((i) => i.direction === "lower").map((i) => i.name)).toEqual(["Complaints", "Overdue days"]);
  });

  it("lay out as sheets: a weight table with dimension rows first, a customer header per indicator", () => {
    const rows = weightSheetRows("percentile");
    expect(rows[1]).toEqual(["Profitability", "", 0.4, "", ""]);
    expect(rows[4]).toEqual(["Profitability", "Sales volume", 0.3, "higher", "percentile"]);
    expect(rows).toHaveLength(1 + 3 + 12);
    expect(customerHeaders()).toHaveLength(13);
  });
});

describe("the Excel section's sync floor", () => {
  const run = (rows: number, syncs: number, request: number, response: number): ExcelRun => ({
    rows,
    syncs,
    maxRequestBytes: 0,
    maxResponseBytes: 0,
    totalRequestBytes: request,
    totalResponseBytes: response,
    ms: 0,
    budget: 4 * 1024 * 1024,
    syncBytes: [],
  });

  it("adds one sync per extra 4 MB of requests and of responses to the small run's count", () => {
    const small = run(200, 8, 14_000, 40_000);
    // 50 MB of requests need 13 batches of 4 MB, 12 more than the small run; 196 MB of responses need 49, 48 more.
    expect(syncFloor(small, run(1_048_575, 142, 50 * 1024 * 1024, 196 * 1024 * 1024))).toBe(8 + 12 + 48);
    expect(syncFloor(small, small)).toBe(8);
  });

  it("counts a sync under 256 KB (budget / 16) as small, not a chunk", () => {
    expect(smallSync(200 * 1024, 4 * 1024 * 1024)).toBe(true);
    expect(smallSync(300 * 1024, 4 * 1024 * 1024)).toBe(false);
  });
});

describe("BENCHMARKS.md", () => {
  const section = { name: "engine", about: "grade() against a sort." };
  const figure = against("engine", "grade minmax/shares, n = 1,000", 30, "ms", { what: "sort of 1,000", value: 10 }, 10);

  it("shows each figure with its floor, ratio and whether the target is met", () => {
    const block = sectionMarkdown(section, [figure, notMeasured("engine", "grade, n = 10", "broken")], machine.date, true);
    expect(block).toContain("| grade minmax/shares, n = 1,000 | 30.0 ms | 10.0 ms (sort of 1,000) | 3.00x | <= 10x the floor | yes |  |");
    expect(block).toContain("| grade, n = 10 | not measured: broken |");
    expect(block).toContain("Targets met: 1 of 1; 1 figure(s) not measured.");
  });

  it("keeps the other sections' blocks and the hand-written notes when one section is re-measured", () => {
    const first = benchmarksMarkdown(
      machine,
      ["engine", "pane"],
      new Map([
        ["engine", sectionMarkdown(section, [figure], machine.date, false)],
        ["pane", sectionMarkdown({ name: "pane", about: "Bundle." }, [], machine.date, false)],
      ]),
      "",
    );
    const withNotes = `${first}\nThe percentile variant is bound by 12 sorts.\n`;
    const again = against("engine", "grade minmax/shares, n = 1,000", 50, "ms", { what: "sort of 1,000", value: 10 }, 10);
    const second = benchmarksMarkdown(machine, ["engine", "pane"], new Map([["engine", sectionMarkdown(section, [again], machine.date, false)]]), withNotes);
    const parsed = parseBenchmarks(second);
    expect(parsed.blocks.get("engine")).toContain("| 50.0 ms |");
    expect(parsed.blocks.get("pane")).toContain("Bundle.");
    expect(parsed.notes.trim()).toBe("The percentile variant is bound by 12 sorts.");
    expect(second).toContain("- CPU: Test CPU, 2 cores");
    expect(second.indexOf(NOTES_MARK)).toBeGreaterThan(second.indexOf("<!-- /section:pane -->"));
  });
});

describe("npm run bench's options", () => {
  it("reads --quick, --only and --out, and refuses what it does not know", () => {
    expect(parseArgs(["--quick", "--only", "engine"], "/repo")).toEqual({ quick: true, only: "engine", out: "/repo/BENCHMARKS.md" });
    expect(() => parseArgs(["--only", "nothing"], "/repo")).toThrow(RangeError);
    expect(() => parseArgs(["--fast"], "/repo")).toThrow(RangeError);
  });
});

describe("a --quick run on tiny sizes", () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "bench-test-"));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("measures the engine in child processes, pairs every figure with a floor, and writes the report", async () => {
    const out = path.join(dir, "BENCHMARKS.md");
    const broken: Section = {
      name: "broken",
      about: "A section whose code is not there yet.",
      run: async () => {
        throw new Error("src/nowhere.ts is missing");
      },
    };
    const lines: string[] = [];
    const figures = await runBench({ quick: true, out }, [engineSection([500]), broken], (l) => lines.push(l));

    const timings = figures.filter((f) => f.section === "engine" && f.unit === "ms");
    expect(timings.map((f) => f.what)).toEqual([
      "grade minmax/shares, n = 500",
      "grade minmax/pareto, n = 500",
      "grade percentile/shares, n = 500",
      "grade percentile/pareto, n = 500",
    ]);
    for (const f of timings) {
      expect(f.value).toBeGreaterThan(0);
      expect(f.floor?.value).toBeGreaterThan(0);
      expect(f.ratio).toBeCloseTo((f.value as number) / (f.floor?.value as number), 10);
    }
    const memory = figures.filter((f) => f.unit === "MB");
    // 12 indicators x 500 customers x 8 bytes = 48,000 bytes of input; a quick run measures 2 variants.
    expect(memory).toHaveLength(2);
    for (const f of memory) expect(f.floor?.value).toBeCloseTo(48_000 / (1024 * 1024), 10);
    expect(figures.find((f) => f.section === "broken")?.notMeasured).toBe("src/nowhere.ts is missing");

    const written = fs.readFileSync(out, "utf8");
    expect(written).toContain("| grade percentile/pareto, n = 500 |");
    expect(written).toContain("not measured: src/nowhere.ts is missing");
    expect(lines.some((l) => l.includes("Float64Array sort of 500 numbers"))).toBe(true);
  });
});
