// Every output of the samples (assets/) under every option combination — scheme, values or live
// formulas, period, strategy, risk, language of the run, language of the sample — checked against the
// rules of test/support/EXCEL-RULES.md: sheet names Excel accepts, formulas of at most 8,192
// characters, text constants in formulas of at most 255, cells of at most 32,767 characters.

import { readFileSync } from "fs";
import { join } from "path";
import { defaultSettings, gradeWorkbook } from "../../src/workbook/run";
import type { GradeSettings } from "../../src/workbook/run";
import { openXlsx } from "../../src/workbook/executors/xlsx";
import type { CellOut, Lang, WorkbookBackend, WritePlan } from "../../src/workbook/types";
import { formulaFault, MAX_CELL_CHARS, sheetNameFault } from "../support/excel-standin";

const NOW = new Date(2026, 10, 22, 9, 30);

/** A backend that reads a sample and keeps the plan instead of writing it. */
async function planOnly(lang: Lang): Promise<WorkbookBackend & { plan?: WritePlan }> {
  const book = await openXlsx(readFileSync(join(__dirname, `../../assets/sample-customers.${lang}.xlsx`)));
  const backend: WorkbookBackend & { plan?: WritePlan } = {
    index: () => book.index(),
    read: (sheet, box) => book.read(sheet, box),
    readState: () => book.readState(),
    execute: async (plan) => {
      backend.plan = plan;
    },
  };
  return backend;
}

const schemes: Pick<GradeSettings, "scheme" | "labels">[] = [
  { scheme: { kind: "shares", shares: [0.2, 0.3, 0.5] }, labels: ["A", "B", "C"] },
  { scheme: { kind: "pareto", cutoffs: [0.8, 0.95] }, labels: ["A", "B", "C"] },
  { scheme: { kind: "cutoffs", cutoffs: [85, 70, 50] }, labels: ["A", "B", "C", "D"] },
  {
    scheme: {
      kind: "rules",
      rules: [
        { label: "VIP", conditions: [{ column: "Sales", op: ">", value: 100000 }] },
        { label: "Grow", conditions: [{ column: "YoY growth", op: ">=", value: 0.1 }] },
      ],
      otherwise: "Regular",
    },
    labels: [],
  },
];

function faults(plan: WritePlan): string[] {
  const found: string[] = [];
  const cell = (where: string, value: CellOut) => {
    if (typeof value === "string" && value.length > MAX_CELL_CHARS) found.push(`${where}: ${value.length} characters`);
    if (value !== null && typeof value === "object") {
      const fault = formulaFault(value.formula.startsWith("=") ? value.formula : `=${value.formula}`);
      if (fault) found.push(`${where}: ${fault}`);
    }
  };
  const names = [...plan.sheets.map((s) => s.name), ...(plan.appends ?? []).map((a) => a.sheet)];
  for (const name of names) {
    const fault = sheetNameFault(name);
    if (fault) found.push(`sheet "${name}": ${fault}`);
  }
  const lower = names.map((n) => n.toLowerCase());
  if (new Set(lower).size !== lower.length) found.push(`sheet names repeat: ${names.join(", ")}`);
  for (const column of plan.columns?.columns ?? []) {
    cell(`column ${column.header} header`, column.header);
    column.values.forEach((v, r) => cell(`column ${column.header} row ${r}`, v));
  }
  for (const sheet of plan.sheets) {
    for (const block of sheet.blocks) block.values.forEach((row, r) => row.forEach((v, c) => cell(`${sheet.name}!R${block.top + r}C${block.left + c}`, v)));
    for (const chart of sheet.charts) {
      // The executor links each data label to its cell: ='<sheet>'!$H$4.
      const fault = formulaFault(`='${sheet.name.replace(/'/g, "''")}'!$H$1048576`);
      if (fault) found.push(`${sheet.name} chart ${chart.title}: ${fault}`);
    }
  }
  for (const append of plan.appends ?? []) [append.header, ...append.rows].forEach((row, r) => row.forEach((v, c) => cell(`${append.sheet} append R${r}C${c}`, v)));
  return found;
}

describe.each(["en-US", "zh-CN"] as const)("the %s sample", (sample) => {
  test("no output under any option combination breaks a rule of EXCEL-RULES.md", async () => {
    const backend = await planOnly(sample);
    let plans = 0;
    const problems: string[] = [];
    for (const scheme of schemes) {
      for (const mode of ["values", "formulas"] as const) {
        for (const period of [undefined, "2026-Q3"]) {
          for (const strategy of [undefined, {}]) {
            for (const risk of [false, true]) {
              for (const lang of ["en-US", "zh-CN"] as const) {
                // The rules name the sample's own columns.
                const zhColumns = sample === "zh-CN" && scheme.scheme.kind === "rules";
                const s: GradeSettings = {
                  ...defaultSettings(lang, NOW),
                  ...(zhColumns
                    ? {
                        scheme: {
                          kind: "rules",
                          rules: [
                            { label: "VIP", conditions: [{ column: "销售额", op: ">", value: 100000 }] },
                            { label: "Grow", conditions: [{ column: "同比增长率", op: ">=", value: 0.1 }] },
                          ],
                          otherwise: "Regular",
                        },
                        labels: [],
                      }
                    : scheme),
                  mode,
                  period,
                  strategy,
                  risk,
                };
                backend.plan = undefined;
                const outcome = await gradeWorkbook(backend, s);
                const label = `${scheme.scheme.kind} ${mode} ${period ?? "-"} ${strategy ? "strategy" : "-"} ${risk ? "risk" : "-"} ${lang}`;
                if (!outcome.ok) {
                  problems.push(`${label}: ${outcome.inspection.problems.filter((p) => p.severity === "error").map((p) => p.message["en-US"]).join("; ")}`);
                  continue;
                }
                plans++;
                for (const fault of faults(backend.plan!)) problems.push(`${label}: ${fault}`);
              }
            }
          }
        }
      }
    }
    expect(problems).toEqual([]);
    expect(plans).toBe(4 * 2 * 2 * 2 * 2 * 2);
  }, 120000);
});

describe("the check itself", () => {
  test("finds a long text constant, a long formula, a long cell and a bad sheet name", () => {
    const plan: WritePlan = {
      state: { version: 1, sheet: "S", headerRow: 0, firstColumn: 0, headers: [], sheets: [] },
      sheets: [
        {
          name: "Tier summary:2026",
          blocks: [{ top: 0, left: 0, values: [[{ formula: `"${"x".repeat(256)}"` }, { formula: `${"1+".repeat(4096)}1` }, "y".repeat(32768)]] }],
          columnWidths: [],
          charts: [],
        },
      ],
    };
    expect(faults(plan)).toHaveLength(4);
  });
});
