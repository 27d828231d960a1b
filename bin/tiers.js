#!/usr/bin/env node
// The package's `tiers` command: runs the command line compiled into lib/ (tsconfig.cli.json; built by
// `npm run build` and `npm run build:cli`, and before `npm pack`), so it needs no TypeScript at run time.
// Every error ends as one sentence and an exit code (runProgram); a stack only with TIERS_DEBUG=1.
const fs = require("fs");
const path = require("path");

if (!fs.existsSync(path.join(__dirname, "..", "lib", "cli", "main.js"))) {
  process.stderr.write(
    "The command line is not built: run `npm run build:cli` first (or `npm run tiers -- ...` to run the sources).\n" +
      "命令行尚未编译：请先运行 `npm run build:cli`（或用 `npm run tiers -- ...` 直接运行源码）。\n",
  );
  process.exit(2);
}

let runProgram;
try {
  ({ runProgram } = require("../lib/cli/main"));
} catch (error) {
  // tiers itself could not start (a broken installation): no language choice can be trusted yet.
  process.stderr.write(
    `tiers could not start (${error && error.message ? String(error.message).split("\n")[0] : String(error)}). Reinstall it; if that does not help, please report it.\n` +
      `tiers 无法启动（请重新安装；如仍不行，请报告此问题）。\n`,
  );
  if (process.env.TIERS_DEBUG && error && error.stack) process.stderr.write(`${error.stack}\n`);
  process.exitCode = 3;
}
if (runProgram) runProgram(process.argv.slice(2));
