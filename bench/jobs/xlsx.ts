// Child-side measurements of the .xlsx section: a customer workbook written once with xlsx-populate
// (a library nobody here wrote), then graded end to end by the project's backend (open, grade, save)
// against reading and writing the same file with JSZip alone — the library the backend is built on —
// and, for reference, with xlsx-populate alone. Then the copies for other people made from the graded
// file: prepare for sharing, and one copy per owner.

import * as fs from "fs";
import * as path from "path";
import { customerHeaders, syntheticCustomers, weightSheetRows } from "../customers";
import { median, nowMs, collectGarbage } from "../statistics";

/** Bumped when the fixture's content changes, so a cached file from an older harness is not reused. */
const FIXTURE_VERSION = 2;

/** Owners of the fixture's customers, round robin: what `tiers split` makes copies for. */
export const OWNERS = 100;

/**
 * The path of an .xlsx with the synthetic weight table and `n` customers in `scratch`, written with
 * xlsx-populate on first use and reused afterwards.
 * Throws when xlsx-populate or the file system fails.
 * @example await customerWorkbook({ n: 10_000, scratch: ".bench-out" }) // ".bench-out/customers-10000-v2.xlsx" (760 KB)
 */
export async function customerWorkbook(params: { n: number; scratch: string }): Promise<string> {
  const file = path.join(params.scratch, `customers-${params.n}-v${FIXTURE_VERSION}.xlsx`);
  if (fs.existsSync(file)) return file;
  // xlsx-populate ships no types; its API is the small part used here.
  const XlsxPopulate = require("xlsx-populate") as {
    fromBlankAsync(): Promise<{
      sheet(i: number): { name(n: string): unknown; cell(a1: string): { value(v: unknown[][]): unknown } };
      addSheet(name: string): { cell(a1: string): { value(v: unknown[][]): unknown } };
      outputAsync(): Promise<Buffer>;
    }>;
  };
  const workbook = await XlsxPopulate.fromBlankAsync();
  const weights = workbook.sheet(0);
  weights.name("Weights");
  weights.cell("A1").value(weightSheetRows("minmax"));
  const customers = syntheticCustomers(params.n);
  const rows: unknown[][] = [[...customerHeaders(), "Owner"]];
  for (let i = 0; i < params.n; i++) {
    rows.push([customers.ids[i], ...customers.indicatorValues.map((column) => column[i]), `Owner ${String((i % OWNERS) + 1).padStart(3, "0")}`]);
  }
  workbook.addSheet("Customers").cell("A1").value(rows);
  const bytes = await workbook.outputAsync();
  fs.mkdirSync(params.scratch, { recursive: true });
  fs.writeFileSync(`${file}.part`, bytes);
  fs.renameSync(`${file}.part`, file);
  return file;
}

export interface XlsxTiming {
  ms: number;
  /** Size of the file written by the last repeat. */
  outBytes: number;
}

/**
 * Median ms of open + gradeWorkbook + save with the project's .xlsx backend.
 * Throws when the run reports problems.
 * @example await projectRoundTrip({ file, repeats: 2 }) // { ms: 2975, outBytes: 1_015_565 }
 */
export async function projectRoundTrip(params: { file: string; repeats: number }): Promise<XlsxTiming> {
  const { openXlsx } = await import("../../src/workbook/executors/xlsx");
  const { gradeWorkbook } = await import("../../src/workbook/run");
  const { defaultSettings } = await import("../../src/workbook/settings");
  const bytes = fs.readFileSync(params.file);
  const times: number[] = [];
  let outBytes = 0;
  for (let r = 0; r < params.repeats; r++) {
    collectGarbage();
    const start = nowMs();
    const workbook = await openXlsx(bytes);
    const outcome = await gradeWorkbook(workbook, defaultSettings("en-US", new Date(Date.UTC(2026, 10, 22))));
    if (!outcome.ok) {
      const first = outcome.inspection.problems.find((p) => p.severity === "error");
      throw new Error(`the run found problems: ${first ? `${first.sheet}!${first.cell} ${first.message["en-US"]}` : "?"}`);
    }
    const out = await workbook.save();
    times.push(nowMs() - start);
    outBytes = out.byteLength;
  }
  return { ms: median(times), outBytes };
}

/**
 * Median ms of JSZip reading every part of the file (inflating it to text) and writing every part back
 * (deflate, level 6 as the backend saves): the least a tool that reads the customer sheet and rewrites
 * the package must do.
 * Throws when the file is not a zip package.
 * @example await jszipRoundTrip({ file, repeats: 2 }) // { ms: 2345, outBytes: 724_399 }
 */
export async function jszipRoundTrip(params: { file: string; repeats: number }): Promise<XlsxTiming> {
  const JSZip = (await import("jszip")).default;
  const bytes = fs.readFileSync(params.file);
  const times: number[] = [];
  let outBytes = 0;
  for (let r = 0; r < params.repeats; r++) {
    collectGarbage();
    const start = nowMs();
    const zip = await JSZip.loadAsync(bytes);
    const names = Object.keys(zip.files).filter((name) => !zip.files[name].dir);
    for (const name of names) zip.file(name, await zip.files[name].async("string"));
    const out = await zip.generateAsync({ type: "uint8array", compression: "DEFLATE", compressionOptions: { level: 6 } });
    times.push(nowMs() - start);
    outBytes = out.byteLength;
  }
  return { ms: median(times), outBytes };
}

/**
 * Median ms of xlsx-populate's own read (fromDataAsync) and write (outputAsync) of the file.
 * Throws when xlsx-populate cannot read the file.
 * @example await populateRoundTrip({ file, repeats: 1 }) // { ms: 14911, outBytes: 700_000 }
 */
export async function populateRoundTrip(params: { file: string; repeats: number }): Promise<XlsxTiming> {
  const XlsxPopulate = require("xlsx-populate") as { fromDataAsync(d: Buffer): Promise<{ outputAsync(): Promise<Buffer> }> };
  const bytes = fs.readFileSync(params.file);
  const times: number[] = [];
  let outBytes = 0;
  for (let r = 0; r < params.repeats; r++) {
    collectGarbage();
    const start = nowMs();
    const workbook = await XlsxPopulate.fromDataAsync(bytes);
    const out = await workbook.outputAsync();
    times.push(nowMs() - start);
    outBytes = out.byteLength;
  }
  return { ms: median(times), outBytes };
}

export interface CopiesTiming {
  /** JSZip reading and writing every part of the graded file: the floor. */
  floorMs: number;
  shareMs: number;
  splitMs: number;
  copies: number;
}

/**
 * Grades the file once (not timed), then the median ms of prepareForSharing and of splitByOwner on the
 * graded bytes, and of JSZip's read + write of the same graded bytes as their floor.
 * Throws when grading or splitting reports problems.
 * @example await copiesRoundTrip({ file, repeats: 1 }) // { floorMs: 2400, shareMs: 2600, splitMs: 9000, copies: 101 }
 */
export async function copiesRoundTrip(params: { file: string; repeats: number }): Promise<CopiesTiming> {
  const JSZip = (await import("jszip")).default;
  const { openXlsx } = await import("../../src/workbook/executors/xlsx");
  const { gradeWorkbook } = await import("../../src/workbook/run");
  const { defaultSettings } = await import("../../src/workbook/settings");
  const { prepareForSharing } = await import("../../src/workbook/executors/xlsx/share");
  const { splitByOwner } = await import("../../src/workbook/executors/xlsx/split");
  const workbook = await openXlsx(fs.readFileSync(params.file));
  if (!(await gradeWorkbook(workbook, defaultSettings("en-US", new Date(Date.UTC(2026, 10, 22))))).ok) throw new Error("the fixture did not grade");
  const graded = await workbook.save();
  const time = async (work: () => Promise<unknown>) => {
    const times: number[] = [];
    for (let r = 0; r < params.repeats; r++) {
      collectGarbage();
      const start = nowMs();
      await work();
      times.push(nowMs() - start);
    }
    return median(times);
  };
  const floorMs = await time(async () => {
    const zip = await JSZip.loadAsync(graded);
    for (const name of Object.keys(zip.files).filter((n) => !zip.files[n].dir)) zip.file(name, await zip.files[name].async("string"));
    await zip.generateAsync({ type: "uint8array", compression: "DEFLATE", compressionOptions: { level: 6 } });
  });
  const shareMs = await time(() => prepareForSharing(graded, { lang: "en-US" }));
  let copies = 0;
  const splitMs = await time(async () => {
    const outcome = await splitByOwner(graded, { by: "Owner", lang: "en-US" });
    if (!outcome.ok) throw new Error(outcome.problems[0].message["en-US"]);
    copies = outcome.copies.length;
  });
  return { floorMs, shareMs, splitMs, copies };
}
