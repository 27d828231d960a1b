// The `tiers` command line (docs/DESIGN.md §5): the same grading as the task pane, on .xlsx files, through
// the .xlsx backend. File I/O lives here; the backend only sees bytes.

import * as path from "path";
import { parseArgs } from "util";
import { setFlagsFromString } from "v8";
import { isCancelled } from "../workbook/cancel";
import { defaultSettings, gradeWorkbook } from "../workbook/run";
import type { GradeSettings } from "../workbook/run";
import { formatProblem } from "../workbook/reading/problems";
import { dateSerial } from "../workbook/features/overrides";
import type { Lang, Progress, WorkbookIndex } from "../workbook/types";
import { openXlsx } from "../workbook/executors/xlsx";
import type { SpillStores } from "../workbook/executors/xlsx";
import { diskSpill } from "./spill";
import { cliText, messageLanguage } from "./cliText";
import { clashSentence, EXIT_FILES, EXIT_PROBLEMS, EXIT_UNEXPECTED, fileErrorSentence, isFileError, isWorkbookRefusal, notReadable, unexpectedSentence } from "./failures";
import { readInputFile, writeFilesTogether } from "./files";
import type { GradeOptions } from "./gradeArguments";
import { parseCommand } from "./gradeArguments";
import { gradeJson } from "./gradeJson";
import { migrateCommand } from "./migrate";
import { checkWritable, outputClash } from "./outputs";
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

/** What a command tells main about its run, for the sentence of an error it did not catch itself. */
export interface RunContext {
  /** The input workbook, once the arguments named it. */
  input?: string;
}

async function grade(options: GradeOptions, lang: Lang, io: CliIo, context: RunContext): Promise<number> {
  // A streamed customer sheet's inflated bytes are kept on disk from the read that grades it to the save
  // (cli/spill.ts), which then does not inflate it again; freed however the run ends.
  const spill = diskSpill();
  try {
    return await gradeFile(options, lang, io, context, spill.stores);
  } finally {
    spill.dispose();
  }
}

async function gradeFile(options: GradeOptions, lang: Lang, io: CliIo, context: RunContext, spill: SpillStores): Promise<number> {
  const text = cliText(lang);
  context.input = options.workbook;
  const out = options.out ?? defaultOutput(options.workbook);
  const jsonFile = options.json !== undefined && options.json !== "-" ? options.json : undefined;
  const clash = outputClash(options.workbook, [
    // --out naming the input is allowed: it says so explicitly, and the write is atomic.
    { option: options.out === undefined ? "" : "--out", file: out, mayBeInput: options.out !== undefined },
    ...(jsonFile === undefined ? [] : [{ option: "--json", file: jsonFile }]),
  ]);
  if (clash) {
    io.stderr(`${clashSentence(clash, lang)}\n`);
    return EXIT_FILES;
  }
  const data = readInputFile(options.workbook);
  checkWritable(out);
  if (jsonFile !== undefined) checkWritable(jsonFile);
  let workbook;
  try {
    workbook = await openXlsx(data, { spill });
  } catch (error) {
    io.stderr(`${notReadable(options.workbook, error, lang)}\n`);
    return EXIT_PROBLEMS;
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
    explain: options.explain || undefined,
    method: options.method,
    weightsFrom: options.weightsFrom,
    // The clock is read here, the one place that may: the workbook layer is given the day.
    orders: options.orders !== undefined ? { table: options.orders, asOf: options.asOf ?? dateSerial(io.now()) } : undefined,
  };

  let shown = false;
  const onProgress = io.stderrIsTTY
    ? (p: Progress) => {
        shown = true;
        io.stderr(`\r${text.stage[p.stage]} ${Math.round(p.fraction * 100)}%   `);
      }
    : undefined;
  let outcome;
  try {
    outcome = await gradeWorkbook(workbook, settings, onProgress);
  } finally {
    // The progress line is cleared whatever happens, so a sentence after it starts on a clean line.
    if (shown) io.stderr("\r\x1b[K");
  }

  const warnings = outcome.inspection.problems.filter((p) => p.severity === "warning");
  if (!outcome.ok) {
    const errors = outcome.inspection.problems.filter((p) => p.severity === "error");
    io.stderr(`${text.problems(errors.length)}\n`);
    for (const p of [...errors, ...warnings]) io.stderr(`  ${formatProblem(p, lang)}\n`);
    return EXIT_PROBLEMS;
  }
  for (const p of warnings) io.stderr(`${formatProblem(p, lang)}\n`);

  const report = options.json === "-" ? io.stderr : io.stdout;
  const { result } = outcome;
  const graded = outcome.inspection.customers - result.excluded.length;
  // A grading of nobody is not a success, even when every check passed.
  if (graded <= 0) {
    io.stderr(`${text.noneGraded(outcome.inspection.customers)}\n`);
    return EXIT_PROBLEMS;
  }
  const explain = outcome.explanations && {
    explanations: outcome.explanations,
    indicators: outcome.inspection.indicators.map((indicator) => indicator.name),
    lang: outputLang,
  };
  const pca = outcome.pca;
  const document = options.json === undefined ? undefined : gradeJson(outcome.customers.ids, result, explain, outcome.method);
  if (document && pca) {
    document.pca = {
      weights: pca.indicators.map((indicator, j) => ({ indicator: indicator.name, weight: pca.pca.weights[j] })),
      eigenvalues: pca.pca.eigenvalues,
      explained: pca.pca.explained,
      kept: pca.pca.kept,
      customers: pca.customersUsed,
    };
  }
  const json = document === undefined ? undefined : `${JSON.stringify(document, null, 2)}\n`;
  // Both outputs are written before either replaces its target: a full disk while writing the JSON
  // leaves the previous graded workbook as it was too.
  // The workbook in chunks as they are compressed: a streamed customer sheet is never whole in memory.
  await writeFilesTogether([{ file: out, content: workbook.saveChunks() }, ...(json !== undefined && jsonFile !== undefined ? [{ file: jsonFile, content: json }] : [])]);
  report(`${text.graded(graded, result.excluded.length, out)}\n`);
  const percent = new Intl.NumberFormat(lang, { style: "percent", maximumFractionDigits: 1 });
  for (const row of result.pyramid) report(`${text.tierLine(row.tier, row.customers, percent.format(row.customerShare))}\n`);
  if (pca) {
    const kept = pca.pca.explained.slice(0, pca.pca.kept).reduce((sum, share) => sum + share, 0);
    report(`${text.pcaWeights(pca.pca.kept, percent.format(kept), pca.customersUsed, pca.sheet)}\n`);
  }
  if (outcome.method?.kind === "kmeans") report(`${text.clusters(outcome.method.k, outcome.method.silhouette.toFixed(3))}\n`);
  if (json !== undefined) {
    if (jsonFile === undefined) io.stdout(json);
    else report(`${text.jsonWritten(jsonFile)}\n`);
  }
  return 0;
}

/**
 * Turns off V8's allocation-site pretenuring for the command line's process. Grading Excel's largest
 * sheet (1,048,575 rows) peaked at 1.15 GB in most runs but 2.05 GB in about one in three: in those, V8
 * had decided to allocate the rewrite's short-lived objects straight into the old generation, which then
 * grew by about 42 MB a second with no full collection until the save ended. With pretenuring off, 11 of 11
 * runs peaked at 1.14-1.16 GB at the same speed (measured 2026-12-02 with bench/jobs/scale.ts scaleGrade;
 * the flag is read when V8 collects, so setting it after start-up takes effect). Node documents setting V8 flags at run time as
 * "use with care": this one only stops an allocation heuristic, it changes no semantics.
 */
function steadyMemory(): void {
  setFlagsFromString("--no-allocation-site-pretenuring");
}

/**
 * Runs the command line and returns its exit code: 0 done, 1 the workbook has problems (each printed
 * with sheet and cell) or is not a readable .xlsx, 2 bad usage or a file that cannot be read or
 * written (one sentence; nothing overwritten), 3 a fault of tiers itself (one sentence and "please
 * report"; the stack only with TIERS_DEBUG). Never throws and never calls process.exit, so tests can run it.
 *
 * @example
 * await main(["grade", "assets/sample-customers.en-US.xlsx", "--out", "/tmp/graded.xlsx"]) // 0
 * await main(["grade"])                                                                 // 2
 */
export async function main(argv: string[], io: CliIo = processIo): Promise<number> {
  steadyMemory();
  const lang = argumentLanguage(argv, io.env);
  const context: RunContext = {};
  try {
    return await dispatch(argv, lang, io, context);
  } catch (error) {
    return failure(error, lang, io, context.input);
  }
}

/** The language of messages: --lang among the arguments, else the environment's. */
export function argumentLanguage(argv: string[], env: Record<string, string | undefined>): Lang {
  // Read before the command's own parse, which may refuse the arguments in this very language.
  const { tokens } = parseArgs({ args: argv, options: { lang: { type: "string" } }, strict: false, allowPositionals: true, tokens: true });
  const token = tokens.find((t) => t.kind === "option" && t.name === "lang");
  return messageLanguage(token?.kind === "option" ? token.value : undefined, env);
}

/**
 * The exit code and sentence for an error no command handled: a cancelled run (1), the workbook layer
 * refusing the input (1), an fs error about a path (2), anything else a fault of tiers (3).
 */
export function failure(error: unknown, lang: Lang, io: Pick<CliIo, "stderr" | "env">, input?: string): number {
  const text = cliText(lang);
  if (isCancelled(error)) {
    io.stderr(`${text.cancelled}\n`);
    return EXIT_PROBLEMS;
  }
  if (isWorkbookRefusal(error)) {
    io.stderr(`${notReadable(input ?? "", error, lang)}\n`);
    return EXIT_PROBLEMS;
  }
  if (isFileError(error)) {
    io.stderr(`${fileErrorSentence(error, error.path ?? "", lang, error.syscall === "read")}\n`);
    return EXIT_FILES;
  }
  io.stderr(`${unexpectedSentence(error, lang)}\n`);
  if (io.env.TIERS_DEBUG) io.stderr(`${error instanceof Error ? error.stack : String(error)}\n`);
  return EXIT_UNEXPECTED;
}

async function dispatch(argv: string[], lang: Lang, io: CliIo, context: RunContext): Promise<number> {
  const text = cliText(lang);
  const asksHelp = argv.includes("--help") || argv.includes("-h");
  if (argv[0] === "migrate" && !asksHelp) return migrateCommand(argv.slice(1), lang, io, context);
  if (argv[0] === "share" && !asksHelp) return shareCommand(argv.slice(1), lang, io, context);
  if (argv[0] === "split" && !asksHelp) return splitCommand(argv.slice(1), lang, io, context);
  const command = parseCommand(argv);
  switch (command.kind) {
    case "help":
      io.stdout(text.help);
      return 0;
    case "usage":
      io.stderr(`${command.message(text)}\n`);
      return EXIT_FILES;
    case "grade":
      return grade(command.options, lang, io, context);
  }
}

/** The `tiers` program: runs main on the process's arguments and sets the exit code; never prints a stack unless TIERS_DEBUG is set. */
export function runProgram(argv: string[] = process.argv.slice(2)): void {
  const lang = argumentLanguage(argv, process.env);
  // An error thrown outside main's promise chain (a stream's callback) still gets a sentence, and ends
  // the run: whatever was being written is a temporary file, never the target.
  const last = (error: unknown) => process.exit(failure(error, lang, processIo));
  process.on("uncaughtException", last);
  process.on("unhandledRejection", last);
  main(argv).then((code) => {
    process.exitCode = code;
  }, last);
}

if (require.main === module) runProgram();
