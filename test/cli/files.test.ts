// The atomic writes on a real file system: a producer that fails halfway leaves the target as it was
// and no temporary file; a link is followed; permissions are kept; orphans of dead processes go,
// those of live ones stay; a folder of copies appears whole or not at all.

import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { removeOrphans, temporaryName, writeFileAtomic, writeFilesAtomic, writeFilesTogether } from "../../src/cli/files";
import type { FolderFile } from "../../src/cli/files";
import { outputClash, realPath, sameFile } from "../../src/cli/outputs";

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "tiers-files-"));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

/** A pid that no process has any more: a child that has already exited. */
function deadPid(): number {
  return spawnSync(process.execPath, ["-e", "0"]).pid;
}

async function* failingAfter(chunks: number): AsyncIterable<Uint8Array> {
  for (let i = 0; i < chunks; i++) yield Buffer.alloc(64 * 1024, 65 + i);
  throw new Error("the workbook could not be saved");
}

describe("writeFileAtomic", () => {
  test("replaces the target in one step and leaves nothing else; keeps its permissions", async () => {
    const target = path.join(dir, "out.xlsx");
    fs.writeFileSync(target, "old");
    fs.chmodSync(target, 0o640);
    await writeFileAtomic(target, Buffer.from("new bytes"));
    expect(fs.readFileSync(target, "utf8")).toBe("new bytes");
    expect(fs.statSync(target).mode & 0o777).toBe(0o640);
    expect(fs.readdirSync(dir)).toEqual(["out.xlsx"]);
    await writeFileAtomic(path.join(dir, "new.json"), "{}\n");
    expect(fs.readFileSync(path.join(dir, "new.json"), "utf8")).toBe("{}\n");
  });

  test("a producer failing halfway: the error comes through, the target is as it was, the temporary file is gone", async () => {
    const target = path.join(dir, "out.xlsx");
    fs.writeFileSync(target, "the previous output");
    await expect(writeFileAtomic(target, failingAfter(3))).rejects.toThrow("the workbook could not be saved");
    expect(fs.readFileSync(target, "utf8")).toBe("the previous output");
    expect(fs.readdirSync(dir)).toEqual(["out.xlsx"]);
  });

  test("through a symbolic link the file it points to is replaced and the link stays a link", async () => {
    const real = path.join(dir, "real.xlsx");
    const link = path.join(dir, "link.xlsx");
    fs.writeFileSync(real, "old");
    fs.symlinkSync(real, link);
    await writeFileAtomic(link, "new");
    expect(fs.lstatSync(link).isSymbolicLink()).toBe(true);
    expect(fs.readFileSync(real, "utf8")).toBe("new");
  });

  test("an orphan of a dead process is removed by the next write of the target; a live process's stays", async () => {
    const target = path.join(dir, "out.xlsx");
    const dead = temporaryName(target, deadPid());
    const live = temporaryName(target, process.ppid);
    fs.writeFileSync(dead, "half");
    fs.writeFileSync(live, "being written");
    fs.writeFileSync(path.join(dir, "other.xlsx.tiers-writing-1.tmp"), "another target's");
    await writeFileAtomic(target, "done");
    expect(fs.readdirSync(dir).sort()).toEqual([path.basename(live), "other.xlsx.tiers-writing-1.tmp", "out.xlsx"].sort());
    removeOrphans(target);
    expect(fs.existsSync(live)).toBe(true);
  });

  test("an orphan named with this process's own id (an earlier process had it) does not stop the write", async () => {
    const target = path.join(dir, "out.xlsx");
    fs.writeFileSync(temporaryName(target), "left by a killed run with the same pid");
    await writeFileAtomic(target, "done");
    expect(fs.readdirSync(dir)).toEqual(["out.xlsx"]);
  });
});

describe("writeFilesTogether", () => {
  test("the second output failing leaves the first target as it was too, and no temporary file", async () => {
    fs.writeFileSync(path.join(dir, "graded.xlsx"), "the previous workbook");
    fs.writeFileSync(path.join(dir, "graded.json"), "the previous JSON");
    const files = [
      { file: path.join(dir, "graded.xlsx"), content: Buffer.from("the new workbook") },
      { file: path.join(dir, "graded.json"), content: failingAfter(2) },
    ];
    await expect(writeFilesTogether(files)).rejects.toThrow("the workbook could not be saved");
    expect(fs.readFileSync(path.join(dir, "graded.xlsx"), "utf8")).toBe("the previous workbook");
    expect(fs.readFileSync(path.join(dir, "graded.json"), "utf8")).toBe("the previous JSON");
    expect(fs.readdirSync(dir).sort()).toEqual(["graded.json", "graded.xlsx"]);
    await writeFilesTogether([files[0], { file: path.join(dir, "graded.json"), content: "{}\n" }]);
    expect(fs.readFileSync(path.join(dir, "graded.xlsx"), "utf8")).toBe("the new workbook");
    expect(fs.readFileSync(path.join(dir, "graded.json"), "utf8")).toBe("{}\n");
    expect(fs.readdirSync(dir).sort()).toEqual(["graded.json", "graded.xlsx"]);
  });
});

describe("writeFilesAtomic", () => {
  const files = (names: string[]): FolderFile[] => names.map((name) => ({ name, content: `copy ${name}` }));

  test("a new folder appears with every copy at once", async () => {
    const out = path.join(dir, "copies");
    expect(await writeFilesAtomic(out, files(["a.xlsx", "b.xlsx"]))).toEqual(["a.xlsx", "b.xlsx"]);
    expect(fs.readdirSync(out).sort()).toEqual(["a.xlsx", "b.xlsx"]);
    expect(fs.readdirSync(dir)).toEqual(["copies"]);
  });

  test("a failure after some copies: no copy moved in, the folder's files untouched, no temporary folder", async () => {
    const out = path.join(dir, "copies");
    fs.mkdirSync(out);
    fs.writeFileSync(path.join(out, "a.xlsx"), "last month's copy");
    fs.writeFileSync(path.join(out, "notes.txt"), "mine");
    function* producer(): Iterable<FolderFile> {
      yield { name: "a.xlsx", content: "this month's copy" };
      throw new Error("the second copy could not be made");
    }
    await expect(writeFilesAtomic(out, producer())).rejects.toThrow("the second copy could not be made");
    expect(fs.readdirSync(out).sort()).toEqual(["a.xlsx", "notes.txt"]);
    expect(fs.readFileSync(path.join(out, "a.xlsx"), "utf8")).toBe("last month's copy");
    expect(fs.readdirSync(dir)).toEqual(["copies"]);
    // A new folder that fails is not created at all.
    await expect(writeFilesAtomic(path.join(dir, "fresh"), producer())).rejects.toThrow();
    expect(fs.readdirSync(dir)).toEqual(["copies"]);
  });

  test("into an existing folder: copies replace their namesakes, other files stay; a folder in a copy's place is refused before any move", async () => {
    const out = path.join(dir, "copies");
    fs.mkdirSync(out);
    fs.writeFileSync(path.join(out, "a.xlsx"), "old");
    fs.writeFileSync(path.join(out, "notes.txt"), "mine");
    await writeFilesAtomic(out, files(["a.xlsx", "b.xlsx"]));
    expect(fs.readdirSync(out).sort()).toEqual(["a.xlsx", "b.xlsx", "notes.txt"]);
    expect(fs.readFileSync(path.join(out, "a.xlsx"), "utf8")).toBe("copy a.xlsx");
    fs.mkdirSync(path.join(out, "c.xlsx"));
    await expect(writeFilesAtomic(out, files(["b.xlsx", "c.xlsx"]))).rejects.toMatchObject({ code: "EISDIR" });
    expect(fs.readFileSync(path.join(out, "b.xlsx"), "utf8")).toBe("copy b.xlsx");
    expect(fs.readdirSync(out).sort()).toEqual(["a.xlsx", "b.xlsx", "c.xlsx", "notes.txt"]);
  });
});

describe("output paths", () => {
  test("real paths through '..' and links; hard links are the same file", () => {
    const file = path.join(dir, "book.xlsx");
    fs.writeFileSync(file, "x");
    fs.linkSync(file, path.join(dir, "hard.xlsx"));
    expect(realPath(path.join(dir, "sub", "..", "book.xlsx"))).toBe(realPath(file));
    expect(sameFile(path.join(dir, "hard.xlsx"), file)).toBe(true);
    expect(sameFile(path.join(dir, "new.xlsx"), file)).toBe(false);
    expect(outputClash(file, [{ option: "--out", file: path.join(dir, "hard.xlsx") }])).toEqual({ kind: "input", option: "--out", file: path.join(dir, "hard.xlsx") });
    expect(outputClash(file, [{ option: "--out", file, mayBeInput: true }])).toBeUndefined();
    expect(outputClash(file, [{ option: "--out", file: "a.xlsx" }, { option: "--json", file: "./a.xlsx" }])).toEqual({ kind: "other", option: "--json", otherOption: "--out", file: "./a.xlsx" });
  });
});
