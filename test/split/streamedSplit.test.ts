// Per-owner copies whose sheets are streamed (issue 13, "Scale: Excel's largest sheet"): a copy of a
// million customers cannot be one string, so a sheet past XlsxOptions.streamAbove is written as a stream
// of whole rows while its package is compressed, by the same writer as a small one. Forced here with
// streamAbove: 0 on a small workbook: the copies must hold the same parts, byte for byte, as the ones
// written whole, and LibreOffice must read the same cells from them.

import * as fs from "fs";
import JSZip from "jszip";
import * as os from "os";
import * as path from "path";
import { gradeWorkbook } from "../../src/workbook/run";
import { defaultSettings } from "../../src/workbook/settings";
import { openXlsx } from "../../src/workbook/executors/xlsx";
import { XlsxWorkbook } from "../../src/workbook/executors/xlsx/xlsxWorkbook";
import { splitByOwner, splitByOwnerStream } from "../../src/workbook/executors/xlsx/split";
import type { OwnerCopyFile } from "../../src/workbook/executors/xlsx/split";
import type { WritePlan } from "../../src/workbook/types";
import { describeWithLibreOffice, sheetsAsCsv } from "../support/libreoffice";
import { buildWorkbook } from "../xlsx/buildWorkbook";
import type { FixtureCell } from "../xlsx/buildWorkbook";

const NOW = new Date(Date.UTC(2026, 11, 2, 8, 0));
const OWNERS = ["Li", "Wu & Sons", "张伟", "<Ana>"];

/** 403 customers of four owners (one with XML's special characters, one Chinese), a blank row, a few without an owner. */
async function gradedWorkbook(): Promise<Uint8Array> {
  const rows: FixtureCell[][] = [["Customer ID", "Name", "Owner", "Sales", "Visits", "Note"]];
  for (let i = 0; i < 403; i++) {
    if (i === 200) rows.push([null, null, null, null, null, null]);
    rows.push([`C${i + 1}`, i % 7 === 0 ? `"Müller" & <Söhne> ${i}` : `Firma ${i}`, i % 50 === 49 ? null : OWNERS[i % 4], (i * 37) % 1000, i % 9 === 0 ? null : (i * 11) % 13, i % 5 === 0 ? "  spaced  " : null]);
  }
  const weights: FixtureCell[][] = [
    ["Indicator", "Weight", "Direction"],
    ["Sales", 0.7, "higher"],
    ["Visits", 0.3, "higher"],
  ];
  const book = await openXlsx(await buildWorkbook([{ name: "Customers", rows }, { name: "Weights", rows: weights }]));
  const outcome = await gradeWorkbook(book, { ...defaultSettings("en-US", NOW), valueColumn: "Sales" });
  if (!outcome.ok) throw new Error(outcome.inspection.problems.map((p) => p.message["en-US"]).join("\n"));
  return book.save();
}

/** Every part of a package by name, as bytes. */
async function partsOf(data: Uint8Array): Promise<Map<string, Buffer>> {
  const zip = await JSZip.loadAsync(data);
  const parts = new Map<string, Buffer>();
  for (const name of Object.keys(zip.files).sort()) if (!zip.files[name].dir) parts.set(name, Buffer.from(await zip.files[name].async("uint8array")));
  return parts;
}

/**
 * The general-purpose flags of a part's local file header (APPNOTE.TXT 4.3.7, 4.4.4): bit 3 says its
 * sizes follow the data in a data descriptor, which a zip writer does only when it wrote the data as a
 * stream, not knowing its size first.
 */
function localFlags(zip: Uint8Array, part: string): number {
  const bytes = Buffer.from(zip);
  for (let at = bytes.indexOf(Buffer.from([0x50, 0x4b, 0x03, 0x04])); at >= 0; at = bytes.indexOf(Buffer.from([0x50, 0x4b, 0x03, 0x04]), at + 4)) {
    const nameLength = bytes.readUInt16LE(at + 26);
    if (bytes.toString("utf8", at + 30, at + 30 + nameLength) === part) return bytes.readUInt16LE(at + 6);
  }
  throw new Error(`no local header for ${part}`);
}

let graded: Uint8Array;
let whole: OwnerCopyFile[];
let streamed: OwnerCopyFile[];

beforeAll(async () => {
  graded = await gradedWorkbook();
  const split = async (streamAbove?: number) => {
    const outcome = await splitByOwner(graded, { by: "Owner", lang: "en-US", baseName: "book", xlsx: streamAbove === undefined ? undefined : { streamAbove } });
    if (!outcome.ok) throw new Error(outcome.problems.map((p) => p.message["en-US"]).join("\n"));
    return outcome.copies;
  };
  whole = await split(Number.MAX_SAFE_INTEGER);
  streamed = await split(0);
});

test("the copies streamed hold the same parts, byte for byte, as the copies written whole", async () => {
  expect(streamed.map((copy) => [copy.fileName, copy.customers])).toEqual(whole.map((copy) => [copy.fileName, copy.customers]));
  expect(whole.map((copy) => [copy.fileName, copy.customers])).toEqual([
    ["book._Ana_.xlsx", 96],
    ["book.Li.xlsx", 101],
    ["book.Wu & Sons.xlsx", 97],
    ["book.张伟.xlsx", 101],
    ["book.everyone.xlsx", 403],
  ]);
  for (const [i, copy] of streamed.entries()) {
    const a = await partsOf(whole[i].data);
    const b = await partsOf(copy.data);
    expect([...b.keys()]).toEqual([...a.keys()]);
    for (const [name, bytes] of a) {
      // The Custom XML part's properties carry a new GUID each time a package is written.
      if (/^customXml\/itemProps\d+\.xml$/.test(name)) continue;
      expect({ copy: copy.fileName, part: name, same: b.get(name)!.equals(bytes) }).toEqual({ copy: copy.fileName, part: name, same: true });
    }
  }
});

test("the customer sheet of a streamed copy was written as a stream; by default too; a copy under the threshold is written whole", async () => {
  const byDefault = await splitByOwner(graded, { by: "Owner", lang: "en-US" });
  expect(byDefault.ok && byDefault.copies.every((copy) => (localFlags(copy.data, "xl/worksheets/sheet1.xml") & 0x08) !== 0)).toBe(true);
  const sheet = "xl/worksheets/sheet1.xml";
  for (const copy of streamed) expect({ copy: copy.fileName, descriptor: (localFlags(copy.data, sheet) & 0x08) !== 0 }).toEqual({ copy: copy.fileName, descriptor: true });
  for (const copy of whole) expect({ copy: copy.fileName, descriptor: (localFlags(copy.data, sheet) & 0x08) !== 0 }).toEqual({ copy: copy.fileName, descriptor: false });
});

test("each streamed copy holds its owner's customers only, with the company-wide tiers", async () => {
  const source = await openXlsx(graded);
  const all = (await source.read("Customers", { top: 1, left: 0, rows: 404, columns: 9 })).filter((row) => row[0] !== null);
  expect(all).toHaveLength(403);
  for (const copy of streamed) {
    const book = await openXlsx(copy.data);
    const grid = await book.read("Customers", { top: 0, left: 0, rows: copy.customers + 2, columns: 10 });
    expect(grid[0]).toEqual(["Customer ID", "Name", "Owner", "Sales", "Visits", "Note", "Score", "Rank", "Tier", null]);
    const expected = copy.role === "all" ? all : all.filter((row) => row[2] === copy.owner);
    expect(grid.slice(1, copy.customers + 1)).toEqual(expected.map((row) => [...row, null]));
    expect(grid[copy.customers + 1].every((cell) => cell === null)).toBe(true);
  }
});

test("splitByOwnerStream names every copy before building any, then gives them in that order, one at a time", async () => {
  const outcome = await splitByOwnerStream(graded, { by: "Owner", lang: "en-US", baseName: "book", xlsx: { streamAbove: 0 } });
  if (!outcome.ok) throw new Error("not ok");
  expect(outcome.names.map((name) => name.fileName)).toEqual(streamed.map((copy) => copy.fileName));
  const seen: string[] = [];
  // A copy is built (its two plans run) only when it is asked for, after the one before was read.
  const execute = jest.spyOn(XlsxWorkbook.prototype, "execute");
  for await (const copy of outcome.copies) {
    expect(execute).toHaveBeenCalledTimes(2 * (seen.length + 1));
    const chunks: Uint8Array[] = [];
    for await (const chunk of copy.chunks) chunks.push(chunk);
    seen.push(copy.fileName);
    const parts = await partsOf(Buffer.concat(chunks));
    const same = streamed.find((c) => c.fileName === copy.fileName)!;
    expect(parts.get("xl/worksheets/sheet1.xml")!.equals((await partsOf(same.data)).get("xl/worksheets/sheet1.xml")!)).toBe(true);
  }
  expect(seen).toEqual(outcome.names.map((name) => name.fileName));
  execute.mockRestore();
});

describeWithLibreOffice("LibreOffice and a streamed copy", () => {
  test("LibreOffice opens the company-wide copy written as a stream and reads the same cells as from the copy written whole", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tiers-streamed-split-"));
    try {
      const csv = (copies: OwnerCopyFile[], name: string) => {
        const file = path.join(dir, name);
        fs.writeFileSync(file, copies.find((copy) => copy.role === "all")!.data);
        return sheetsAsCsv(file, ["Customers", "Tier summary"]);
      };
      const fromStream = csv(streamed, "streamed.xlsx");
      const fromWhole = csv(whole, "whole.xlsx");
      expect(fromStream.Customers).toHaveLength(404);
      expect(fromStream.Customers[0]).toEqual(["Customer ID", "Name", "Owner", "Sales", "Visits", "Note", "Score", "Rank", "Tier"]);
      expect(fromStream).toEqual(fromWhole);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("a new sheet the .xlsx executor streams", () => {
  test("a later run appends rows to a sheet added as a stream: the same cells as added whole", async () => {
    const add: WritePlan = {
      state: { version: 1, sheet: "", headerRow: 0, firstColumn: 0, headers: [], sheets: ["Log"] },
      sheets: [{ name: "Log", blocks: [{ top: 0, left: 0, values: [["When", "What"], ["2026-12-01", "graded"]] }], columnWidths: [12, 12], charts: [] }],
    };
    const append: WritePlan = { state: add.state, sheets: [], appends: [{ sheet: "Log", header: ["When", "What"], rows: [["2026-12-02", "split"]] }] };
    const cells = async (streamAbove?: number) => {
      const book = await openXlsx(await buildWorkbook([{ name: "Data", rows: [["x"]] }]), streamAbove === undefined ? undefined : { streamAbove });
      await book.execute(add);
      await book.execute(append);
      const saved = await openXlsx(await book.save());
      return saved.read("Log", { top: 0, left: 0, rows: 4, columns: 2 });
    };
    const whole = await cells();
    expect(whole).toEqual([["When", "What"], ["2026-12-01", "graded"], ["2026-12-02", "split"], [null, null]]);
    expect(await cells(0)).toEqual(whole);
  });
});
