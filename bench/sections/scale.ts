// Scale section (issue 13, "Scale: Excel's largest sheet"): `tiers grade` on a workbook of 1,048,575
// customers x 12 indicators written the way Excel writes it, against a floor measured in the same run
// (unzip + tokenize + rezip of the same customer sheet), with each one's peak memory; every
// measurement in a child process of its own; then `tiers split` of the graded file into the 100 owners'
// copies and the company-wide one; the graded file is also graded again (no target of its own).
// Targets: grading <= 2x the floor, split <= 3x, each <= 1.5 GB peak.

import * as fs from "fs";
import * as path from "path";
import { against, notMeasured } from "../figure";
import type { BenchOptions, Figure, Section } from "../figure";
import { inChild } from "../inChild";
import type { ScaleTiming } from "../jobs/scale";
import { MB, median } from "../statistics";

const TIME_TARGET = 2;
const SPLIT_TIME_TARGET = 3;
const MEMORY_TARGET_MB = 1536;

/**
 * The scale section for bench/run.ts; `size` overrides the customer count (1,048,575, Excel's last
 * row less the header; 100,000 with --quick). Its run never throws: a failure becomes a "not measured" figure.
 * @example await scaleSection(100_000).run(options) // [{ what: "tiers grade, 100,000 customers", ratio: 1.6, ... }, ...]
 */
export function scaleSection(size?: number): Section {
  return {
    name: "scale",
    about:
      "A workbook with the weight table and n customers x 12 indicators and an owner, written the way Excel writes it (cell references, shared strings, " +
      "spans and x14ac:dyDescent, DEFLATE). Measured: `tiers grade <file> --out <file>` (src/cli/main.ts, the .xlsx executor's streaming path). " +
      "Floor: the customer sheet inflated in chunks, every token walked by the project's tokenizer, deflated again (level 1, as the executor saves) " +
      "into a new package with the other parts copied, written to a file. Then `tiers grade` of the graded file (graded again, as periodic re-grading does: every row " +
      "holds owned cells to replace; no time target of its own). Then `tiers split <graded file> --by Owner --out <folder>` (the fixture's " +
      "100 owners round robin: 100 copies of about n/100 customers and the company-wide copy of all n, each streamed to disk as it is built), " +
      "each run after a floor run of its own on the file it splits (the issue's floor: unzip + tokenize + rezip of the same file, here the graded one); " +
      "the note gives the ratio against the first file's floors too (the stricter one: the graded file is larger). " +
      "Peak memory: each child process's maxRSS; target 1.5 GB. A first child compiles every module the jobs load, so no measured child holds the TypeScript compiler.",
    async run(options: BenchOptions): Promise<Figure[]> {
      const n = size ?? (options.quick ? 100_000 : 1_048_575);
      const label = n.toLocaleString("en-US");
      let file: string;
      try {
        options.log(`scale: fixture with ${label} customers (written once, then reused)`);
        file = (await inChild<string>("jobs/scale", "excelLikeWorkbook", { n, scratch: options.scratch }, { timeoutMs: 1_800_000 })).result;
      } catch (error) {
        return [notMeasured("scale", `tiers grade, ${label} customers`, `could not write the fixture: ${(error as Error).message}`)];
      }
      const fileMb = fs.statSync(file).size / MB;
      const out = (name: string) => path.join(options.scratch, `scale-${name}-${n}.xlsx`);
      const figures: Figure[] = [];
      // Floor and grade alternate, three times each (once with --quick), so that both see the same machine;
      // times are medians, peak memory the largest of the runs (it varies from run to run with when V8
      // collects), and the note lists every run.
      const runs = options.quick ? 1 : 3;
      const floors: { result: ScaleTiming; maxRssBytes: number }[] = [];
      const grades: { result: ScaleTiming; maxRssBytes: number }[] = [];
      try {
        options.log("scale: compiling the modules the jobs load, so that no measured child compiles");
        await inChild<number>("jobs/scale", "warmUp", {}, { timeoutMs: 600_000 });
      } catch (error) {
        return [notMeasured("scale", `tiers grade, ${label} customers`, `the modules did not load: ${(error as Error).message}`)];
      }
      for (let run = 1; run <= runs; run++) {
        try {
          options.log(`scale: floor (unzip + tokenize + rezip), run ${run} of ${runs}`);
          floors.push(await inChild<ScaleTiming>("jobs/scale", "scaleFloor", { file, out: out("floor") }, { timeoutMs: 1_800_000 }));
        } catch (error) {
          return [notMeasured("scale", `tiers grade, ${label} customers`, `the floor failed: ${(error as Error).message}`)];
        }
        try {
          options.log(`scale: tiers grade, run ${run} of ${runs}`);
          grades.push(await inChild<ScaleTiming>("jobs/scale", "scaleGrade", { file, out: out("graded") }, { timeoutMs: 1_800_000 }));
        } catch (error) {
          figures.push(notMeasured("scale", `tiers grade, ${label} customers`, (error as Error).message));
          break;
        }
      }
      const floorMs = median(floors.map((f) => f.result.ms));
      const floorCpu = median(floors.map((f) => f.result.cpuMs));
      const floorRss = Math.max(...floors.map((f) => f.maxRssBytes)) / MB;
      const seconds = (ms: number) => (ms / 1000).toFixed(1);
      // The largest peak of a job's runs against the 1.5 GB target, every run's peak in the note.
      const peakMemory = (what: string, runs: { maxRssBytes: number }[]): Figure => {
        const peaks = runs.map((one) => one.maxRssBytes / MB);
        const memory = against("scale", what, Math.max(...peaks), "MB", { what: "maxRSS of the floor", value: floorRss });
        memory.target = { text: "<= 1.5 GB", met: Math.max(...peaks) <= MEMORY_TARGET_MB };
        memory.note = `the largest of ${runs.length} runs: ${peaks.map((mb) => Math.round(mb).toLocaleString("en-US")).join(", ")} MB`;
        return memory;
      };
      const listed = (values: number[]) => values.map(seconds).join(", ");
      if (grades.length === runs) {
        const gradeMs = median(grades.map((g) => g.result.ms));
        const gradeCpu = median(grades.map((g) => g.result.cpuMs));
        const time = against("scale", `tiers grade, ${label} customers`, gradeMs, "ms", { what: "unzip + tokenize + rezip of the same file", value: floorMs }, TIME_TARGET);
        time.note =
          `file ${fileMb.toFixed(1)} MB in (sheet ${((floors[0].result.sheetBytes ?? 0) / MB).toFixed(0)} MB of XML), ${(grades[0].result.outBytes / MB).toFixed(1)} MB out; ` +
          `median of ${runs} (grade ${listed(grades.map((g) => g.result.ms))} s, floor ${listed(floors.map((f) => f.result.ms))} s); ` +
          `CPU time ${seconds(gradeCpu)} s vs the floor's ${seconds(floorCpu)} s (${(gradeCpu / floorCpu).toFixed(2)}x)`;
        figures.push(time);
        figures.push(peakMemory(`peak memory (maxRSS), tiers grade, ${label} customers`, grades));
      }
      // Grading the graded file again, as the periodic re-grading does: every row holds owned cells to replace.
      const regradeWhat = `tiers grade of the graded file (graded again), ${label} customers`;
      if (fs.existsSync(out("graded"))) {
        const regrades: { result: ScaleTiming; maxRssBytes: number }[] = [];
        const regradeRuns = options.quick ? 1 : 2;
        try {
          for (let run = 1; run <= regradeRuns; run++) {
            options.log(`scale: tiers grade of the graded file, run ${run} of ${regradeRuns}`);
            regrades.push(await inChild<ScaleTiming>("jobs/scale", "scaleGrade", { file: out("graded"), out: out("regraded") }, { timeoutMs: 1_800_000 }));
          }
          const regradeMs = median(regrades.map((one) => one.result.ms));
          const regradeCpu = median(regrades.map((one) => one.result.cpuMs));
          const time = against("scale", regradeWhat, regradeMs, "ms", { what: "unzip + tokenize + rezip of the first file", value: floorMs });
          time.note =
            `no target of its own (the issue sets 2x for a first grade); graded file ${(fs.statSync(out("graded")).size / MB).toFixed(1)} MB in; ` +
            `median of ${regradeRuns} (${listed(regrades.map((one) => one.result.ms))} s); CPU time ${seconds(regradeCpu)} s`;
          figures.push(time);
          figures.push(peakMemory(`peak memory (maxRSS), ${regradeWhat}`, regrades));
        } catch (error) {
          figures.push(notMeasured("scale", regradeWhat, (error as Error).message));
        }
      }
      const splitWhat = `tiers split by Owner, ${label} customers`;
      if (!fs.existsSync(out("graded"))) figures.push(notMeasured("scale", splitWhat, "no graded file (the grade above failed)"));
      else {
        const splits: { result: ScaleTiming & { copies: number }; maxRssBytes: number }[] = [];
        // The floor again beside each split run (the grades above have theirs): minutes after the first
        // floors this shared machine may run at another speed (the same split took 51 and 60 s in two
        // runs of this section an hour apart, against floors measured minutes before it).
        const splitFloors: { result: ScaleTiming; maxRssBytes: number }[] = [];
        const splitRuns = options.quick ? 1 : 2;
        try {
          const folder = path.join(options.scratch, `scale-copies-${n}`);
          for (let run = 1; run <= splitRuns; run++) {
            options.log(`scale: floor (unzip + tokenize + rezip) of the graded file beside split run ${run} of ${splitRuns}`);
            splitFloors.push(await inChild<ScaleTiming>("jobs/scale", "scaleFloor", { file: out("graded"), out: out("floor") }, { timeoutMs: 1_800_000 }));
            options.log(`scale: tiers split, run ${run} of ${splitRuns}`);
            splits.push(await inChild<ScaleTiming & { copies: number }>("jobs/scale", "scaleSplit", { file: out("graded"), out: folder }, { timeoutMs: 1_800_000 }));
          }
          const splitMs = median(splits.map((one) => one.result.ms));
          const splitCpu = median(splits.map((one) => one.result.cpuMs));
          const besideMs = median(splitFloors.map((f) => f.result.ms));
          const besideCpu = median(splitFloors.map((f) => f.result.cpuMs));
          // The floor is of "the same file": the graded file split reads. The first file's floors
          // (the grade's, measured in this run) are in the note, the stricter ratio.
          const time = against("scale", splitWhat, splitMs, "ms", { what: "unzip + tokenize + rezip of the graded file, beside each split", value: besideMs }, SPLIT_TIME_TARGET);
          time.note =
            `graded file ${(fs.statSync(out("graded")).size / MB).toFixed(1)} MB in, ${splits[0].result.copies} copies out (${(splits[0].result.outBytes / MB).toFixed(1)} MB); ` +
            `median of ${splitRuns} (split ${listed(splits.map((one) => one.result.ms))} s, floor beside it ${listed(splitFloors.map((f) => f.result.ms))} s); ` +
            `CPU time ${seconds(splitCpu)} s vs the floor's ${seconds(besideCpu)} s (${(splitCpu / besideCpu).toFixed(2)}x); ` +
            `against the first file's floors (the grade's, ${seconds(floorMs)} s) ${(splitMs / floorMs).toFixed(2)}x`;
          figures.push(time);
          figures.push(peakMemory(`peak memory (maxRSS), ${splitWhat}`, splits));
        } catch (error) {
          figures.push(notMeasured("scale", splitWhat, (error as Error).message));
        }
      }
      for (const name of ["floor", "graded", "regraded"]) fs.rmSync(out(name), { force: true });
      return figures;
    },
  };
}
