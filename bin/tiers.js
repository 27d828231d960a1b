#!/usr/bin/env node
// The package's `tiers` command: runs the command line compiled into lib/ (tsconfig.cli.json; built by
// `npm run build`, and by `prepare` on `npm install` and `npm pack`), so it needs no TypeScript at run time.
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
