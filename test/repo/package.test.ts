// The package as a user installs it: `npm pack`, then the tarball installed with production dependencies
// only (no TypeScript, no ts-node), and its `tiers grade` run on the bundled sample.
// Needs the npm registry or npm's local cache for jszip (a runtime dependency).

import { execFileSync, spawnSync } from "child_process";
import * as fs from "fs";
import JSZip from "jszip";
import * as os from "os";
import * as path from "path";
import { BUILDS, ROOT, ensureBuilt } from "../support/builds";

const npm = process.platform === "win32" ? "npm.cmd" : "npm";

describe("the packed package", () => {
  let dir: string;
  let files: string[];
  let installed: string;

  beforeAll(() => {
    ensureBuilt(BUILDS.lib);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "tiers-pack-"));
    // lib/ is fresh (built above); --ignore-scripts keeps `prepack` from compiling it a second time.
    const packed = JSON.parse(
      execFileSync(npm, ["pack", "--json", "--ignore-scripts", "--pack-destination", dir], { cwd: ROOT, encoding: "utf8", timeout: 120000 }),
    );
    files = packed[0].files.map((file: { path: string }) => file.path);
    const app = path.join(dir, "app");
    fs.mkdirSync(app);
    fs.writeFileSync(path.join(app, "package.json"), JSON.stringify({ name: "tiers-user", version: "1.0.0", private: true }));
    execFileSync(
      npm,
      ["install", "--omit=dev", "--prefer-offline", "--no-audit", "--no-fund", "--ignore-scripts", path.join(dir, packed[0].filename)],
      { cwd: app, stdio: "pipe", timeout: 300000 },
    );
    installed = app;
  }, 600000);

  afterAll(() => {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  test("holds the compiled command line, its bin and the samples, and no sources or tests", () => {
    expect(files).toEqual(expect.arrayContaining(["bin/tiers.js", "lib/cli/main.js", "lib/workbook/run.js", "lib/engine/grade.js", "assets/sample-customers.zh-CN.xlsx", "package.json"]));
    expect(files.filter((file) => /^(src|test|bench|scripts|node_modules|dist)\//.test(file) || file.endsWith(".ts"))).toEqual([]);
  });

  test("installs with production dependencies only: no TypeScript at run time", () => {
    const modules = fs.readdirSync(path.join(installed, "node_modules"));
    expect(modules).toEqual(expect.arrayContaining(["customer-tiers", "jszip"]));
    for (const dev of ["typescript", "ts-node", "react", "@fluentui", "xlsx-populate", "jest"]) expect([dev, modules.includes(dev)]).toEqual([dev, false]);
  });

  test("its tiers grade grades the sample: exit 0 and a graded workbook", async () => {
    const sample = path.join(installed, "node_modules", "customer-tiers", "assets", "sample-customers.zh-CN.xlsx");
    const out = path.join(dir, "graded.xlsx");
    const tiers = path.join(installed, "node_modules", ".bin", "tiers");
    const run = spawnSync(tiers, ["grade", sample, "--out", out, "--lang", "en-US"], { cwd: installed, encoding: "utf8", timeout: 120000 });
    expect({ status: run.status, stderr: run.stderr }).toEqual({ status: 0, stderr: expect.any(String) });
    const zip = await JSZip.loadAsync(fs.readFileSync(out));
    const workbook = await zip.file("xl/workbook.xml")!.async("string");
    expect(workbook).toContain('<sheet name="Tier summary"'); // the tier summary sheet the grading adds (--lang en-US)
    const input = await JSZip.loadAsync(fs.readFileSync(sample));
    expect(await input.file("xl/workbook.xml")!.async("string")).not.toContain('<sheet name="Tier summary"');
    expect(run.stdout).toContain("Graded 200 customers"); // the sample's 200 customers
  });
});
