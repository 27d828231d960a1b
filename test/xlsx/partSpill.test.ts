// A streamed sheet's inflated bytes kept from the grading read to the save (partSpill.ts), and the
// command line's stores on disk (src/cli/spill.ts): the part is inflated once when a store holds, again
// when a read stops half way or a store fails, and the graded file is the same bytes either way.

import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { excelLikeWorkbook } from "../../bench/jobs/scale";
import { diskSpill } from "../../src/cli/spill";
import { partTexts } from "../support/partTexts";
import { defaultSettings, gradeWorkbook } from "../../src/workbook/run";
import { openXlsx } from "../../src/workbook/executors/xlsx";
import type { SpillStore } from "../../src/workbook/executors/xlsx";
import { SpilledPart } from "../../src/workbook/executors/xlsx/partSpill";
import * as sheetStream from "../../src/workbook/executors/xlsx/sheetStream";

const NOW = new Date(Date.UTC(2026, 10, 22, 9, 30));

/** A store in memory that may fail its write once `failAfter` bytes are in. */
function memoryStore(log: string[], failAfter = Infinity): SpillStore {
  const kept: Uint8Array[] = [];
  let size = 0;
  return {
    write(bytes) {
      if (size + bytes.length > failAfter) throw Object.assign(new Error("no space left on device"), { code: "ENOSPC" });
      kept.push(bytes.slice());
      size += bytes.length;
    },
    *read(chunkBytes) {
      const all = Buffer.concat(kept);
      for (let at = 0; at < all.length; at += chunkBytes) yield all.subarray(at, at + chunkBytes);
    },
    dispose: () => log.push("dispose"),
  };
}

const BYTES = Uint8Array.from({ length: 1000 }, (_, i) => i % 251);

function source(log: string[]): () => AsyncIterable<Uint8Array> {
  return async function* () {
    log.push("inflate");
    for (let at = 0; at < BYTES.length; at += 64) yield BYTES.subarray(at, at + 64);
  };
}

async function all(chunks: AsyncIterable<Uint8Array>): Promise<Buffer> {
  const list: Uint8Array[] = [];
  for await (const chunk of chunks) list.push(chunk);
  return Buffer.concat(list);
}

test("the first read to the end keeps the bytes; every later read gives them back without inflating", async () => {
  const log: string[] = [];
  const part = new SpilledPart(source(log), () => (log.push("open"), memoryStore(log)), 100);
  expect(await all(part.chunks())).toEqual(Buffer.from(BYTES));
  expect(part.kept).toBe(true);
  expect(await all(part.chunks())).toEqual(Buffer.from(BYTES));
  expect(await all(part.chunks())).toEqual(Buffer.from(BYTES));
  expect(log).toEqual(["open", "inflate"]);
  part.dispose();
  expect(log).toEqual(["open", "inflate", "dispose"]);
});

test("a read given up half way keeps nothing, and the next whole read keeps the bytes", async () => {
  const log: string[] = [];
  const part = new SpilledPart(source(log), () => (log.push("open"), memoryStore(log)), 100);
  for await (const chunk of part.chunks()) {
    expect(chunk.length).toBe(64);
    break;
  }
  expect(part.kept).toBe(false);
  expect(log).toEqual(["open", "inflate", "dispose"]);
  expect(await all(part.chunks())).toEqual(Buffer.from(BYTES));
  expect(await all(part.chunks())).toEqual(Buffer.from(BYTES));
  expect(log).toEqual(["open", "inflate", "dispose", "open", "inflate"]);
});

test("a store that fails to write (a full disk) is given up for good: reads inflate, the bytes are the same", async () => {
  const log: string[] = [];
  const part = new SpilledPart(source(log), () => (log.push("open"), memoryStore(log, 300)), 100);
  expect(await all(part.chunks())).toEqual(Buffer.from(BYTES));
  expect(part.kept).toBe(false);
  expect(await all(part.chunks())).toEqual(Buffer.from(BYTES));
  // Opened once, given up at the failing write, never opened again.
  expect(log).toEqual(["open", "inflate", "dispose", "inflate"]);
  // No store at all (none could be had): every read inflates.
  const none: string[] = [];
  const bare = new SpilledPart(source(none), () => undefined, 100);
  expect(await all(bare.chunks())).toEqual(Buffer.from(BYTES));
  expect(await all(bare.chunks())).toEqual(Buffer.from(BYTES));
  expect(none).toEqual(["inflate", "inflate"]);
});

describe("the command line's stores on disk", () => {
  let dir: string;
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), "tiers-spill-"))));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  test("bytes come back in chunks of any size; the file has no name while open (POSIX) and nothing is left", () => {
    const spill = diskSpill(dir);
    const store = spill.stores()!;
    if (process.platform !== "win32") expect(fs.readdirSync(dir)).toEqual([]);
    for (let at = 0; at < BYTES.length; at += 77) store.write(BYTES.subarray(at, at + 77));
    for (const size of [1, 64, 999, 4096]) {
      const chunks = [...(store.read(size) as Iterable<Uint8Array>)];
      expect(chunks.every((chunk) => chunk.length <= size)).toBe(true);
      expect(Buffer.concat(chunks)).toEqual(Buffer.from(BYTES));
    }
    spill.dispose();
    spill.dispose();
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  test("a folder that cannot hold one gives no store (the part is inflated again)", () => {
    expect(diskSpill(path.join(dir, "missing")).stores()).toBeUndefined();
  });

  test("a streamed sheet graded with stores is inflated once and saved to the same bytes as without them", async () => {
    const input = fs.readFileSync(await excelLikeWorkbook({ n: 2000, scratch: dir }));
    const inflated = (file: string, calls: unknown[][]) => calls.filter(([part]) => (part as { name: string }).name === file).length;
    const plain = await openXlsx(input, { streamAbove: 0, chunkBytes: 4093 });
    await gradeWorkbook(plain, defaultSettings("en-US", NOW));
    const expected = await partTexts(await plain.save());

    const spill = diskSpill(dir);
    try {
      const workbook = await openXlsx(input, { streamAbove: 0, chunkBytes: 4093, spill: spill.stores });
      const inflates = jest.spyOn(sheetStream, "partChunks");
      await gradeWorkbook(workbook, defaultSettings("en-US", NOW));
      const got = await partTexts(await workbook.save());
      // Read to grade, the header row found again, rewritten on save: inflated once.
      expect(inflated("xl/worksheets/sheet2.xml", inflates.mock.calls)).toBe(1);
      jest.restoreAllMocks();
      expect([...got.keys()].sort()).toEqual([...expected.keys()].sort());
      for (const [name, content] of expected) expect([name, got.get(name)]).toEqual([name, content]);
    } finally {
      spill.dispose();
    }
    expect(fs.readdirSync(dir).filter((name) => name.endsWith(".spill"))).toEqual([]);

    // Stores that fail at their first write: inflated each time, the same bytes.
    const failing = await openXlsx(input, { streamAbove: 0, chunkBytes: 4093, spill: () => memoryStore([], 0) });
    const inflates = jest.spyOn(sheetStream, "partChunks");
    await gradeWorkbook(failing, defaultSettings("en-US", NOW));
    const got = await partTexts(await failing.save());
    expect(inflated("xl/worksheets/sheet2.xml", inflates.mock.calls)).toBeGreaterThan(1);
    jest.restoreAllMocks();
    for (const [name, content] of expected) expect([name, got.get(name)]).toEqual([name, content]);
  });
});
