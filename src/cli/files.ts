// Every file the command line writes goes through here, so that no failure — a full disk, a file-size
// limit, a read-only folder, `kill -9` — ever leaves a target half written or empty:
//   1. the bytes go to a temporary file in the target's own folder (same file system, so the rename
//      below cannot turn into a copy), created exclusively;
//   2. the temporary file is fsync'ed, then renamed over the target (rename(2) replaces atomically:
//      a reader sees the old file or the new one, never a mix), then the folder is fsync'ed so the
//      rename itself survives a power cut;
//   3. on any error the temporary file is removed and the target is untouched.
// The outputs of one run (a workbook and its JSON) are all written (1) before any is renamed (2), so
// a failure while writing any of them leaves every target as it was (writeFilesTogether).
// A process killed between 1 and 2 cannot clean up after itself; its temporary file is named
// "<target>.tiers-writing-<pid>.tmp" so a person recognises it, and the next write of the same
// target removes any such file whose process is gone.
// Written by hand: write-file-atomic, the common npm package, names its temporary file by a hash and
// removes it on exit signals, which SIGKILL is not, so a killed run's orphan stays, unrecognisable and
// never cleaned; here the whole of it is a few system calls and one naming rule.

import * as fs from "fs";
import * as path from "path";
import { isFileError } from "./failures";

/** What may be written: bytes, text (UTF-8), or chunks as they are produced. */
export type FileContent = Uint8Array | string | AsyncIterable<Uint8Array> | Iterable<Uint8Array>;

const TEMP_MARK = ".tiers-writing-";

/**
 * The real path of a file that may not exist yet: realpath of the file, else of its folder plus its
 * name, else the absolute path.
 *
 * @example
 * realPath("/tmp/../tmp/new.xlsx") // "/tmp/new.xlsx"
 */
export function realPath(file: string): string {
  const absolute = path.resolve(file);
  try {
    return fs.realpathSync.native(absolute);
  } catch {
    try {
      return path.join(fs.realpathSync.native(path.dirname(absolute)), path.basename(absolute));
    } catch {
      return absolute;
    }
  }
}

/** The temporary file for a target, in the target's folder. */
export function temporaryName(target: string, pid = process.pid): string {
  return path.join(path.dirname(target), `${path.basename(target)}${TEMP_MARK}${pid}.tmp`);
}

/**
 * True when a process with this id is running (or exists but is not ours to signal). Our own id counts
 * as gone: this process removes its temporary files before it writes again, so one named with our id
 * at that moment was left by an earlier, killed process that had the same id.
 */
function processAlive(pid: number): boolean {
  if (pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Removes the temporary files (or folders) an earlier, killed run left for this target: those named
 * "<target>.tiers-writing-<pid>.tmp" whose process no longer runs. Never throws (cleaning is a courtesy).
 */
export function removeOrphans(target: string): void {
  const dir = path.dirname(target);
  const prefix = `${path.basename(target)}${TEMP_MARK}`;
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    if (!name.startsWith(prefix) || !name.endsWith(".tmp")) continue;
    const pid = Number(name.slice(prefix.length, -".tmp".length));
    if (!Number.isInteger(pid) || pid <= 0 || processAlive(pid)) continue;
    try {
      fs.rmSync(path.join(dir, name), { recursive: true, force: true });
    } catch {
      // Someone else's file we cannot remove: leave it.
    }
  }
}

function writeAll(fd: number, chunk: Uint8Array): void {
  for (let at = 0; at < chunk.length; ) at += fs.writeSync(fd, chunk, at, chunk.length - at);
}

async function writeContent(fd: number, content: FileContent): Promise<void> {
  if (typeof content === "string") writeAll(fd, Buffer.from(content, "utf8"));
  else if (content instanceof Uint8Array) writeAll(fd, content);
  else if (Symbol.asyncIterator in content) for await (const chunk of content as AsyncIterable<Uint8Array>) writeAll(fd, chunk);
  else for (const chunk of content as Iterable<Uint8Array>) writeAll(fd, chunk);
}

function existingMode(file: string): number | undefined {
  try {
    const stat = fs.statSync(file);
    return stat.isFile() ? stat.mode & 0o7777 : undefined;
  } catch {
    return undefined;
  }
}

/** fsync of a folder, so a rename in it is on disk; some file systems refuse it, which is harmless. */
function syncFolder(dir: string): void {
  let fd: number | undefined;
  try {
    fd = fs.openSync(dir, "r");
    fs.fsyncSync(fd);
  } catch {
    // Not supported here (some network and Windows file systems): the rename is still atomic.
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

/** A file written in full to its temporary file and fsync'ed, not yet renamed over its target. */
interface Prepared {
  file: string;
  target: string;
  temp: string;
}

/**
 * Step 1 of an atomic write: the temporary file beside the target, written and fsync'ed. On failure
 * the temporary file is removed and the error (named after `file`) thrown.
 */
async function prepareFile(file: string, content: FileContent): Promise<Prepared> {
  // Through a symbolic link, the file it points to is replaced (as an editor would), not the link.
  const target = realPath(file);
  removeOrphans(target);
  const temp = temporaryName(target);
  let fd: number;
  try {
    fd = fs.openSync(temp, "wx", 0o666);
  } catch (error) {
    throw named(error, file);
  }
  let open = true;
  try {
    // A file replaced keeps its permissions (a private 0600 file stays private).
    const mode = existingMode(target);
    if (mode !== undefined) fs.fchmodSync(fd, mode);
    await writeContent(fd, content);
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    open = false;
  } catch (error) {
    if (open) {
      try {
        fs.closeSync(fd);
      } catch {
        // Already failing: the first error is the one to report.
      }
    }
    fs.rmSync(temp, { force: true });
    throw named(error, file);
  }
  return { file, target, temp };
}

/**
 * Writes `content` to `target` atomically (temporary file, fsync, rename). On failure the target is as
 * it was, the temporary file is gone, and the error (an fs error with its `code`) is thrown.
 *
 * @example
 * await writeFileAtomic("out/book.graded.xlsx", await workbook.save());
 * // out/ briefly holds "book.graded.xlsx.tiers-writing-4711.tmp", then only book.graded.xlsx
 */
export async function writeFileAtomic(file: string, content: FileContent): Promise<void> {
  await writeFilesTogether([{ file, content }]);
}

/**
 * Writes the outputs of one run (a graded workbook and its JSON) so that a failure changes none of
 * them: every file goes to its temporary file and is fsync'ed first, and only when all are written
 * are they renamed over their targets. A full disk while the second is written thus leaves the first
 * target as it was too, and "nothing was overwritten" stays true. Files are written one after the
 * other (content may be a stream); on failure every temporary file is removed and the error thrown.
 *
 * @example
 * await writeFilesTogether([{ file: "graded.xlsx", content: bytes }, { file: "graded.json", content: json }]);
 */
export async function writeFilesTogether(files: { file: string; content: FileContent }[]): Promise<void> {
  const prepared: Prepared[] = [];
  try {
    for (const { file, content } of files) prepared.push(await prepareFile(file, content));
  } catch (error) {
    for (const p of prepared) fs.rmSync(p.temp, { force: true });
    throw error;
  }
  for (const [i, p] of prepared.entries()) {
    try {
      fs.renameSync(p.temp, p.target);
    } catch (error) {
      // A rename within one folder fails only in rare ways (the target became a folder); the outputs
      // renamed before stay, the rest are removed.
      for (const rest of prepared.slice(i)) fs.rmSync(rest.temp, { force: true });
      throw named(error, p.file);
    }
  }
  for (const folder of new Set(prepared.map((p) => path.dirname(p.target)))) syncFolder(folder);
}

/** An error shaped like the ones fs throws, for a check made before fs would fail. */
export function fileError(code: string, syscall: string, file: string): NodeJS.ErrnoException {
  const error: NodeJS.ErrnoException = new Error(`${code}: ${syscall} '${file}'`);
  error.code = code;
  error.syscall = syscall;
  error.path = file;
  return error;
}

/** An fs error about a temporary file, told about the file the user named instead. */
function named(error: unknown, file: string): unknown {
  const e = error as NodeJS.ErrnoException | null;
  if (typeof e === "object" && e !== null && typeof e.code === "string" && typeof e.syscall === "string" && (e.path === undefined || e.path.includes(TEMP_MARK))) {
    e.path = file;
  }
  return error;
}

/**
 * The input workbook's bytes. Throws the fs error (ENOENT, EISDIR, EACCES) for the caller to put in a
 * sentence: a path that is not a file is a matter of files (exit 2), not of the workbook.
 */
export function readInputFile(file: string): Buffer {
  try {
    if (fs.statSync(file).isDirectory()) throw fileError("EISDIR", "read", file);
    return fs.readFileSync(file);
  } catch (error) {
    if (isFileError(error)) {
      // Marked as a read, so the sentence says "cannot read", not "cannot write".
      error.syscall = "read";
      error.path = file;
    }
    throw error;
  }
}

/** One file of a folder written by writeFilesAtomic. */
export interface FolderFile {
  name: string;
  content: FileContent;
}

/**
 * Writes a set of files into `dir` only once all of them are written: each goes into a temporary
 * folder, fsync'ed; then the copies are moved in. When `dir` does not exist the temporary folder is
 * beside it ("<dir>.tiers-writing-<pid>.tmp") and is renamed to it (all at once); when it exists the
 * temporary folder is inside it (".copies.tiers-writing-<pid>.tmp": the same file system even when
 * `dir` is a mount point) and each file is renamed into place (each atomically; a file of the same
 * name is replaced). On a failure before the moves, nothing in `dir`
 * has changed and the temporary folder is removed. `files` may be a generator, so copies need not all
 * be in memory at once. Returns the names written, in order.
 *
 * @example
 * await writeFilesAtomic("copies", [{ name: "graded.Li.xlsx", content: bytes }]) // ["graded.Li.xlsx"]
 */
export async function writeFilesAtomic(dir: string, files: Iterable<FolderFile> | AsyncIterable<FolderFile>): Promise<string[]> {
  const target = path.resolve(dir);
  if (fs.existsSync(target) && !fs.statSync(target).isDirectory()) throw fileError("ENOTDIR", "mkdir", target);
  const exists = fs.existsSync(target);
  const stem = exists ? path.join(target, ".copies") : target;
  removeOrphans(stem);
  const temp = temporaryName(stem);
  try {
    fs.mkdirSync(temp);
  } catch (error) {
    throw named(error, dir);
  }
  const names: string[] = [];
  try {
    for await (const file of files) {
      try {
        const fd = fs.openSync(path.join(temp, file.name), "wx", 0o666);
        try {
          await writeContent(fd, file.content);
          fs.fsyncSync(fd);
        } finally {
          fs.closeSync(fd);
        }
      } catch (error) {
        throw named(error, path.join(dir, file.name));
      }
      names.push(file.name);
    }
    syncFolder(temp);
    if (!exists) {
      fs.renameSync(temp, target);
      syncFolder(path.dirname(target));
      return names;
    }
    for (const name of names) {
      const into = path.join(target, name);
      if (fs.existsSync(into) && fs.statSync(into).isDirectory()) throw fileError("EISDIR", "rename", into);
    }
    for (const name of names) fs.renameSync(path.join(temp, name), path.join(target, name));
    syncFolder(target);
  } catch (error) {
    throw named(error, dir);
  } finally {
    fs.rmSync(temp, { recursive: true, force: true });
  }
  return names;
}
