// The `tiers` command line (docs/DESIGN.md §5): the same grading as the task pane, on .xlsx files, through
// the .xlsx backend. File I/O lives here; the backend only sees bytes.

import * as fs from "fs";
import * as path from "path";
import { defaultSettings, gradeWorkbook } from "../workbook/run";
import type { GradeSettings } from "../workbook/run";
import { formatProblem } from "../workbook/problems";
import type { Lang, Progress, WorkbookIndex } from "../workbook/types";
import { openXlsx } from "../workbook/xlsx";
import { cliText, messageLanguage } from "./cliText";
import type { GradeOptions } from "./gradeArguments";
import { parseCommand } from "./gradeArguments";
import { gradeJson } from "./gradeJson";
import { migrateCommand } from "./migrate";
import { shareCommand, splitCommand } from "./share";

/** Where the command line writes; tests pass their own. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: Record<string, string | undefined>;
  /** A progress line is shown only on a terminal. */
  stderrIsTTY: boolean;
  now: () => Date;
}

const processIo: CliIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  env: process.env,
  stderrIsTTY: Boolean(process.stderr.isTTY),
  now: () => new Date(),
};

/** Chinese sheet or table names mean a Chinese workbook: its outputs get Chinese headers. */
function workbookLanguage(index: WorkbookIndex): Lang | undefined {
  const names = [...index.sheets.map((s) => s.name), ...index.tables.map((t) => t.name)];
  return names.some((name) => /[\u3400-\u9fff]/.test(name)) ? "zh-CN" : undefined;
}

/**
 * The default graded copy's path: <name>.graded.xlsx beside the input.
 *
 * @example
 * defaultOutput("data/book.xlsx") // "data/book.graded.xlsx"
 */
export function defaultOutput(workbook: string): string {
  const ext = path.extname(workbook);
  return path.join(path.dirname(workbook), `${path.basename(workbook, ext)}.graded.xlsx`);
}

async function grade(options: GradeOptions, lang: Lang, io: CliIo): Promise<number> {
  const text = cliText(lang);
  if (!fs.existsSync(options.workbook) || !fs.statSync(options.workbook).isFile()) {
    io.stderr(`${text.fileMissing(options.workbook)}\n`);
    return 2;
  }
  let workbook;
  try {
    workbook = await openXlsx(fs.readFileSync(options.workbook));
  } catch (error) {
    io.stderr(`${text.notXlsx(options.workbook, error instanceof Error ? error.message : String(error))}\n`);
    return 1;
  }
  const outputLang = options.lang ?? workbookLanguage(await workbook.index()) ?? lang;
  const settings: GradeSettings = {
    ...defaultSettings(outputLang, io.now()),
    weights: options.weights,
    customers: options.customers,
    scheme: options.scheme,
    labels: options.labels,
    missing: options.missing,
    valueColumn: options.value,
    mode: options.formulas ? "formulas" : "values",
    period: options.period,
    strategy: options.strategy,
    risk: options.risk || undefined,
  };

  let shown = false;
  const onProgress = io.stderrIsTTY
    ? (p: Progress) => {
        shown = true;
        io.stderr(`\r${text.stage[p.stage]} ${Math.round(p.fraction * 100)}%   `);
      }
    : undefined;
  const outcome = await gradeWorkbook(workbook, settings, onProgress);
  if (shown) io.stderr("\r\x1b[K");

  const warnings = outcome.inspection.problems.filter((p) => p.severity === "warning");
  if (!outcome.ok) {
    const errors = outcome.inspection.problems.filter((p) => p.severity === "error");
    io.stderr(`${text.problems(errors.length)}\n`);
    for (const p of [...errors, ...warnings]) io.stderr(`  ${formatProblem(p, lang)}\n`);
    return 1;
  }
  for (const p of warnings) io.stderr(`${formatProblem(p, lang)}\n`);

  const out = options.out ?? defaultOutput(options.workbook);
  fs.writeFileSync(out, await workbook.save());
  const report = options.json === "-" ? io.stderr : io.stdout;
  const { result } = outcome;
  const graded = outcome.inspection.customers - result.excluded.length;
  report(`${text.graded(graded, result.excluded.length, out)}\n`);
  const percent = new Intl.NumberFormat(lang, { style: "percent", maximumFractionDigits: 1 });
  for (const row of result.pyramid) report(`${text.tierLine(row.tier, row.customers, percent.format(row.customerShare))}\n`);

  if (options.json !== undefined) {
    const json = `${JSON.stringify(gradeJson(outcome.customers.ids, result), null, 2)}\n`;
    if (options.json === "-") io.stdout(json);
    else {
      fs.writeFileSync(options.json, json);
      report(`${text.jsonWritten(options.json)}\n`);
    }
  }
  return 0;
}

/**
 * Runs the command line and returns its exit code: 0 done, 1 the workbook has problems (each printed
 * with sheet and cell), 2 bad usage. Never calls process.exit, so tests can run it.
 *
 * @example
 * await main(["grade", "assets/sample-customers.en-US.xlsx", "--out", "/tmp/graded.xlsx"]) // 0
 * await main(["grade"])                                                                 // 2
 */
export async function main(argv: string[], io: CliIo = processIo): Promise<number> {
  const langIndex = argv.findIndex((arg) => arg === "--lang" || arg.startsWith("--lang="));
  const langOption = langIndex < 0 ? undefined : argv[langIndex].includes("=") ? argv[langIndex].split("=")[1] : argv[langIndex + 1];
  const lang = messageLanguage(langOption, io.env);
  const text = cliText(lang);
  const asksHelp = argv.includes("--help") || argv.includes("-h");
  if (argv[0] === "migrate" && !asksHelp) return migrateCommand(argv.slice(1), lang, io);
  if (argv[0] === "share" && !asksHelp) return shareCommand(argv.slice(1), lang, io);
  if (argv[0] === "split" && !asksHelp) return splitCommand(argv.slice(1), lang, io);
  const command = parseCommand(argv);
  switch (command.kind) {
    case "help":
      io.stdout(text.help);
      return 0;
    case "usage":
      io.stderr(`${command.message(text)}\n`);
      return 2;
    case "grade":
      try {
        return await grade(command.options, lang, io);
      } catch (error) {
        if (error instanceof Error && error.name === "AbortError") {
          io.stderr(`${text.cancelled}\n`);
          return 1;
        }
        throw error;
      }
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error) => {
      // Something no check foresaw: say what failed in a sentence; the stack only when asked for.
      const message = error instanceof Error ? error.message : String(error);
      process.stderr.write(`tiers: ${message}\n`);
      if (process.env.TIERS_DEBUG) process.stderr.write(`${error instanceof Error ? error.stack : ""}\n`);
      process.exitCode = 1;
    },
  );
}
