#!/usr/bin/env node
// The package's `tiers` command: runs the command line compiled into lib/ (tsconfig.cli.json; built by
// `npm run build` and `npm run build:cli`, and before `npm pack`), so it needs no TypeScript at run time.
const fs = require("fs");
const path = require("path");

if (!fs.existsSync(path.join(__dirname, "..", "lib", "cli", "main.js"))) {
  process.stderr.write(
    "The command line is not built: run `npm run build:cli` first (or `npm run tiers -- ...` to run the sources).\n" +
      "命令行尚未编译：请先运行 `npm run build:cli`（或用 `npm run tiers -- ...` 直接运行源码）。\n",
  );
  process.exit(2);
}
const { main } = require("../lib/cli/main");

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    process.stderr.write(`${error && error.stack ? error.stack : String(error)}\n`);
    process.exitCode = 1;
  },
);
