// Entry of a benchmark child process: `node --expose-gc -r bench/register.js
// bench/child.ts <module> <export> <params JSON>`. It runs one measurement function and prints its
// result as one marked JSON line. A size runs in a child of its own so that its peak memory (maxRSS)
// is its own, and so that one section's broken code cannot take the others down.

import * as path from "path";
import { RESULT_MARK } from "./inChild";

async function main(): Promise<void> {
  const [modulePath, exportName, paramsJson] = process.argv.slice(2);
  const loaded = (await import(path.resolve(__dirname, modulePath))) as Record<string, unknown>;
  const job = loaded[exportName];
  if (typeof job !== "function") throw new Error(`${modulePath} exports no function ${exportName}`);
  const result = await (job as (params: unknown) => unknown)(JSON.parse(paramsJson ?? "{}"));
  process.stdout.write(`\n${RESULT_MARK}${JSON.stringify({ result, maxRssBytes: process.resourceUsage().maxRSS * 1024 })}\n`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`${(error as Error)?.stack ?? String(error)}\n`);
    process.exit(1);
  },
);
