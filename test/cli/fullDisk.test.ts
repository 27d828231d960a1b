// A real full disk, not a mock and not a file-size limit: a small tmpfs is mounted (as root) in a
// temporary folder, a workbook is copied onto it, and the file system is filled so that `tiers grade
// --out` (to a new name, over a previous output and over its own input), `--json` and `tiers split`
// run out of space at a chosen point:
//   - no inode left: the temporary file (or folder) cannot even be created (open/mkdir → ENOSPC);
//   - no byte left: the temporary file is created and its first write fails;
//   - half the output's size left: a write fails midway, after a short write;
//   - all but the output's last page left: the last write fails.
// Each time: exit code 2, one sentence (en-US and zh-CN) naming the file and saying the disk is full,
// no stack frame, every target byte-identical to before (or still absent), no temporary file left.
// A control run with exactly enough space succeeds, so the filling is known to leave what it says.
// On tmpfs a file's pages are allocated when written, so fsync never fails there. The failure at fsync
// is made on a thin disk instead: ext2 on a loop device whose backing file lies on a full tmpfs, where
// every write() succeeds and fsync fails with ENOSPC (as a thin-provisioned disk out of space does).
// Needs root, `mount -t tmpfs`, and for the fsync cases losetup, mkfs.ext2 and a free loop device (CI
// runs as root on such a machine): without them the suite is skipped with a reason, except under
// CI=true, where it fails.

import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { buildWorkbook, smallCustomerSheets } from "../xlsx/buildWorkbook";
import { runTiers, stackFrames } from "./processes";
import type { Finished } from "./processes";
import { inCI } from "../support/programs";
import { partTexts } from "../support/partTexts";
import JSZip from "jszip";
import { diskSpill } from "../../src/cli/spill";
import { openXlsx } from "../../src/workbook/executors/xlsx";
import { defaultSettings, gradeWorkbook } from "../../src/workbook/run";

const PAGE = 4096;

/** Why this suite cannot run here (not root, mount refused), or undefined when it can. */
function missingCapability(): string | undefined {
  if (process.platform !== "linux") return "Linux (tmpfs)";
  if (process.getuid?.() !== 0) return "root (to mount a tmpfs)";
  const probe = fs.mkdtempSync(path.join(os.tmpdir(), "tiers-mount-probe-"));
  try {
    execFileSync("mount", ["-t", "tmpfs", "-o", "size=64k", "tmpfs", probe], { stdio: "pipe" });
    execFileSync("umount", [probe], { stdio: "pipe" });
    return undefined;
  } catch (error) {
    return `permission to mount a tmpfs (${String((error as { stderr?: Buffer }).stderr ?? error).trim()})`;
  } finally {
    fs.rmSync(probe, { recursive: true, force: true });
  }
}

/** Why the thin-disk cases cannot run (no loop device, no mkfs.ext2), or undefined when they can. */
function missingThinDisk(): string | undefined {
  for (const program of ["losetup", "mkfs.ext2"]) {
    try {
      execFileSync("sh", ["-c", `command -v ${program}`], { stdio: "pipe" });
    } catch {
      return `${program} (util-linux, e2fsprogs)`;
    }
  }
  try {
    // A free loop device exists (or can be made through /dev/loop-control).
    execFileSync("losetup", ["-f"], { stdio: "pipe" });
    return undefined;
  } catch (error) {
    return `a free loop device (${String((error as { stderr?: Buffer }).stderr ?? error).trim()})`;
  }
}

const missing = missingCapability();
const SUITE = "a real full disk (tmpfs)";

if (missing && inCI()) {
  describe(SUITE, () => {
    test(`needs ${missing}`, () => {
      throw new Error(`This suite needs ${missing}; CI runs .ci/run as root, where it must run. A missing capability may not pass silently in CI.`);
    });
  });
} else if (missing) {
  console.warn(`SKIPPED "${SUITE}": it needs ${missing}.`);
  describe.skip(`${SUITE} [skipped: needs ${missing}]`, fullDiskSuite);
} else {
  describe(SUITE, fullDiskSuite);
}

function fullDiskSuite(): void {
  let scratch: string; // on the ordinary disk: the workbook and the sizes of unhindered outputs
  let mount: string; // the tmpfs
  let mounted = false;
  let input: Buffer;
  const sizes = { graded: 0, json: 0, copies: [] as { name: string; size: number }[] };

  beforeAll(async () => {
    scratch = fs.mkdtempSync(path.join(os.tmpdir(), "tiers-fulldisk-"));
    mount = path.join(scratch, "disk");
    fs.mkdirSync(mount);
    // 2 MB of pages and 64 inodes: enough for every case below, few enough inodes to use them all up.
    execFileSync("mount", ["-t", "tmpfs", "-o", "size=2m,nr_inodes=64,mode=0755", "tmpfs", mount], { stdio: "pipe" });
    mounted = true;
    // Customers of four owners, so that split writes five copies of some tens of KB each.
    const sheets = smallCustomerSheets();
    const owners = ["Li", "Wu", "Zhang", "Chen"];
    for (let i = 6; i <= 1500; i++) sheets[0].rows.push([`C${i}`, `Customer ${i} of a longer name`, owners[i % 4], 1000 + ((i * 37) % 991), i % 7]);
    input = Buffer.from(await buildWorkbook(sheets));
    // The unhindered outputs, on the ordinary disk: their sizes set how much room each case leaves.
    const free = path.join(scratch, "free");
    fs.mkdirSync(free);
    fs.writeFileSync(path.join(free, "book.xlsx"), input);
    const graded = await runTiers(["grade", path.join(free, "book.xlsx"), "--out", path.join(free, "graded.xlsx"), "--json", path.join(free, "graded.json")]);
    expect(graded.code).toBe(0);
    sizes.graded = fs.statSync(path.join(free, "graded.xlsx")).size;
    sizes.json = fs.statSync(path.join(free, "graded.json")).size;
    const split = await runTiers(["split", path.join(free, "graded.xlsx"), "--by", "Owner", "--out", path.join(free, "copies")]);
    expect(split.code).toBe(0);
    sizes.copies = fs.readdirSync(path.join(free, "copies")).map((name) => ({ name, size: fs.statSync(path.join(free, "copies", name)).size }));
    // The cases need outputs of several pages, and the whole of a case must fit in the tmpfs.
    expect(sizes.graded).toBeGreaterThan(8 * PAGE);
    expect(sizes.copies.length).toBe(5);
    expect(input.length + sizes.graded + sizes.json + sizes.copies.reduce((sum, c) => sum + c.size, 0)).toBeLessThan(1024 * 1024);
  }, 600_000);

  afterAll(() => {
    // Unmounted whatever happened (a test that failed leaves its files on the tmpfs, which go with it).
    if (mounted) execFileSync("umount", ["-l", mount], { stdio: "pipe" });
    fs.rmSync(scratch, { recursive: true, force: true });
  });

  /** Bytes free on the tmpfs, as an unprivileged writer sees them. */
  function freeBytes(): number {
    const s = fs.statfsSync(mount);
    return s.bavail * s.bsize;
  }

  /** An empty tmpfs holding the files given (relative path → bytes). */
  function reset(files: Record<string, Buffer>): void {
    for (const name of fs.readdirSync(mount)) fs.rmSync(path.join(mount, name), { recursive: true, force: true });
    for (const [name, bytes] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(mount, name)), { recursive: true });
      fs.writeFileSync(path.join(mount, name), bytes);
    }
  }

  /** Fills the tmpfs so that `bytes` (whole pages) stay free; returns what is free after. */
  function leave(bytes: number): number {
    expect(bytes % PAGE).toBe(0);
    const fill = freeBytes() - bytes;
    expect(fill).toBeGreaterThanOrEqual(0);
    if (fill > 0) fs.writeFileSync(path.join(mount, "filler"), Buffer.alloc(fill, 0x5a));
    const left = freeBytes();
    expect(left).toBe(bytes);
    return left;
  }

  /** Uses up every inode: creating any file or folder then fails with ENOSPC. */
  function useAllInodes(): void {
    fs.mkdirSync(path.join(mount, "inodes"));
    for (let i = 0; ; i++) {
      try {
        fs.closeSync(fs.openSync(path.join(mount, "inodes", String(i)), "wx"));
      } catch (error) {
        expect((error as NodeJS.ErrnoException).code).toBe("ENOSPC");
        return;
      }
    }
  }

  /** Every file on the tmpfs (relative paths, sorted), without the filling. */
  function listing(root = mount): string[] {
    const out: string[] = [];
    const walk = (dir: string, prefix: string) => {
      for (const name of fs.readdirSync(dir).sort()) {
        if (prefix === "" && (name === "filler" || name === "inodes")) continue;
        const full = path.join(dir, name);
        if (fs.statSync(full).isDirectory()) walk(full, `${prefix}${name}/`);
        else out.push(`${prefix}${name}`);
      }
    };
    walk(root, "");
    return out;
  }

  /** The bytes of every file on the tmpfs (without the filling), to compare with after a run. */
  function snapshot(root = mount): Map<string, Buffer> {
    return new Map(listing(root).map((name) => [name, fs.readFileSync(path.join(root, name))]));
  }

  const SENTENCE = {
    "en-US": (file: string) => `Cannot write "${file}": the disk is full. Free some space and run again; nothing was overwritten.\n`,
    "zh-CN": (file: string) => `无法写入“${file}”：磁盘已满。请释放空间后重试；原有文件均未被覆盖。\n`,
  };

  /** The promise of every failing case: exit 2, the sentence alone, no stack, nothing changed, nothing left. */
  function expectRefused(run: Finished, lang: "en-US" | "zh-CN", file: string, before: Map<string, Buffer>, root = mount): void {
    expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 2, stderr: SENTENCE[lang](file) });
    expect(stackFrames(run.stderr)).toEqual([]);
    expect(run.stdout).toBe("");
    // Byte-identical, and no file more: no temporary file, no partial output, no copy moved in.
    const after = snapshot(root);
    expect([...after.keys()]).toEqual([...before.keys()]);
    for (const [name, bytes] of before) expect(after.get(name)!.equals(bytes)).toBe(true);
  }

  /** Pages a file of `bytes` takes on the tmpfs. */
  const pagesOf = (bytes: number) => Math.ceil(bytes / PAGE);

  /** A graded output's size varies by a few bytes between runs (the run's date and time are in it). */
  function expectSize(file: string, size: number): void {
    expect(Math.abs(fs.statSync(file).size - size)).toBeLessThan(64);
  }

  const PREVIOUS = Buffer.from("the previous graded workbook, which must survive a full disk\n");
  const LANGS = ["en-US", "zh-CN"] as const;

  /** Where each case runs out: pages left free for an output of `size` bytes (or no inode at all). */
  function points(size: number): { name: string; free: number | "no inode" }[] {
    const pages = pagesOf(size);
    return [
      { name: "no inode: the temporary file cannot be created", free: "no inode" },
      { name: "no byte: the first write fails", free: 0 },
      { name: "half the output: a write fails midway", free: Math.floor(pages / 2) * PAGE },
      { name: "all but the last page: the last write fails", free: (pages - 1) * PAGE },
    ];
  }

  function prepare(files: Record<string, Buffer>, free: number | "no inode"): Map<string, Buffer> {
    reset(files);
    if (free === "no inode") useAllInodes();
    else leave(free);
    return snapshot();
  }

  describe("tiers grade --out", () => {
    const targets = [
      { what: "a new name", files: () => ({ "book.xlsx": input }), out: "graded.xlsx" },
      { what: "a previous output", files: () => ({ "book.xlsx": input, "graded.xlsx": PREVIOUS }), out: "graded.xlsx" },
      { what: "its own input (in place)", files: () => ({ "book.xlsx": input }), out: "book.xlsx" },
    ];
    for (const target of targets) {
      test(`over ${target.what}: out of space at each point, exit 2 with the sentence, nothing changed`, async () => {
        for (const [i, point] of points(sizes.graded).entries()) {
          const lang = LANGS[i % 2];
          const before = prepare(target.files(), point.free);
          const out = path.join(mount, target.out);
          const run = await runTiers(["grade", path.join(mount, "book.xlsx"), "--out", out, "--lang", lang]);
          try {
            expectRefused(run, lang, out, before);
          } catch (error) {
            throw new Error(`${point.name} (${lang}): ${(error as Error).message}`);
          }
        }
        // Control: with the output's pages free (and one to spare), the same run succeeds and leaves no other file.
        reset(target.files());
        leave(pagesOf(sizes.graded) * PAGE + PAGE);
        const out = path.join(mount, target.out);
        const run = await runTiers(["grade", path.join(mount, "book.xlsx"), "--out", out]);
        expect(run.code).toBe(0);
        expectSize(out, sizes.graded);
        expect(listing()).toEqual([...new Set(["book.xlsx", target.out])].sort());
      }, 600_000);
    }
  });

  describe("tiers grade --json", () => {
    test("the JSON alone on the full disk (the workbook elsewhere): exit 2 naming the JSON file, nothing changed", async () => {
      const elsewhere = path.join(scratch, "elsewhere.xlsx");
      for (const point of points(sizes.json)) {
        const before = prepare({ "book.xlsx": input, "graded.json": Buffer.from("{}\n") }, point.free);
        const json = path.join(mount, "graded.json");
        const run = await runTiers(["grade", path.join(mount, "book.xlsx"), "--out", elsewhere, "--json", json, "--lang", "en-US"]);
        try {
          expectRefused(run, "en-US", json, before);
        } catch (error) {
          throw new Error(`${point.name}: ${(error as Error).message}`);
        }
      }
    }, 600_000);

    test("room for the workbook but not for the JSON: neither output changes (a run that fails writes nothing)", async () => {
      // Written one after the other, the workbook would fit, replace the previous one (freeing its one
      // page) and leave one page too few for the JSON.
      for (const lang of LANGS) {
        const before = prepare({ "book.xlsx": input, "graded.xlsx": PREVIOUS, "graded.json": Buffer.from("{}\n") }, (pagesOf(sizes.graded) + pagesOf(sizes.json) - 2) * PAGE);
        const json = path.join(mount, "graded.json");
        const run = await runTiers(["grade", path.join(mount, "book.xlsx"), "--out", path.join(mount, "graded.xlsx"), "--json", json, "--lang", lang]);
        expectRefused(run, lang, json, before);
      }
      // Control: room for both at once (and a page to spare), and both are written.
      reset({ "book.xlsx": input, "graded.xlsx": PREVIOUS, "graded.json": Buffer.from("{}\n") });
      leave((pagesOf(sizes.graded) + pagesOf(sizes.json) + 1) * PAGE);
      const run = await runTiers(["grade", path.join(mount, "book.xlsx"), "--out", path.join(mount, "graded.xlsx"), "--json", path.join(mount, "graded.json")]);
      expect(run.code).toBe(0);
      expectSize(path.join(mount, "graded.xlsx"), sizes.graded);
      expectSize(path.join(mount, "graded.json"), sizes.json);
      expect(listing()).toEqual(["book.xlsx", "graded.json", "graded.xlsx"]);
    }, 600_000);
  });

  describe("tiers split", () => {
    let graded: Buffer;
    beforeAll(() => {
      graded = fs.readFileSync(path.join(scratch, "free", "graded.xlsx"));
    });

    /** Pages free for the copies written before the failing one, plus a part of the failing one. */
    function splitPoints(): { name: string; free: number | "no inode" }[] {
      const copies = sizes.copies.map((c) => pagesOf(c.size));
      const all = copies.reduce((sum, n) => sum + n, 0);
      return [
        { name: "no inode: the temporary folder cannot be created", free: "no inode" },
        { name: "no byte: the first copy's first write fails", free: 0 },
        { name: "half the copies' size", free: Math.floor(all / 2) * PAGE },
        { name: "all but the last page of the copies", free: (all - 1) * PAGE },
      ];
    }

    const folders = [
      { what: "into a new folder", files: (): Record<string, Buffer> => ({ "graded.xlsx": graded }) },
      {
        what: "into a folder holding the previous copies",
        files: (): Record<string, Buffer> => ({ "graded.xlsx": graded, ...Object.fromEntries(sizes.copies.map((c) => [`copies/${c.name}`, PREVIOUS])) }),
      },
    ];
    for (const folder of folders) {
      test(`${folder.what}: out of space at each point, exit 2 naming the copy, no copy moved in or reported`, async () => {
        for (const [i, point] of splitPoints().entries()) {
          const lang = LANGS[i % 2];
          const before = prepare(folder.files(), point.free);
          const copies = path.join(mount, "copies");
          const run = await runTiers(["split", path.join(mount, "graded.xlsx"), "--by", "Owner", "--out", copies, "--lang", lang]);
          try {
            expect(run.code).toBe(2);
            // The file named is the folder (when its temporary folder cannot be made) or the copy being written.
            const named = /[“"]([^”"]+)[”"]/.exec(run.stderr)?.[1] ?? "";
            expect(named === copies || sizes.copies.some((c) => named === path.join(copies, c.name))).toBe(true);
            expectRefused(run, lang, named, before);
          } catch (error) {
            throw new Error(`${point.name} (${lang}): ${(error as Error).message}\n${run.stderr}`);
          }
        }
        // Control: room for every copy at once, and they are all written.
        reset(folder.files());
        leave((sizes.copies.reduce((sum, c) => sum + pagesOf(c.size), 0) + 1) * PAGE);
        const run = await runTiers(["split", path.join(mount, "graded.xlsx"), "--by", "Owner", "--out", path.join(mount, "copies")]);
        expect(run.code).toBe(0);
        expect(listing()).toEqual([...sizes.copies.map((c) => `copies/${c.name}`), "graded.xlsx"].sort());
      }, 600_000);
    }
  });

  describe("the grade's temporary copy of a streamed sheet (cli/spill.ts) on a full disk", () => {
    // The store is only a saving: out of space when it is made or written, the sheet is inflated again
    // and the graded workbook is the same bytes. In process, with the sheet streamed however small it is.
    const NOW = new Date(Date.UTC(2026, 10, 22, 9, 30));
    const graded = async (spill?: ReturnType<typeof diskSpill>) => {
      const workbook = await openXlsx(input, { streamAbove: 0, chunkBytes: 4093, spill: spill?.stores });
      const result = await gradeWorkbook(workbook, defaultSettings("en-US", NOW));
      expect(result.ok).toBe(true);
      return partTexts(await workbook.save());
    };

    test("no inode, no byte, half the sheet: graded all the same, nothing left on the disk", async () => {
      const expected = await graded();
      const sheetBytes = (await (await JSZip.loadAsync(input)).file("xl/worksheets/sheet1.xml")!.async("uint8array")).length;
      expect(sheetBytes).toBeGreaterThan(4 * PAGE);
      for (const free of ["no inode", 0, Math.floor(pagesOf(sheetBytes) / 2) * PAGE] as const) {
        const before = prepare({}, free);
        const spill = diskSpill(mount);
        const made: unknown[] = [];
        const stores = spill.stores;
        const counted = Object.assign(spill, { stores: () => { const store = stores(); made.push(store); return store; } });
        let got: Map<string, string>;
        try {
          got = await graded(counted);
        } finally {
          spill.dispose();
        }
        // A store was asked for; with no inode none could be made.
        expect(made.length).toBeGreaterThan(0);
        if (free === "no inode") expect(made.every((store) => store === undefined)).toBe(true);
        expect([...got.keys()].sort()).toEqual([...expected.keys()].sort());
        for (const [name, content] of expected) expect([free, name, got.get(name)]).toEqual([free, name, content]);
        expect([...snapshot().keys()]).toEqual([...before.keys()]);
      }
    }, 600_000);
  });

  // fsync: a thin-provisioned disk (a VM's sparse disk, a thin LUN) runs out of space only when the
  // data reaches the device. Here: an ext2 file system (no journal to abort) on a loop device whose
  // backing file lies on a tmpfs that is full. write() succeeds into the page cache, ext2 believes it
  // has room, and fsync fails with ENOSPC when the loop device cannot store the blocks.
  // (When the whole suite is skipped, its reason stands for this part too.)
  const thinMissing = missing ?? missingThinDisk();
  const THIN = "a thin disk that runs out at fsync (ext2 on a loop device over a full tmpfs)";
  if (thinMissing && inCI()) {
    describe(THIN, () => {
      test(`needs ${thinMissing}`, () => {
        throw new Error(`This suite needs ${thinMissing}; CI runs .ci/run as root on a machine with loop devices. A missing capability may not pass silently in CI.`);
      });
    });
    return;
  }
  if (thinMissing && !missing) console.warn(`SKIPPED "${THIN}": it needs ${thinMissing}.`);
  (thinMissing ? describe.skip : describe)(thinMissing ? `${THIN} [skipped: needs ${thinMissing}]` : THIN, () => {
    let thin: { back: string; disk: string; device?: string; mounted: boolean; backMounted: boolean } | undefined;

    /** Unmounts and detaches what `thin` holds; never throws (it runs after failures too). */
    function tearDown(): void {
      if (!thin) return;
      const quiet = (command: string, args: string[]) => {
        try {
          execFileSync(command, args, { stdio: "pipe" });
        } catch {
          // Already gone.
        }
      };
      if (thin.mounted) quiet("umount", ["-l", thin.disk]);
      if (thin.device) quiet("losetup", ["-d", thin.device]);
      if (thin.backMounted) quiet("umount", ["-l", thin.back]);
      thin = undefined;
    }
    afterEach(tearDown);
    afterAll(tearDown);

    /**
     * A fresh thin disk holding `files`, written through to the device; then its backing tmpfs is
     * filled, so that any new block fails to reach the device. Returns the disk's folder.
     */
    function thinDiskWith(files: Record<string, Buffer>): string {
      tearDown();
      const root = fs.mkdtempSync(path.join(scratch, "thin-"));
      thin = { back: path.join(root, "back"), disk: path.join(root, "disk"), mounted: false, backMounted: false };
      fs.mkdirSync(thin.back);
      fs.mkdirSync(thin.disk);
      execFileSync("mount", ["-t", "tmpfs", "-o", "size=4m", "tmpfs", thin.back], { stdio: "pipe" });
      thin.backMounted = true;
      const image = path.join(thin.back, "disk.img");
      // 32 MB as ext2 sees it, on 4 MB of real space: the sparse image takes only what is written.
      fs.writeFileSync(image, "");
      fs.truncateSync(image, 32 * 1024 * 1024);
      execFileSync("mkfs.ext2", ["-q", "-F", "-b", "1024", image], { stdio: "pipe" });
      thin.device = execFileSync("losetup", ["-f", "--show", image], { stdio: "pipe" }).toString().trim();
      execFileSync("mount", ["-t", "ext2", "-o", "errors=continue", thin.device, thin.disk], { stdio: "pipe" });
      thin.mounted = true;
      for (const [name, bytes] of Object.entries(files)) {
        fs.mkdirSync(path.dirname(path.join(thin.disk, name)), { recursive: true });
        fs.writeFileSync(path.join(thin.disk, name), bytes);
      }
      execFileSync("sync", ["-f", thin.disk], { stdio: "pipe" });
      const s = fs.statfsSync(thin.back);
      fs.writeFileSync(path.join(thin.back, "filler"), Buffer.alloc(s.bavail * s.bsize, 0x5a));
      const after = fs.statfsSync(thin.back);
      expect(after.bavail).toBe(0);
      // ext2 itself still has room for everything the runs write.
      const ext2 = fs.statfsSync(thin.disk);
      expect(ext2.bavail * ext2.bsize).toBeGreaterThan(8 * 1024 * 1024);
      return thin.disk;
    }

    test("the writes succeed, fsync fails with ENOSPC (checked directly), and the test's folder is as before", () => {
      const disk = thinDiskWith({ "book.xlsx": input });
      const fd = fs.openSync(path.join(disk, "probe"), "wx");
      expect(fs.writeSync(fd, Buffer.alloc(sizes.graded, 1))).toBe(sizes.graded);
      expect(() => fs.fsyncSync(fd)).toThrow(expect.objectContaining({ code: "ENOSPC", syscall: "fsync" }));
      fs.closeSync(fd);
      fs.rmSync(path.join(disk, "probe"));
      expect(listing(disk)).toEqual(["book.xlsx"]);
    });

    test("grade --out to a new name, over a previous output and in place: exit 2 with the sentence, nothing changed", async () => {
      const cases: { files: Record<string, Buffer>; out: string; lang: "en-US" | "zh-CN" }[] = [
        { files: { "book.xlsx": input }, out: "graded.xlsx", lang: "en-US" },
        { files: { "book.xlsx": input, "graded.xlsx": PREVIOUS }, out: "graded.xlsx", lang: "zh-CN" },
        { files: { "book.xlsx": input }, out: "book.xlsx", lang: "en-US" },
      ];
      for (const c of cases) {
        const disk = thinDiskWith(c.files);
        const before = snapshot(disk);
        const out = path.join(disk, c.out);
        const run = await runTiers(["grade", path.join(disk, "book.xlsx"), "--out", out, "--lang", c.lang]);
        expectRefused(run, c.lang, out, before, disk);
      }
    }, 600_000);

    test("grade --json on the thin disk (the workbook elsewhere): exit 2 naming the JSON; the workbook is not written either", async () => {
      const disk = thinDiskWith({ "book.xlsx": input, "graded.json": Buffer.from("{}\n") });
      const before = snapshot(disk);
      const elsewhere = path.join(scratch, "thin-elsewhere.xlsx");
      const json = path.join(disk, "graded.json");
      const run = await runTiers(["grade", path.join(disk, "book.xlsx"), "--out", elsewhere, "--json", json, "--lang", "zh-CN"]);
      expectRefused(run, "zh-CN", json, before, disk);
      expect(fs.existsSync(elsewhere)).toBe(false);
      expect(fs.readdirSync(scratch).filter((name) => name.includes(".tiers-writing-"))).toEqual([]);
    }, 600_000);

    test("split: the first copy's fsync fails; exit 2 naming it, no copy moved in or reported", async () => {
      const graded = fs.readFileSync(path.join(scratch, "free", "graded.xlsx"));
      const disk = thinDiskWith({ "graded.xlsx": graded });
      const before = snapshot(disk);
      const copies = path.join(disk, "copies");
      const run = await runTiers(["split", path.join(disk, "graded.xlsx"), "--by", "Owner", "--out", copies, "--lang", "en-US"]);
      const named = /"([^"]+)"/.exec(run.stderr)?.[1] ?? "";
      expect(sizes.copies.some((c) => named === path.join(copies, c.name))).toBe(true);
      expectRefused(run, "en-US", named, before, disk);
    }, 600_000);
  });
}
