// `tiers grade --period` quarter after quarter, then `tiers migrate`: the Migration sheet in a copy and
// the docs/DESIGN.md §5 JSON, with the exit codes of the contract.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import type { CliIo } from "../../src/cli/main";
import { main } from "../../src/cli/main";
import JSZip from "jszip";
import { openXlsx } from "../../src/workbook/executors/xlsx";
import { buildWorkbook, smallCustomerSheets } from "../xlsx/buildWorkbook";

function capture(): CliIo & { out: string; err: string } {
  const io = {
    out: "",
    err: "",
    stdout: (text: string) => void (io.out += text),
    stderr: (text: string) => void (io.err += text),
    env: {},
    stderrIsTTY: false,
    now: () => new Date(Date.UTC(2026, 10, 22, 9, 30)),
  };
  return io;
}

let dir: string;
beforeAll(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), "tiers-migrate-"))));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("tiers migrate", () => {
  test("two graded quarters: the matrix, the lists and the Migration sheet", async () => {
    const q1 = path.join(dir, "q1.xlsx");
    fs.writeFileSync(q1, await buildWorkbook(smallCustomerSheets()));
    expect(await main(["grade", q1, "--period", "2026-Q1", "--out", q1], capture())).toBe(0);
    // The second quarter grades the same workbook again: same data, so nobody moves.
    const both = path.join(dir, "both.xlsx");
    expect(await main(["grade", q1, "--period", "2026-Q2", "--out", both], capture())).toBe(0);

    const io = capture();
    const out = path.join(dir, "moved.xlsx");
    expect(await main(["migrate", both, "--from", "2026-Q1", "--to", "2026-Q2", "--out", out, "--json", "-"], io)).toBe(0);
    const json = JSON.parse(io.out);
    expect(json.from).toBe("2026-Q1");
    expect(json.tiers).toEqual(["A", "B", "C"]);
    expect(json.matrix).toEqual({ A: { A: 1, B: 0, C: 0 }, B: { A: 0, B: 1, C: 0 }, C: { A: 0, B: 0, C: 3 } });
    expect([json.upgraded, json.downgraded, json.new, json.lost]).toEqual([[], [], [], []]);
    const book = await openXlsx(fs.readFileSync(out));
    expect((await book.index()).sheets.map((s) => s.name)).toContain("Migration");
  });

  test("a customer typed twice into one period of the history: exit 1 naming both cells, in either language, nothing written", async () => {
    const file = path.join(dir, "twice.xlsx");
    fs.writeFileSync(file, await buildWorkbook(smallCustomerSheets()));
    expect(await main(["grade", file, "--period", "2026-Q1", "--out", file], capture())).toBe(0);
    expect(await main(["grade", file, "--period", "2026-Q2", "--out", file], capture())).toBe(0);
    // In the Tier history sheet, the second Q2 row's ID becomes the first Q2 row's.
    const zip = await JSZip.loadAsync(fs.readFileSync(file));
    let edited = "";
    for (const name of Object.keys(zip.files).filter((n) => /^xl\/worksheets\/[^/]+\.xml$/.test(n))) {
      const xml = await zip.file(name)!.async("string");
      if (!xml.includes("2026-Q2") || !xml.includes("Customer ID")) continue;
      const rows = [...xml.matchAll(/<row r="(\d+)"[^>]*>(.*?)<\/row>/g)].filter((m) => m[2].includes("2026-Q2"));
      const idOf = (row: string) => /<c r="A\d+"[^>]*><is><t[^>]*>([^<]*)<\/t>/.exec(row)![1];
      const [first, second] = rows;
      const changed = second[0].replace(`>${idOf(second[2])}</t>`, `>${idOf(first[2])}</t>`);
      expect(changed).not.toBe(second[0]);
      zip.file(name, xml.replace(second[0], changed));
      edited = `A${first[1]} A${second[1]}`;
    }
    expect(edited).not.toBe("");
    fs.writeFileSync(file, await zip.generateAsync({ type: "uint8array" }));
    const [firstCell, secondCell] = edited.split(" ");
    for (const lang of ["en-US", "zh-CN"]) {
      const io = capture();
      const out = path.join(dir, `twice-moved-${lang}.xlsx`);
      expect(await main(["migrate", file, "--from", "2026-Q1", "--to", "2026-Q2", "--out", out, "--lang", lang], io)).toBe(1);
      expect(io.err).toContain(`'Tier history'!${secondCell}`);
      expect(io.err).toContain(firstCell);
      expect(io.err).toMatch(lang === "en-US" ? /appears twice in period "2026-Q2" of the history/ : /在分级历史的期间“2026-Q2”中出现了两次/);
      expect(io.err).not.toMatch(/please report|请报告/i);
      expect(fs.existsSync(out)).toBe(false);
    }
  });

  test("an ungraded period exits 1 and names the graded ones; bad usage exits 2", async () => {
    const file = path.join(dir, "one.xlsx");
    fs.writeFileSync(file, await buildWorkbook(smallCustomerSheets()));
    expect(await main(["grade", file, "--period", "2026-Q1", "--out", file], capture())).toBe(0);
    const io = capture();
    expect(await main(["migrate", file, "--from", "2026-Q1", "--to", "2026-Q4"], io)).toBe(1);
    expect(io.err).toContain('"2026-Q4"');
    expect(io.err).toContain("2026-Q1");
    expect(await main(["migrate", file, "--from", "2026-Q1"], capture())).toBe(2);
    // An unknown or repeated option is named in a sentence before the usage line.
    const unknown = capture();
    expect(await main(["migrate", file, "--from", "2026-Q1", "--to", "2026-Q4", "--colour", "red", "--lang", "zh-CN"], unknown)).toBe(2);
    expect(unknown.err).toMatch(/^未知选项“--colour”。参见 tiers --help。\n用法：tiers migrate /);
    const twice = capture();
    expect(await main(["migrate", file, "--from", "2026-Q1", "--to", "2026-Q4", "--from=2026-Q2"], twice)).toBe(2);
    expect(twice.err).toContain("The option --from is given more than once.");
  });
});
