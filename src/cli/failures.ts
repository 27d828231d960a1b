// What the command line says when something fails that is not a problem of the workbook's contents:
// one sentence in the user's language, never a stack trace, and the exit code of its kind.
//   2  the files: a path that does not exist, a folder that cannot be written, a full disk, a file-size
//      limit, an output that names the input or another output (and bad usage, decided by the parsers)
//   1  the workbook: a file that is not a readable .xlsx (the reader's refusals), problems in its tables
//   3  anything else: a fault of tiers itself, with "please report"; nothing was overwritten either way.

import { EngineError } from "../engine/errors";
import { textOf } from "../text";
import { engineReason } from "../workbook/reading/problems";
import type { Lang } from "../workbook/types";
import { isPackageError } from "../workbook/executors/xlsx/packageErrors";
import type { OutputClash } from "./outputs";

export const EXIT_PROBLEMS = 1;
export const EXIT_FILES = 2;
export const EXIT_UNEXPECTED = 3;

/** True for an error thrown by the operating system through fs (it carries an errno code and a syscall). */
export function isFileError(error: unknown): error is NodeJS.ErrnoException {
  const e = error as NodeJS.ErrnoException | null;
  return typeof e === "object" && e !== null && typeof e.code === "string" && /^E[A-Z0-9]+$/.test(e.code) && typeof e.syscall === "string";
}

/**
 * True for an error the workbook layer throws on purpose about a file it will not read (an encrypted
 * or .xls file, a zip bomb, a package without [Content_Types].xml): it carries a `code` of its own, not
 * an operating system's errno and not one of Node's internal "ERR_..." codes (those are faults).
 */
export function isWorkbookRefusal(error: unknown): error is Error & { code: string } {
  const e = error as { code?: unknown; syscall?: unknown } | null;
  // An engine refusal carries a code too, but about values, not the file: the workbook layer should have
  // made it a problem, so one that reaches here is a fault of tiers (unexpectedSentence says it).
  if (error instanceof EngineError) return false;
  return error instanceof Error && typeof e?.code === "string" && e.syscall === undefined && !/^ERR_/.test(e.code) && !/^E[A-Z0-9]+$/.test(e.code);
}

/**
 * The sentence for a failed file operation: a read of the input when `reading`, else a write.
 *
 * @example
 * fileErrorSentence({ code: "ENOSPC", syscall: "write", path: "a.tmp" }, "out.xlsx", "en-US")
 * // 'Cannot write "out.xlsx": the disk is full. Free some space and run again; nothing was overwritten.'
 */
export function fileErrorSentence(error: NodeJS.ErrnoException, file: string, lang: Lang, reading = false): string {
  const code = error.code ?? "EIO";
  const text = textOf(lang).failures;
  const write = text.write as Record<string, ((file: string) => string) | undefined>;
  const read = text.read as Record<string, ((file: string) => string) | undefined>;
  const words = reading ? read[code] ?? write[code] : write[code];
  return words ? words(file) : text.writeOther(file, code);
}

/** The sentence for an output that names the input or another output. */
export function clashSentence(clash: OutputClash, lang: Lang): string {
  return clash.kind === "input" ? textOf(lang).failures.clashInput(clash.option, clash.file) : textOf(lang).failures.clashOther(clash.option, clash.otherOption, clash.file);
}

/** Why a workbook could not be opened, from what the reader threw: a refusal's sentence in `lang`, else its message. */
export function readerReason(error: unknown, lang: Lang): string {
  if (isPackageError(error)) return error.messages[lang];
  return error instanceof Error ? error.message : String(error);
}

/**
 * The sentence for a workbook the reader will not read: a refusal's own sentence and fix
 * (packageErrors.ts) when it has one, else `other` given the reader's reason.
 */
export function notReadable(file: string, error: unknown, lang: Lang, other: (file: string, reason: string) => string = textOf(lang).cli.notXlsx): string {
  return isPackageError(error) ? textOf(lang).cli.refused(file, error.messages[lang]) : other(file, readerReason(error, lang));
}

/** The sentence for a fault of tiers itself. */
export function unexpectedSentence(error: unknown, lang: Lang): string {
  const message = error instanceof EngineError ? engineReason(error)[lang] : error instanceof Error ? error.message : String(error);
  return textOf(lang).failures.unexpected(message.split("\n")[0].slice(0, 300));
}
