// The build outputs some tests run (dist/ for the browser and manifest tests, lib/ for the packed command
// line), rebuilt when any of their sources is newer than the last build, not only when they are missing:
// a test must never pass or fail on a stale bundle.

import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";

export const ROOT = path.join(__dirname, "..", "..");

interface Build {
  /** The output folder, relative to the root. */
  out: string;
  /** Files and folders (relative to the root) whose changes make the output stale. */
  sources: string[];
  /** The command that builds it, run from the root. */
  command: [string, string[]];
}

export const BUILDS = {
  dist: {
    out: "dist",
    sources: ["src", "assets", "manifest.xml", "webpack.config.js", "tsconfig.json", "package.json"],
    command: ["npx", ["webpack", "--mode", "production"]],
  },
  lib: {
    out: "lib",
    sources: ["src/cli", "src/workbook", "src/engine", "tsconfig.json", "tsconfig.cli.json"],
    command: ["npx", ["tsc", "-p", "tsconfig.cli.json"]],
  },
} satisfies Record<string, Build>;

/** Written into the output folder after a build here, so a build that rewrote no file (webpack skips
 * identical ones) still counts as newer than its sources. */
const STAMP = ".built";

/** The latest modification time of a file or of any file under a folder (0 when it does not exist). */
export function newest(file: string): number {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return stat.mtimeMs;
  let latest = 0;
  for (const entry of fs.readdirSync(file)) latest = Math.max(latest, newest(path.join(file, entry)));
  return latest;
}

/** Whether the output is missing or older than one of its sources. */
export function isStale(build: Pick<Build, "out" | "sources">, root = ROOT): boolean {
  const out = path.join(root, build.out);
  if (!fs.existsSync(out)) return true;
  // The newest output file: a build rewrites what changed, and a build here also leaves its stamp.
  const built = newest(out);
  return build.sources.some((source) => newest(path.join(root, source)) > built);
}

/** Builds the output when it is stale; returns whether it did. */
export function ensureBuilt(build: Build): boolean {
  if (!isStale(build)) return false;
  const [command, args] = build.command;
  execFileSync(command, args, { cwd: ROOT, stdio: "pipe", timeout: 600000 });
  fs.writeFileSync(path.join(ROOT, build.out, STAMP), `${new Date().toISOString()}\n`);
  return true;
}
