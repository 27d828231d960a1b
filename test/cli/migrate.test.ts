// `tiers grade --period` quarter after quarter, then `tiers migrate`: the Migration sheet in a copy and
// the docs/DESIGN.md §5 JSON, with the exit codes of the contract.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import type { CliIo } from "../../src/cli/main";
import { main } from "../../src/cli/main";
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
