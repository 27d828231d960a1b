// What the command line says when something fails that is not a problem of the workbook's contents:
// one sentence in the user's language, never a stack trace, and the exit code of its kind.
//   2  the files: a path that does not exist, a folder that cannot be written, a full disk, a file-size
//      limit, an output that names the input or another output (and bad usage, decided by the parsers)
//   1  the workbook: a file that is not a readable .xlsx (the reader's refusals), problems in its tables
//   3  anything else: a fault of tiers itself, with "please report"; nothing was overwritten either way.

import type { Lang } from "../workbook/types";
import type { OutputClash } from "./outputs";

export const EXIT_PROBLEMS = 1;
export const EXIT_FILES = 2;
export const EXIT_UNEXPECTED = 3;

type IoWords = Record<string, (file: string) => string>;

const IO: Record<Lang, IoWords> = {
  "en-US": {
    ENOENT: (file) => `Cannot write "${file}": its folder does not exist. Create the folder or choose another path.`,
    ENOTDIR: (file) => `Cannot use "${file}": a part of that path is a file, not a folder.`,
    EISDIR: (file) => `"${file}" is a folder. Name a file to write, e.g. ${file.replace(/[\\/]+$/, "")}/graded.xlsx.`,
    EACCES: (file) => `Cannot write "${file}": permission denied. Choose a folder you can write to (--out).`,
    EPERM: (file) => `Cannot write "${file}": the operation is not permitted. Choose a folder you can write to (--out).`,
    EROFS: (file) => `Cannot write "${file}": the disk is read-only. Choose a folder you can write to (--out).`,
    ENOSPC: (file) => `Cannot write "${file}": the disk is full. Free some space and run again; nothing was overwritten.`,
    EDQUOT: (file) => `Cannot write "${file}": your disk quota is used up. Free some space and run again; nothing was overwritten.`,
    EFBIG: (file) => `Cannot write "${file}": the file would exceed the size limit for files (ulimit -f). Nothing was overwritten.`,
    ENAMETOOLONG: (file) => `Cannot write "${file}": the name is too long for the file system.`,
    EMFILE: (file) => `Cannot open "${file}": too many files are open. Close some programs and run again.`,
    other: (file, code = "EIO") => `Cannot write "${file}" (${code}). Nothing was overwritten.`,
  },
  "zh-CN": {
    ENOENT: (file) => `无法写入“${file}”：所在文件夹不存在。请先创建该文件夹或换一个路径。`,
    ENOTDIR: (file) => `无法使用“${file}”：路径中的某一部分是文件而不是文件夹。`,
    EISDIR: (file) => `“${file}”是一个文件夹。请指定要写入的文件，例如 ${file.replace(/[\\/]+$/, "")}/graded.xlsx。`,
    EACCES: (file) => `无法写入“${file}”：没有权限。请用 --out 换一个有写入权限的文件夹。`,
    EPERM: (file) => `无法写入“${file}”：操作不被允许。请用 --out 换一个有写入权限的文件夹。`,
    EROFS: (file) => `无法写入“${file}”：磁盘为只读。请用 --out 换一个可写入的文件夹。`,
    ENOSPC: (file) => `无法写入“${file}”：磁盘已满。请释放空间后重试；原有文件均未被覆盖。`,
    EDQUOT: (file) => `无法写入“${file}”：磁盘配额已用完。请释放空间后重试；原有文件均未被覆盖。`,
    EFBIG: (file) => `无法写入“${file}”：文件将超过系统允许的大小上限（ulimit -f）。原有文件均未被覆盖。`,
    ENAMETOOLONG: (file) => `无法写入“${file}”：文件名对该文件系统来说太长。`,
    EMFILE: (file) => `无法打开“${file}”：打开的文件过多。请关闭一些程序后重试。`,
    other: (file, code = "EIO") => `无法写入“${file}”（${code}）。原有文件均未被覆盖。`,
  },
};

const READ: Record<Lang, IoWords> = {
  "en-US": {
    ENOENT: (file) => `Cannot find the workbook "${file}". Check the path.`,
    EISDIR: (file) => `"${file}" is a folder, not a workbook. Name the .xlsx file.`,
    EACCES: (file) => `Cannot read "${file}": permission denied.`,
    EPERM: (file) => `Cannot read "${file}": the operation is not permitted.`,
  },
  "zh-CN": {
    ENOENT: (file) => `找不到工作簿“${file}”。请检查路径。`,
    EISDIR: (file) => `“${file}”是一个文件夹，不是工作簿。请指定 .xlsx 文件。`,
    EACCES: (file) => `无法读取“${file}”：没有权限。`,
    EPERM: (file) => `无法读取“${file}”：操作不被允许。`,
  },
};

const OTHER: Record<Lang, { unexpected: (message: string) => string; clashInput: (option: string, file: string) => string; clashOther: (option: string, other: string, file: string) => string }> = {
  "en-US": {
    unexpected: (message) =>
      `tiers stopped on an error it did not expect (${message}); no file was overwritten. Please report it to the maintainers of Customer Tiers with the command you ran (TIERS_DEBUG=1 shows the details).`,
    clashInput: (option, file) => `${option || "The output"} "${file}" is the input workbook; tiers never writes over its input that way. Choose another path.`,
    clashOther: (option, other, file) => `${option || "The output"} "${file}" is the same file as ${other || "the graded copy"}; give each output its own path.`,
  },
  "zh-CN": {
    unexpected: (message) =>
      `tiers 遇到了意料之外的错误（${message}），已停止；没有覆盖任何文件。请将所运行的命令报告给客户分级的维护者（设置 TIERS_DEBUG=1 可显示详细信息）。`,
    clashInput: (option, file) => `${option || "输出"}“${file}”就是输入的工作簿；tiers 不会以这种方式覆盖输入。请换一个路径。`,
    clashOther: (option, other, file) => `${option || "输出"}“${file}”与 ${other || "分级结果"} 是同一个文件；请为每个输出指定不同的路径。`,
  },
};

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
  const words = reading ? READ[lang][code] ?? IO[lang][code] : IO[lang][code];
  return words ? words(file) : (IO[lang].other as (file: string, code: string) => string)(file, code);
}

/** The sentence for an output that names the input or another output. */
export function clashSentence(clash: OutputClash, lang: Lang): string {
  return clash.kind === "input" ? OTHER[lang].clashInput(clash.option, clash.file) : OTHER[lang].clashOther(clash.option, clash.otherOption, clash.file);
}

/** The sentence for a fault of tiers itself. */
export function unexpectedSentence(error: unknown, lang: Lang): string {
  const message = error instanceof Error ? error.message : String(error);
  return OTHER[lang].unexpected(message.split("\n")[0].slice(0, 300));
}
