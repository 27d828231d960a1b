// Real failures, not mocks: a file-size limit (ulimit -f) that makes the write fail, a folder the
// process may not write, a folder that does not exist, an output that is a folder, outputs that name
// the input or each other, and inputs that are not workbooks at all. Each ends in one sentence (no
// stack frame), the right exit code, the target untouched and no temporary file left.

import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import JSZip from "jszip";
import { failure, main } from "../../src/cli/main";
import { EngineError } from "../../src/engine/errors";
import { buildWorkbook, smallCustomerSheets } from "../xlsx/buildWorkbook";
import { runTiers, stackFrames, temporaryFiles } from "./processes";
import { capture } from "./capture";

const SENTINEL = Buffer.from("the previous output, which must survive\n");

let dir: string;
let input: string;
let graded: string;
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "tiers-failures-"));
  // Readable by the unprivileged user of the read-only test.
  fs.chmodSync(dir, 0o755);
  input = path.join(dir, "book.xlsx");
  fs.writeFileSync(input, await buildWorkbook(smallCustomerSheets()));
  graded = path.join(dir, "graded.xlsx");
  expect(await main(["grade", input, "--out", graded], capture())).toBe(0);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** A fresh folder inside `dir` holding a previous output with known bytes. */
function folderWithPrevious(name: string): { folder: string; target: string } {
  const folder = path.join(dir, name);
  fs.mkdirSync(folder, { mode: 0o755 });
  fs.chmodSync(folder, 0o755);
  const target = path.join(folder, "out.xlsx");
  fs.writeFileSync(target, SENTINEL);
  return { folder, target };
}

describe("a write that fails for real", () => {
  test("ulimit -f: the write fails, exit 2 with a sentence, the previous output untouched, no temporary file", async () => {
    const { folder, target } = folderWithPrevious("limited");
    // 4 blocks of 1024 bytes: the graded copy (about 10 KB) cannot be written.
    const run = await runTiers(["grade", input, "--out", target], { shellPrefix: "ulimit -f 4" });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`Cannot write "${target}": the file would exceed the size limit for files (ulimit -f).`);
    expect(stackFrames(run.stderr)).toEqual([]);
    expect(run.stdout).not.toContain("Graded");
    expect(fs.readFileSync(target)).toEqual(SENTINEL);
    expect(fs.readdirSync(folder)).toEqual(["out.xlsx"]);
  });

  test("ulimit -f during split: no copy is moved in and none is reported written", async () => {
    // One owner with many customers: the company-wide copy is the largest, Li's the smallest.
    const sheets = smallCustomerSheets();
    for (let i = 6; i <= 400; i++) sheets[0].rows.push([`C${i}`, `Customer ${i} with a longer name`, "Wu", 1000 + i, i % 7]);
    const book = path.join(dir, "many.xlsx");
    fs.writeFileSync(book, await buildWorkbook(sheets));
    const manyGraded = path.join(dir, "many.graded.xlsx");
    expect(await main(["grade", book, "--out", manyGraded], capture())).toBe(0);
    const free = path.join(dir, "free-copies");
    expect(await main(["split", manyGraded, "--by", "Owner", "--out", free, "--lang", "en-US"], capture())).toBe(0);
    const sizes = Object.fromEntries(fs.readdirSync(free).map((name) => [name, fs.statSync(path.join(free, name)).size]));
    const li = sizes["many.graded.Li.xlsx"];
    const everyone = sizes["many.graded.everyone.xlsx"];
    const limit = Math.ceil(li / 1024) + 1;
    expect(limit * 1024).toBeLessThan(everyone);

    const copies = path.join(dir, "limited-copies");
    const run = await runTiers(["split", manyGraded, "--by", "Owner", "--out", copies, "--lang", "en-US"], { shellPrefix: `ulimit -f ${limit}` });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/Cannot write ".*many\.graded\.(Wu|everyone)\.xlsx": the file would exceed the size limit/);
    expect(stackFrames(run.stderr)).toEqual([]);
    expect(run.stdout).not.toMatch(/copies written/);
    expect(fs.existsSync(copies)).toBe(false);
    expect(temporaryFiles(dir)).toEqual([]);
  });

  test("a folder the process may not write: exit 2 with a sentence, nothing written", async () => {
    const { folder, target } = folderWithPrevious("read-only");
    fs.chmodSync(folder, 0o555);
    fs.chmodSync(input, 0o644);
    // Root writes anywhere: run as the unprivileged "nobody" then, as a user would be.
    const asRoot = process.getuid?.() === 0;
    const run = await runTiers(["grade", input, "--out", path.join(folder, "new.xlsx")], asRoot ? { uid: 65534, gid: 65534 } : {});
    fs.chmodSync(folder, 0o755);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`Cannot write "${path.join(folder, "new.xlsx")}": permission denied. Choose a folder you can write to (--out).`);
    expect(stackFrames(run.stderr)).toEqual([]);
    expect(fs.readdirSync(folder)).toEqual(["out.xlsx"]);
    expect(fs.readFileSync(target)).toEqual(SENTINEL);
  });

  test("a missing folder and --out naming a folder: exit 2 with a sentence (both languages), nothing written", async () => {
    const missing = path.join(dir, "no-such-folder", "out.xlsx");
    const io = capture();
    expect(await main(["grade", input, "--out", missing], io)).toBe(2);
    expect(io.err).toBe(`Cannot write "${missing}": its folder does not exist. Create the folder or choose another path.\n`);
    expect(fs.existsSync(path.dirname(missing))).toBe(false);

    const { folder } = folderWithPrevious("a-folder");
    for (const [lang, words] of [["en-US", "is a folder"], ["zh-CN", "是一个文件夹"]]) {
      const io = capture();
      expect(await main(["grade", input, "--out", folder, "--lang", lang], io)).toBe(2);
      expect(io.err).toContain(words);
      expect(io.err.trim().split("\n")).toHaveLength(1);
    }
    expect(fs.readdirSync(folder)).toEqual(["out.xlsx"]);
    // The same for migrate's and share's outputs, and split's folder being a file.
    for (const args of [
      ["share", graded, "--out", folder],
      ["migrate", graded, "--from", "a", "--to", "b", "--out", missing],
      ["split", graded, "--by", "Owner", "--out", input],
    ]) {
      const io = capture();
      expect(await main([...args, "--lang", "en-US"], io)).toBe(2);
      expect(io.err).toMatch(/^(Cannot write|Cannot use|".*" is a folder)/);
    }
  });
});

describe("outputs that name the input or each other", () => {
  test("--json naming the input, --json equal to --out, and share's copy over its input are refused; the input is untouched", async () => {
    const before = fs.readFileSync(input);
    const link = path.join(dir, "link-to-book.xlsx");
    fs.symlinkSync(input, link);
    const cases: [string[], RegExp][] = [
      [["grade", input, "--json", input], /--json ".*book\.xlsx" is the input workbook/],
      [["grade", input, "--json", path.join(dir, "..", path.basename(dir), "book.xlsx")], /is the input workbook/],
      [["grade", input, "--json", link], /is the input workbook/],
      [["grade", input, "--out", path.join(dir, "x.xlsx"), "--json", path.join(dir, "x.xlsx")], /--json ".*x\.xlsx" is the same file as --out/],
      [["grade", input, "--json", path.join(dir, "book.graded.xlsx")], /is the same file as the graded copy/],
      [["share", input, "--out", input], /--out ".*book\.xlsx" is the input workbook/],
      [["migrate", input, "--from", "a", "--to", "b", "--json", input], /is the input workbook/],
    ];
    for (const [args, message] of cases) {
      const io = capture();
      expect(await main([...args, "--lang", "en-US"], io)).toBe(2);
      expect(io.err).toMatch(message);
      expect(fs.readFileSync(input)).toEqual(before);
    }
    expect(fs.existsSync(path.join(dir, "x.xlsx"))).toBe(false);
    expect(fs.existsSync(path.join(dir, "book.graded.xlsx"))).toBe(false);
  });

  test("split refuses a folder where a copy's name leads to the input", async () => {
    const folder = path.join(dir, "split-home");
    fs.mkdirSync(folder);
    // Li's copy of graded.xlsx is graded.Li.xlsx: here a link to the input itself.
    fs.symlinkSync(graded, path.join(folder, "graded.Li.xlsx"));
    const before = fs.readFileSync(graded);
    const io = capture();
    expect(await main(["split", graded, "--by", "Owner", "--out", folder, "--lang", "en-US"], io)).toBe(2);
    expect(io.err).toMatch(/--out ".*graded\.Li\.xlsx" is the input workbook/);
    expect(io.out).toBe("");
    expect(fs.readdirSync(folder)).toEqual(["graded.Li.xlsx"]);
    expect(fs.readFileSync(graded)).toEqual(before);
  });

  test("--out naming the input is allowed (explicit) and replaces it atomically with the graded workbook", async () => {
    const own = path.join(dir, "own.xlsx");
    fs.copyFileSync(input, own);
    fs.chmodSync(own, 0o600);
    const io = capture();
    expect(await main(["grade", own, "--out", own], io)).toBe(0);
    expect(io.out).toContain(`wrote ${own}`);
    expect(fs.readFileSync(own)).not.toEqual(fs.readFileSync(input));
    // Graded, and it keeps its permissions.
    expect(fs.statSync(own).mode & 0o777).toBe(0o600);
    expect(temporaryFiles(dir)).toEqual([]);
  });
});

describe("inputs that are not workbooks", () => {
  let bad: Record<string, string>;
  beforeAll(() => {
    bad = {
      csv: path.join(dir, "renamed-csv.xlsx"),
      text: path.join(dir, "notes.xlsx"),
      empty: path.join(dir, "empty.xlsx"),
      folder: path.join(dir, "folder.xlsx"),
    };
    fs.writeFileSync(bad.csv, "Customer ID,Sales\nC1,100\nC2,200\n");
    fs.writeFileSync(bad.text, "Dear team, the workbook is attached.\n");
    fs.writeFileSync(bad.empty, "");
    fs.mkdirSync(bad.folder);
  });

  test("every command: one sentence naming the file, no stack frame; exit 1 for what is not an .xlsx, 2 for a folder", async () => {
    for (const [kind, file] of Object.entries(bad)) {
      for (const args of [
        ["grade", file],
        ["share", file],
        ["split", file, "--by", "Owner", "--out", path.join(dir, `split-${kind}`)],
        ["migrate", file, "--from", "a", "--to", "b"],
      ]) {
        for (const lang of ["en-US", "zh-CN"]) {
          const io = capture();
          const code = await main([...args, "--lang", lang], io);
          expect([kind, args[0], lang, code]).toEqual([kind, args[0], lang, kind === "folder" ? 2 : 1]);
          expect(io.err).toContain(file);
          expect(stackFrames(io.err)).toEqual([]);
          expect(io.err.trim().split("\n")).toHaveLength(1);
        }
      }
    }
    const made = (name: string) => /^split-(csv|text|empty|folder)$/.test(name) || /^(renamed-csv|notes|empty|folder)\.(graded|shared|migration)\.xlsx$/.test(name);
    expect(fs.readdirSync(dir).filter(made)).toEqual([]);
  });

  test("through the tiers bin: no line of stderr looks like a stack frame", async () => {
    for (const [kind, file] of Object.entries(bad)) {
      const run = await runTiers(["grade", file]);
      expect([kind, run.code]).toEqual([kind, kind === "folder" ? 2 : 1]);
      expect(run.stderr.length).toBeGreaterThan(0);
      expect(stackFrames(run.stderr)).toEqual([]);
    }
  });

  test("a valid workbook with namespace prefixes (<x:worksheet>, as Open XML SDK writes): graded or one sentence, never a stack", async () => {
    const zip = await JSZip.loadAsync(await buildWorkbook(smallCustomerSheets()));
    for (const name of Object.keys(zip.files)) {
      if (!/^xl\/worksheets\/sheet\d+\.xml$/.test(name)) continue;
      const xml = await zip.file(name)!.async("string");
      zip.file(name, xml.replace(/<(\/?)([a-zA-Z]+)/g, "<$1x:$2").replace('xmlns="', 'xmlns:x="'));
    }
    const file = path.join(dir, "prefixed.xlsx");
    fs.writeFileSync(file, await zip.generateAsync({ type: "uint8array" }));
    const run = await runTiers(["grade", file, "--out", path.join(dir, "prefixed.graded.xlsx")]);
    // Whether this reader grades it (0), refuses it (1) or fails unexpectedly (3), the user reads sentences.
    expect([0, 1, 3]).toContain(run.code);
    expect(stackFrames(run.stderr)).toEqual([]);
    if (run.code !== 0) expect(run.stderr.trim().split("\n")).toHaveLength(1);
  });
});

describe("errors no command foresaw", () => {
  test("a refusal of the workbook layer (an error with its own code) is exit 1 naming the file; anything else exit 3 with 'please report', no stack", () => {
    const io = capture();
    io.env = {};
    const refusal = Object.assign(new Error("the workbook is encrypted with a password; save it without one"), { code: "encrypted" });
    expect(failure(refusal, "en-US", io, "secret.xlsx")).toBe(1);
    expect(io.err).toBe('Cannot read "secret.xlsx" as an .xlsx workbook (the workbook is encrypted with a password; save it without one). Save it from Excel as .xlsx and try again.\n');
    io.err = "";
    expect(failure(new TypeError("Cannot read properties of undefined (reading 'x')"), "zh-CN", io)).toBe(3);
    expect(io.err).toContain("tiers 遇到了意料之外的错误");
    expect(stackFrames(io.err)).toEqual([]);
    io.err = "";
    // Node's own codes are faults, not refusals.
    expect(failure(Object.assign(new Error("bad argument"), { code: "ERR_INVALID_ARG_TYPE" }), "en-US", io)).toBe(3);
    expect(io.err).toMatch(/Please report it/);
    io.err = "";
    // An engine refusal (it carries a code) that no stage made a problem is not a refusal of the file:
    // exit 3, its reason in the user's language.
    const twice = new EngineError("customer-twice", { id: "C-1", period: "second" });
    expect(failure(twice, "zh-CN", io, "book.xlsx")).toBe(3);
    expect(io.err).toContain("客户“C-1”在第二期中出现了两次");
    expect(io.err).not.toMatch(/appears twice|\.xlsx/);
    io.err = "";
    expect(failure(twice, "en-US", io, "book.xlsx")).toBe(3);
    expect(io.err).toContain('(customer "C-1" appears twice in the second period)');
    io.err = "";
    io.env = { TIERS_DEBUG: "1" };
    expect(failure(new Error("boom"), "en-US", io)).toBe(3);
    expect(stackFrames(io.err).length).toBeGreaterThan(0);
  });
});
