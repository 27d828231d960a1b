#!/usr/bin/env node
// The package's `tiers` command: runs src/cli/main.ts through ts-node (transpile only, CommonJS
// settings of tsconfig.node.json), so the command line needs no build step. Every error ends as one
// sentence and an exit code (runProgram); a stack only with TIERS_DEBUG=1.
const path = require("path");

let runProgram;
try {
  require("ts-node").register({
    project: path.join(__dirname, "..", "tsconfig.node.json"),
    transpileOnly: true,
  });
  ({ runProgram } = require("../src/cli/main"));
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
