// `tiers share <workbook.xlsx> [--out <copy.xlsx>] [--formulas values|native]`: a copy safe to mail.
// `tiers split <graded.xlsx> --by <owner column> [--org <table|sheet>] --out <folder>`: one copy per owner.
// Neither changes its input.

import * as path from "path";
import { textOf } from "../text";
import { formatProblem } from "../workbook/reading/problems";
import type { Lang } from "../workbook/types";
import { prepareForSharing } from "../workbook/executors/xlsx/share";
import { splitByOwnerStream } from "../workbook/executors/xlsx/split";
import { cliText } from "./cliText";
import { clashSentence, EXIT_FILES, isFileError, readerReason } from "./failures";
import { readInputFile, writeFileAtomic, writeFilesAtomic } from "./files";
import type { CliIo, RunContext } from "./main";
import { parseOptions } from "./options";
import { checkWritable, checkWritableFolder, outputClash } from "./outputs";

/** The default copy: <name>.shared.xlsx beside the input. */
export function sharedOutput(workbook: string): string {
  const ext = path.extname(workbook);
  return path.join(path.dirname(workbook), `${path.basename(workbook, ext)}.shared.xlsx`);
}

const notXlsx = (file: string, lang: Lang, io: CliIo, error: unknown) => {
  io.stderr(`${textOf(lang).share.notXlsx(file, readerReason(error, lang))}\n`);
  return 1;
};

/** Runs `tiers share` with the arguments after the command word; returns the exit code. */
export async function shareCommand(args: string[], lang: Lang, io: CliIo, context: RunContext = {}): Promise<number> {
  const text = textOf(lang).share;
  const parsed = parseOptions(args, { out: "string", formulas: "string", lang: "string" });
  if (!parsed.ok) {
    io.stderr(`${parsed.message(cliText(lang))}\n${text.shareUsage}\n`);
    return 2;
  }
  const formulas = parsed.values.formulas ?? "values";
  if (parsed.positional.length !== 1 || (formulas !== "values" && formulas !== "native")) {
    io.stderr(`${text.shareUsage}\n`);
    return 2;
  }
  const file = parsed.positional[0];
  context.input = file;
  const out = parsed.values.out ?? sharedOutput(file);
  // A copy for sharing never replaces its input: the input keeps the TIERS formulas the copy loses.
  const clash = outputClash(file, [{ option: parsed.values.out === undefined ? "" : "--out", file: out }]);
  if (clash) {
    io.stderr(`${clashSentence(clash, lang)}\n`);
    return EXIT_FILES;
  }
  const data = readInputFile(file);
  checkWritable(out);
  let result;
  try {
    result = await prepareForSharing(data, { lang, formulas });
  } catch (error) {
    return notXlsx(file, lang, io, error);
  }
  await writeFileAtomic(out, result.data);
  const { report } = result;
  io.stdout(`${text.shared(out)}\n${text.converted(report.toValues.length, report.toNative.length)}\n${text.addin(report.addinRemoved)}\n${text.about(report.aboutSheet)}\n`);
  if (report.unresolved.length > 0) io.stderr(`${text.unresolved(report.unresolved.map((c) => `${c.sheet}!${c.cell}`).join(", "))}\n`);
  if (report.leftAsIs.length > 0) io.stderr(`${text.leftAsIs(report.leftAsIs.join(", "))}\n`);
  return 0;
}

/** Runs `tiers split` with the arguments after the command word; returns the exit code. */
export async function splitCommand(args: string[], lang: Lang, io: CliIo, context: RunContext = {}): Promise<number> {
  const text = textOf(lang).share;
  const parsed = parseOptions(args, { by: "string", org: "string", out: "string", lang: "string" });
  if (!parsed.ok) {
    io.stderr(`${parsed.message(cliText(lang))}\n${text.splitUsage}\n`);
    return 2;
  }
  if (parsed.positional.length !== 1 || !parsed.values.by || !parsed.values.out) {
    io.stderr(`${text.splitUsage}\n`);
    return 2;
  }
  const file = parsed.positional[0];
  context.input = file;
  const dir = parsed.values.out;
  const data = readInputFile(file);
  checkWritableFolder(dir);
  let outcome;
  try {
    const baseName = path.basename(file, path.extname(file));
    outcome = await splitByOwnerStream(data, { by: parsed.values.by, org: parsed.values.org, lang, baseName });
  } catch (error) {
    return notXlsx(file, lang, io, error);
  }
  if (!outcome.ok) {
    for (const p of outcome.problems) io.stderr(`${formatProblem(p, lang)}\n`);
    return 1;
  }
  // No copy may land on the input (a graded.xlsx inside the folder, named like a copy).
  const clash = outputClash(
    file,
    outcome.names.map((copy) => ({ option: "--out", file: path.join(dir, copy.fileName) })),
  );
  if (clash) {
    io.stderr(`${clashSentence(clash, lang)}\n`);
    return EXIT_FILES;
  }
  // Every copy is written (into a temporary folder beside the target) before any is moved in or
  // reported; each is built and written as it comes, so no two are in memory at once.
  const copies = outcome.copies;
  async function* files() {
    for await (const copy of copies) yield { name: copy.fileName, content: copy.chunks };
  }
  try {
    await writeFilesAtomic(dir, files());
  } catch (error) {
    // A copy that cannot be built (its package fails while being written) is a matter of the workbook.
    if (isFileError(error)) throw error;
    return notXlsx(file, lang, io, error);
  }
  io.stdout(`${text.copies(outcome.names.length, dir)}\n`);
  for (const copy of outcome.names) io.stdout(`${text.copy(copy.fileName, copy.customers)}\n`);
  return 0;
}
