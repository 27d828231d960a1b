// A sheet over 64 MiB is read and rewritten as a stream (sheetStream.ts), a smaller one whole: the
// same file must come out the same either way, broken or not. A fast-check property edits a worksheet
// of a corpus workbook at random places (pieces of markup inserted, replaced, cut) and grades it twice,
// every sheet streamed in chunks of 61 bytes and every sheet whole: the same outcome (graded with the
// same tiers, the same problems, or the same refusal), never an error that is not a refusal. It found
// a broken root tag that the stream graded and the whole read did not (xmlTokens.test.ts has the case).
// The seed is fixed so that CI is the same on every run; the cases other seeds found run first, as
// examples (a character reference past U+10FFFF is brokenParts.test.ts's case). Try other seeds by hand.

import * as fs from "fs";
import * as path from "path";
import fc from "fast-check";
import JSZip from "jszip";
import { openXlsx } from "../../src/workbook/executors/xlsx";
import type { XlsxOptions } from "../../src/workbook/executors/xlsx/xlsxWorkbook";
import { isPackageError } from "../../src/workbook/executors/xlsx/packageErrors";
import { defaultSettings, gradeWorkbook } from "../../src/workbook/run";
import { propertySeed } from "../support/seed";

const FILES = path.join(__dirname, "..", "files");
const NOW = new Date(Date.UTC(2026, 10, 22, 9, 30));
const NAMES = ["excel-like.xlsx", "libreoffice.xlsx", "openxml-sdk-prefixed.xlsx", "strict.xlsx", "openpyxl-like-inline.xlsx", "rich-text.xlsx", "real/openpyxl-write-only-tables.xlsx", "real/exceljs.xlsx"];
const PIECES = ["<", ">", '"', "/", "=", "x:", "<!--", "-->", "&", "&#0;", 'r="', "<c", "</c>", "<v>", "</v>", "<row", "</row>", "row>", "1", "-1", "<f>", ' t="s"', ' t="inlineStr"', "<is><t>", "</t></is>", "<![CDATA[", "]]>", "é", "中"];

/** What a grade of `bytes` comes to, as one comparable line. */
async function outcome(bytes: Uint8Array, options: XlsxOptions): Promise<string> {
  try {
    const workbook = await openXlsx(bytes, options);
    const run = await gradeWorkbook(workbook, defaultSettings("en-US", NOW));
    if (!run.ok) return `problems ${JSON.stringify(run.inspection.problems.map((p) => [p.code, p.cell]))}`;
    await openXlsx(await workbook.save());
    return `graded ${Array.from(run.result.tier, (t) => run.result.labels[t]).join("")}`;
  } catch (error) {
    if (isPackageError(error)) return `refused ${error.code}`;
    throw error;
  }
}

test("an edited worksheet grades alike streamed and whole (fast-check)", async () => {
  const books = new Map<string, { zip: Buffer; sheets: string[] }>();
  for (const name of NAMES) {
    const zip = fs.readFileSync(path.join(FILES, name));
    const sheets = Object.keys((await JSZip.loadAsync(zip)).files).filter((part) => /^xl\/worksheets\/[^/]+\.xml$/i.test(part));
    books.set(name, { zip, sheets });
  }
  const edit = fc.tuple(fc.nat(), fc.constantFrom("insert", "delete", "replace"), fc.constantFrom(...PIECES), fc.integer({ min: 1, max: 8 }));
  let graded = 0;
  await fc.assert(
    fc.asyncProperty(fc.constantFrom(...NAMES), fc.nat(), fc.array(edit, { minLength: 1, maxLength: 3 }), async (name, which, edits) => {
      const book = books.get(name)!;
      const part = book.sheets[which % book.sheets.length];
      const zip = await JSZip.loadAsync(book.zip);
      let xml = await zip.file(part)!.async("string");
      for (const [at, how, piece, length] of edits) {
        const k = at % (xml.length + 1);
        xml = xml.slice(0, k) + (how === "delete" ? "" : piece) + xml.slice(how === "insert" ? k : k + (how === "delete" ? length : piece.length));
      }
      zip.file(part, xml);
      const bytes = await zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
      const streamed = await outcome(bytes, { streamAbove: 0, chunkBytes: 61 });
      const whole = await outcome(bytes, {});
      expect([name, part, streamed]).toEqual([name, part, whole]);
      if (whole.startsWith("graded")) graded++;
    }),
    {
      numRuns: 300,
      seed: propertySeed(20261203),
      examples: [
        // Seed 1922630352: a stray quote (<c r="A t="s">) and an unclosed CDATA section. Both reads dropped
        // three customers' rows without a word (the "value" ran to the next quote over their cells); the
        // streamed one was refused only when saved. Now both refuse it as they read.
        ["strict.xlsx", 1, [[1996063873, "delete", "<", 2], [1367461602, "insert", "<![CDATA[", 1], [804385119, "delete", "<", 2]]],
        // Found by the same property after that fix: a value's closing quote at the very end of a window
        // was taken for broken markup, not for a cut one, by the streamed read alone.
        ["strict.xlsx", 0, [[250766162, "replace", "]]>", 1], [0, "insert", "é", 1]]],
      ],
    },
  );
  // Most edits leave a workbook that still grades: the property compares grades, not only refusals.
  expect(graded).toBeGreaterThan(20);
}, 600_000);
