#!/usr/bin/env node
// The package's `tiers` command: runs src/cli/main.ts through ts-node (transpile only, CommonJS
// settings of tsconfig.node.json), so the command line needs no build step.
const path = require("path");

require("ts-node").register({
  project: path.join(__dirname, "..", "tsconfig.node.json"),
  transpileOnly: true,
});

const { main } = require("../src/cli/main");

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    process.stderr.write(`${error && error.stack ? error.stack : String(error)}\n`);
    process.exitCode = 1;
  },
);
