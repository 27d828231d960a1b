// .xlsx section (issues 5 and 8): grading a customer workbook end to end with the project's backend
// (open + grade + save) against the library it is built on reading and writing the same file
// (target <= 1.5x), and each one's peak memory, every measurement in a child process of its own.

import * as fs from "fs";
import { against, notMeasured } from "../figure";
import type { BenchOptions, Figure, Section } from "../figure";
import { inChild } from "../inChild";
import type { CopiesTiming, XlsxTiming } from "../jobs/xlsx";
import { MB } from "../statistics";

const TARGET = 1.5;

/**
 * The .xlsx section for bench/run.ts; `size` overrides the customer count.
 * Its run never throws: a failure becomes a "not measured" figure with the reason.
 * @example await xlsxSection(10_000).run(options) // [{ what: "open + grade + save, 10,000 customers", ratio: 1.3, ... }, { what: "peak memory (maxRSS), ..." }]
 */
export function xlsxSection(size?: number): Section {
  return {
    name: "xlsx",
    about:
      "A workbook with the weight table and n customers x 12 indicators, written once with xlsx-populate. Measured: openXlsx + gradeWorkbook + save " +
      "(src/workbook/executors/xlsx, built on JSZip). Floor: JSZip alone reading every part of the same file to text and writing every part back (DEFLATE level 6, as the backend saves). " +
      "Reference without target (full run only): xlsx-populate's own fromDataAsync + outputAsync. Peak memory: each child process's maxRSS (node's own baseline included). " +
      "Copies (no target in the issues): prepare for sharing and tiers split (100 owners, so 101 copies) on the graded file, against JSZip reading and writing that graded file.",
    async run(options: BenchOptions): Promise<Figure[]> {
      const n = size ?? (options.quick ? 10_000 : 100_000);
      const label = n.toLocaleString("en-US");
      const repeats = options.quick ? 1 : 2;
      const figures: Figure[] = [];
      let file: string;
      try {
        options.log(`xlsx: fixture with ${label} customers`);
        file = (await inChild<string>("jobs/xlsx", "customerWorkbook", { n, scratch: options.scratch }, { timeoutMs: 600_000 })).result;
      } catch (error) {
        return [notMeasured("xlsx", `end to end, ${label} customers`, `could not write the fixture: ${(error as Error).message}`)];
      }
      const fileMb = fs.statSync(file).size / MB;
      const measure = (job: string) => inChild<XlsxTiming>("jobs/xlsx", job, { file, repeats }, { timeoutMs: 600_000 });
      let floor;
      try {
        options.log("xlsx: JSZip read + write");
        floor = await measure("jszipRoundTrip");
      } catch (error) {
        return [notMeasured("xlsx", `end to end, ${label} customers`, `the floor failed: ${(error as Error).message}`)];
      }
      try {
        options.log("xlsx: open + grade + save");
        const project = await measure("projectRoundTrip");
        const figure = against("xlsx", `open + grade + save, ${label} customers`, project.result.ms, "ms", { what: "JSZip read + write of the same file", value: floor.result.ms }, TARGET);
        figure.note = `file ${fileMb.toFixed(1)} MB in, ${(project.result.outBytes / MB).toFixed(1)} MB out; median of ${repeats}`;
        figures.push(figure);
        const memory = against(
          "xlsx",
          `peak memory (maxRSS), open + grade + save, ${label} customers`,
          project.maxRssBytes / MB,
          "MB",
          { what: "maxRSS of the JSZip read + write", value: floor.maxRssBytes / MB },
        );
        figures.push(memory);
      } catch (error) {
        figures.push(notMeasured("xlsx", `open + grade + save, ${label} customers`, (error as Error).message));
      }
      try {
        options.log("xlsx: prepare for sharing and per-owner copies");
        const copies = await inChild<CopiesTiming>("jobs/xlsx", "copiesRoundTrip", { file, repeats }, { timeoutMs: 900_000 });
        const floor = { what: "JSZip read + write of the graded file", value: copies.result.floorMs };
        figures.push(against("xlsx", `prepare for sharing, ${label} customers`, copies.result.shareMs, "ms", floor));
        const split = against("xlsx", `split into ${copies.result.copies} per-owner copies, ${label} customers`, copies.result.splitMs, "ms", floor);
        split.note = `peak memory ${Math.round(copies.maxRssBytes / MB)} MB (grading included); median of ${repeats}`;
        figures.push(split);
      } catch (error) {
        figures.push(notMeasured("xlsx", `copies for sharing, ${label} customers`, (error as Error).message));
      }
      if (options.quick) return figures;
      try {
        options.log("xlsx: xlsx-populate read + write (reference)");
        const populate = await measure("populateRoundTrip");
        const figure = against("xlsx", `xlsx-populate read + write (reference), ${label} customers`, populate.result.ms, "ms", { what: "JSZip read + write of the same file", value: floor.result.ms });
        figure.note = `peak memory ${Math.round(populate.maxRssBytes / MB)} MB`;
        figures.push(figure);
      } catch (error) {
        figures.push(notMeasured("xlsx", `xlsx-populate read + write, ${label} customers`, (error as Error).message));
      }
      return figures;
    },
  };
}
