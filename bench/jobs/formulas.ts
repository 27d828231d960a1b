// Child-side measurements of the live-formulas section: the same customer workbook graded in
// "formulas" mode and in "values" mode by the .xlsx backend, then opened, recalculated and exported by
// LibreOffice (soffice headless, recalculation on load forced in its profile). The values-mode file is
// the floor: same start-up, same file size order, nothing to recalculate.

import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { median, nowMs } from "../statistics";

/**
 * Grades `source` with the project's .xlsx backend in `mode` and writes the result to `out`.
 * Throws when the run reports problems.
 * @example await gradeToFile({ source: "customers-1000-v1.xlsx", out: "f.xlsx", mode: "formulas" }) // { formulaCells: 3000 }
 */
export async function gradeToFile(params: { source: string; out: string; mode: "values" | "formulas" }): Promise<{ formulaCells: number }> {
  const { openXlsx } = await import("../../src/workbook/executors/xlsx");
  const { gradeWorkbook } = await import("../../src/workbook/run");
  const { defaultSettings } = await import("../../src/workbook/settings");
  const workbook = await openXlsx(fs.readFileSync(params.source));
  const settings = { ...defaultSettings("en-US", new Date(Date.UTC(2026, 10, 22))), mode: params.mode };
  const outcome = await gradeWorkbook(workbook, settings);
  if (!outcome.ok) throw new Error(`the ${params.mode} run found problems: ${outcome.inspection.problems[0]?.message["en-US"] ?? "?"}`);
  // A grading plan always has output columns; only the migration plan of `tiers migrate` has none.
  const formulaCells = outcome.plan.columns!.columns.reduce(
    (sum, column) => sum + column.values.filter((v) => typeof v === "object" && v !== null && "formula" in v).length,
    0,
  );
  fs.writeFileSync(params.out, await workbook.save());
  return { formulaCells };
}

/**
 * A LibreOffice profile that recalculates every formula on load (it keeps cached values otherwise).
 * Throws when the folder cannot be written.
 * @example recalculatingProfile("/tmp/lo") // "file:///tmp/lo"
 */
export function recalculatingProfile(dir: string): string {
  const user = path.join(dir, "user");
  fs.mkdirSync(user, { recursive: true });
  const item = (name: string) =>
    `<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="${name}" oor:op="fuse"><value>0</value></prop></item>`;
  fs.writeFileSync(
    path.join(user, "registrymodifications.xcu"),
    '<?xml version="1.0" encoding="UTF-8"?>\n<oor:items xmlns:oor="http://openoffice.org/2001/registry" ' +
      'xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\n' +
      `${item("OOXMLRecalcMode")}\n${item("ODFRecalcMode")}\n</oor:items>\n`,
  );
  return `file://${dir}`;
}

/** Sheet 2 (the customers) as CSV, full precision, UTF-8: LibreOffice's filter options for one sheet. */
const CSV_FILTER = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,2";

/**
 * Converts `file` to CSV with LibreOffice and returns the wall time in ms and the CSV text.
 * Throws when soffice cannot run, fails, or writes no CSV.
 * @example sofficeToCsv("graded.xlsx", profile, "/tmp/out") // { ms: 2766, csv: "Customer ID,Sales volume,...,Score,Rank,Tier\n..." }
 */
export function sofficeToCsv(file: string, profileUrl: string, outdir: string): { ms: number; csv: string } {
  fs.mkdirSync(outdir, { recursive: true });
  const start = nowMs();
  const run = spawnSync(
    "soffice",
    [`-env:UserInstallation=${profileUrl}`, "--headless", "--norestore", "--convert-to", CSV_FILTER, "--outdir", outdir, file],
    { encoding: "utf8", timeout: 600_000 },
  );
  const ms = nowMs() - start;
  if (run.error) throw new Error(`soffice could not run: ${run.error.message}`);
  const produced = fs.readdirSync(outdir).filter((f) => f.endsWith(".csv") && f.startsWith(path.basename(file, ".xlsx")));
  if (run.status !== 0 || produced.length === 0) throw new Error(`soffice failed (${run.status}): ${(run.stderr || run.stdout).trim().slice(0, 200)}`);
  const csvPath = path.join(outdir, produced[0]);
  const csv = fs.readFileSync(csvPath, "utf8");
  fs.rmSync(csvPath);
  return { ms, csv };
}

/**
 * The Score and Tier columns of the customer sheet's CSV (simple CSV: ids and numbers, no commas in cells).
 * Throws when there is no Score or Tier header.
 * @example scoresAndTiers("Customer ID,Score,Tier\nC1,82.5,A\n") // { score: [82.5], tier: ["A"] }
 */
export function scoresAndTiers(csv: string): { score: number[]; tier: string[] } {
  const lines = csv.split(/\r?\n/).filter(Boolean);
  const head = lines[0].split(",").map((h) => h.replace(/^"|"$/g, ""));
  const s = head.indexOf("Score");
  const t = head.indexOf("Tier");
  if (s < 0 || t < 0) throw new Error(`the customer sheet's CSV has no Score or Tier column (headers: ${head.join(", ")})`);
  const score: number[] = [];
  const tier: string[] = [];
  for (const line of lines.slice(1)) {
    const cells = line.split(",").map((c) => c.replace(/^"|"$/g, ""));
    score.push(Number(cells[s]));
    tier.push(cells[t]);
  }
  return { score, tier };
}

export interface FormulasTimings {
  valuesMs: number;
  formulasMs: number;
  rows: number;
  /** Tiers that differ between LibreOffice's recalculation and the engine's values. */
  tierMismatches: number;
  /** Largest |score difference| between them. */
  maxScoreDifference: number;
}

/**
 * Interleaved LibreOffice conversions of the values-mode and formulas-mode files, after a warm-up.
 * Throws what sofficeToCsv and scoresAndTiers throw.
 * @example sofficeTimings({ values, formulas, scratch, repeats: 3 }) // { valuesMs: 2766, formulasMs: 7364, rows: 10000, tierMismatches: 0, maxScoreDifference: 0 }
 */
export function sofficeTimings(params: { values: string; formulas: string; scratch: string; repeats: number }): FormulasTimings {
  const profileDir = path.join(params.scratch, "soffice-profile");
  const fresh = !fs.existsSync(path.join(profileDir, "user"));
  const profile = recalculatingProfile(profileDir);
  const outdir = path.join(params.scratch, "soffice-out");
  if (fresh) sofficeToCsv(params.values, profile, outdir); // the first start builds the profile: not timed
  const valuesTimes: number[] = [];
  const formulasTimes: number[] = [];
  let valuesCsv = "";
  let formulasCsv = "";
  for (let r = 0; r < params.repeats; r++) {
    const v = sofficeToCsv(params.values, profile, outdir);
    valuesTimes.push(v.ms);
    valuesCsv = v.csv;
    const f = sofficeToCsv(params.formulas, profile, outdir);
    formulasTimes.push(f.ms);
    formulasCsv = f.csv;
  }
  const expected = scoresAndTiers(valuesCsv);
  const recalculated = scoresAndTiers(formulasCsv);
  let tierMismatches = 0;
  let maxScoreDifference = 0;
  expected.tier.forEach((tier, i) => {
    if (recalculated.tier[i] !== tier) tierMismatches++;
    const d = Math.abs(recalculated.score[i] - expected.score[i]);
    maxScoreDifference = Math.max(maxScoreDifference, Number.isNaN(d) ? Infinity : d);
  });
  return {
    valuesMs: median(valuesTimes),
    formulasMs: median(formulasTimes),
    rows: expected.tier.length,
    tierMismatches,
    maxScoreDifference,
  };
}
