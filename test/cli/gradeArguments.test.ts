import { parseCommand, parseScheme } from "../../src/cli/gradeArguments";
import { cliText, messageLanguage } from "../../src/cli/cliText";

describe("the command line's arguments", () => {
  test("schemes: shares and pareto in percent, cutoffs in score points", () => {
    expect(parseScheme("shares:20,30,50")).toEqual({ kind: "shares", shares: [0.2, 0.3, 0.5] });
    expect(parseScheme("pareto:80,95")).toEqual({ kind: "pareto", cutoffs: [0.8, 0.95] });
    expect(parseScheme("cutoffs:85,70,50")).toEqual({ kind: "cutoffs", cutoffs: [85, 70, 50] });
    expect(parseScheme("shares:10%,20%,30%,40%")).toEqual({ kind: "shares", shares: [0.1, 0.2, 0.3, 0.4] });
  });

  test("schemes that cannot be honoured are refused rather than guessed", () => {
    expect(parseScheme("shares:20,30")).toBeUndefined(); // 50 % of customers would have no tier
    expect(parseScheme("pareto:95,80")).toBeUndefined();
    expect(parseScheme("cutoffs:50,70,85")).toBeUndefined();
    expect(parseScheme("quartiles:25")).toBeUndefined();
    expect(parseScheme("shares:a,b")).toBeUndefined();
  });

  test("labels default to as many letters as the scheme has tiers", () => {
    const cutoffs = parseCommand(["grade", "b.xlsx", "--scheme", "cutoffs:85,70,50"]);
    expect(cutoffs.kind === "grade" && cutoffs.options.labels).toEqual(["A", "B", "C", "D"]);
    const named = parseCommand(["grade", "b.xlsx", "--labels=关键，普通，小"]);
    expect(named.kind === "grade" && named.options.labels).toEqual(["关键", "普通", "小"]);
  });

  test("every option is read, in --name value and --name=value forms", () => {
    const parsed = parseCommand([
      "grade", "in.xlsx", "--out=out.xlsx", "--weights", "W", "--customers", "C", "--value", "Sales", "--missing", "zero",
      "--formulas", "--period", "2026-Q3", "--json", "-", "--lang", "zh-CN",
    ]);
    expect(parsed).toEqual({
      kind: "grade",
      options: {
        workbook: "in.xlsx", out: "out.xlsx", weights: "W", customers: "C", scheme: { kind: "shares", shares: [0.2, 0.3, 0.5] },
        labels: ["A", "B", "C"], value: "Sales", missing: "zero", formulas: true, period: "2026-Q3", json: "-", lang: "zh-CN",
        strategy: undefined, risk: false, explain: false, orders: undefined, asOf: undefined, method: undefined,
      },
    });
    const methods = parseCommand(["grade", "in.xlsx", "--orders", "Orders", "--as-of=2006-12-31", "--scheme", "rfm", "--bins", "4"]);
    expect(methods.kind === "grade" && [methods.options.orders, methods.options.asOf, methods.options.method]).toEqual([
      "Orders", 39082, { kind: "rfm", bins: 4 },
    ]);
    const explained = parseCommand(["grade", "in.xlsx", "--explain"]);
    expect(explained.kind === "grade" && explained.options.explain).toBe(true);
    const clusters = parseCommand(["grade", "in.xlsx", "--scheme", "kmeans:auto"]);
    expect(clusters.kind === "grade" && clusters.options.method).toEqual({ kind: "kmeans", k: "auto" });
    expect(parseCommand(["grade", "in.xlsx", "--scheme", "kmeans:1"]).kind).toBe("usage");
    expect(parseCommand(["grade", "in.xlsx", "--bins", "5"]).kind).toBe("usage");
    expect(parseCommand(["grade", "in.xlsx", "--scheme", "rfm", "--rfm-columns", "a,b"]).kind).toBe("usage");
    const explainRfm = parseCommand(["grade", "in.xlsx", "--scheme", "rfm", "--explain"]);
    expect(explainRfm.kind === "usage" && explainRfm.message(cliText("en-US"))).toContain("--explain");
    const managed = parseCommand(["grade", "in.xlsx", "--strategy", "--growth=Growth:15%", "--risk"]);
    expect(managed.kind === "grade" && managed.options.strategy).toEqual({ growthColumn: "Growth", threshold: 0.15 });
    expect(managed.kind === "grade" && managed.options.risk).toBe(true);
    const growthOnly = parseCommand(["grade", "in.xlsx", "--growth", "增长率"]);
    expect(growthOnly.kind === "grade" && growthOnly.options.strategy).toEqual({ growthColumn: "增长率", threshold: undefined });
  });

  test("mistakes are bad usage, with a message in both languages", () => {
    const cases: [string[], RegExp, RegExp][] = [
      [[], /grade <workbook.xlsx>/, /grade <工作簿.xlsx>/],
      [["grade"], /Name the workbook/, /请指定要分级的工作簿/],
      [["grade", "a.xlsx", "b.xlsx"], /Unexpected argument "b.xlsx"/, /多余的参数“b.xlsx”/],
      [["grade", "a.xlsx", "--colour", "red"], /Unknown option "--colour"/, /未知选项“--colour”/],
      [["grade", "a.xlsx", "--out"], /needs a value/, /需要一个值/],
      [["grade", "a.xlsx", "--labels", "A,B"], /needs 3 tier labels but --labels gives 2/, /需要 3 个等级名称，但 --labels 给了 2 个/],
      [["grade", "a.xlsx", "--missing", "skip"], /--missing exclude or --missing zero/, /--missing exclude 或 --missing zero/],
      [["grade", "a.xlsx", "--lang", "fr"], /--lang zh-CN or --lang en-US/, /--lang zh-CN 或 --lang en-US/],
      [["rank", "a.xlsx"], /Unknown command "rank"/, /未知命令“rank”/],
      // util.parseArgs reads them; each mistake still gets its own sentence in both languages.
      [["grade", "a.xlsx", "--colour=red"], /Unknown option "--colour"/, /未知选项“--colour”/],
      [["grade", "a.xlsx", "-x"], /Unknown option "-x"/, /未知选项“-x”/],
      [["grade", "a.xlsx", "--out", "--json", "j.json"], /option --out needs a value/, /选项 --out 需要一个值/],
      [["grade", "a.xlsx", "--out", "b.xlsx", "--out=c.xlsx"], /option --out is given more than once/, /选项 --out 出现了不止一次/],
      [["grade", "a.xlsx", "--risk", "--risk"], /option --risk is given more than once/, /选项 --risk 出现了不止一次/],
      [["grade", "a.xlsx", "--risk=yes"], /option --risk takes no value/, /选项 --risk 不带值/],
    ];
    for (const [argv, en, zh] of cases) {
      const parsed = parseCommand(argv);
      if (parsed.kind !== "usage") throw new Error(`${argv.join(" ")} parsed as ${parsed.kind}`);
      expect(parsed.message(cliText("en-US"))).toMatch(en);
      expect(parsed.message(cliText("zh-CN"))).toMatch(zh);
    }
  });

  test("values may start with one dash or be a lone dash; -- ends the options", () => {
    const parsed = parseCommand(["grade", "a.xlsx", "--json", "-", "--growth=Growth:-5%", "--labels", "-A,B,C"]);
    expect(parsed.kind === "grade" && [parsed.options.json, parsed.options.strategy, parsed.options.labels]).toEqual([
      "-",
      { growthColumn: "Growth", threshold: -0.05 },
      ["-A", "B", "C"],
    ]);
    const dashed = parseCommand(["grade", "--risk", "--", "--book.xlsx"]);
    expect(dashed.kind === "grade" && [dashed.options.workbook, dashed.options.risk]).toEqual(["--book.xlsx", true]);
  });

  test("the message language follows --lang, then LANG", () => {
    expect(messageLanguage(undefined, { LANG: "zh_CN.UTF-8" })).toBe("zh-CN");
    expect(messageLanguage("en-US", { LANG: "zh_CN.UTF-8" })).toBe("en-US");
    expect(messageLanguage(undefined, { LANG: "de_DE.UTF-8" })).toBe("en-US");
  });
});
