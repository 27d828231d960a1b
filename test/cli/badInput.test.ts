// Bad input gets a sentence and the right exit code, never a silent success: a run that grades
// nobody, values and weights that overflow, error values and logical values as IDs, tier labels that
// cannot tell tiers apart, and a warning that counts what it names.

import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import type { CliIo } from "../../src/cli/main";
import { main } from "../../src/cli/main";
import { checkLabels } from "../../src/cli/gradeArguments";
import { cliText } from "../../src/cli/cliText";
import { reportOverflow } from "../../src/workbook/reading/customerTable";
import { overflowingWeights } from "../../src/workbook/reading/weightTable";
import type { FixtureSheet } from "../xlsx/buildWorkbook";
import { buildWorkbook, smallCustomerSheets } from "../xlsx/buildWorkbook";

function capture(lang = "en_US.UTF-8"): CliIo & { out: string; err: string } {
  const io = {
    out: "",
    err: "",
    stdout: (text: string) => {
      io.out += text;
    },
    stderr: (text: string) => {
      io.err += text;
    },
    env: { LANG: lang },
    stderrIsTTY: false,
    now: () => new Date(Date.UTC(2026, 10, 22, 9, 30)),
  };
  return io;
}

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "tiers-bad-input-"));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function workbook(name: string, edit: (sheets: FixtureSheet[]) => void): Promise<string> {
  const sheets = smallCustomerSheets();
  edit(sheets);
  const file = path.join(dir, name);
  fs.writeFileSync(file, await buildWorkbook(sheets));
  return file;
}

/** Runs `tiers grade` on a file and returns the exit code, what it said, and whether it wrote anything. */
async function grade(file: string, args: string[] = [], lang?: string): Promise<{ code: number; err: string; out: string; wrote: boolean }> {
  const out = `${file}.out.xlsx`;
  const io = capture(lang);
  const code = await main(["grade", file, "--out", out, ...args], io);
  return { code, err: io.err, out: io.out, wrote: fs.existsSync(out) };
}

test("a run that grades no customer is not a success: exit 1 with a sentence, nothing written", async () => {
  const file = await workbook("all-blank.xlsx", (sheets) => {
    for (let r = 1; r <= 5; r++) sheets[0].rows[r][3] = null; // every Sales blank
  });
  const run = await grade(file);
  expect(run.code).toBe(1);
  expect(run.err).toContain("No customer could be graded: all 5 were left out for blank values");
  expect(run.out).not.toContain("Graded");
  expect(run.wrote).toBe(false);
  const zh = await grade(file, [], "zh_CN.UTF-8");
  expect(zh.code).toBe(1);
  expect(zh.err).toContain("没有任何客户可以分级");
});

test("values that overflow (1e308 and -1e308): a problem naming the cells, no NaN, nobody dropped", async () => {
  const file = await workbook("overflow.xlsx", (sheets) => {
    sheets[0].rows[1][3] = 1e308;
    sheets[0].rows[2][3] = -1e308;
  });
  const run = await grade(file, ["--json", path.join(dir, "overflow.json")]);
  expect(run.code).toBe(1);
  expect(run.err).toContain('Customers!D2: 1e+308 in column "Sales" is so large');
  expect(run.err).toContain('Customers!D3: -1e+308 in column "Sales" is so large');
  expect(run.err).not.toMatch(/NaN/);
  expect(run.wrote).toBe(false);
  expect(fs.existsSync(path.join(dir, "overflow.json"))).toBe(false);

  // One huge value among small ones adds up fine: graded, every score a number.
  const fine = await workbook("large.xlsx", (sheets) => {
    sheets[0].rows[1][3] = 1e307;
  });
  const json = path.join(dir, "large.json");
  expect((await grade(fine, ["--json", json])).code).toBe(0);
  const scores = JSON.parse(fs.readFileSync(json, "utf8")).customers.map((c: { score: number }) => c.score);
  expect(scores).toHaveLength(5);
  expect(scores.every((x: unknown) => typeof x === "number" && Number.isFinite(x))).toBe(true);
});

test("the pareto value column is checked too", async () => {
  const file = await workbook("pareto-overflow.xlsx", (sheets) => {
    sheets[0].rows[0].push("Revenue");
    sheets[0].rows.slice(1).forEach((row, i) => row.push(i < 2 ? 1.5e308 : 10));
  });
  const run = await grade(file, ["--scheme", "pareto:80,95", "--value", "Revenue"]);
  expect(run.code).toBe(1);
  expect(run.err).toContain('Customers!F2: 1.5e+308 in column "Revenue"');
  expect(run.err).toContain("Customers!F3:");
});

test("weights that overflow: a problem naming the weight cells", async () => {
  const file = await workbook("weights-overflow.xlsx", (sheets) => {
    sheets[1].rows[1][1] = 1e308;
    sheets[1].rows[2][1] = 1e308;
  });
  const run = await grade(file);
  expect(run.code).toBe(1);
  expect(run.err).toContain("Weights!B2: the weight 1e+308 is so large that the weights cannot be added up");
  expect(run.err).toContain("Weights!B3:");
  expect(run.err).not.toMatch(/NaN/);
  expect(run.wrote).toBe(false);
  expect(overflowingWeights([0.6, 0.4])).toEqual([]);
  expect(overflowingWeights([1e308, 0.4, 1e308])).toEqual([0, 2]);
  const bad: number[] = [];
  reportOverflow(Float64Array.of(1e308, NaN, -1e308, 5), (k) => bad.push(k));
  expect(bad).toEqual([0, 2]);
});

test("error values and logical values are not customer IDs", async () => {
  const file = await workbook("ids.xlsx", (sheets) => {
    sheets[0].rows[2][0] = { error: "#REF!" };
    sheets[0].rows[4][0] = true;
  });
  const run = await grade(file);
  expect(run.code).toBe(1);
  expect(run.err).toContain("Customers!A3: the customer ID cell shows the error #REF!, which is not an ID.");
  expect(run.err).toContain("Customers!A5: the customer ID cell holds the logical value TRUE, which is not an ID.");
  expect(run.wrote).toBe(false);
  const zh = await grade(file, [], "zh_CN.UTF-8");
  expect(zh.err).toContain("客户编号单元格显示错误 #REF!");
});

test("--labels must be distinct, non-blank and at most 255 characters (bad usage, exit 2)", async () => {
  const file = await workbook("labels.xlsx", () => undefined);
  const cases: [string, string][] = [
    ["A,a,C", 'The tier label "a" in --labels is the same as "A".'],
    ["Ａ,A,C", 'The tier label "A" in --labels is the same as "Ａ".'],
    ["A, ,C", "A tier label in --labels is blank."],
    [`A,${"x".repeat(256)},C`, "A tier label in --labels is 256 characters long; at most 255 are allowed."],
  ];
  for (const [labels, message] of cases) {
    const run = await grade(file, ["--labels", labels]);
    expect(run.code).toBe(2);
    expect(run.err).toBe(`${message} ${message.startsWith("A tier label in --labels is blank") ? "Give each tier a name, best first, e.g. --labels A,B,C." : message.includes("characters") ? "Use a shorter name." : "Give each tier its own name."}\n`);
    expect(run.wrote).toBe(false);
  }
  expect(checkLabels(["A", "x".repeat(255), "C"])).toBeUndefined();
  expect(checkLabels(["关键", "普通", "小"])).toBeUndefined();
  expect(checkLabels(["关键", "关键", "小"])?.(cliText("zh-CN"))).toBe("--labels 中的等级名称“关键”与“关键”相同。请为每一级使用不同的名称。");
});

test("the --missing zero warning counts indicators, not customers", async () => {
  const file = await workbook("zero.xlsx", (sheets) => {
    sheets[0].rows[1][3] = null; // Sales of C1 and C2 blank: 2 customers, 1 indicator
    sheets[0].rows[2][3] = null;
  });
  const run = await grade(file, ["--missing", "zero"]);
  expect(run.code).toBe(0);
  expect(run.err).toContain("blank values of 1 indicator were scored as 0 points (Sales)");
  expect(run.err).not.toMatch(/1 customers/);
  const zh = await grade(file, ["--missing", "zero"], "zh_CN.UTF-8");
  expect(zh.err).toContain("1 个指标的空值已计为 0 分（Sales）");
});
