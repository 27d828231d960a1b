import { readFileSync } from "fs";
import { join } from "path";
import { HISTORY_SHEETS, LEGACY_HISTORY_SHEETS } from "../../src/workbook/features/history";
import { WATCH_LIST_SHEETS } from "../../src/workbook/features/management";
import { outputText, OUTPUT_SHEETS } from "../../src/workbook/planning/outputText";
import { AUDIT_SHEETS, OVERRIDE_SHEETS } from "../../src/workbook/features/overrides";
import { RISK_SHEETS } from "../../src/workbook/reading/riskRules";
import { defaultSettings, gradeWorkbook } from "../../src/workbook/run";
import type { GradeSettings } from "../../src/workbook/run";
import { assertPlanSheetNames, MAX_SHEET_NAME, safeSheetName, SheetNameError, sheetNameFault } from "../../src/workbook/planning/sheetNames";
import { STRATEGY_SHEETS } from "../../src/workbook/reading/strategyTable";
import { planOwnerCopies } from "../../src/workbook/features/split";
import type { CellValue, Lang } from "../../src/workbook/types";
import { MemoryWorkbook } from "../support/memoryWorkbook";
import { openXlsx } from "../../src/workbook/executors/xlsx";

describe("Excel's sheet-name rules", () => {
  test.each([
    ["", "blank"],
    ["   ", "blank"],
    ["x".repeat(32), "too-long"],
    ["a:b", "forbidden-character"],
    ["a\\b", "forbidden-character"],
    ["a/b", "forbidden-character"],
    ["a?b", "forbidden-character"],
    ["a*b", "forbidden-character"],
    ["a[b", "forbidden-character"],
    ["a]b", "forbidden-character"],
    ["'quoted", "apostrophe"],
    ["quoted'", "apostrophe"],
    ["History", "reserved"],
    ["HISTORY", "reserved"],
    ["history", "reserved"],
  ])("%j is refused (%s)", (name, fault) => {
    expect(sheetNameFault(name)).toBe(fault);
  });

  test("names Excel accepts: 31 characters, an apostrophe inside, Chinese, History inside a longer name", () => {
    for (const name of ["x".repeat(31), "Sam's sheet", "分级汇总", "Tier history", "History 2026", "客".repeat(31)]) {
      expect(sheetNameFault(name)).toBeUndefined();
    }
  });

  test("uniqueness ignores case, as Excel does", () => {
    expect(sheetNameFault("tier summary", ["Tier Summary"])).toBe("duplicate");
    expect(sheetNameFault("Tier summary", ["Tier summary (2)"])).toBeUndefined();
  });

  test("a character outside the BMP counts twice (UTF-16), as in Excel", () => {
    expect(sheetNameFault("😀".repeat(15) + "x")).toBeUndefined(); // 31 code units
    expect(sheetNameFault("😀".repeat(16))).toBe("too-long"); // 32 code units
  });
});

describe("derived names are made valid", () => {
  test("forbidden characters replaced, apostrophes and blanks trimmed, a blank name falls back", () => {
    expect(safeSheetName("2026/Q1: [draft]*?", [])).toBe("2026_Q1_ _draft___");
    expect(safeSheetName(" 'Wang' ", [])).toBe("Wang");
    expect(safeSheetName("'''", [], "Owner")).toBe("Owner");
  });

  test("History is never produced; clashes get (2), (3) within 31 characters", () => {
    expect(safeSheetName("History", [])).toBe("History (2)");
    expect(safeSheetName("history", ["History (2)"])).toBe("history (3)");
    expect(safeSheetName("Wang", ["WANG"])).toBe("Wang (2)");
    const long = "A very long owner name that goes on and on";
    expect(safeSheetName(long, [])).toBe("A very long owner name that goe");
    const second = safeSheetName(long, [safeSheetName(long, [])]);
    expect(second).toBe("A very long owner name that (2)");
    expect(second.length).toBeLessThanOrEqual(MAX_SHEET_NAME);
  });

  test("a cut never splits a surrogate pair", () => {
    const name = safeSheetName("x" + "😀".repeat(20), []);
    expect(name).toBe("x" + "😀".repeat(15));
    expect(sheetNameFault(name)).toBeUndefined();
  });

  test("every result passes every rule, whatever the input", () => {
    const inputs = ["", "History", "a:b", "'", "x".repeat(40), "😀".repeat(20), "客户/经理", "Tier summary"];
    const taken: string[] = ["Tier summary", "history (2)"];
    for (const input of inputs) {
      const name = safeSheetName(input, taken);
      expect(sheetNameFault(name, taken)).toBeUndefined();
      taken.push(name);
    }
  });
});

describe("every fixed sheet name the add-in writes or reads", () => {
  const langs: Lang[] = ["en-US", "zh-CN"];
  const fixed = [
    ...OUTPUT_SHEETS,
    ...HISTORY_SHEETS,
    ...WATCH_LIST_SHEETS,
    ...OVERRIDE_SHEETS,
    ...Object.values(AUDIT_SHEETS),
    ...Object.values(RISK_SHEETS),
    ...Object.values(STRATEGY_SHEETS),
    ...langs.flatMap((lang) => [outputText(lang).summarySheet, outputText(lang).historySheet, outputText(lang).migrationSheet, outputText(lang).aboutSheet]),
  ];

  test.each(fixed)("%s passes Excel's rules", (name) => {
    expect(sheetNameFault(name)).toBeUndefined();
  });

  test("the history sheet is Tier history / 分级历史 (docs/DESIGN.md §3), never History", () => {
    expect(outputText("en-US").historySheet).toBe("Tier history");
    expect(outputText("zh-CN").historySheet).toBe("分级历史");
    expect(fixed.map((name) => name.toLowerCase())).not.toContain("history");
    // The old names are only ever read (and replaced), never written.
    expect(LEGACY_HISTORY_SHEETS).toEqual(["History", "历史"]);
  });
});

describe("every sheet a grading of the sample writes passes the rules", () => {
  const sample = (lang: Lang) => readFileSync(join(__dirname, "../../assets", `sample-customers.${lang}.xlsx`));
  const combos: { lang: Lang; period?: string; risk?: boolean; strategy?: boolean }[] = [
    { lang: "en-US" },
    { lang: "en-US", period: "2026-Q3", risk: true, strategy: true },
    { lang: "zh-CN" },
    { lang: "zh-CN", period: "2026年第3季度", risk: true, strategy: true },
  ];
  test.each(combos)("%j", async (combo) => {
    const book = await openXlsx(sample(combo.lang));
    const settings: GradeSettings = {
      ...defaultSettings(combo.lang, new Date(Date.UTC(2026, 10, 20))),
      period: combo.period,
      risk: combo.risk,
      strategy: combo.strategy ? {} : undefined,
    };
    const outcome = await gradeWorkbook(book, settings);
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    const names = (await book.index()).sheets.map((sheet) => sheet.name);
    for (const sheet of outcome.plan.sheets) {
      expect(sheetNameFault(sheet.name, names.filter((name) => name !== sheet.name))).toBeUndefined();
    }
    expect(names.map((name) => name.toLowerCase())).not.toContain("history");
  });
});

describe("derived sheet names in per-owner copies", () => {
  test("a customer sheet named History (a file no Excel wrote) becomes History (2) in each copy", async () => {
    const customers: CellValue[][] = [["Customer ID", "Owner", "Sales"]];
    for (let i = 1; i <= 6; i++) customers.push([`C${i}`, i % 2 ? "Li" : "Wu", 100 * i]);
    const book = new MemoryWorkbook({ Weights: [["Indicator", "Weight"], ["Sales", 1]], History: customers });
    const settings = { ...defaultSettings("en-US", new Date(Date.UTC(2026, 10, 20))), customers: "History" };
    expect((await gradeWorkbook(book, settings)).ok).toBe(true);
    const outcome = await planOwnerCopies(book, { by: "Owner", lang: "en-US" });
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.problems));
    for (const copy of outcome.copies) {
      expect(copy.plans[0].sheets.map((sheet) => sheet.name)).toEqual(["History (2)", "Tier summary"]);
      expect(copy.plans[1].columns?.sheet).toBe("History (2)");
      for (const plan of copy.plans) expect(() => assertPlanSheetNames(plan)).not.toThrow();
    }
  });
});

describe("the executors' guard", () => {
  test("a plan naming a sheet Excel refuses is stopped before anything is written, with both languages", () => {
    const plan = { sheets: [{ name: "History" }] };
    expect(() => assertPlanSheetNames(plan)).toThrow(SheetNameError);
    expect(() => assertPlanSheetNames(plan)).toThrow(/"History".*Excel 保留/);
    expect(() => assertPlanSheetNames({ sheets: [{ name: "A" }, { name: "a" }] })).toThrow(/another sheet/);
    expect(() => assertPlanSheetNames({ sheets: [], appends: [{ sheet: "Log" }, { sheet: "Log" }] })).not.toThrow();
  });
});
