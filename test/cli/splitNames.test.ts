// `tiers split` file names from hostile owner names: a Chinese name far past 255 bytes, a right-to-left
// override that disguises the extension, a control character, an owner called "everyone" (the
// company-wide copy's word) and two owners that differ only in case. The run writes every copy.

import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { main } from "../../src/cli/main";
import { cleanNamePart, cutToBytes, FileNamer, MAX_NAME_BYTES, utf8Bytes } from "../../src/workbook/features/fileNames";
import { buildWorkbook, smallCustomerSheets } from "../xlsx/buildWorkbook";
import { capture } from "./capture";

const LONG_CHINESE = "华东区域重点客户经理".repeat(20); // 200 characters, 600 bytes of UTF-8
const BIDI = "Li\u202Egnp.exe"; // shows as "Liexe.png"
const BIDI_CHARS = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

describe("FileNamer", () => {
  test("cuts at 255 bytes on a character boundary, strips control and bidi characters", () => {
    const names = new FileNamer("graded");
    const long = names.take(LONG_CHINESE);
    expect(utf8Bytes(long)).toBeLessThanOrEqual(MAX_NAME_BYTES);
    expect(long).toMatch(/^graded\.(华东区域重点客户经理)+华?东?区?域?重?点?客?户?经?理?\.xlsx$/);
    expect(utf8Bytes(long)).toBeGreaterThan(MAX_NAME_BYTES - 3);
    expect(names.take(BIDI)).toBe("graded.Lignp.exe.xlsx");
    expect(names.take("Bell\u0007 ring\r\n")).toBe("graded.Bell ring.xlsx");
    expect(cleanNamePart("A/B: C")).toBe("A_B_ C");
    expect(cleanNamePart(" ..hidden. ")).toBe("hidden");
    expect(cleanNamePart("\u202e\u200b")).toBe("_");
    // A grapheme is never split: an emoji family or an accent stays whole or goes whole.
    expect(cutToBytes("ab👨‍👩‍👧", 10)).toBe("ab");
    expect(cutToBytes("e\u0301e\u0301", 4)).toBe("e\u0301");
    expect(cutToBytes("客户分级", 7)).toBe("客户");
  });

  test("never hands out a name twice, case-insensitively, and a suffixed name stays within 255 bytes", () => {
    const names = new FileNamer("graded");
    expect(names.take("everyone")).toBe("graded.everyone.xlsx");
    expect(names.take("Everyone")).toBe("graded.Everyone (2).xlsx");
    expect(names.take("EVERYONE")).toBe("graded.EVERYONE (3).xlsx");
    const first = names.take(LONG_CHINESE);
    const second = names.take(LONG_CHINESE);
    expect(second).not.toBe(first);
    expect(second.endsWith(" (2).xlsx")).toBe(true);
    expect(utf8Bytes(second)).toBeLessThanOrEqual(MAX_NAME_BYTES);
    // A base that is itself too long keeps at most half the room.
    const longBase = new FileNamer("报".repeat(200));
    expect(utf8Bytes(longBase.take("Li"))).toBeLessThanOrEqual(MAX_NAME_BYTES);
  });
});

describe("tiers split with hostile owner names", () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "tiers-split-names-"));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test("every copy is written, names within 255 bytes, no bidi or control characters, the company-wide copy keeps its name", async () => {
    const sheets = smallCustomerSheets();
    const owners = [LONG_CHINESE, BIDI, "everyone", "Wu", "WU\u0007"];
    owners.forEach((owner, i) => (sheets[0].rows[i + 1][2] = owner));
    const input = path.join(dir, "book.xlsx");
    fs.writeFileSync(input, await buildWorkbook(sheets));
    const graded = path.join(dir, "graded.xlsx");
    expect(await main(["grade", input, "--out", graded], capture())).toBe(0);

    const out = path.join(dir, "copies");
    const io = capture();
    expect(await main(["split", graded, "--by", "Owner", "--out", out, "--lang", "en-US"], io)).toBe(0);
    expect(io.err).toBe("");
    const names = fs.readdirSync(out).sort();
    expect(names).toHaveLength(6);
    expect(io.out).toContain(`6 copies written to ${out}:`);
    for (const name of names) {
      expect(utf8Bytes(name)).toBeLessThanOrEqual(MAX_NAME_BYTES);
      expect(name).not.toMatch(BIDI_CHARS);
      // eslint-disable-next-line no-control-regex
      expect(name).not.toMatch(/[\u0000-\u001f\u007f]/);
      expect(name.endsWith(".xlsx")).toBe(true);
    }
    const lower = names.map((n) => n.toLowerCase());
    expect(new Set(lower).size).toBe(names.length);
    // The company-wide copy is graded.everyone.xlsx with all 5 customers; the owner "everyone" gets another name.
    expect(io.out).toContain("graded.everyone.xlsx: 5 customers");
    expect(io.out).toContain("graded.everyone (2).xlsx: 1 customers");
    expect(names).toContain("graded.Lignp.exe.xlsx");
    expect(names.some((n) => n.startsWith("graded.华东区域"))).toBe(true);
    expect(fs.readdirSync(dir).filter((n) => n.includes(".tiers-writing-"))).toEqual([]);
  });
});
