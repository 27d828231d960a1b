// Prepare for sharing (issue 6): TIERS formulas become their values (or exact native formulas), the
// add-in's web extension goes (another add-in's stays), an About sheet says how the workbook was graded,
// and LibreOffice recalculates the native formulas to the values the custom functions had stored.

import * as fs from "fs";
import JSZip from "jszip";
import * as os from "os";
import * as path from "path";
import { defaultSettings, gradeWorkbook } from "../../src/workbook/run";
import { hasTiersCall, nativeFormula } from "../../src/workbook/features/shareFormulas";
import { openXlsx } from "../../src/workbook/executors/xlsx";
import { ADDIN_ID, prepareForSharing } from "../../src/workbook/executors/xlsx/share";
import { describeWithLibreOffice, sheetsAsCsv } from "../support/libreoffice";
import { buildWorkbook } from "../xlsx/buildWorkbook";
import type { FixtureCell } from "../xlsx/buildWorkbook";

const NOW = new Date(Date.UTC(2026, 10, 23, 9, 0));
const SCORES = [90, 80, 80, 50, 10];
const RANKS = [1, 2, 2, 4, 5];
const TIERS = ["A", "B", "B", "C", "C"]; // RANK.EQ <= 0.2*5 -> A, <= 0.5*5 -> B
const WIDE = ["A", "A", "A", "B", "B"]; // shares {0.6, 0.4}
const PARETO = ["A", "A", "A", "B", "C"]; // SUMIF(>x)/310: 0, .29, .29, .81, .97

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
const num = (formula: string, value: number, f = `<f>${esc(formula)}</f>`) => ({ raw: (ref: string) => `<c r="${ref}">${f}<v>${value}</v></c>` });
const str = (formula: string, value: string) => ({ raw: (ref: string) => `<c r="${ref}" t="str"><f>${esc(formula)}</f><v>${esc(value)}</v></c>` });

/** A sheet of TIERS formulas as Excel stores them (with cached values), plus our and another add-in's task panes. */
async function tiersWorkbook(): Promise<Uint8Array> {
  const rows: FixtureCell[][] = [["ID", "Score", "Rank", "Tier", "Wide", "Grade", "Total", "Text", "Pareto"]];
  SCORES.forEach((score, i) => {
    const r = i + 2;
    rows.push([
      `C${i + 1}`,
      score,
      i === 0
        ? num("", RANKS[i], `<f t="shared" ref="C2:C6" si="0">_xldudf_TIERS_CUSTOMERRANK(B2,$B$2:$B$6)</f>`)
        : num("", RANKS[i], `<f t="shared" si="0"/>`),
      str(`_xldudf_TIERS_CUSTOMERTIER(B${r},$B$2:$B$6)`, TIERS[i]),
      str(`_xldudf_TIERS_CUSTOMERTIER(B${r},$B$2:$B$6,{0.6,0.4})`, WIDE[i]),
      i === 0 ? { raw: (ref: string) => `<c r="${ref}" t="e"><f>_xldudf_TIERS_GRADE(B2:B6,1)</f><v>#NAME?</v></c>` } : null,
      i === 0 ? num("SUM(B2:B6)", 310) : null,
      i === 0 ? str('IF(TRUE,"TIERS.GRADE(","")', "TIERS.GRADE(") : null,
      str(`_xldudf_TIERS_PARETOCLASS(B${r},$B$2:$B$6)`, PARETO[i]),
    ]);
  });
  const zip = await JSZip.loadAsync(await buildWorkbook([{ name: "Customers", rows }]));
  const WE = "http://schemas.microsoft.com/office/2011/relationships/webextension";
  zip.file(
    "_rels/.rels",
    (await zip.file("_rels/.rels")!.async("string")).replace(
      "</Relationships>",
      '<Relationship Id="rIdPanes" Type="http://schemas.microsoft.com/office/2011/relationships/webextensiontaskpanes" Target="xl/webextensions/taskpanes.xml"/></Relationships>',
    ),
  );
  zip.file(
    "xl/webextensions/taskpanes.xml",
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<wetp:taskpanes xmlns:wetp="http://schemas.microsoft.com/office/webextensions/taskpanes/2010/11" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
      '<wetp:taskpane dockstate="right" visibility="1" width="350" row="4"><wetp:webextensionref r:id="rId1"/></wetp:taskpane>' +
      '<wetp:taskpane dockstate="right" visibility="0" width="350" row="5"><wetp:webextensionref r:id="rId2"/></wetp:taskpane></wetp:taskpanes>',
  );
  zip.file(
    "xl/webextensions/_rels/taskpanes.xml.rels",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${WE}" Target="webextension1.xml"/><Relationship Id="rId2" Type="${WE}" Target="webextension2.xml"/></Relationships>`,
  );
  const extension = (id: string, reference: string, store: string) =>
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<we:webextension xmlns:we="http://schemas.microsoft.com/office/webextensions/webextension/2010/11" id="${id}"><we:reference id="${reference}" version="1.0.0.0" store="${store}" storeType="Registry"/><we:alternateReferences/><we:properties><we:property name="Office.AutoShowTaskpaneWithDocument" value="true"/></we:properties><we:bindings/><we:snapshot xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"/></we:webextension>`;
  zip.file("xl/webextensions/webextension1.xml", extension("{6F2B0C1E-0000-4000-8000-000000000001}", `{${ADDIN_ID.toUpperCase()}}`, "developer"));
  zip.file("xl/webextensions/webextension2.xml", extension("{6F2B0C1E-0000-4000-8000-000000000002}", "wa104380862", "en-US"));
  const types = (await zip.file("[Content_Types].xml")!.async("string")).replace(
    "</Types>",
    '<Override PartName="/xl/webextensions/taskpanes.xml" ContentType="application/vnd.ms-office.webextensiontaskpanes+xml"/>' +
      '<Override PartName="/xl/webextensions/webextension1.xml" ContentType="application/vnd.ms-office.webextension+xml"/>' +
      '<Override PartName="/xl/webextensions/webextension2.xml" ContentType="application/vnd.ms-office.webextension+xml"/></Types>',
  );
  zip.file("[Content_Types].xml", types);
  return zip.generateAsync({ type: "uint8array" });
}

async function parts(data: Uint8Array): Promise<Record<string, string>> {
  const zip = await JSZip.loadAsync(data);
  const out: Record<string, string> = {};
  for (const name of Object.keys(zip.files)) if (!zip.files[name].dir) out[name] = await zip.files[name].async("string");
  return out;
}

const formulasOf = (xml: string) => [...xml.matchAll(/<f\b[^>]*>([\s\S]*?)<\/f>/g)].map((m) => m[1]);

describe("TIERS formulas and their native equivalents", () => {
  test("only calls outside string literals count", () => {
    expect(hasTiersCall("_xldudf_TIERS_CUSTOMERRANK(B2,$B$2:$B$6)")).toBe(true);
    expect(hasTiersCall("1+TIERS.GRADE(A1:B9,C1:C2)")).toBe(true);
    expect(hasTiersCall('IF(TRUE,"TIERS.GRADE(","")')).toBe(false);
    expect(hasTiersCall("MYTIERS.GRADE(A1)")).toBe(false);
    expect(hasTiersCall("_xldudf_TIERS.CUSTOMERRANK(B2,B:B)")).toBe(true);
    expect(nativeFormula("_xldudf_TIERS.CUSTOMERRANK(B2,B:B)")).toBe("_xlfn.RANK.EQ(B2,B:B)");
  });

  test("rank, default tiers and default Pareto classes have exact native formulas; the rest do not", () => {
    expect(nativeFormula("_xldudf_TIERS_CUSTOMERRANK(B2,$B$2:$B$6)")).toBe("_xlfn.RANK.EQ(B2,$B$2:$B$6)");
    expect(nativeFormula("TIERS.CUSTOMERTIER(B2,$B$2:$B$6)")).toBe(
      'IF(_xlfn.RANK.EQ(B2,$B$2:$B$6)<=0.2*COUNT($B$2:$B$6),"A",IF(_xlfn.RANK.EQ(B2,$B$2:$B$6)<=0.5*COUNT($B$2:$B$6),"B","C"))',
    );
    expect(nativeFormula("_xldudf_TIERS_PARETOCLASS(B2,$B$2:$B$6)")).toBe(
      'IF(SUMIF($B$2:$B$6,">"&B2)/SUM($B$2:$B$6)<0.8,"A",IF(SUMIF($B$2:$B$6,">"&B2)/SUM($B$2:$B$6)<0.95,"B","C"))',
    );
    // Nested calls and the formula around them are kept.
    expect(nativeFormula('IF(_xldudf_TIERS_CUSTOMERRANK(MAX(B2,0),B:B)=1,"top","")')).toBe('IF(_xlfn.RANK.EQ(MAX(B2,0),B:B)=1,"top","")');
    expect(nativeFormula("_xldudf_TIERS_CUSTOMERTIER(B2,$B$2:$B$6,{0.6,0.4})")).toBeUndefined();
    expect(nativeFormula("_xldudf_TIERS_CUSTOMERSCORE(B2:D2,F1:H1,B2:D9)")).toBeUndefined();
    expect(nativeFormula("_xldudf_TIERS_CUSTOMERRANK(B2,)")).toBeUndefined();
    expect(nativeFormula('"TIERS.GRADE(" & A1')).toBe('"TIERS.GRADE(" & A1');
  });
});

describe("prepare for sharing", () => {
  test("values: every TIERS formula becomes its stored value, other formulas stay, the add-in no longer opens", async () => {
    const { data, report } = await prepareForSharing(await tiersWorkbook(), { lang: "en-US", now: NOW });
    const files = await parts(data);
    for (const [name, xml] of Object.entries(files)) {
      for (const formula of formulasOf(xml)) expect({ name, tiers: hasTiersCall(formula.replace(/&quot;/g, '"')) }).toEqual({ name, tiers: false });
    }
    expect(report.toValues).toHaveLength(20);
    expect(report.toNative).toHaveLength(0);
    expect(report.unresolved).toEqual([{ sheet: "Customers", cell: "F2", formula: "=TIERS.GRADE(B2:B6,1)" }]);
    expect(report.toValues[0]).toEqual({ sheet: "Customers", cell: "C2", formula: "=TIERS.CUSTOMERRANK(B2,$B$2:$B$6)" });
    expect(report.addinRemoved).toBe(true);

    const book = await openXlsx(data);
    const grid = await book.read("Customers", { top: 1, left: 0, rows: 5, columns: 9 });
    expect(grid.map((row) => row[2])).toEqual(RANKS);
    expect(grid.map((row) => row[3])).toEqual(TIERS);
    expect(grid.map((row) => row[4])).toEqual(WIDE);
    expect(grid.map((row) => row[8])).toEqual(PARETO);
    expect(grid[0][5]).toEqual({ error: "#NAME?" });
    const sheet = Object.entries(files).find(([name, xml]) => name.startsWith("xl/worksheets/") && xml.includes("SUM(B2:B6)"))![1];
    expect(formulasOf(sheet)).toEqual(["SUM(B2:B6)", 'IF(TRUE,&quot;TIERS.GRADE(&quot;,&quot;&quot;)']);

    // Our extension is gone from the package, its relationship and its content type; the other stays.
    expect(files["xl/webextensions/webextension1.xml"]).toBeUndefined();
    expect(files["xl/webextensions/webextension2.xml"]).toContain("wa104380862");
    expect(files["xl/webextensions/taskpanes.xml"]).not.toContain('r:id="rId1"');
    expect(files["xl/webextensions/taskpanes.xml"]).toContain('r:id="rId2"');
    expect(files["xl/webextensions/_rels/taskpanes.xml.rels"]).not.toContain("webextension1.xml");
    expect(files["[Content_Types].xml"]).not.toContain("webextension1.xml");
    expect(Object.values(files).join("").toLowerCase()).not.toContain(ADDIN_ID);

    expect((await book.index()).sheets.map((s) => s.name)).toEqual(["Customers", "About this grading"]);
    const about = await book.read("About this grading", { top: 0, left: 0, rows: 30, columns: 2 });
    expect(about.flat()).toEqual(expect.arrayContaining(["How the tiers were computed", "TIERS formulas replaced by their values", 20]));
  });

  test("native: exact native formulas where Excel has them, values elsewhere; LibreOffice gets the stored values back", async () => {
    const { data, report } = await prepareForSharing(await tiersWorkbook(), { lang: "en-US", formulas: "native", now: NOW });
    expect(report.toNative).toHaveLength(15);
    expect(report.toValues).toHaveLength(5);
    expect(report.toValues.every((cell) => cell.cell.startsWith("E"))).toBe(true);
    const files = await parts(data);
    const sheet = Object.entries(files).find(([name, xml]) => name.startsWith("xl/worksheets/") && xml.includes("SUM(B2:B6)"))![1];
    expect(sheet).toContain('<f t="shared" ref="C2:C6" si="0">_xlfn.RANK.EQ(B2,$B$2:$B$6)</f>');
    expect(sheet.match(/<f t="shared" si="0"\/>/g)).toHaveLength(4);
    expect(files["xl/workbook.xml"]).toContain('fullCalcOnLoad="1"');
    expect(Object.values(files).some((xml) => /_xldudf_TIERS_/.test(xml))).toBe(false);
  });

  test("formulas outside cells that call TIERS are reported, not silently kept", async () => {
    const zip = await JSZip.loadAsync(await tiersWorkbook());
    const sheetPath = Object.keys(zip.files).find((name) => /^xl\/worksheets\/sheet\d+\.xml$/.test(name))!;
    const sheet = await zip.file(sheetPath)!.async("string");
    zip.file(
      sheetPath,
      sheet.replace(
        "</sheetData>",
        '</sheetData><conditionalFormatting sqref="C2:C6"><cfRule type="expression" dxfId="0" priority="1"><formula>_xldudf_TIERS_CUSTOMERRANK(B2,$B$2:$B$6)=1</formula></cfRule></conditionalFormatting>' +
          '<dataValidations count="1"><dataValidation type="custom" sqref="B2:B6"><formula1>SUM(B2)&gt;0</formula1></dataValidation></dataValidations>',
      ),
    );
    const workbook = await zip.file("xl/workbook.xml")!.async("string");
    zip.file("xl/workbook.xml", workbook.replace("</sheets>", '</sheets><definedNames><definedName name="TopRank">_xldudf_TIERS_CUSTOMERRANK(Customers!$B$2,Customers!$B$2:$B$6)</definedName></definedNames>'));
    const { report } = await prepareForSharing(await zip.generateAsync({ type: "uint8array" }), { lang: "en-US", now: NOW });
    expect(report.leftAsIs).toEqual(["Customers!C2:C6 (conditional format)", "name TopRank"]);
  });

  test("removes the task-pane part entirely when the add-in was the only one", async () => {
    const zip = await JSZip.loadAsync(await tiersWorkbook());
    zip.file("xl/webextensions/taskpanes.xml", (await zip.file("xl/webextensions/taskpanes.xml")!.async("string")).replace(/<wetp:taskpane dockstate="right" visibility="0"[\s\S]*?<\/wetp:taskpane>/, ""));
    zip.file("xl/webextensions/_rels/taskpanes.xml.rels", (await zip.file("xl/webextensions/_rels/taskpanes.xml.rels")!.async("string")).replace(/<Relationship Id="rId2"[^>]*\/>/, ""));
    zip.remove("xl/webextensions/webextension2.xml");
    zip.file("[Content_Types].xml", (await zip.file("[Content_Types].xml")!.async("string")).replace(/<Override PartName="\/xl\/webextensions\/webextension2.xml"[^>]*\/>/, ""));
    const { data, report } = await prepareForSharing(await zip.generateAsync({ type: "uint8array" }), { lang: "en-US", now: NOW });
    expect(report.addinRemoved).toBe(true);
    const files = await parts(data);
    expect(Object.keys(files).filter((name) => name.includes("webextension"))).toEqual([]);
    expect(files["_rels/.rels"]).not.toContain("webextensiontaskpanes");
    expect(files["[Content_Types].xml"]).not.toContain("webextension");
  });

  test("a workbook graded by the add-in: the About sheet is in the workbook's language with its settings and weights", async () => {
    const sample = fs.readFileSync(path.join(__dirname, "../../assets/sample-customers.zh-CN.xlsx"));
    const book = await openXlsx(sample);
    const outcome = await gradeWorkbook(book, defaultSettings("zh-CN", NOW));
    expect(outcome.ok).toBe(true);
    const { data, report } = await prepareForSharing(await book.save(), { lang: "en-US", now: NOW });
    expect(report).toMatchObject({ toValues: [], toNative: [], unresolved: [], addinRemoved: false, aboutSheet: "关于本次分级" });
    const shared = await openXlsx(data);
    const index = await shared.index();
    expect(index.sheets.map((s) => s.name)).toContain("关于本次分级");
    const about = (await shared.read("关于本次分级", { top: 0, left: 0, rows: 60, columns: 6 })).flat();
    expect(about).toEqual(expect.arrayContaining(["等级的计算方法", "本工作簿的分级方法", "分级方案", "维度", "综合权重", "销售额"]));
    // The add-in owns the About sheet: sharing the copy again replaces it rather than adding a second.
    const again = await prepareForSharing(data, { lang: "en-US", now: NOW });
    expect((await (await openXlsx(again.data)).index()).sheets.filter((s) => s.name === "关于本次分级")).toHaveLength(1);
  });

  test("a sheet of the analyst's named like the About sheet is kept; the About sheet takes the next name", async () => {
    const data = await buildWorkbook([
      { name: "Customers", rows: [["ID"], ["C1"]] },
      { name: "About this grading", rows: [["my own notes"]] },
    ]);
    const { data: shared, report } = await prepareForSharing(data, { lang: "en-US", now: NOW });
    expect(report.aboutSheet).toBe("About this grading 2");
    const book = await openXlsx(shared);
    expect((await book.index()).sheets.map((s) => s.name)).toEqual(["Customers", "About this grading", "About this grading 2"]);
    expect(await book.read("About this grading", { top: 0, left: 0, rows: 1, columns: 1 })).toEqual([["my own notes"]]);
  });

  test("ADDIN_ID is the manifest's Id", () => {
    const manifest = fs.readFileSync(path.join(__dirname, "../../manifest.xml"), "utf8");
    expect(/<Id>([^<]+)<\/Id>/.exec(manifest)![1].toLowerCase()).toBe(ADDIN_ID);
  });
});

describeWithLibreOffice("prepared copies in LibreOffice", () => {
  test("the native formulas recalculate to the custom functions' stored values", async () => {
    const { data } = await prepareForSharing(await tiersWorkbook(), { lang: "en-US", formulas: "native", now: NOW });
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tiers-share-"));
    const file = path.join(dir, "shared.xlsx");
    fs.writeFileSync(file, data);
    const sheets = sheetsAsCsv(file, ["Customers", "About this grading"]);
    const rows = sheets.Customers.slice(1, 6);
    expect(rows.map((row) => Number(row[2]))).toEqual(RANKS);
    expect(rows.map((row) => row[3])).toEqual(TIERS);
    expect(rows.map((row) => row[4])).toEqual(WIDE);
    expect(rows.map((row) => row[8])).toEqual(PARETO);
    expect(sheets["About this grading"].flat()).toContain("How the tiers were computed");
    fs.rmSync(dir, { recursive: true, force: true });
  }, 120_000);
});
