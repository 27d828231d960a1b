// The add-in's state in a file: a Custom XML part (customXml/itemN.xml + itemPropsN.xml, related from the
// workbook part), other producers' items untouched, the legacy defined name upgraded, LibreOffice's
// save-as read back.

import { execFileSync } from "child_process";
import * as fs from "fs";
import JSZip from "jszip";
import * as path from "path";
import { defaultSettings, gradeWorkbook } from "../../src/workbook/run";
import { parseStateXml, STATE_NAMESPACE } from "../../src/workbook/planning/state";
import type { GradeSettings } from "../../src/workbook/settings";
import { CUSTOM_XML_PROPS_REL, CUSTOM_XML_PROPS_TYPE, CUSTOM_XML_REL } from "../../src/workbook/executors/xlsx/customXml";
import { openXlsx } from "../../src/workbook/executors/xlsx";
import { parseRelationships } from "../../src/workbook/executors/xlsx/packageParts";
import { describeWithLibreOffice, libreOfficeWorkspace, soffice } from "../support/libreoffice";
import { bigState } from "../support/stateFixtures";
import { buildWorkbook, packageParts, smallCustomerSheets } from "./buildWorkbook";

const NOW = new Date(Date.UTC(2026, 10, 20, 9, 30));
const fixture = (name: string) => fs.readFileSync(path.join(__dirname, "../fixtures", name));
const sample = (lang: "en-US" | "zh-CN") => fs.readFileSync(path.join(__dirname, "../../assets", `sample-customers.${lang}.xlsx`));
const settings = (lang: "en-US" | "zh-CN", extra: Partial<GradeSettings> = {}): GradeSettings => ({ ...defaultSettings(lang, NOW), ...extra });

async function gradedBytes(data: Uint8Array, s: GradeSettings): Promise<Uint8Array> {
  const book = await openXlsx(data);
  const outcome = await gradeWorkbook(book, s);
  expect(outcome.ok).toBe(true);
  return book.save();
}

describe("the state as a Custom XML part of the package", () => {
  test("item, properties (a GUID, our namespace as schema), their relationships and content types", async () => {
    const parts = await packageParts(await gradedBytes(sample("en-US"), settings("en-US")));
    const item = parts.get("customXml/item1.xml")!;
    expect(item).toMatch(/^<\?xml version="1.0" encoding="UTF-8" standalone="no"\?>\n<state xmlns="urn:customer-tiers:state" format="2">/);
    const props = parts.get("customXml/itemProps1.xml")!;
    expect(props).toMatch(/<ds:datastoreItem ds:itemID="\{[0-9A-F]{8}-[0-9A-F]{4}-4[0-9A-F]{3}-[89AB][0-9A-F]{3}-[0-9A-F]{12}\}" xmlns:ds="http:\/\/schemas.openxmlformats.org\/officeDocument\/2006\/customXml">/);
    expect(props).toContain(`<ds:schemaRef ds:uri="${STATE_NAMESPACE}"/>`);
    expect(parseRelationships(parts.get("customXml/_rels/item1.xml.rels"), "customXml/_rels/item1.xml.rels")).toEqual([{ id: "rId1", type: CUSTOM_XML_PROPS_REL, target: "itemProps1.xml", external: false }]);
    const fromWorkbook = parseRelationships(parts.get("xl/_rels/workbook.xml.rels"), "xl/_rels/workbook.xml.rels").filter((rel) => rel.type === CUSTOM_XML_REL);
    expect(fromWorkbook.map((rel) => rel.target)).toEqual(["../customXml/item1.xml"]);
    const types = parts.get("[Content_Types].xml")!;
    expect(types).toContain(`<Override PartName="/customXml/itemProps1.xml" ContentType="${CUSTOM_XML_PROPS_TYPE}"/>`);
    expect(types).toContain('<Default Extension="xml" ContentType="application/xml"/>');
    expect(parts.get("xl/workbook.xml")).not.toContain("CustomerTiers.State");
  });

  test("the record holds what share, split and migrate need, read back equal after saving", async () => {
    const s = settings("zh-CN", { period: "2026-Q3", valueColumn: "销售额" });
    const book = await openXlsx(sample("zh-CN"));
    const outcome = await gradeWorkbook(book, s);
    if (!outcome.ok) throw new Error("not graded");
    const state = await (await openXlsx(await book.save())).readState();
    expect(state).toEqual(outcome.plan.state);
    expect(state).toMatchObject({ tierColumn: 2, rowCount: 200, sheets: ["分级汇总", "分级历史"] });
    expect(state!.tierStyles!.map((style) => style.label)).toEqual(["A", "B", "C"]);
    const grading = state!.grading!;
    expect(grading.lang).toBe("zh-CN");
    expect(grading.labels).toEqual(["A", "B", "C"]);
    expect(grading.valueColumn).toBe("销售额");
    expect(grading.periods).toEqual(["2026-Q3"]);
    expect(grading.settings.find((row) => row.key === "period")).toEqual({ key: "period", label: "期间", value: "2026-Q3" });
    expect(grading.settings.find((row) => row.key === "graded")?.value).toBe(200);
    expect(grading.weights[0]).toEqual(["维度", "指标", "数据列", "方向", "计分", "综合权重"]);
    expect(grading.weights.slice(1).every((row) => typeof row[5] === "number")).toBe(true);
    expect(JSON.stringify(state).length).toBeGreaterThan(255);
  });

  test("a record far over 255 characters (Chinese, <, &, quotes) is written and read back", async () => {
    const book = await openXlsx(await buildWorkbook(smallCustomerSheets()));
    await book.execute({ state: bigState(), sheets: [] });
    const reopened = await openXlsx(await book.save());
    expect(await reopened.readState()).toEqual(bigState());
  });

  test("a second run rewrites the same item (same path and GUID): an identical re-run gives identical bytes", async () => {
    const once = await gradedBytes(sample("en-US"), settings("en-US"));
    const twice = await gradedBytes(once, settings("en-US"));
    const [a, b] = [await packageParts(once), await packageParts(twice)];
    expect([...b.keys()].filter((p) => p.startsWith("customXml/"))).toEqual(["customXml/_rels/item1.xml.rels", "customXml/item1.xml", "customXml/itemProps1.xml"]);
    for (const part of ["customXml/item1.xml", "customXml/itemProps1.xml", "xl/_rels/workbook.xml.rels", "[Content_Types].xml"]) expect(b.get(part)).toBe(a.get(part));
  });
});

describe("other producers' custom XML items are never touched", () => {
  /** The small workbook with two items of another producer, one named in capitals (part names ignore case). */
  async function withForeignItems(): Promise<Uint8Array> {
    const zip = await JSZip.loadAsync(await buildWorkbook(smallCustomerSheets()));
    zip.file("customXml/item1.xml", '<?xml version="1.0"?><p:properties xmlns:p="http://schemas.microsoft.com/office/2006/metadata/properties"><x>1</x></p:properties>');
    zip.file("customXml/itemProps1.xml", '<?xml version="1.0"?><ds:datastoreItem ds:itemID="{11111111-1111-4111-8111-111111111111}" xmlns:ds="http://schemas.openxmlformats.org/officeDocument/2006/customXml"/>');
    zip.file("customXml/_rels/item1.xml.rels", `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${CUSTOM_XML_PROPS_REL}" Target="itemProps1.xml"/></Relationships>`);
    zip.file("customXml/ITEM2.xml", '<?xml version="1.0"?><other xmlns="urn:another-add-in">keep me</other>');
    const relsPath = "xl/_rels/workbook.xml.rels";
    const rels = (await zip.file(relsPath)!.async("string")).replace(
      "</Relationships>",
      `<Relationship Id="rIdX1" Type="${CUSTOM_XML_REL}" Target="../customXml/item1.xml"/><Relationship Id="rIdX2" Type="${CUSTOM_XML_REL}" Target="../customXml/ITEM2.xml"/></Relationships>`,
    );
    zip.file(relsPath, rels);
    const types = (await zip.file("[Content_Types].xml")!.async("string")).replace("</Types>", `<Override PartName="/customXml/itemProps1.xml" ContentType="${CUSTOM_XML_PROPS_TYPE}"/></Types>`);
    zip.file("[Content_Types].xml", types);
    return zip.generateAsync({ type: "uint8array" });
  }

  test("our item takes the first free number case-insensitively; theirs stay byte-identical through two runs", async () => {
    const original = await withForeignItems();
    const before = await packageParts(original);
    const s = settings("en-US");
    const once = await gradedBytes(original, s);
    const twice = await gradedBytes(once, s);
    for (const data of [once, twice]) {
      const parts = await packageParts(data);
      for (const part of ["customXml/item1.xml", "customXml/itemProps1.xml", "customXml/_rels/item1.xml.rels", "customXml/ITEM2.xml"]) {
        expect(parts.get(part)).toBe(before.get(part));
      }
      expect(parseStateXml(parts.get("customXml/item3.xml")!.replace(/^<\?xml[^>]*\?>\n/, ""))).toBeDefined();
      expect([...parts.keys()].filter((p) => /^customxml\/item2\.xml$/i.test(p))).toEqual(["customXml/ITEM2.xml"]);
      const targets = parseRelationships(parts.get("xl/_rels/workbook.xml.rels"), "xl/_rels/workbook.xml.rels").filter((rel) => rel.type === CUSTOM_XML_REL).map((rel) => rel.target);
      expect(targets).toEqual(["../customXml/item1.xml", "../customXml/ITEM2.xml", "../customXml/item3.xml"]);
      expect((await (await openXlsx(data)).readState())?.headers).toEqual(["Score", "Rank", "Tier"]);
    }
  });
});

describe("a workbook graded by the version that kept the state in a defined name", () => {
  test("is recognised, and its next run removes the name, writes the part and moves History to Tier history with its rows", async () => {
    const legacy = await openXlsx(fixture("legacy-state.en-US.xlsx"));
    const before = await legacy.readState();
    expect(before).toMatchObject({ sheet: "Customers", firstColumn: 11, headers: ["Score", "Rank", "Tier"], sheets: ["Tier summary", "History"] });
    expect(before!.grading).toBeUndefined();
    const oldRows = await legacy.read("History", { top: 0, left: 0, rows: 202, columns: 7 });
    expect(oldRows[1][1]).toBe("2026-Q3");

    const outcome = await gradeWorkbook(legacy, settings("en-US", { period: "2026-Q4" }));
    expect(outcome.ok).toBe(true);
    const parts = await packageParts(await legacy.save());
    expect(parts.get("xl/workbook.xml")).not.toContain("CustomerTiers.State");
    expect(parts.get("xl/workbook.xml")).not.toContain('name="History"');
    const upgraded = await openXlsx(await legacy.save());
    const state = await upgraded.readState();
    // The output columns stay where they were (no second Score/Rank/Tier), the old sheet is replaced.
    expect(state).toMatchObject({ firstColumn: 11, headers: ["Score", "Rank", "Tier"], sheets: ["Tier summary", "Tier history"] });
    expect(state!.grading!.periods).toEqual(["2026-Q3", "2026-Q4"]);
    const sheets = (await upgraded.index()).sheets.map((sheet) => sheet.name);
    expect(sheets).toEqual(["Weights", "Customers", "Tier summary", "Tier history"]);
    const rows = await upgraded.read("Tier history", { top: 0, left: 0, rows: 402, columns: 7 });
    // Every row of the old sheet is kept, in order, and the new period follows.
    expect(rows.slice(0, 201)).toEqual(oldRows.slice(0, 201));
    expect(rows.slice(201, 401).every((row) => row[1] === "2026-Q4")).toBe(true);
    expect(rows[401].every((cell) => cell === null)).toBe(true);
  });

  test("a run without a period migrates the History sheet too", async () => {
    const legacy = await openXlsx(fixture("legacy-state.en-US.xlsx"));
    expect((await gradeWorkbook(legacy, settings("en-US"))).ok).toBe(true);
    const sheets = (await legacy.index()).sheets.map((sheet) => sheet.name);
    expect(sheets).toContain("Tier history");
    expect(sheets).not.toContain("History");
    expect((await legacy.readState())?.sheets).toEqual(["Tier summary", "Tier history"]);
  });
});

describe("a file LibreOffice saved (custom XML item related from the package root)", () => {
  test("the record is found, and the next run relates the same item from the workbook part again", async () => {
    const saved = fixture("libreoffice-saveas.zh-CN.xlsx");
    const parts = await packageParts(saved);
    expect(parseRelationships(parts.get("_rels/.rels"), "_rels/.rels").some((rel) => rel.type === CUSTOM_XML_REL)).toBe(true);
    expect(parseRelationships(parts.get("xl/_rels/workbook.xml.rels"), "xl/_rels/workbook.xml.rels").some((rel) => rel.type === CUSTOM_XML_REL)).toBe(false);
    const book = await openXlsx(saved);
    expect(await book.readState()).toMatchObject({ sheet: "客户", sheets: ["分级汇总", "分级历史"], grading: { lang: "zh-CN", periods: ["2026-Q3"] } });
    const guid = /itemID="([^"]+)"/.exec(parts.get("customXml/itemProps1.xml")!)![1];
    expect((await gradeWorkbook(book, settings("zh-CN", { period: "2026-Q4" }))).ok).toBe(true);
    const after = await packageParts(await book.save());
    expect(parseRelationships(after.get("_rels/.rels"), "_rels/.rels").some((rel) => rel.type === CUSTOM_XML_REL)).toBe(false);
    expect(parseRelationships(after.get("xl/_rels/workbook.xml.rels"), "xl/_rels/workbook.xml.rels").filter((rel) => rel.type === CUSTOM_XML_REL).map((rel) => rel.target)).toEqual(["../customXml/item1.xml"]);
    expect(after.get("customXml/itemProps1.xml")).toContain(guid);
    expect([...after.keys()].filter((p) => p.startsWith("customXml/") && !p.includes("_rels"))).toEqual(["customXml/item1.xml", "customXml/itemProps1.xml"]);
    expect((await (await openXlsx(await book.save())).readState())?.grading?.periods).toEqual(["2026-Q3", "2026-Q4"]);
  });
});

describeWithLibreOffice("LibreOffice and the state part (save-as round trip)", () => {
  test(
    "LibreOffice opens a graded file and keeps the part on a save-as; the add-in reads its record back",
    async () => {
      const graded = await gradedBytes(sample("zh-CN"), settings("zh-CN", { period: "2026-Q3" }));
      const expected = await (await openXlsx(graded)).readState();
      const { dir, profile } = libreOfficeWorkspace();
      const input = path.join(dir, "graded.xlsx");
      fs.writeFileSync(input, graded);
      fs.mkdirSync(path.join(dir, "out"));
      execFileSync(soffice!, [`-env:UserInstallation=file://${profile}`, "--headless", "--norestore", "--convert-to", "xlsx", "--outdir", path.join(dir, "out"), input], {
        stdio: "pipe",
        timeout: 180000,
      });
      const saved = fs.readFileSync(path.join(dir, "out", "graded.xlsx"));
      const parts = await packageParts(saved);
      expect([...parts.keys()].some((p) => /^customXml\/item\d+\.xml$/.test(p))).toBe(true);
      expect(await (await openXlsx(saved)).readState()).toEqual(expected);
      fs.rmSync(dir, { recursive: true, force: true });
    },
    240000,
  );
});
