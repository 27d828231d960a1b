// A zip bomb shaped like a workbook: a ~1 MB file whose sheet part inflates to 400 MB of rows. It is
// written here, in the test's temporary folder, by a small zip writer (local headers, central
// directory; APPNOTE.TXT 4.3), so the declared sizes can be honest or lie.

import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as zlib from "zlib";
import { openXlsx } from "../../src/workbook/executors/xlsx";
import { MAX_RATIO } from "../../src/workbook/executors/xlsx/packageGuard";

interface Entry {
  name: string;
  data: Buffer;
  size: number;
}

function u16(n: number): Buffer {
  const b = Buffer.alloc(2);
  b.writeUInt16LE(n);
  return b;
}
function u32(n: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(n >>> 0);
  return b;
}

/** A zip of deflated entries; `declare` gives the uncompressed size each header states. CRCs are 0 (nothing reaches the end of an entry). */
function zip(entries: Entry[], declare: (entry: Entry) => number): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, "utf8");
    const common = [u16(20), u16(0), u16(8), u16(0), u16(0x21), u32(0), u32(entry.data.length), u32(declare(entry)), u16(name.length), u16(0)];
    const local = Buffer.concat([u32(0x04034b50), ...common, name, entry.data]);
    central.push(Buffer.concat([u32(0x02014b50), u16(20), ...common, u16(0), u16(0), u16(0), u32(0), u32(offset), name]));
    locals.push(local);
    offset += local.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.concat([u32(0x06054b50), u16(0), u16(0), u16(entries.length), u16(entries.length), u32(directory.length), u32(offset), u16(0)]);
  return Buffer.concat([...locals, directory, end]);
}

function small(name: string, text: string): Entry {
  const raw = Buffer.from(text, "utf8");
  return { name, data: zlib.deflateRawSync(raw), size: raw.length };
}

/** The sheet part: 400 MB of rows with a number in each of 20 cells, deflated as it is generated. */
async function bombSheet(megabytes: number): Promise<Entry> {
  const row = `<row>${'<c t="n"><v>1</v></c>'.repeat(20)}</row>`;
  const block = Buffer.from(row.repeat(Math.ceil(1048576 / row.length)).slice(0, 1048576), "utf8");
  const deflate = zlib.createDeflateRaw({ level: 9, memLevel: 9 });
  const chunks: Buffer[] = [];
  deflate.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<void>((resolve) => deflate.on("end", () => resolve()));
  const head = Buffer.from('<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>', "utf8");
  deflate.write(head);
  for (let i = 0; i < megabytes; i++) {
    if (!deflate.write(block)) await new Promise((resolve) => deflate.once("drain", resolve));
  }
  deflate.end(Buffer.from("</sheetData></worksheet>", "utf8"));
  await done;
  return { name: "xl/worksheets/sheet1.xml", data: Buffer.concat(chunks), size: head.length + megabytes * 1048576 + 24 };
}

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

function packageAround(sheet: Entry): Entry[] {
  return [
    small(
      "[Content_Types].xml",
      '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
    ),
    small("_rels/.rels", `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`),
    small("xl/workbook.xml", `<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets><sheet name="Customers" sheetId="1" r:id="rId1"/></sheets></workbook>`),
    small("xl/_rels/workbook.xml.rels", `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`),
    sheet,
  ];
}

describe("zip bombs: what is inflated is bounded", () => {
  let dir: string;
  let sheet: Entry;
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "tiers-bomb-"));
    sheet = await bombSheet(400);
  }, 120000);
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test("the bomb is what the issue describes: about 1 MB on disk, 400 MB of rows inflated", () => {
    const file = path.join(dir, "bomb.xlsx");
    fs.writeFileSync(file, zip(packageAround(sheet), (entry) => entry.size));
    expect(fs.statSync(file).size).toBeLessThan(2 * 1024 * 1024);
    expect(sheet.size).toBeGreaterThan(400 * 1024 * 1024);
    expect(sheet.size / sheet.data.length).toBeGreaterThan(MAX_RATIO);
  });

  test.each([
    ["honest sizes", (entry: Entry) => entry.size],
    ["sizes that lie (the sheet claims 2 KB)", (entry: Entry) => (entry.name.includes("worksheets") ? 2048 : entry.size)],
  ])("refused as too-large without inflating it (%s)", async (_, declare) => {
    const bytes = zip(packageAround(sheet), declare);
    const before = process.memoryUsage().rss;
    const workbook = await openXlsx(bytes);
    const error = await workbook.index().then(
      () => undefined,
      (e: unknown) => e as { code?: string; message: string; messages?: Record<string, string> },
    );
    expect(error?.code).toBe("too-large");
    expect(error?.message).toMatch(/xl\/worksheets\/sheet1\.xml.*100 times its compressed size/);
    expect(error?.messages?.["zh-CN"]).toContain("超过");
    // At most MAX_RATIO x the compressed sheet was inflated: far below the 400 MB the bomb holds.
    expect(process.memoryUsage().rss - before).toBeLessThan(300 * 1024 * 1024);
  }, 120000);

  test("streamed (a sheet read in chunks), sizes that lie: refused while inflating, at the ratio bound", async () => {
    // Well-formed rows this time (the bomb above is cut mid-row every megabyte), so reading goes on
    // until the guard stops it: 32 MB of whole rows, deflated about a thousand times.
    const row = `<row>${'<c t="n"><v>1</v></c>'.repeat(20)}</row>`;
    const raw = Buffer.from(`<worksheet xmlns="${MAIN}"><sheetData>${row.repeat(Math.ceil((32 * 1048576) / row.length))}</sheetData></worksheet>`, "utf8");
    const rows: Entry = { name: "xl/worksheets/sheet1.xml", data: zlib.deflateRawSync(raw, { level: 9 }), size: raw.length };
    const bytes = zip(packageAround(rows), (entry) => (entry.name.includes("worksheets") ? 2048 : entry.size));
    const workbook = await openXlsx(bytes, { streamAbove: 0, chunkBytes: 65536 });
    const error = await workbook.index().then(
      () => undefined,
      (e: unknown) => e as { code?: string; message: string },
    );
    expect(error?.code).toBe("too-large");
    const inflated = Number(/\(([\d,]+) bytes or more inflated/.exec(error?.message ?? "")?.[1].replace(/,/g, ""));
    const bound = Math.max(rows.data.length * MAX_RATIO, 100 * 1024);
    expect(inflated).toBeGreaterThan(bound);
    expect(inflated).toBeLessThan(Math.min(bound + 4 * 1024 * 1024, raw.length));
  }, 120000);
});

describe("V8's string limit", () => {
  test("its RangeError (a part over about 512 M characters) becomes the too-large refusal, other errors pass", async () => {
    const { asTooLarge } = await import("../../src/workbook/executors/xlsx/packageGuard");
    let thrown: unknown;
    try {
      "x".repeat(2 ** 29 + 1);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(RangeError);
    expect(asTooLarge(thrown, "the part xl/worksheets/sheet1.xml")).toMatchObject({ code: "too-large", message: expect.stringContaining("xl/worksheets/sheet1.xml") });
    const other = new Error("disk full");
    expect(asTooLarge(other, "x")).toBe(other);
  });
});
