import { execFileSync, spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import type { CliIo } from "../../src/cli/main";
import { defaultOutput, main } from "../../src/cli/main";
import { openXlsx } from "../../src/workbook/executors/xlsx";
import { BUILDS, ensureBuilt } from "../support/builds";
import { buildWorkbook, smallCustomerSheets } from "../xlsx/buildWorkbook";

function capture(options: { env?: Record<string, string>; tty?: boolean } = {}): CliIo & { out: string; err: string } {
  const io = {
    out: "",
    err: "",
    stdout: (text: string) => {
      io.out += text;
    },
    stderr: (text: string) => {
      io.err += text;
    },
    env: options.env ?? {},
    stderrIsTTY: options.tty ?? false,
    now: () => new Date(Date.UTC(2026, 10, 22, 9, 30)),
  };
  return io;
}

let dir: string;
let input: string;
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "tiers-cli-"));
  input = path.join(dir, "book.xlsx");
  fs.writeFileSync(input, await buildWorkbook(smallCustomerSheets()));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("tiers grade", () => {
  test("writes <name>.graded.xlsx beside the input and leaves the input as it was", async () => {
    const before = fs.readFileSync(input);
    const io = capture();
    expect(await main(["grade", input], io)).toBe(0);
    expect(defaultOutput(input)).toBe(path.join(dir, "book.graded.xlsx"));
    expect(fs.readFileSync(input)).toEqual(before);
    const graded = await openXlsx(fs.readFileSync(path.join(dir, "book.graded.xlsx")));
    expect((await graded.read("Customers", { top: 1, left: 7, rows: 5, columns: 1 })).map((r) => r[0])).toEqual(["A", "B", "C", "C", "C"]);
    expect(io.out).toContain("Graded 5 customers");
    expect(io.out).toContain("A: 1 customers (20%)");
    expect(io.err).toBe("");
  });

  test("--json - prints { customers: [{ id, score, rank, tier }], summary } on stdout and nothing else", async () => {
    const io = capture();
    expect(await main(["grade", input, "--out", path.join(dir, "j.xlsx"), "--json", "-"], io)).toBe(0);
    const json = JSON.parse(io.out);
    expect(json.customers.map((c: { id: string; score: number; rank: number; tier: string }) => [c.id, Math.round(c.score * 1e9) / 1e9, c.rank, c.tier])).toEqual([
      ["C1", 100, 1, "A"],
      ["C2", 75, 2, "B"],
      ["C3", 50, 3, "C"],
      ["C4", 25, 4, "C"],
      ["C5", 0, 5, "C"],
    ]);
    expect(json.summary.map((row: { tier: string; customers: number }) => [row.tier, row.customers])).toEqual([["A", 1], ["B", 1], ["C", 3]]);
    expect(io.err).toContain("Graded 5 customers");
  });

  test("--scheme cutoffs:85,70,50 with --json to a file: 100 A, 75 B, 50 C, 25 and 0 D", async () => {
    const io = capture();
    const jsonFile = path.join(dir, "cut.json");
    expect(await main(["grade", input, "--out", path.join(dir, "cut.xlsx"), "--scheme", "cutoffs:85,70,50", "--json", jsonFile], io)).toBe(0);
    const json = JSON.parse(fs.readFileSync(jsonFile, "utf8"));
    expect(json.customers.map((c: { tier: string }) => c.tier)).toEqual(["A", "B", "C", "D", "D"]);
  });

  test("a workbook with problems exits 1, lists each with sheet and cell in the chosen language, writes nothing", async () => {
    const sheets = smallCustomerSheets();
    sheets[0].rows[3][3] = "lots"; // Sales of C3 is text: Customers!D4
    const bad = path.join(dir, "bad.xlsx");
    fs.writeFileSync(bad, await buildWorkbook(sheets));
    const en = capture();
    expect(await main(["grade", bad], en)).toBe(1);
    expect(en.err).toContain("Customers!D4");
    expect(en.err).toMatch(/nothing was written/);
    const zh = capture({ env: { LANG: "zh_CN.UTF-8" } });
    expect(await main(["grade", bad], zh)).toBe(1);
    expect(zh.err).toContain("Customers!D4");
    expect(zh.err).toContain("未写入任何内容");
    expect(fs.existsSync(path.join(dir, "bad.graded.xlsx"))).toBe(false);
  });

  test("a missing file is bad usage (2); a file that is not an .xlsx is a workbook problem (1)", async () => {
    expect(await main(["grade", path.join(dir, "nope.xlsx")], capture())).toBe(2);
    const text = path.join(dir, "text.xlsx");
    fs.writeFileSync(text, "hello");
    const io = capture();
    expect(await main(["grade", text], io)).toBe(1);
    expect(io.err).toContain("Cannot read");
  });

  test("a progress line on a terminal, none otherwise", async () => {
    const tty = capture({ tty: true });
    expect(await main(["grade", input, "--out", path.join(dir, "p.xlsx")], tty)).toBe(0);
    expect(tty.err).toMatch(/\rwriting \d+%/);
    const pipe = capture({ tty: false });
    expect(await main(["grade", input, "--out", path.join(dir, "p.xlsx")], pipe)).toBe(0);
    expect(pipe.err).toBe("");
  });

  test("--help in English and Chinese lists every command", async () => {
    const en = capture();
    expect(await main(["--help"], en)).toBe(0);
    expect(en.out).toContain("Usage:");
    expect(en.out).toContain("--scheme <scheme>");
    for (const command of ["grade", "share", "split", "migrate"]) expect(en.out).toContain(`tiers ${command} <`);
    const zh = capture({ env: { LANG: "zh_CN.UTF-8" } });
    expect(await main(["grade", "--help"], zh)).toBe(0);
    expect(zh.out).toContain("用法：");
  });

  test("share and split: bad usage exits 2 with the command's usage; share writes a copy beside the input", async () => {
    for (const args of [["share"], ["share", input, "--formulas", "maybe"], ["split", input], ["split", input, "--by", "Owner"]]) {
      const io = capture();
      expect(await main(args, io)).toBe(2);
      expect(io.err).toContain(`tiers ${args[0]} <`);
    }
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tiers-share-cli-"));
    const graded = path.join(dir, "graded.xlsx");
    expect(await main(["grade", input, "--out", graded], capture())).toBe(0);
    const io = capture();
    expect(await main(["share", graded, "--lang", "en-US"], io)).toBe(0);
    expect(io.out).toContain(`Copy for sharing written to ${path.join(dir, "graded.shared.xlsx")}.`);
    expect(fs.existsSync(path.join(dir, "graded.shared.xlsx"))).toBe(true);
    // A column that is not there: split says so, with the header row, and writes nothing.
    const wrong = capture();
    expect(await main(["split", graded, "--by", "Salesman", "--out", path.join(dir, "none"), "--lang", "en-US"], wrong)).toBe(1);
    expect(wrong.err).toMatch(/Error: Customers!A1:[A-Z]+1: the customer table has no column "Salesman"/);
    expect(fs.existsSync(path.join(dir, "none"))).toBe(false);
    const split = capture();
    expect(await main(["split", graded, "--by", "Owner", "--out", path.join(dir, "copies"), "--lang", "en-US"], split)).toBe(0);
    expect(fs.readdirSync(path.join(dir, "copies")).sort()).toEqual(["graded.Li.xlsx", "graded.Wu.xlsx", "graded.everyone.xlsx"]);
    expect(split.out).toContain("graded.Wu.xlsx: 3 customers");
    fs.rmSync(dir, { recursive: true, force: true });
  });
});

describe("the tiers bin", () => {
  beforeAll(() => ensureBuilt(BUILDS.lib), 600000); // bin/tiers.js runs the compiled lib/, rebuilt when stale
  test("runs the command line through node and returns its exit code", () => {
    const bin = path.join(__dirname, "..", "..", "bin", "tiers.js");
    const help = execFileSync("node", [bin, "--help", "--lang", "en-US"], { encoding: "utf8" });
    expect(help).toContain("tiers grade <workbook.xlsx>");
    const usage = spawnSync("node", [bin, "grade", path.join(dir, "missing.xlsx"), "--lang", "en-US"], { encoding: "utf8" });
    expect(usage.status).toBe(2);
    expect(usage.stderr).toContain("Cannot find the workbook");
  });
});
