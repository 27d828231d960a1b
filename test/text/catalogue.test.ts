// The text catalogue (src/text): both languages give every key, every message reads only parameters it
// is given and says something, and no source file outside the catalogue holds Chinese text except the
// places listed below, each with its reason.

import * as fs from "fs";
import * as path from "path";
import * as ts from "typescript";
import { CATALOGUES } from "../../src/text";
import type { Catalogue } from "../../src/text";
import { problem } from "../../src/workbook/reading/problems";

/** Every leaf of a catalogue by its dotted path: a string, or a function (a message with parameters). */
function leaves(node: unknown, at = ""): Map<string, unknown> {
  const found = new Map<string, unknown>();
  if (typeof node === "string" || typeof node === "function") found.set(at, node);
  else if (node && typeof node === "object") {
    for (const [key, value] of Object.entries(node)) for (const [p, v] of leaves(value, at ? `${at}.${key}` : key)) found.set(p, v);
  }
  return found;
}

/** The sections whose messages take one object of named parameters; the others take them in order. */
const NAMED = ["problems.", "packageErrors.", "engineErrors."];

/**
 * What a message says given sample parameters, and which parameters it uses: a named-parameter message
 * gets an object that records each property read; a positional one gets "<0>", "<1>", ... and uses those
 * that appear in its text.
 */
function render(key: string, message: (...args: unknown[]) => unknown): { text: string; used: string[] } {
  if (NAMED.some((section) => key.startsWith(section))) {
    const read = new Set<string>();
    const samples: Record<string, unknown> = { headers: ["Customer ID", "客户编号"] };
    const params = new Proxy({}, {
      get: (_target, name) => {
        if (typeof name !== "string") return undefined;
        read.add(name);
        return name in samples ? samples[name] : `<${name}>`;
      },
    });
    return { text: String(message(params)), used: [...read].sort() };
  }
  const args = Array.from({ length: message.length }, (_, i) => `<${i}>`);
  // The messages whose parameter is a list of words.
  const lists = ["pane.createsSheets", "pane.list"];
  const text = String(lists.includes(key) ? message(args.length === 1 ? ["<0>", "<0>"] : args) : message(...args));
  return { text, used: args.filter((arg) => text.includes(arg)) };
}

const en = leaves(CATALOGUES["en-US"]);
const zh = leaves(CATALOGUES["zh-CN"]);

describe("the text catalogue", () => {
  test("both languages have every key, each a message of the same kind", () => {
    expect([...zh.keys()].sort()).toEqual([...en.keys()].sort());
    for (const [key, value] of en) expect([key, typeof zh.get(key)]).toEqual([key, typeof value]);
    expect(en.size).toBeGreaterThan(150);
  });

  // Words that are empty on purpose: a salesperson's or everyone's copy is named by the owner alone.
  const EMPTY_ON_PURPOSE = ["output.copyRoleWord.salesperson", "output.copyRoleWord.all"];

  test("no template is empty, and none prints undefined, NaN or an unfilled placeholder", () => {
    for (const [lang, catalogue] of [["en-US", en], ["zh-CN", zh]] as const) {
      for (const [key, value] of catalogue) {
        if (EMPTY_ON_PURPOSE.includes(key)) {
          expect([lang, key, value]).toEqual([lang, key, ""]);
          continue;
        }
        const text = typeof value === "function" ? render(key, value as (...args: unknown[]) => unknown).text : value;
        expect([lang, key, typeof text]).toEqual([lang, key, "string"]);
        expect([lang, key, (text as string).trim().length > 0]).toEqual([lang, key, true]);
        expect([lang, key, /undefined|NaN|\$\{|\[object /.test(text as string)]).toEqual([lang, key, false]);
      }
    }
  });

  // The compiler checks that each message reads only the parameters the English one declares (zh.ts is
  // typed by en.ts). This checks the other way: a translation that drops a fact the other language
  // gives. The exceptions say why the two differ.
  const READS_DIFFER: Record<string, string> = {};

  test("the two languages of a message read the same parameters", () => {
    for (const [key, value] of en) {
      if (typeof value !== "function" || key in READS_DIFFER) continue;
      const english = render(key, value as (...args: unknown[]) => unknown).used;
      const chinese = render(key, zh.get(key) as (...args: unknown[]) => unknown).used;
      expect([key, chinese]).toEqual([key, english]);
    }
  });

  test("a message that uses a parameter it does not declare, or lacks a key, does not compile", () => {
    // These lines are checked by `tsc` (npm run typecheck), which fails when an expected error is missing.
    // @ts-expect-error a message may read only the parameters English declares
    const extra: Catalogue["problems"]["duplicate-id"] = (p: { id: string; first: string; sheet: string }) => p.sheet;
    // @ts-expect-error a language must give every key
    const missing: Catalogue["migrate"] = { usage: "u", written: (file: string) => file };
    // A problem takes exactly its code's parameters.
    // @ts-expect-error duplicate-id needs both the id and the first cell that holds it
    const lacking = problem("duplicate-id", "Customers", "A3", { id: "C-1" });
    // @ts-expect-error blank-id has no parameters
    const unknown = problem("blank-id", "Customers", "A3", { id: "C-1" });
    expect([typeof extra, typeof missing, lacking.code, unknown.code]).toEqual(["function", "object", "duplicate-id", "blank-id"]);
  });
});

// Where Chinese may appear in src outside src/text, and why: the program must recognise what users
// write in Chinese (headers, sheet names, words in cells), or it must name its own sheets and columns when
// it reads them back. The engine holds none: it gives codes (an explanation's reason, R's segment names)
// that the workbook layer turns into the catalogue's words.
const CHINESE_ALLOWED: Record<string, string> = {
  "src/cli/gradeArguments.ts": "recognises the full-width comma in --labels and scheme lists",
  "src/taskpane/SettingsForm.tsx": "recognises full-width separators in typed labels",
  "src/taskpane/columns.ts": "recognises Chinese value-column headers",
  "src/workbook/reading/headers.ts": "header aliases for reading user tables",
  "src/workbook/reading/weightTable.ts": "recognises full-width separators in Bands cells",
  "src/workbook/reading/ordersTable.ts": "recognises Chinese order headers and 年月日 dates",
  "src/workbook/reading/segmentsTable.ts": "recognises the Segments table's Chinese headers",
  "src/workbook/features/management.ts": "recognises Chinese growth, owner and potential headers",
  "src/workbook/run.ts": "recognises Chinese value-column headers",
  "src/workbook/reading/locate.ts": "the default sheet names it looks for (权重, 客户)",
  "src/workbook/features/split.ts": "recognises the org table's Chinese headers",
  "src/workbook/features/fromOrders.ts": "the Customer indicators sheet it writes and reads back",
  "src/workbook/features/history.ts": "the Tier history sheet's headers, written and read back",
  "src/workbook/features/overrides.ts": "the Overrides and Audit log sheets' names and headers, written and read back",
  "src/workbook/reading/riskRules.ts": "the Risk rules sheet's names and headers, written and read back",
  "src/workbook/reading/strategyTable.ts": "the Strategies sheet's names and headers, written and read back",
  "src/workbook/features/methodRun.ts": "the method columns' headers, written and found again on a re-run",
  "src/workbook/features/exampleTables.ts": "the example tables' Chinese sheet names and headers",
};

const CHINESE = /[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]/;

/** The source files (relative, with /) whose string, template, regular expression or JSX text holds Chinese. */
function filesWithChinese(): string[] {
  const root = path.join(__dirname, "..", "..");
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.tsx?$/.test(entry.name)) files.push(full);
    }
  };
  walk(path.join(root, "src"));
  return files
    .filter((file) => {
      const source = ts.createSourceFile(file, fs.readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true, file.endsWith(".tsx") ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
      let found = false;
      const visit = (node: ts.Node): void => {
        const literal =
          ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateHead(node) || ts.isTemplateMiddle(node) ||
          ts.isTemplateTail(node) || ts.isRegularExpressionLiteral(node) || ts.isJsxText(node);
        if (literal && CHINESE.test(node.getText(source))) found = true;
        if (!found) ts.forEachChild(node, visit);
      };
      visit(source);
      return found;
    })
    .map((file) => path.relative(root, file).split(path.sep).join("/"));
}

describe("Chinese text lives in the catalogue", () => {
  test("no source file outside src/text holds Chinese text, except the listed places", () => {
    const found = filesWithChinese();
    const outside = found.filter((file) => !file.startsWith("src/text/") && !(file in CHINESE_ALLOWED));
    expect(outside).toEqual([]);
    // The list stays exact: a file that no longer holds Chinese leaves it.
    expect(Object.keys(CHINESE_ALLOWED).filter((file) => !found.includes(file))).toEqual([]);
    expect(found).toContain("src/text/zh.ts");
  });
});
