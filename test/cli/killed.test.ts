// `kill -9` of a real `tiers grade` of 200,000 customers at several moments: the instant its
// temporary output file appears (the bytes going in), the instant the target is replaced, and before
// it writes (at a fraction of the time it takes to get there). Each time the target is either byte-identical to what it was or a complete graded
// workbook, and at most one temporary file remains — named "<target>.tiers-writing-<pid>.tmp" after the
// killed process — which the next run for the same target removes.

import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { bigWorkbook, isCompleteGrade, runTiers, temporaryFiles } from "./processes";
import type { Finished } from "./processes";
import { buildWorkbook, smallCustomerSheets } from "../xlsx/buildWorkbook";

const N = 200_000;

let dir: string;
let big: string;
let small: string;
let target: string;
let previous: Buffer;
/** One watcher of the folder for the whole test; each run says what it listens for. */
let watcher: fs.FSWatcher;
let onFolderEvent: (name: string) => void = () => undefined;

beforeAll(async () => {
  big = await bigWorkbook(N);
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "tiers-killed-"));
  small = path.join(dir, "small.xlsx");
  fs.writeFileSync(small, await buildWorkbook(smallCustomerSheets()));
  target = path.join(dir, "graded.xlsx");
  // The previous output: a small graded workbook, so "as it was" and "complete" cannot be confused.
  const first = await runTiers(["grade", small, "--out", target]);
  expect(first.code).toBe(0);
  previous = fs.readFileSync(target);
  watcher = fs.watch(dir, (_event, name) => onFolderEvent(String(name ?? "")));
}, 600_000);
afterAll(() => {
  watcher?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/**
 * Runs the big grade into `target` and kills it with SIGKILL when `when` says so: after `ms`, or on
 * the first event the folder sees of its temporary file ("appears": the file is created and being
 * written) or of the target ("replaced": the temporary file was renamed over it).
 */
async function killedGrade(when: { ms: number } | { event: "appears" | "replaced" }): Promise<Finished & { killedAt: number }> {
  let killedAt = -1;
  const start = Date.now();
  const run = await runTiers(["grade", big, "--out", target], {
    onStart: ({ pid, kill }) => {
      const killNow = () => {
        if (killedAt >= 0) return;
        killedAt = Date.now() - start;
        kill();
      };
      if ("ms" in when) {
        setTimeout(killNow, when.ms);
        return;
      }
      // Only this run's files count (an event of the previous run may still be on its way).
      const temp = `${path.basename(target)}.tiers-writing-${pid}.tmp`;
      onFolderEvent = (name) => {
        if (when.event === "appears" ? name === temp : name === path.basename(target)) killNow();
      };
    },
  });
  onFolderEvent = () => undefined;
  return { ...run, killedAt };
}

/** Every run killed so far: a temporary file left may be any one of theirs (the last to reach writing). */
const killed: number[] = [];

/**
 * The invariant after a kill: the target as it was or complete; at most one temporary file, of a
 * killed run (a run killed before it writes does not get to remove an earlier run's).
 */
async function expectIntactOrComplete(run: Finished): Promise<"as it was" | "complete"> {
  killed.push(run.pid);
  const now = fs.readFileSync(target);
  const state = now.equals(previous) ? "as it was" : (await isCompleteGrade(target, N)) ? "complete" : "damaged";
  expect(state).not.toBe("damaged");
  const temps = temporaryFiles(dir);
  expect(temps.length).toBeLessThanOrEqual(1);
  for (const name of temps) expect(killed.map((pid) => `graded.xlsx.tiers-writing-${pid}.tmp`)).toContain(name);
  return state as "as it was" | "complete";
}

test("kill -9 at several moments of a 200k grade leaves the target as it was or complete; a re-run removes the orphan", async () => {
  const outcomes: string[] = [];
  // The instant the output file appears: how long the run takes to get to writing.
  const appears = await killedGrade({ event: "appears" });
  expect(appears.signal).toBe("SIGKILL");
  outcomes.push(`appears @${appears.killedAt} ms: ${await expectIntactOrComplete(appears)}`);
  const toWrite = appears.killedAt;

  // The instant the target is replaced (the rename): the run dies before it can say so.
  const replaced = await killedGrade({ event: "replaced" });
  expect(replaced.signal).toBe("SIGKILL");
  const afterRename = await expectIntactOrComplete(replaced);
  outcomes.push(`replaced @${replaced.killedAt} ms: ${afterRename}`);
  expect(afterRename).toBe("complete");
  // The next kills compare with this complete grade.
  previous = fs.readFileSync(target);

  // Before writing: at 40 % of the way there; nothing may have changed.
  const early = await killedGrade({ ms: Math.round(0.4 * toWrite) });
  expect(early.signal).toBe("SIGKILL");
  expect(await expectIntactOrComplete(early)).toBe("as it was");
  outcomes.push(`40 % @${early.killedAt} ms: as it was`);

  // The next run for the same target cleans any orphan of a killed run and writes.
  const again = await runTiers(["grade", small, "--out", target]);
  expect(again.code).toBe(0);
  expect(temporaryFiles(dir)).toEqual([]);
  expect(fs.readdirSync(dir).sort()).toEqual(["graded.xlsx", "small.xlsx"]);
  // Shown in the test log: which moment ended which way.
  process.stdout.write(`${outcomes.join("\n")}\n`);
}, 900_000);
