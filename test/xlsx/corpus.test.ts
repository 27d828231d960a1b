// The reader's corpus (test/files, written by scripts/make-corpus.ts) and the real producers' corpus
// (test/files/real, written by LibreOffice, Gnumeric, openpyxl, XlsxWriter, ExcelJS, SheetJS, excel4node
// and write-excel-file through scripts/make-real-corpus.sh): every file graded, refused or reported as
// its manifest says; every part a grade did not have to change byte-identical afterwards; LibreOffice
// opens each graded file and shows the tiers.

import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import JSZip from "jszip";
import { DOMParser, Element } from "@xmldom/xmldom";
import { defaultSettings, gradeWorkbook } from "../../src/workbook/run";
import { openXlsx } from "../../src/workbook/executors/xlsx";
import { parseRelationships, relsPath, resolveTarget } from "../../src/workbook/executors/xlsx/packageParts";
import { describeWithLibreOffice, libreOfficeWorkspace, parseCsv, soffice } from "../support/libreoffice";

const FILES = path.join(__dirname, "..", "files");
const REAL = path.join(FILES, "real");
const NOW = new Date(Date.UTC(2026, 10, 22, 9, 30));

interface Entry {
  file: string;
  producer: string;
  expect: { graded: number; tiers: string[]; customerSheet: string } | { refused: string } | { problems: string[] };
}
const manifest: { files: Entry[] } = JSON.parse(fs.readFileSync(path.join(FILES, "manifest.json"), "utf8"));
const graded = manifest.files.filter((entry) => "graded" in entry.expect);

/** Every part of a package, inflated, by name. */
async function parts(bytes: Uint8Array): Promise<Map<string, Buffer>> {
  const zip = await JSZip.loadAsync(bytes);
  const found = new Map<string, Buffer>();
  for (const name of Object.keys(zip.files)) if (!zip.files[name].dir) found.set(name, await zip.files[name].async("nodebuffer"));
  return found;
}

/** The parts a grade may rewrite: the package's catalogues, the workbook, its styles, the customer sheet and its tables. */
async function rewritable(bytes: Uint8Array, customerSheet: string): Promise<Set<string>> {
  const workbook = await openXlsx(bytes);
  const sheet = (await workbook.worksheets()).find((s) => s.name === customerSheet)!;
  const rels = parseRelationships(await workbook.partText(relsPath(workbook.workbookPath)), relsPath(workbook.workbookPath));
  const sheetRels = parseRelationships(await workbook.partText(relsPath(sheet.part)), relsPath(sheet.part));
  const names = [
    "[Content_Types].xml",
    workbook.workbookPath,
    relsPath(workbook.workbookPath),
    sheet.part,
    ...rels.filter((rel) => /\/(styles|calcChain)$/.test(rel.type)).map((rel) => resolveTarget(workbook.workbookPath, rel.target)),
    ...sheetRels.filter((rel) => rel.type.endsWith("/table")).map((rel) => resolveTarget(sheet.part, rel.target)),
  ];
  return new Set(names.map((name) => name.toLowerCase()));
}

/** Every part of `before` that a grade of `customerSheet` did not have to change is byte-identical in `after`; no two parts share a name case-insensitively. */
async function expectUntouched(before: Uint8Array, after: Uint8Array, customerSheet: string): Promise<void> {
  const original = await parts(before);
  const result = await parts(after);
  const mayChange = await rewritable(before, customerSheet);
  for (const [name, bytes] of original) {
    if (mayChange.has(name.toLowerCase())) continue;
    expect([name, result.get(name)?.equals(bytes)]).toEqual([name, true]);
  }
  // OPC part names are case-insensitive.
  const lower = [...result.keys()].map((name) => name.toLowerCase());
  expect(new Set(lower).size).toBe(lower.length);
}

async function grade(file: string, folder = FILES): Promise<{ before: Uint8Array; after: Uint8Array; outcome: Awaited<ReturnType<typeof gradeWorkbook>> }> {
  const before = new Uint8Array(fs.readFileSync(path.join(folder, file)));
  const workbook = await openXlsx(before);
  const outcome = await gradeWorkbook(workbook, defaultSettings("en-US", NOW));
  return { before, after: await workbook.save(), outcome };
}

describe("the corpus: every file graded, refused or reported as its manifest says", () => {
  test("the manifest lists every file in test/files and at least one of each outcome", () => {
    const listed = new Set(manifest.files.map((entry) => entry.file));
    const present = fs.readdirSync(FILES).filter((name) => name !== "manifest.json" && fs.statSync(path.join(FILES, name)).isFile());
    expect(present.sort()).toEqual([...listed].sort());
    expect(graded.length).toBeGreaterThanOrEqual(15);
    expect(manifest.files.some((entry) => "refused" in entry.expect)).toBe(true);
    expect(manifest.files.some((entry) => "problems" in entry.expect)).toBe(true);
  });

  test.each(graded.map((entry) => [entry.file, entry] as const))("%s grades; every part it did not have to change is byte-identical", async (_, entry) => {
    const expected = entry.expect as { graded: number; tiers: string[]; customerSheet: string };
    const { before, after, outcome } = await grade(entry.file);
    if (!outcome.ok) throw new Error(outcome.inspection.problems.map((p) => p.message["en-US"]).join("\n"));
    expect(outcome.inspection.customers).toBe(expected.graded);

    const saved = await openXlsx(after);
    const used = (await saved.index()).sheets.find((s) => s.name === expected.customerSheet)!.used!;
    const values = await saved.read(expected.customerSheet, used);
    const tier = values[0].indexOf("Tier");
    expect(values.slice(1, 1 + expected.graded).map((row) => row[tier])).toEqual(expected.tiers);

    await expectUntouched(before, after, expected.customerSheet);
  });

  test.each(manifest.files.filter((entry) => "refused" in entry.expect).map((entry) => [entry.file, entry] as const))(
    "%s is refused with its code and a sentence in both languages",
    async (_, entry) => {
      const code = (entry.expect as { refused: string }).refused;
      const error = await openXlsx(fs.readFileSync(path.join(FILES, entry.file))).then(
        () => undefined,
        (e: unknown) => e as { code?: string; messages?: Record<string, string> },
      );
      expect(error?.code).toBe(code);
      expect(error?.messages?.["en-US"]).toMatch(/\.$/);
      expect(error?.messages?.["zh-CN"]).toMatch(/[\u4e00-\u9fff]/);
    },
  );

  test.each(manifest.files.filter((entry) => "problems" in entry.expect).map((entry) => [entry.file, entry] as const))(
    "%s is not graded: its problems name what to fix",
    async (_, entry) => {
      const { outcome } = await grade(entry.file);
      expect(outcome.ok).toBe(false);
      const codes = outcome.inspection.problems.filter((p) => p.severity === "error").map((p) => p.code);
      for (const code of (entry.expect as { problems: string[] }).problems) expect(codes).toContain(code);
    },
  );

  test("a totals row is never a customer, and the inspection says so", async () => {
    const { outcome } = await grade("totals-row.xlsx");
    expect(outcome.ok).toBe(true);
    expect(outcome.inspection.customers).toBe(5);
    const note = outcome.inspection.problems.find((p) => p.code === "totals-row-excluded");
    expect(note).toMatchObject({ severity: "warning", sheet: "Customers", cell: "A7:E7" });
  });

  test("a formula without a saved value is a problem on its cell that says to open and save it in Excel", async () => {
    const { outcome } = await grade("uncalculated-formula.xlsx");
    const found = outcome.inspection.problems.find((p) => p.cell === "D4");
    expect(found?.message["en-US"]).toContain("formula without a calculated value — open and save the workbook in Excel first");
    expect(found?.message["zh-CN"]).toContain("公式没有计算结果");
  });

  test("the user's chart on a sheet whose part is Sheet2.xml stays related to it after grading", async () => {
    const { after } = await grade("case-sheet-part-with-chart.xlsx");
    const zip = await JSZip.loadAsync(after);
    const names = Object.keys(zip.files);
    expect(names).toContain("xl/worksheets/Sheet2.xml");
    expect(names).not.toContain("xl/worksheets/sheet2.xml");
    const rels = parseRelationships(await zip.file("xl/worksheets/_rels/Sheet2.xml.rels")!.async("string"), "xl/worksheets/_rels/Sheet2.xml.rels");
    expect(rels.map((rel) => [rel.type.split("/").pop(), resolveTarget("xl/worksheets/Sheet2.xml", rel.target)])).toEqual([["drawing", "xl/drawings/drawing1.xml"]]);
    expect(await zip.file("xl/worksheets/Sheet2.xml")!.async("string")).toContain('<drawing r:id="rId1"/>');
    // The add-in's own drawing is a new part, not the user's.
    expect(names.filter((name) => /^xl\/drawings\/drawing\d+\.xml$/i.test(name)).length).toBe(2);
  });

  test("prefixed and strict workbooks get new parts in their own namespace style", async () => {
    const prefixed = await JSZip.loadAsync((await grade("openxml-sdk-prefixed.xlsx")).after);
    const sheet = await prefixed.file("xl/worksheets/sheet2.xml")!.async("string");
    expect(sheet).toMatch(/<x:c r="F1"[^>]*t="inlineStr"><x:is><x:t>Score<\/x:t><\/x:is><\/x:c>/);
    expect(sheet).not.toMatch(/<c\b/);
    const workbook = await prefixed.file("xl/workbook.xml")!.async("string");
    expect(workbook).toMatch(/<x:sheet name="Tier summary" sheetId="3" r:id="rId\d+"\/><\/x:sheets>/);
    // The record is a Custom XML part; the workbook part holds no state name.
    expect(workbook).not.toContain("CustomerTiers.State");
    expect(Object.keys(prefixed.files)).toEqual(expect.arrayContaining(["customXml/item1.xml", "customXml/itemProps1.xml"]));

    const strict = await JSZip.loadAsync((await grade("strict.xlsx")).after);
    const rels = await strict.file("xl/_rels/workbook.xml.rels")!.async("string");
    expect(rels).toContain('Type="http://purl.oclc.org/ooxml/officeDocument/relationships/worksheet" Target="worksheets/sheet3.xml"');
    expect(rels).not.toContain("schemas.openxmlformats.org/officeDocument");
    expect(rels).toContain('Type="http://purl.oclc.org/ooxml/officeDocument/relationships/customXml" Target="../customXml/item1.xml"');
    expect(await strict.file("customXml/itemProps1.xml")!.async("string")).toContain("http://purl.oclc.org/ooxml/officeDocument/customXml");
    const summary = await strict.file("xl/worksheets/sheet3.xml")!.async("string");
    expect(summary).toContain('xmlns="http://purl.oclc.org/ooxml/spreadsheetml/main"');
    expect(summary).not.toContain("schemas.openxmlformats.org/spreadsheetml");
  });
});

describeWithLibreOffice("LibreOffice opens every graded file of the corpus and shows the tiers", () => {
  test("one conversion of all graded files to CSV; each customer sheet's Tier column is A B C C C", async () => {
    const { dir, profile } = libreOfficeWorkspace();
    const inputs: string[] = [];
    for (const [i, entry] of graded.entries()) {
      const file = path.join(dir, `book${i}.xlsx`);
      fs.writeFileSync(file, (await grade(entry.file)).after);
      inputs.push(file);
    }
    // Every sheet to book<i>-<Sheet>.csv (sheet -1), raw values, UTF-8.
    execFileSync(
      soffice!,
      [`-env:UserInstallation=file://${profile}`, "--headless", "--norestore", "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1", "--outdir", dir, ...inputs],
      { stdio: "pipe", timeout: 600000 },
    );
    const seen: [string, string[]][] = [];
    for (const [i, entry] of graded.entries()) {
      const csv = path.join(dir, `book${i}-Customers.csv`);
      const rows = fs.existsSync(csv) ? parseCsv(fs.readFileSync(csv, "utf8")) : [];
      const tier = rows[0]?.indexOf("Tier") ?? -1;
      seen.push([entry.file, rows.slice(1, 6).map((row) => row[tier])]);
    }
    expect(seen).toEqual(graded.map((entry) => [entry.file, (entry.expect as { tiers: string[] }).tiers]));
    fs.rmSync(dir, { recursive: true, force: true });
  }, 900000);
});


/**
 * The children of <worksheet> in the order Excel requires (ECMA-376 Part 1, §18.3.1.99, CT_Worksheet);
 * Excel "repairs" a sheet that breaks it and LibreOffice does not notice, so it is checked here.
 */
const WORKSHEET_ORDER = [
  "sheetPr", "dimension", "sheetViews", "sheetFormatPr", "cols", "sheetData", "sheetCalcPr", "sheetProtection", "protectedRanges",
  "scenarios", "autoFilter", "sortState", "dataConsolidate", "customSheetViews", "mergeCells", "phoneticPr", "conditionalFormatting",
  "dataValidations", "hyperlinks", "printOptions", "pageMargins", "pageSetup", "headerFooter", "rowBreaks", "colBreaks",
  "customProperties", "cellWatches", "ignoredErrors", "smartTags", "drawing", "legacyDrawing", "legacyDrawingHF", "drawingHF",
  "picture", "oleObjects", "controls", "webPublishItems", "tableParts", "extLst",
];

/** The SpreadsheetML children of a worksheet part that are out of the schema's order (none when it is in order). */
async function outOfOrder(bytes: Uint8Array, part: string): Promise<string[]> {
  const xml = await (await JSZip.loadAsync(bytes)).file(part)!.async("string");
  const root = new DOMParser().parseFromString(xml, "text/xml").documentElement!;
  const wrong: string[] = [];
  let at = -1;
  for (let node = root.firstChild; node; node = node.nextSibling) {
    if (node.nodeType !== 1 || (node as Element).namespaceURI !== root.namespaceURI) continue;
    const rank = WORKSHEET_ORDER.indexOf((node as Element).localName!);
    if (rank < 0 || rank < at) wrong.push((node as Element).localName!);
    else at = rank;
  }
  return wrong;
}

interface RealEntry {
  file: string;
  producer: string;
  features: string;
  expect: { graded: number; excluded: number; tiers: string[]; customerSheet: string } | { problems: string[] };
}
const real: { files: RealEntry[] } = JSON.parse(fs.readFileSync(path.join(REAL, "manifest.json"), "utf8"));
const realGraded = real.files.filter((entry) => "graded" in entry.expect);

describe("the real producers' corpus (test/files/real): every file graded or reported as its manifest says", () => {
  test("the manifest lists every file in test/files/real with its producer and version, and every producer is there", () => {
    const present = fs.readdirSync(REAL).filter((name) => name !== "manifest.json");
    expect(present.sort()).toEqual(real.files.map((entry) => entry.file).sort());
    for (const entry of real.files) expect(entry.producer).toMatch(/ \d+\.\d+(\.\d+)*$/);
    const producers = new Set(real.files.map((entry) => entry.producer.replace(/ [\d.]+$/, "")));
    for (const name of ["LibreOffice Calc", "Gnumeric ssconvert", "openpyxl", "XlsxWriter", "ExcelJS", "SheetJS (npm xlsx)", "excel4node", "write-excel-file"]) {
      expect([name, producers.has(name)]).toEqual([name, true]);
    }
  });

  test.each(realGraded.map((entry) => [entry.file, entry] as const))("%s grades; every part it did not have to change is byte-identical", async (_, entry) => {
    const expected = entry.expect as { graded: number; excluded: number; tiers: string[]; customerSheet: string };
    const { before, after, outcome } = await grade(entry.file, REAL);
    if (!outcome.ok) throw new Error(outcome.inspection.problems.map((p) => p.message["en-US"]).join("\n"));
    expect([outcome.inspection.customers, outcome.inspection.excluded]).toEqual([expected.graded, expected.excluded]);

    const saved = await openXlsx(after);
    const used = (await saved.index()).sheets.find((s) => s.name === expected.customerSheet)!.used!;
    const values = await saved.read(expected.customerSheet, used);
    expect(values[1][0]).toBe("C001");
    const tier = values[0].indexOf("Tier");
    expect(values.slice(1, 1 + expected.graded).map((row) => row[tier] ?? "")).toEqual(expected.tiers);
    await expectUntouched(before, after, expected.customerSheet);
    const sheetPart = (await (await openXlsx(after)).worksheets()).find((sh) => sh.name === expected.customerSheet)!.part;
    expect([sheetPart, await outOfOrder(after, sheetPart)]).toEqual([sheetPart, []]);
  });

  test.each(realGraded.map((entry) => [entry.file, entry] as const))("%s: every cell format a grade adds names only cell style records the styles part has", async (_, entry) => {
    // ECMA-376 Part 1 §18.8.45: a cellXfs xf's xfId is an index into cellStyleXfs. write-excel-file
    // writes no cellStyleXfs at all, and Gnumeric reports "Undefined style record '0'" for an xfId="0".
    const { before, after } = await grade(entry.file, REAL);
    const styleRecords = async (bytes: Uint8Array) => {
      const zip = await JSZip.loadAsync(bytes);
      const name = Object.keys(zip.files).find((n) => /^xl\/styles\.xml$/i.test(n));
      const doc = new DOMParser().parseFromString(await zip.file(name!)!.async("string"), "text/xml");
      const section = (tag: string) => Array.from(doc.getElementsByTagNameNS(doc.documentElement!.namespaceURI, tag))[0];
      const xfs = (tag: string) => (section(tag) ? Array.from(section(tag)!.getElementsByTagNameNS(doc.documentElement!.namespaceURI, "xf")) : []);
      return { styleXfs: xfs("cellStyleXfs").length, cellXfs: xfs("cellXfs").map((xf) => xf.getAttribute("xfId")) };
    };
    const original = await styleRecords(before);
    const graded = await styleRecords(after);
    const added = graded.cellXfs.slice(original.cellXfs.length);
    expect(added.length).toBeGreaterThan(0);
    expect(added.filter((xfId) => xfId !== null && Number(xfId) >= graded.styleXfs)).toEqual([]);
  });

  test.each(real.files.filter((entry) => "problems" in entry.expect).map((entry) => [entry.file, entry] as const))(
    "%s is not graded: its problems name what to fix",
    async (_, entry) => {
      const { outcome } = await grade(entry.file, REAL);
      expect(outcome.ok).toBe(false);
      const codes = outcome.inspection.problems.filter((p) => p.severity === "error").map((p) => p.code);
      for (const code of (entry.expect as { problems: string[] }).problems) expect(codes).toContain(code);
    },
  );
});

describeWithLibreOffice("LibreOffice opens every graded file of the real producers' corpus and shows the tiers", () => {
  test("one conversion of all graded files to CSV; each customer sheet's Tier column is as the manifest says", async () => {
    const { dir, profile } = libreOfficeWorkspace();
    const inputs: string[] = [];
    for (const [i, entry] of realGraded.entries()) {
      const file = path.join(dir, `real${i}.xlsx`);
      fs.writeFileSync(file, (await grade(entry.file, REAL)).after);
      inputs.push(file);
    }
    execFileSync(
      soffice!,
      [`-env:UserInstallation=file://${profile}`, "--headless", "--norestore", "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1", "--outdir", dir, ...inputs],
      { stdio: "pipe", timeout: 600000 },
    );
    const seen: [string, string[]][] = [];
    const summaries: [string, string[], string | undefined][] = [];
    for (const [i, entry] of realGraded.entries()) {
      const expected = entry.expect as { graded: number; customerSheet: string };
      const csv = path.join(dir, `real${i}-${expected.customerSheet}.csv`);
      const rows = fs.existsSync(csv) ? parseCsv(fs.readFileSync(csv, "utf8")) : [];
      const tier = rows[0]?.indexOf("Tier") ?? -1;
      seen.push([entry.file, rows.slice(1, 1 + expected.graded).map((row) => row[tier])]);
      // The summary's formulas, recalculated by LibreOffice, name the customer sheet correctly (quoted
      // where its name needs it): no error value anywhere, and the Total row counts the graded customers.
      const summaryCsv = path.join(dir, `real${i}-Tier summary.csv`);
      const summary = fs.existsSync(summaryCsv) ? parseCsv(fs.readFileSync(summaryCsv, "utf8")) : [];
      const errors = summary.flat().filter((text) => /^(#NAME\?|#REF!|#VALUE!|#N\/A|#DIV\/0!|#NUM!|Err:\d+)$/.test(text));
      const total = summary.find((row) => row[0] === "Total");
      summaries.push([entry.file, errors, total?.[1]]);
    }
    expect(seen).toEqual(realGraded.map((entry) => [entry.file, (entry.expect as { tiers: string[] }).tiers]));
    expect(summaries).toEqual(realGraded.map((entry) => [entry.file, [], String((entry.expect as { graded: number; excluded: number }).graded - (entry.expect as { excluded: number }).excluded)]));
    fs.rmSync(dir, { recursive: true, force: true });
  }, 900000);
});
