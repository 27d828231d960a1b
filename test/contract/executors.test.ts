// The executor contract (issue 12): the same write plans run through the in-memory, .xlsx and Excel
// (stand-in) executors read back the same — cells, formulas, number formats, sheets and the state.
// Eleven runs in a row on one workbook per executor, with options switched on and off and the output
// language changed, so every plan after the first is a re-run over what the previous one wrote.
// The .xlsx file is read back by xlsx-populate (a reader nobody here wrote), saved and reopened
// between runs as the command line does; the state is compared through each backend's readState().
// The file is read back through its own parts: values and number formats by the .xlsx backend, each
// formula from the sheet part's <f> element (xlsx-populate, the package's independent reader, opens
// `xl/worksheets/sheet{i}.xml` for the i-th sheet instead of following the workbook's relationships,
// so it shows the wrong sheets for files whose parts are numbered otherwise, as Excel allows).

import { ExcelWorkbook } from "../../src/workbook/executors/excel";
import { defaultSettings, gradeWorkbook } from "../../src/workbook/run";
import type { GradeSettings } from "../../src/workbook/run";
import { openXlsx } from "../../src/workbook/executors/xlsx";
import { columnName } from "../../src/workbook/reading/address";
import type { CellValue, OwnedState, WorkbookBackend, WritePlan } from "../../src/workbook/types";
import { StandinWorkbook } from "../support/excel-standin";
import { MemoryWorkbook } from "../support/memoryWorkbook";
import { buildWorkbook, packageParts } from "../xlsx/buildWorkbook";
import type { FixtureCell } from "../xlsx/buildWorkbook";

const NOW = new Date(2026, 10, 22, 9, 30);

const WEIGHTS: FixtureCell[][] = [
  ["Indicator", "Weight", "Direction"],
  ["Sales", 0.5, "higher"],
  ["Complaints", 0.3, "lower"],
  ["YoY growth", 0.2, "higher"],
];
function customers(): FixtureCell[][] {
  const rows: FixtureCell[][] = [["Customer ID", "Name", "Sales", "Complaints", "Overdue days", "YoY growth"]];
  for (let i = 0; i < 12; i++) rows.push([`C${i + 1}`, i === 3 ? "=not a formula" : `Customer ${i + 1}`, 1000 * ((i * 7) % 12 + 1), i % 6, (i * 17) % 120, ((i % 5) - 2) / 10]);
  return rows;
}

/** One normalised cell: a value, or a formula's text without "=" and without _xlfn. prefixes. */
type Cell = string | number | boolean | null | { f: string };
const formula = (text: string): Cell => ({ f: text.replace(/^=/, "").replace(/_xlfn\.(_xlws\.)?/g, "") });

interface Readback {
  sheets: string[];
  cells: Record<string, Cell[][]>;
  /**
   * Number formats of cells holding a number or a formula, "General" left out (in-memory has none).
   * Text cells are left out: the Excel executor gives each the Text format "@" so that Excel keeps it
   * as text (cellFormats.ts), while a file stores it as a string, which is text already; both read
   * back the same text.
   */
  formats?: Record<string, string>;
  state?: Pick<OwnedState, "version" | "sheet" | "headerRow" | "firstColumn" | "headers"> & { sheets: string[] };
}

function trim(grid: Cell[][]): Cell[][] {
  const rows = grid.map((row) => {
    const out = [...row];
    while (out.length > 0 && out[out.length - 1] === null) out.pop();
    return out;
  });
  while (rows.length > 0 && rows[rows.length - 1].length === 0) rows.pop();
  return rows;
}

function stateOf(state: OwnedState | undefined): Readback["state"] {
  if (!state) return undefined;
  return { version: state.version, sheet: state.sheet, headerRow: state.headerRow, firstColumn: state.firstColumn, headers: state.headers, sheets: [...state.sheets].sort() };
}

interface Executor {
  backend(): WorkbookBackend;
  afterRun(): Promise<void>;
  readback(): Promise<Readback>;
}

function memoryExecutor(): Executor {
  const book = new MemoryWorkbook({ Weights: WEIGHTS as CellValue[][], Customers: customers() as CellValue[][] });
  return {
    backend: () => book,
    afterRun: async () => undefined,
    readback: async () => {
      const cells: Record<string, Cell[][]> = {};
      for (const [name, grid] of book.sheets) {
        cells[name] = trim(
          grid.map((row) =>
            row.map((v): Cell => {
              if (v === null || v === "") return null;
              if (typeof v === "object") return v.error.startsWith("=") ? formula(v.error) : v.error;
              return v;
            }),
          ),
        );
      }
      return { sheets: [...book.sheets.keys()].sort(), cells, state: stateOf(await book.readState()) };
    },
  };
}

function excelExecutor(): Executor {
  const model = new StandinWorkbook();
  model.addSheet("Weights");
  model.setValues("Weights", 0, 0, WEIGHTS as (string | number)[][]);
  model.addSheet("Customers");
  model.setValues("Customers", 0, 0, customers() as (string | number)[][]);
  return {
    backend: () => {
      model.install();
      return new ExcelWorkbook();
    },
    afterRun: async () => undefined,
    readback: async () => {
      const cells: Record<string, Cell[][]> = {};
      const formats: Record<string, string> = {};
      for (const sheet of model.sheets) {
        const used = model.usedBox(sheet, undefined, true);
        const grid: Cell[][] = [];
        for (let r = 0; used && r < used.top + used.rows; r++) {
          const row: Cell[] = [];
          for (let c = 0; c < used.left + used.columns; c++) {
            const v = model.get(sheet, r, c);
            row.push(v === undefined ? null : typeof v === "object" ? ("formula" in v ? formula(v.formula) : v.error) : v);
            const f = model.format(sheet.name, r, c);
            const shown = row[row.length - 1];
            if (shown !== null && typeof shown !== "string" && f !== undefined && f !== "General") formats[`${sheet.name}!${r},${c}`] = f;
          }
          grid.push(row);
        }
        cells[sheet.name] = trim(grid);
      }
      model.install();
      return { sheets: model.sheets.map((s) => s.name).sort(), cells, formats, state: stateOf(await new ExcelWorkbook().readState()) };
    },
  };
}

async function xlsxExecutor(): Promise<Executor> {
  let bytes = await buildWorkbook([
    { name: "Weights", rows: WEIGHTS },
    { name: "Customers", rows: customers() },
  ]);
  let book = await openXlsx(bytes);
  return {
    backend: () => book,
    afterRun: async () => {
      bytes = await book.save();
      book = await openXlsx(bytes);
    },
    readback: async () => {
      const parts = await packageParts(bytes);
      const workbook = parts.get("xl/workbook.xml") ?? "";
      const rels = parts.get("xl/_rels/workbook.xml.rels") ?? "";
      const unescape = (t: string) => t.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, "&");
      const cells: Record<string, Cell[][]> = {};
      const formats: Record<string, string> = {};
      const index = await book.index();
      for (const { name, used } of index.sheets) {
        const id = new RegExp(`<sheet\\b[^>]*\\bname="${name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}"[^>]*\\br:id="([^"]+)"`).exec(workbook)?.[1];
        const target = id ? new RegExp(`<Relationship\\b[^>]*\\bId="${id}"[^>]*\\bTarget="([^"]+)"`).exec(rels)?.[1] : undefined;
        const xml = target ? (parts.get(`xl/${target.replace(/^\//, "").replace(/^xl\//, "")}`) ?? "") : "";
        const formulas = new Map<string, string>();
        for (const m of xml.matchAll(/<c\b[^>]*\br="([A-Z]+\d+)"[^>]*>(?:(?!<\/c>)[\s\S])*?<f\b[^>]*>([\s\S]*?)<\/f>/g)) formulas.set(m[1], unescape(m[2]));
        const box = used ? { top: 0, left: 0, rows: used.top + used.rows, columns: used.left + used.columns } : undefined;
        const values = box ? await book.read(name, box) : [];
        const grid: Cell[][] = values.map((row, r) =>
          row.map((v, c): Cell => {
            const f = formulas.get(`${columnName(c)}${r + 1}`);
            if (f !== undefined) return formula(f);
            if (v === null || v === "") return null;
            return typeof v === "object" ? v.error : v;
          }),
        );
        for (let r = 0; box && r < box.rows; r++) {
          const nfs = await book.numberFormats(name, r, 0, box.columns);
          nfs.forEach((nf, c) => {
            const value = grid[r][c];
            if (value !== null && typeof value !== "string" && nf && nf !== "General") formats[`${name}!${r},${c}`] = nf;
          });
        }
        cells[name] = trim(grid);
      }
      return { sheets: index.sheets.map((s) => s.name).sort(), cells, formats, state: stateOf(await book.readState()) };
    },
  };
}

const base = (overrides: Partial<GradeSettings> = {}): GradeSettings => ({ ...defaultSettings("en-US", NOW), ...overrides });

/** Fifteen runs: options on and off, language changed, values and live formulas, schemes. */
const RUNS: [string, GradeSettings][] = [
  ["first run", base()],
  ["the same again", base()],
  ["risk on", base({ risk: true })],
  ["risk off", base()],
  ["strategy on", base({ strategy: {} })],
  ["strategy off, in Chinese", base({ lang: "zh-CN" })],
  ["live formulas, in Chinese", base({ lang: "zh-CN", mode: "formulas" })],
  ["back to values, pareto, risk and strategy", base({ lang: "zh-CN", scheme: { kind: "pareto", cutoffs: [0.8, 0.95] }, risk: true, strategy: {} })],
  ["cut-offs with four labels, in English", base({ scheme: { kind: "cutoffs", cutoffs: [85, 70, 50] }, labels: ["A", "B", "C", "D"] })],
  ["a period, in Chinese", base({ lang: "zh-CN", period: "2026-Q3" })],
  ["the next period, live formulas", base({ lang: "zh-CN", period: "2026-Q4", mode: "formulas" })],
  // The history sheet changes language with the run (分级历史 -> Tier history, never "History").
  ["a third period, in English", base({ period: "2027-Q1" })],
  // PCA weights (issue 16 §4): the analyst's weights replaced, then refilled as the add-in's own, then
  // the option off: the weights stay, the Factor loadings sheet goes.
  ["PCA weights replacing the table's", base({ weightsFrom: { method: "pca", replace: true } })],
  ["PCA weights again, in Chinese, into the cells it filled", base({ lang: "zh-CN", weightsFrom: { method: "pca", replace: false } })],
  ["weights left to the table", base()],
];

describe("three executors, one contract", () => {
  test("twelve plans in a row read back the same in memory, in the .xlsx file and in Excel", async () => {
    const executors = { memory: memoryExecutor(), xlsx: await xlsxExecutor(), excel: excelExecutor() };
    for (const [label, settings] of RUNS) {
      const plans: Record<string, WritePlan> = {};
      for (const [name, executor] of Object.entries(executors)) {
        const outcome = await gradeWorkbook(executor.backend(), settings);
        if (!outcome.ok) throw new Error(`${label} (${name}): ${outcome.inspection.problems.map((p) => p.message["en-US"]).join("; ")}`);
        plans[name] = outcome.plan;
        await executor.afterRun();
      }
      // The same plan went to each executor (each read the previous run back through its own backend).
      // The record's core is compared: the Excel executor alone adds the tier column, row count and tier
      // styles to it today; the state record of branch h-state holds them for both.
      const same = (plan: WritePlan) => ({ ...plan, previous: plan.previous && { ...plan.previous, ...stateOf(plan.previous), tierColumn: undefined, rowCount: undefined, tierStyles: undefined } });
      expect({ run: label, plan: same(plans.xlsx) }).toEqual({ run: label, plan: same(plans.memory) });
      expect({ run: label, plan: same(plans.excel) }).toEqual({ run: label, plan: same(plans.memory) });
      const [memory, xlsx, excel] = await Promise.all([executors.memory.readback(), executors.xlsx.readback(), executors.excel.readback()]);
      expect({ run: label, sheets: xlsx.sheets, state: xlsx.state }).toEqual({ run: label, sheets: memory.sheets, state: memory.state });
      expect({ run: label, sheets: excel.sheets, state: excel.state }).toEqual({ run: label, sheets: memory.sheets, state: memory.state });
      for (const sheet of memory.sheets) {
        expect({ run: label, sheet, cells: xlsx.cells[sheet] }).toEqual({ run: label, sheet, cells: memory.cells[sheet] });
        expect({ run: label, sheet, cells: excel.cells[sheet] }).toEqual({ run: label, sheet, cells: memory.cells[sheet] });
      }
      expect({ run: label, formats: excel.formats }).toEqual({ run: label, formats: xlsx.formats });
    }
  }, 120000);
});
