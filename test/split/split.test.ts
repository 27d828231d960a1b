// Per-owner copies (issue 6): one workbook per salesperson, per manager and for everyone, with the
// company-wide tiers, each summary counting only its own customers, and nothing of anyone else's in any
// part of the file — searched byte by byte in every part, against an original that holds the customers
// in a second sheet, a chart, a pivot cache, comments, defined names and document properties.

import * as fs from "fs";
import JSZip from "jszip";
import * as os from "os";
import * as path from "path";
import { gradeWorkbook } from "../../src/workbook/run";
import { defaultSettings } from "../../src/workbook/settings";
import { openXlsx } from "../../src/workbook/executors/xlsx";
import { splitByOwner } from "../../src/workbook/executors/xlsx/split";
import type { OwnerCopyFile } from "../../src/workbook/executors/xlsx/split";
import { describeWithLibreOffice, sheetsAsCsv } from "../support/libreoffice";
import { buildWorkbook, smallCustomerSheets } from "../xlsx/buildWorkbook";
import type { FixtureCell } from "../xlsx/buildWorkbook";

const NOW = new Date(Date.UTC(2026, 10, 23, 9, 0));
const OWNERS = ["Owner-Alice", "Owner-Bob", "Owner-Carol", "Owner-Dan"];
const ORG: FixtureCell[][] = [
  ["Owner", "Manager"],
  ["Owner-Alice", "Lead-Maria"],
  ["Owner-Bob", "Lead-Maria"],
  ["Owner-Carol", "Lead-Tom"],
  ["Owner-Dan", "Lead-Tom"],
];

interface Customer {
  id: string;
  name: string;
  owner: string;
  sales: number;
  complaints: number;
}

/** 62 customers: fixed-width IDs and names (no one's is a substring of another's), two without an owner, ties in sales. */
function customers(): Customer[] {
  return Array.from({ length: 62 }, (_, i) => ({
    id: `CUSTQ${String(i + 1).padStart(4, "0")}X`,
    name: i === 6 ? "Müller & Söhne 0007Y" : i === 9 ? "长城贸易 0010Y" : `Firma ${String(i + 1).padStart(4, "0")}Y`,
    owner: i >= 60 ? "" : OWNERS[(i * 7) % 4],
    sales: 1000 * ((i * 37) % 23) + 500,
    complaints: (i * 5) % 4,
  }));
}

async function gradedWorkbook(): Promise<Uint8Array> {
  const list = customers();
  // Sales in the fixture's custom currency format (style 1), complaints in the built-in "#,##0" (style 2).
  const styled = (value: number, style: number) => ({ raw: (ref: string) => `<c r="${ref}" s="${style}"><v>${value}</v></c>` });
  const rows: FixtureCell[][] = [
    ["Customer ID", "Name", "Owner", "Sales", "Complaints"],
    ...list.map((c) => [c.id, c.name, c.owner || null, styled(c.sales, 1), styled(c.complaints, 2)]),
  ];
  const weights: FixtureCell[][] = [
    ["Indicator", "Weight", "Direction", "Scoring", "Column"],
    ["Sales", 0.7, "higher", "minmax", "Sales"],
    ["Complaints", 0.3, "lower", "minmax", "Complaints"],
  ];
  // The customers again on a hidden sheet, and in the document properties: the copies must carry neither.
  const everyone: FixtureCell[][] = [["All customers"], ...list.map((c) => [`${c.id} ${c.name}`])];
  const zip = await JSZip.loadAsync(
    await buildWorkbook(
      [
        { name: "Customers", rows },
        { name: "Weights", rows: weights },
        { name: "Org", rows: ORG },
        { name: "Everyone", rows: everyone },
      ],
      { userParts: true },
    ),
  );
  const styles = await zip.file("xl/styles.xml")!.async("string");
  zip.file("xl/styles.xml", styles.replace(/<cellXfs count="2">([\s\S]*?)<\/cellXfs>/, '<cellXfs count="3">$1<xf numFmtId="3" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>'));
  const workbook = await zip.file("xl/workbook.xml")!.async("string");
  zip.file("xl/workbook.xml", workbook.replace(/<sheet name="Everyone"/, '<sheet name="Everyone" state="hidden"'));
  zip.file("docProps/core.xml", `<?xml version="1.0" encoding="UTF-8"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>${list[0].id} ${list[1].id}</dc:title></cp:coreProperties>`);
  const book = await openXlsx(await zip.generateAsync({ type: "uint8array" }));
  const outcome = await gradeWorkbook(book, { ...defaultSettings("en-US", NOW), valueColumn: "Sales" });
  if (!outcome.ok) throw new Error(outcome.inspection.problems.map((p) => p.message["en-US"]).join("\n"));
  return book.save();
}

async function partsOf(data: Uint8Array): Promise<Record<string, string>> {
  const zip = await JSZip.loadAsync(data);
  const parts: Record<string, string> = {};
  for (const name of Object.keys(zip.files)) if (!zip.files[name].dir) parts[name] = Buffer.from(await zip.files[name].async("uint8array")).toString("utf8");
  return parts;
}

const escapeXml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** Every occurrence of any of the needles in any part: [part, needle]. */
function hits(parts: Record<string, string>, needles: string[]): [string, string][] {
  const found: [string, string][] = [];
  for (const [name, text] of Object.entries(parts)) {
    for (const needle of needles) if (text.includes(needle) || text.includes(escapeXml(needle))) found.push([name, needle]);
  }
  return found;
}

let graded: Uint8Array;
let copies: OwnerCopyFile[];
let companyTiers: Map<string, { tier: string; rank: number }>;

beforeAll(async () => {
  graded = await gradedWorkbook();
  const outcome = await splitByOwner(graded, { by: "Owner", org: "Org", lang: "en-US", baseName: "tiers" });
  if (!outcome.ok) throw new Error(outcome.problems.map((p) => p.message["en-US"]).join("\n"));
  copies = outcome.copies;
  const book = await openXlsx(graded);
  const grid = await book.read("Customers", { top: 1, left: 0, rows: 62, columns: 8 });
  companyTiers = new Map(grid.map((row) => [row[0] as string, { rank: row[6] as number, tier: row[7] as string }]));
});

function allowed(copy: OwnerCopyFile): Customer[] {
  const team = copy.role === "manager" ? ORG.slice(1).filter((row) => row[1] === copy.owner).map((row) => row[0] as string) : [copy.owner];
  return customers().filter((c) => copy.role === "all" || team.includes(c.owner));
}

describe("per-owner copies", () => {
  test("one copy per salesperson, per manager and one for everyone, with their customer counts", () => {
    expect(copies.map((c) => [c.fileName, c.role, c.customers])).toEqual([
      ...OWNERS.map((owner) => [`tiers.${owner}.xlsx`, "salesperson", customers().filter((c) => c.owner === owner).length]),
      ["tiers.team of Lead-Maria.xlsx", "manager", customers().filter((c) => c.owner === "Owner-Alice" || c.owner === "Owner-Bob").length],
      ["tiers.team of Lead-Tom.xlsx", "manager", customers().filter((c) => c.owner === "Owner-Carol" || c.owner === "Owner-Dan").length],
      ["tiers.everyone.xlsx", "all", 62],
    ]);
  });

  test("zero leaks: no part of a copy holds another owner's customer IDs or names (or the other owners)", async () => {
    // The original does hold them where a cut-down copy could leak them: a hidden sheet, the properties, shared strings.
    const original = hits(await partsOf(graded), [customers()[0].id]).map(([part]) => part);
    expect(original).toEqual(expect.arrayContaining(["docProps/core.xml", "xl/sharedStrings.xml"]));
    for (const copy of copies) {
      const parts = await partsOf(copy.data);
      const mine = new Set(allowed(copy).map((c) => c.id));
      const others = customers().filter((c) => !mine.has(c.id));
      expect({ copy: copy.fileName, hits: hits(parts, others.flatMap((c) => [c.id, c.name])) }).toEqual({ copy: copy.fileName, hits: [] });
      if (copy.role === "salesperson") {
        expect({ copy: copy.fileName, hits: hits(parts, OWNERS.filter((o) => o !== copy.owner)) }).toEqual({ copy: copy.fileName, hits: [] });
      }
      // The search can find what is there: every own customer's ID and name is in the copy.
      const text = Object.values(parts).join("\n");
      for (const c of allowed(copy)) expect(text.includes(c.id) && text.includes(escapeXml(c.name))).toBe(true);
      // Nothing of the original's other sheets, pivot caches, comments, names or properties.
      expect(Object.keys(parts).filter((name) => /pivot|comments|docProps|vmlDrawing|media|sharedStrings/.test(name))).toEqual([]);
    }
  });

  test("tiers and ranks are the company-wide ones; each summary counts only its copy's customers", async () => {
    for (const copy of copies) {
      const book = await openXlsx(copy.data);
      const index = await book.index();
      expect(index.sheets.map((s) => s.name)).toEqual(["Customers", "Tier summary"]);
      const grid = await book.read("Customers", { top: 0, left: 0, rows: copy.customers + 1, columns: 8 });
      expect(grid[0]).toEqual(["Customer ID", "Name", "Owner", "Sales", "Complaints", "Score", "Rank", "Tier"]);
      const tiers = new Map<string, number>();
      for (const row of grid.slice(1)) {
        expect({ id: row[0], tier: row[7], rank: row[6] }).toEqual({ id: row[0], ...companyTiers.get(row[0] as string) });
        tiers.set(row[7] as string, (tiers.get(row[7] as string) ?? 0) + 1);
      }
      const summary = await book.read("Tier summary", { top: 3, left: 0, rows: 4, columns: 4 });
      expect(summary.map((row) => [row[0], row[1]])).toEqual([
        ["A", tiers.get("A") ?? 0],
        ["B", tiers.get("B") ?? 0],
        ["C", tiers.get("C") ?? 0],
        ["Total", copy.customers],
      ]);
      const sales = allowed(copy).reduce((sum, c) => sum + c.sales, 0);
      expect(summary[3][3]).toBe(sales);
      // The customers keep their number formats (the original's first customer row).
      expect(await book.numberFormats("Customers", 1, 0, 5)).toEqual([null, null, null, '"¥"#,##0', "#,##0"]);
      // The copy is graded output the add-in recognises: its state names the output columns.
      expect(await book.readState()).toMatchObject({ sheet: "Customers", headerRow: 0, firstColumn: 5, headers: ["Score", "Rank", "Tier"], sheets: ["Tier summary"] });
    }
  });

  test("customers without an owner are only in everyone's copy", () => {
    const unowned = customers().filter((c) => c.owner === "");
    expect(unowned).toHaveLength(2);
    expect(copies.filter((copy) => allowed(copy).some((c) => c.owner === "")).map((c) => c.role)).toEqual(["all"]);
  });
});

test("a blank row inside the customer table does not drop the customers after it", async () => {
  const sheets = smallCustomerSheets();
  const customerSheet = sheets.find((sheet) => sheet.name === "Customers")!;
  customerSheet.rows.splice(3, 0, [null, null, null, null, null]);
  const book = await openXlsx(await buildWorkbook(sheets));
  expect((await gradeWorkbook(book, defaultSettings("en-US", NOW))).ok).toBe(true);
  const outcome = await splitByOwner(await book.save(), { by: "Owner", lang: "en-US" });
  expect(outcome.ok && outcome.copies.map((copy) => [copy.owner, copy.customers])).toEqual([
    ["Li", 2],
    ["Wu", 3],
    ["everyone", 5],
  ]);
});

describe("per-owner copies: problems", () => {
  test("an owner column that does not exist names the header row and the columns there are", async () => {
    const outcome = await splitByOwner(graded, { by: "Salesman", lang: "en-US" });
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.problems[0]).toMatchObject({ code: "owner-column-missing", sheet: "Customers", cell: "A1:H1" });
    expect(outcome.problems[0].message["en-US"]).toContain("Customer ID, Name, Owner, Sales, Complaints");
  });

  test("a workbook that was never graded, an org table that is missing or has no Manager column", async () => {
    const plain = await buildWorkbook([{ name: "Customers", rows: [["Customer ID", "Owner"], ["C1", "A"]] }]);
    expect(await splitByOwner(plain, { by: "Owner", lang: "zh-CN" })).toMatchObject({ ok: false, problems: [{ code: "not-graded" }] });
    expect(await splitByOwner(graded, { by: "Owner", org: "Teams", lang: "en-US" })).toMatchObject({ ok: false, problems: [{ code: "org-table-not-found" }] });
    expect(await splitByOwner(graded, { by: "Owner", org: "Weights", lang: "en-US" })).toMatchObject({
      ok: false,
      problems: [{ code: "org-header-missing", sheet: "Weights", cell: "A1:E1" }],
    });
  });
});

describeWithLibreOffice("per-owner copies in LibreOffice", () => {
  test("a manager's copy opens with its customers and tiers", () => {
    const copy = copies.find((c) => c.role === "manager")!;
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tiers-split-"));
    const file = path.join(dir, "copy.xlsx");
    fs.writeFileSync(file, copy.data);
    const sheets = sheetsAsCsv(file, ["Customers", "Tier summary"]);
    const rows = sheets.Customers.slice(1).filter((row) => row[0] !== "");
    expect(rows).toHaveLength(copy.customers);
    for (const row of rows) expect(row[7]).toBe(companyTiers.get(row[0])!.tier);
    expect(sheets["Tier summary"].some((row) => row[0] === "Total" && Number(row[1]) === copy.customers)).toBe(true);
    fs.rmSync(dir, { recursive: true, force: true });
  }, 120_000);
});
