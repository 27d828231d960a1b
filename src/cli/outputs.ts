// Where a run may write: no output may name the run's input (unless the option says so explicitly) or
// another output of the same run, compared by real path (symbolic links and "../" resolved) and, for
// files that exist, by device and inode (hard links; a case-insensitive file system's other spelling).
// Before any work, each output's folder must exist and be writable and the output must not be a folder.

import * as fs from "fs";
import * as path from "path";
import { fileError, realPath } from "./files";

export { realPath };

/** What names a file: its real path, and its device and inode when it exists. */
interface FileIdentity {
  real: string;
  inode?: string;
}

function identity(file: string): FileIdentity {
  try {
    const stat = fs.statSync(file);
    return { real: realPath(file), inode: `${stat.dev}:${stat.ino}` };
  } catch {
    return { real: realPath(file) };
  }
}

function sameIdentity(a: FileIdentity, b: FileIdentity): boolean {
  return a.real === b.real || (a.inode !== undefined && a.inode === b.inode);
}

/** True when two paths name the same file (same real path, or same device and inode). */
export function sameFile(a: string, b: string): boolean {
  return sameIdentity(identity(a), identity(b));
}

/** One file a run will write: the option that named it ("--out", "--json"; "" for a default path). */
export interface PlannedOutput {
  option: string;
  file: string;
  /** The option names the input on purpose: allowed (the write is atomic). */
  mayBeInput?: boolean;
}

/** Why an output was refused before anything ran. */
export type OutputClash =
  | { kind: "input"; option: string; file: string }
  | { kind: "other"; option: string; otherOption: string; file: string };

/**
 * The first clash among a run's outputs, or undefined.
 *
 * @example
 * outputClash("book.xlsx", [{ option: "--out", file: "graded.xlsx" }, { option: "--json", file: "book.xlsx" }])
 * // { kind: "input", option: "--json", file: "book.xlsx" }
 */
export function outputClash(input: string, outputs: PlannedOutput[]): OutputClash | undefined {
  // Each path looked up once (a split's hundred copies are compared pairwise).
  const source = identity(input);
  const identities = outputs.map((output) => identity(output.file));
  for (let i = 0; i < outputs.length; i++) {
    const { option, file, mayBeInput } = outputs[i];
    if (!mayBeInput && sameIdentity(identities[i], source)) return { kind: "input", option, file };
    for (let j = 0; j < i; j++) {
      if (sameIdentity(identities[i], identities[j])) return { kind: "other", option, otherOption: outputs[j].option, file };
    }
  }
  return undefined;
}

/**
 * Throws the fs error a write of `file` would end in, before any work is done: the file is a folder
 * (EISDIR), its folder is missing (ENOENT) or not a folder (ENOTDIR), or the folder cannot be written
 * (EACCES, EROFS). Passing it does not promise the write succeeds (a disk can fill); the atomic write
 * handles that.
 */
export function checkWritable(file: string): void {
  const absolute = path.resolve(file);
  if (fs.existsSync(absolute) && fs.statSync(absolute).isDirectory()) throw fileError("EISDIR", "open", file);
  checkFolder(path.dirname(absolute), file);
}

function checkFolder(folder: string, file: string): void {
  if (!fs.existsSync(folder)) throw fileError("ENOENT", "open", file);
  if (!fs.statSync(folder).isDirectory()) throw fileError("ENOTDIR", "open", file);
  try {
    fs.accessSync(folder, fs.constants.W_OK);
  } catch (error) {
    throw fileError((error as NodeJS.ErrnoException).code ?? "EACCES", "open", file);
  }
}

/**
 * The same checks for a folder a run will fill: it may not exist yet, but its parent must (the copies
 * are first written into a temporary folder there); when it exists it must be a writable folder.
 */
export function checkWritableFolder(dir: string): void {
  const absolute = path.resolve(dir);
  if (fs.existsSync(absolute)) {
    if (!fs.statSync(absolute).isDirectory()) throw fileError("ENOTDIR", "mkdir", dir);
    checkFolder(absolute, dir);
  }
  checkFolder(path.dirname(absolute), dir);
}
