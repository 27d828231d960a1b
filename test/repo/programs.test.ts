// Suites that need a missing program skip outside CI and fail in CI (test/support/programs.ts); build
// outputs count as stale when a source is newer (test/support/builds.ts).

import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { isStale } from "../support/builds";
import { inCI } from "../support/programs";

const root = path.join(__dirname, "..", "..");

/** jest on the fixture alone, with CI set to `ci` (or unset): its exit status and JSON summary. */
function runFixture(ci: string | undefined): { status: number | null; passed: number; failed: number; skipped: number } {
  const env = { ...process.env };
  delete env.CI;
  if (ci !== undefined) env.CI = ci;
  const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "tiers-programs-")), "jest.json");
  const run = spawnSync(
    process.execPath,
    [require.resolve("jest/bin/jest"), "--rootDir", root, "--roots", "<rootDir>/test/repo/fixtures", "--testMatch", "**/missingProgram.fixture.ts", "--json", "--outputFile", out],
    { cwd: root, env, encoding: "utf8", timeout: 120000 },
  );
  const summary = JSON.parse(fs.readFileSync(out, "utf8"));
  fs.rmSync(path.dirname(out), { recursive: true, force: true });
  return { status: run.status, passed: summary.numPassedTests, failed: summary.numFailedTests, skipped: summary.numPendingTests };
}

describe("a suite whose program is missing", () => {
  test("skips outside CI, fails in CI", () => {
    expect(runFixture(undefined)).toEqual({ status: 0, passed: 0, failed: 0, skipped: 1 });
    expect(runFixture("true")).toEqual({ status: 1, passed: 0, failed: 1, skipped: 0 });
  });

  test("CI is any value of the CI variable but empty, 0 or false", () => {
    expect([undefined, "", "0", "false", "FALSE", "true", "1", "yes"].map((CI) => inCI(CI === undefined ? {} : { CI }))).toEqual([
      false, false, false, false, false, true, true, true,
    ]);
  });
});

describe("build outputs", () => {
  test("are stale when missing or when any source is newer than every output file", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tiers-stale-"));
    const build = { out: "out", sources: ["src", "config.js"] };
    fs.mkdirSync(path.join(dir, "src", "deep"), { recursive: true });
    fs.writeFileSync(path.join(dir, "config.js"), "");
    fs.writeFileSync(path.join(dir, "src", "deep", "a.ts"), "");
    expect(isStale(build, dir)).toBe(true);
    fs.mkdirSync(path.join(dir, "out"));
    fs.writeFileSync(path.join(dir, "out", "a.js"), "");
    const at = (file: string, seconds: number) => fs.utimesSync(path.join(dir, file), seconds, seconds);
    at("config.js", 1000);
    at("src/deep/a.ts", 1000);
    at("out/a.js", 2000);
    expect(isStale(build, dir)).toBe(false);
    at("src/deep/a.ts", 3000);
    expect(isStale(build, dir)).toBe(true);
    at("src/deep/a.ts", 1000);
    at("config.js", 3000);
    expect(isStale(build, dir)).toBe(true);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
