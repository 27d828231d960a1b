// `tiers migrate <workbook.xlsx> --from <period> --to <period> [--out <copy.xlsx>] [--json <file|->]`:
// who moved between two graded periods of a workbook's Tier history sheet, written as the Migration sheet
// of a copy (the input is never overwritten unless --out names it), and as JSON on request.

import * as path from "path";
import { textOf } from "../text";
import { migrateWorkbook, migrationJson } from "../workbook/features/migrate";
import { formatProblem } from "../workbook/reading/problems";
import type { Lang } from "../workbook/types";
import { openXlsx } from "../workbook/executors/xlsx";
import { cliText } from "./cliText";
import { clashSentence, EXIT_FILES, notReadable } from "./failures";
import { readInputFile, writeFilesTogether } from "./files";
import type { CliIo, RunContext } from "./main";
import { parseOptions } from "./options";
import { checkWritable, outputClash } from "./outputs";

/** The default copy: <name>.migration.xlsx beside the input. */
export function migrationOutput(workbook: string): string {
  const ext = path.extname(workbook);
  return path.join(path.dirname(workbook), `${path.basename(workbook, ext)}.migration.xlsx`);
}

/** Runs `tiers migrate` with the arguments after the command word; returns the exit code. */
export async function migrateCommand(args: string[], lang: Lang, io: CliIo, context: RunContext = {}): Promise<number> {
  const text = textOf(lang).migrate;
  const parsed = parseOptions(args, { from: "string", to: "string", out: "string", json: "string", lang: "string" });
  if (!parsed.ok) {
    io.stderr(`${parsed.message(cliText(lang))}\n${text.usage}\n`);
    return 2;
  }
  const { values, positional } = parsed;
  if (positional.length !== 1 || !values.from || !values.to) {
    io.stderr(`${text.usage}\n`);
    return 2;
  }
  const file = positional[0];
  context.input = file;
  const out = values.out ?? migrationOutput(file);
  const jsonFile = values.json !== undefined && values.json !== "-" ? values.json : undefined;
  const clash = outputClash(file, [
    // --out naming the input is allowed: it says so explicitly, and the write is atomic.
    { option: values.out === undefined ? "" : "--out", file: out, mayBeInput: values.out !== undefined },
    ...(jsonFile === undefined ? [] : [{ option: "--json", file: jsonFile }]),
  ]);
  if (clash) {
    io.stderr(`${clashSentence(clash, lang)}\n`);
    return EXIT_FILES;
  }
  const data = readInputFile(file);
  checkWritable(out);
  if (jsonFile !== undefined) checkWritable(jsonFile);
  let workbook;
  try {
    workbook = await openXlsx(data);
  } catch (error) {
    io.stderr(`${notReadable(file, error, lang, text.notXlsx)}\n`);
    return 1;
  }
  const outcome = await migrateWorkbook(workbook, { from: values.from, to: values.to, lang });
  if (!outcome.ok) {
    for (const p of outcome.problems) io.stderr(`${formatProblem(p, lang)}\n`);
    return 1;
  }
  const json = values.json === undefined ? undefined : `${JSON.stringify(migrationJson(outcome.migration, values.from, values.to), null, 2)}\n`;
  // Both outputs are written before either replaces its target (see writeFilesTogether).
  await writeFilesTogether([{ file: out, content: await workbook.save() }, ...(json !== undefined && jsonFile !== undefined ? [{ file: jsonFile, content: json }] : [])]);
  const report = values.json === "-" ? io.stderr : io.stdout;
  const m = outcome.migration;
  report(`${text.written(out)}\n`);
  report(`${text.line("", m.tiers.map((t) => t.padStart(6)).join(""))}\n`);
  m.tiers.forEach((tier, i) => report(`${text.line(tier, m.counts[i].slice(0, m.tiers.length).map((n) => String(n).padStart(6)).join(""))}\n`));
  report(`${text.moved(m.upgraded.length, m.downgraded.length, m.new.length, m.lost.length)}\n`);
  if (json !== undefined && jsonFile === undefined) io.stdout(json);
  return 0;
}
