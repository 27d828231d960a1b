// Workbooks with a broken part, as a damaged download or a careless tool leaves them: every refusal is
// one sentence that names the part, exit 1 (the workbook), nothing written, never "an error it did not
// expect" (exit 3) and never a stack. First one case per part the reader parses (each of which reached
// the user as exit 3 before: relationships parsed without naming their part, a row or cell reference
// that is not one; the sentence came in English to a zh-CN user too), then a fast-check property that edits any XML part of the
// corpus at random places and asks the same of whatever comes out.

import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import fc from "fast-check";
import JSZip from "jszip";
import { main } from "../../src/cli/main";
import { openXlsx } from "../../src/workbook/executors/xlsx";
import { defaultSettings, gradeWorkbook } from "../../src/workbook/run";
import { capture } from "./capture";
import { propertySeed } from "../support/seed";

const FILES = path.join(__dirname, "..", "files");

let dir: string;
beforeAll(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), "tiers-broken-parts-"))));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** The corpus file `name` with part `part`'s text passed through `edit`, written to a new file. */
async function broken(name: string, part: string, edit: (xml: string) => string, file = path.join(dir, `${path.basename(name)}.${part.replace(/\W/g, "_")}.xlsx`)): Promise<string> {
  const zip = await JSZip.loadAsync(fs.readFileSync(path.join(FILES, name)));
  const xml = await zip.file(part)!.async("string");
  const edited = edit(xml);
  expect(edited).not.toBe(xml);
  zip.file(part, edited);
  fs.writeFileSync(file, await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
  return file;
}

/** `tiers grade <file> --out <file>.graded.xlsx` in process: the exit code, stderr, and whether the output exists. */
async function grade(file: string, lang?: "zh-CN"): Promise<{ code: number; err: string; wrote: boolean }> {
  const out = `${file}.graded.xlsx`;
  fs.rmSync(out, { force: true });
  const io = capture();
  const code = await main(["grade", file, "--out", out, ...(lang ? ["--lang", lang] : [])], io);
  return { code, err: io.err, wrote: fs.existsSync(out) };
}

describe("a broken part is named, exit 1, nothing written", () => {
  const cases: { what: string; file: string; part: string; edit: (xml: string) => string; says: string }[] = [
    {
      what: "the workbook's relationships, an attribute value cut short",
      file: "excel-like.xlsx",
      part: "xl/_rels/workbook.xml.rels",
      edit: (xml) => xml.replace(/Target="([^"]*)"/, 'Target="$1'),
      says: "An attribute value holds a '<' (or its closing quote is missing)",
    },
    {
      what: "the package's relationships, an end tag that does not match",
      file: "libreoffice.xlsx",
      part: "_rels/.rels",
      edit: (xml) => xml.replace("</Relationships>", "</Relationship>"),
      says: "The end tag </Relationship> does not match <Relationships>",
    },
    {
      what: "a row whose r is not a row number",
      file: "openpyxl-like-inline.xlsx",
      part: "xl/worksheets/sheet1.xml",
      edit: (xml) => xml.replace(/<row r="2"/, '<row r="/xl/2"'),
      says: 'A row has the reference r="/xl/2", which is not a row number',
    },
    {
      what: "a cell whose r is not a cell address",
      file: "excel-like.xlsx",
      part: "xl/worksheets/sheet2.xml",
      edit: (xml) => xml.replace(/<c r="B2"/, '<c r=" 2"'),
      says: 'A cell has the reference r=" 2", which is not a cell address',
    },
    {
      what: "a row's end tag broken (the reader used to drop the next row's customer without a word)",
      file: "shared-formulas.xlsx",
      part: "xl/worksheets/sheet2.xml",
      edit: (xml) => xml.replace("</row>", "row>"),
      says: "A row starts inside another row",
    },
    {
      what: "a row inside a row, well-formed",
      file: "excel-like.xlsx",
      part: "xl/worksheets/sheet2.xml",
      edit: (xml) => xml.replace(/(<row r="3"[^>]*>[\s\S]*?)<\/row>(<row r="4"[^>]*>[\s\S]*?<\/row>)/, "$1$2</row>"),
      says: "A row starts inside another row",
    },
    {
      what: "a character reference past Unicode's last code point (String.fromCodePoint threw a RangeError: exit 3)",
      file: "openpyxl-like-inline.xlsx",
      part: "xl/worksheets/sheet1.xml",
      edit: (xml) => xml.replace("<is><t>", "<is><t>&#264426126;"),
      says: "The character reference &#264426126; names no character",
    },
    {
      what: "a table whose ref holds a '<' (exit 3 before: the table was read by pattern, the ref parsed unchecked)",
      file: "totals-row.xlsx",
      part: "xl/tables/table1.xml",
      edit: (xml) => xml.replace('ref="A1:E7"', 'ref="<A1"'),
      says: "An attribute value holds a '<' (or its closing quote is missing)",
    },
    {
      what: "a table whose ref is not a range",
      file: "totals-row.xlsx",
      part: "xl/tables/table1.xml",
      edit: (xml) => xml.replace('ref="A1:E7"', 'ref="A1:E"'),
      says: 'The table\'s ref="A1:E" is not a range',
    },
    {
      what: "a table part cut short",
      file: "totals-row.xlsx",
      part: "xl/tables/table1.xml",
      edit: (xml) => xml.replace("</table>", ""),
      says: "An element is not closed",
    },
    {
      what: "a table part with a second root element",
      file: "totals-row.xlsx",
      part: "xl/tables/table1.xml",
      edit: (xml) => `${xml}<table/>`,
      says: "A second root element <table> follows the first",
    },
    {
      what: "the stylesheet cut short (it was edited by pattern as it was; the grade adds its formats to it)",
      file: "excel-like.xlsx",
      part: "xl/styles.xml",
      edit: (xml) => xml.replace(/<\/cellXfs>[\s\S]*$/, ""),
      says: "An element is not closed",
    },
    {
      what: "a stray quote in a cell's start tag (both reads dropped the rows up to the next quote without a word)",
      file: "excel-like.xlsx",
      part: "xl/worksheets/sheet2.xml",
      edit: (xml) => xml.replace(/<c r="A3"/, '<c r="A3 t="'),
      says: 'A cell has the reference r="A3 t=", which is not a cell address',
    },
    {
      what: "a cell whose prefix no xmlns declares (it was read as an unknown element: the customer's Sales was a blank)",
      file: "excel-like.xlsx",
      part: "xl/worksheets/sheet2.xml",
      edit: (xml) => xml.replace(/<c r="D2"([^>]*)>(.*?)<\/c>/, '<y:c r="D2"$1>$2</y:c>'),
      says: 'The prefix "y" of y:c is not declared (no xmlns:y)',
    },
    {
      what: "text before the XML declaration",
      file: "excel-like.xlsx",
      part: "xl/worksheets/sheet2.xml",
      edit: (xml) => `é${xml}`,
      says: "Text stands outside the root element",
    },
    {
      what: "an attribute value without quotes",
      file: "excel-like.xlsx",
      part: "xl/worksheets/sheet2.xml",
      edit: (xml) => xml.replace(/<c r="B2"/, "<c r=B2"),
      says: "An attribute value is not quoted",
    },
  ];

  test.each(cases)("$what", async ({ file, part, edit, says }) => {
    const input = await broken(file, part, edit);
    const before = fs.readFileSync(input);
    const run = await grade(input);
    expect({ code: run.code, wrote: run.wrote }).toEqual({ code: 1, wrote: false });
    expect(run.err.trim().split("\n")).toHaveLength(1);
    expect(run.err).toContain(says);
    // The sentence names the part and says how to fix it.
    expect(run.err).toBe(`Cannot read "${input}": The part ${part} of the workbook cannot be read: ${run.err.slice(run.err.indexOf(says))}`);
    expect(run.err).toMatch(/ \(at character \d+\)\. Open the file in Excel and save it again\.\n$/);
    expect(run.err).not.toMatch(/did not expect|\n\s+at /);
    expect(fs.readFileSync(input).equals(before)).toBe(true);
    const zh = await grade(input, "zh-CN");
    expect(zh.code).toBe(1);
    expect(zh.err).toContain(`无法读取“${input}”：无法读取工作簿的部件 ${part}：${says}`);
    expect(zh.err).toMatch(/。请在 Excel 中打开并重新保存该文件。\n$/);
  });
});

test("migrate and share name the broken part the same way, with its one fix", async () => {
  // A TIERS formula in the broken sheet: share finds those by pattern, which a broken part could mislead
  // (a formula missed would reach the colleague as #NAME?), so share reads the part whole first.
  const input = await broken("excel-like.xlsx", "xl/worksheets/sheet2.xml", (xml) =>
    xml.replace(/<c r="B2"/, "<c r=B2").replace(/(<row r="2"[\s\S]*?)<\/row>/, '$1<c r="F2"><f>_xldudf_TIERS_CUSTOMERSCORE(D2)</f><v>1</v></c></row>'),
  );
  const sentence = /The part xl\/worksheets\/sheet2\.xml of the workbook cannot be read: An attribute value is not quoted \(at character \d+\)\. Open the file in Excel and save it again\.\n$/;
  const migrate = capture();
  expect(await main(["migrate", input, "--from", "a", "--to", "b", "--out", `${input}.migrated.xlsx`], migrate)).toBe(1);
  // The refusal's own sentence, not wrapped in "could not be read as an .xlsx workbook (…)".
  expect(migrate.err).toMatch(new RegExp(`^Cannot read "${input.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}": `));
  expect(migrate.err).toMatch(sentence);
  expect(fs.existsSync(`${input}.migrated.xlsx`)).toBe(false);
  const share = capture();
  expect(await main(["share", input, "--out", `${input}.shared.xlsx`], share)).toBe(1);
  expect(share.err).toMatch(sentence);
  expect(fs.existsSync(`${input}.shared.xlsx`)).toBe(false);
});

test("a streamed sheet with a broken row is refused the same way (read in chunks, as a large sheet is)", async () => {
  const input = await broken("shared-formulas.xlsx", "xl/worksheets/sheet2.xml", (xml) => xml.replace("</row>", "row>"));
  for (const chunkBytes of [97, 4096]) {
    const workbook = await openXlsx(fs.readFileSync(input), { streamAbove: 0, chunkBytes });
    await expect(gradeWorkbook(workbook, defaultSettings("en-US", new Date(Date.UTC(2026, 10, 22))))).rejects.toMatchObject({
      code: "bad-xml",
      message: expect.stringMatching(/^The part xl\/worksheets\/sheet2\.xml of the workbook cannot be read: A row starts inside another row \(at character \d+\)\./),
    });
  }
});

// The property's seed is fixed so that CI is the same on every run. Seed 20261203 found a table part whose
// ref was edited to "<A1" (exit 3; the case above now). Try other seeds by hand.
describe("any few edits of any part of the corpus", () => {
  test("exit 0 or 1, a sentence, never a fault of tiers or a stack; a refusal writes nothing (fast-check)", async () => {
    const names = ["excel-like.xlsx", "libreoffice.xlsx", "openxml-sdk-prefixed.xlsx", "strict.xlsx", "openpyxl-like-inline.xlsx", "totals-row.xlsx", "shared-formulas.xlsx", "real/openpyxl.xlsx", "real/exceljs-tables.xlsx", "real/xlsxwriter.xlsx"];
    const parts = new Map<string, string[]>();
    for (const name of names) {
      const zip = await JSZip.loadAsync(fs.readFileSync(path.join(FILES, name)));
      parts.set(
        name,
        Object.keys(zip.files).filter((part) => /\.(xml|rels)$/.test(part) && !zip.files[part].dir),
      );
    }
    const pieces = ["<", ">", '"', "/", "=", "x:", "<!--", "&", "&#0;", 'r="', "<c", "</c>", "<v>", "</v>", "<row", "</row>", "1", "-1", "99999999", "<f>", ' t="s"', ' t="e"', ' t="d"', 'Target="', "../", "<sheet ", "\u202e"];
    const edit = fc.tuple(fc.nat(), fc.constantFrom("insert", "delete", "replace"), fc.constantFrom(...pieces), fc.integer({ min: 1, max: 8 }));
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...names), fc.nat(), fc.array(edit, { minLength: 1, maxLength: 3 }), async (name, which, edits) => {
        const list = parts.get(name)!;
        const part = list[which % list.length];
        const input = await broken(
          name,
          part,
          (xml) => {
            let text = xml;
            for (const [at, how, piece, length] of edits) {
              const k = at % (text.length + 1);
              text = text.slice(0, k) + (how === "delete" ? "" : piece) + text.slice(how === "insert" ? k : k + (how === "delete" ? length : piece.length));
            }
            // An edit that changes nothing (a deletion at the very end) is made to change something.
            return text === xml ? `${xml}<` : text;
          },
          path.join(dir, "edited.xlsx"),
        );
        const run = await grade(input);
        expect([name, part, run.err]).not.toEqual([name, part, expect.stringMatching(/did not expect|\n\s+at /)]);
        expect([0, 1]).toContain(run.code);
        if (run.code !== 0) {
          expect(run.wrote).toBe(false);
          expect(run.err.trim().length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 150, seed: propertySeed(1) },
    );
  }, 600_000);
});
