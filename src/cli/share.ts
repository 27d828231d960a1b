// `tiers share <workbook.xlsx> [--out <copy.xlsx>] [--formulas values|native]`: a copy safe to mail.
// `tiers split <graded.xlsx> --by <owner column> [--org <table|sheet>] --out <folder>`: one copy per owner.
// Neither changes its input.

import * as path from "path";
import { formatProblem } from "../workbook/problems";
import type { Lang } from "../workbook/types";
import { prepareForSharing } from "../workbook/xlsx/share";
import { splitByOwner } from "../workbook/xlsx/split";
import { cliText } from "./cliText";
import { clashSentence, EXIT_FILES } from "./failures";
import { readInputFile, writeFileAtomic, writeFilesAtomic } from "./files";
import type { CliIo, RunContext } from "./main";
import { parseOptions } from "./options";
import { checkWritable, checkWritableFolder, outputClash } from "./outputs";

const TEXT: Record<Lang, {
  shareUsage: string;
  splitUsage: string;
  notXlsx: (file: string, reason: string) => string;
  shared: (file: string) => string;
  converted: (values: number, native: number) => string;
  unresolved: (cells: string) => string;
  leftAsIs: (places: string) => string;
  addin: (removed: boolean) => string;
  about: (sheet: string) => string;
  copy: (file: string, customers: number) => string;
  copies: (n: number, dir: string) => string;
}> = {
  "en-US": {
    shareUsage: "Usage: tiers share <workbook.xlsx> [--out <copy.xlsx>] [--formulas values|native] [--lang zh-CN|en-US]",
    splitUsage: "Usage: tiers split <graded.xlsx> --by <owner column> [--org <table|sheet>] --out <folder> [--lang zh-CN|en-US]",
    notXlsx: (file, reason) => `No copy was made of "${file}": ${reason}`,
    shared: (file) => `Copy for sharing written to ${file}.`,
    converted: (values, native) => `TIERS formulas: ${values} replaced by their values, ${native} by native Excel formulas.`,
    unresolved: (cells) => `Warning: these TIERS formulas had no calculated value to keep (open the workbook in Excel with the add-in, let it calculate, save, and share again): ${cells}`,
    leftAsIs: (places) => `Warning: these formulas outside cells call TIERS functions and were left as they are (replace them by hand): ${places}`,
    addin: (removed) => (removed ? "The add-in no longer opens with the copy." : "The workbook did not open the add-in; nothing to remove."),
    about: (sheet) => `The sheet "${sheet}" says how it was graded.`,
    copy: (file, customers) => `  ${file}: ${customers} customers`,
    copies: (n, dir) => `${n} copies written to ${dir}:`,
  },
  "zh-CN": {
    shareUsage: "用法：tiers share <工作簿.xlsx> [--out <副本.xlsx>] [--formulas values|native] [--lang zh-CN|en-US]",
    splitUsage: "用法：tiers split <已分级.xlsx> --by <负责人列> [--org <表|工作表>] --out <文件夹> [--lang zh-CN|en-US]",
    notXlsx: (file, reason) => `未能为“${file}”生成副本：${reason}`,
    shared: (file) => `可发送的副本已写入 ${file}。`,
    converted: (values, native) => `TIERS 公式：${values} 个替换为数值，${native} 个替换为 Excel 原生公式。`,
    unresolved: (cells) => `警告：以下 TIERS 公式没有可保留的计算结果（请在装有加载项的 Excel 中打开、计算并保存后再生成副本）：${cells}`,
    leftAsIs: (places) => `警告：以下单元格之外的公式调用了 TIERS 函数，已保持原样（请手动替换）：${places}`,
    addin: (removed) => (removed ? "副本打开时不再加载本加载项。" : "该工作簿打开时不加载本加载项，无需移除。"),
    about: (sheet) => `工作表“${sheet}”说明了分级方法。`,
    copy: (file, customers) => `  ${file}：${customers} 位客户`,
    copies: (n, dir) => `已在 ${dir} 写入 ${n} 个副本：`,
  },
};

/** The default copy: <name>.shared.xlsx beside the input. */
export function sharedOutput(workbook: string): string {
  const ext = path.extname(workbook);
  return path.join(path.dirname(workbook), `${path.basename(workbook, ext)}.shared.xlsx`);
}

const notXlsx = (file: string, lang: Lang, io: CliIo, error: unknown) => {
  io.stderr(`${TEXT[lang].notXlsx(file, error instanceof Error ? error.message : String(error))}\n`);
  return 1;
};

/** Runs `tiers share` with the arguments after the command word; returns the exit code. */
export async function shareCommand(args: string[], lang: Lang, io: CliIo, context: RunContext = {}): Promise<number> {
  const text = TEXT[lang];
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
  const text = TEXT[lang];
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
    outcome = await splitByOwner(data, { by: parsed.values.by, org: parsed.values.org, lang, baseName });
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
    outcome.copies.map((copy) => ({ option: "--out", file: path.join(dir, copy.fileName) })),
  );
  if (clash) {
    io.stderr(`${clashSentence(clash, lang)}\n`);
    return EXIT_FILES;
  }
  // Every copy is written (into a temporary folder beside the target) before any is moved in or reported.
  await writeFilesAtomic(dir, outcome.copies.map((copy) => ({ name: copy.fileName, content: copy.data })));
  io.stdout(`${text.copies(outcome.copies.length, dir)}\n`);
  for (const copy of outcome.copies) io.stdout(`${text.copy(copy.fileName, copy.customers)}\n`);
  return 0;
}
