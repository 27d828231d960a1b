// Runs one measurement in a fresh node process (see child.ts) and returns its result and peak memory.
// Children load TypeScript through bench/register.js (a transpile cache), not ts-node: faster starts.

import { spawn } from "child_process";
import * as path from "path";

export const RESULT_MARK = "BENCH-RESULT ";

export interface ChildResult<T> {
  result: T;
  /** The child's peak resident set size in bytes: the honest peak of that one measurement. */
  maxRssBytes: number;
}

/** A child that failed: its message says what broke, from the child's own error output. */
export class ChildFailed extends Error {}

/**
 * Runs `exportName(params)` of bench/`modulePath` in a child node process with --expose-gc and returns
 * what it returned. Rejects with ChildFailed (the child's last error line as the message) when the
 * child exits non-zero, prints no result, or runs past `timeoutMs` (then it is killed).
 *
 * @example await inChild<number>("sections/engine", "sortFloor", { n: 1000 }) // { result: 0.05, maxRssBytes: 61_000_000 }
 */
export function inChild<T>(
  modulePath: string,
  exportName: string,
  params: unknown,
  options: { timeoutMs?: number; heapMb?: number } = {},
): Promise<ChildResult<T>> {
  const root = path.resolve(__dirname, "..");
  const args = [
    "--expose-gc",
    `--max-old-space-size=${options.heapMb ?? 8192}`,
    "-r",
    path.join(__dirname, "register.js"),
    path.join(__dirname, "child.ts"),
    modulePath,
    exportName,
    JSON.stringify(params),
  ];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, {
      cwd: root,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = options.timeoutMs
      ? setTimeout(() => {
          child.kill("SIGKILL");
          stderr += `\ntimed out after ${Math.round(options.timeoutMs! / 1000)} s`;
        }, options.timeoutMs)
      : undefined;
    child.on("close", (code) => {
      if (timer) clearTimeout(timer);
      const line = stdout.split("\n").find((l) => l.startsWith(RESULT_MARK));
      if (code === 0 && line) {
        resolve(JSON.parse(line.slice(RESULT_MARK.length)) as ChildResult<T>);
        return;
      }
      reject(new ChildFailed(firstError(stderr) || `child exited with code ${code} and no result`));
    });
  });
}

/** The line of a stack trace or log that says what went wrong: the first "Error" line, else the last line. */
function firstError(stderr: string): string {
  const lines = stderr.split("\n").map((l) => l.trim()).filter(Boolean);
  const error = lines.find((l) => /(Error|error TS\d+|Cannot find module)/.test(l));
  return (error ?? lines[lines.length - 1] ?? "").slice(0, 300);
}
