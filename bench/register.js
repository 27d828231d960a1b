// Loads TypeScript in benchmark child processes (bench/inChild.ts) through an on-disk transpile cache
// in .bench-out/ts-cache: a child that finds every file cached never loads the TypeScript compiler, so
// it starts in a fraction of ts-node's time — which matters when a run starts a dozen children on a
// shared 2-core machine. Transpile only (types are checked by `npm run typecheck`), as ts-node is
// configured for `npm run bench`. Plain JavaScript because it is what makes TypeScript loadable.

"use strict";
const crypto = require("crypto");
const fs = require("fs");
const path = require("path");

const cacheDir = path.join(__dirname, "..", ".bench-out", "ts-cache");
let typescript;

function transpile(source, filename) {
  typescript = typescript || require("typescript");
  return typescript.transpileModule(source, {
    fileName: filename,
    compilerOptions: {
      module: typescript.ModuleKind.CommonJS,
      target: typescript.ScriptTarget.ES2020,
      jsx: typescript.JsxEmit.ReactJSX,
      esModuleInterop: true,
      inlineSourceMap: true,
    },
  }).outputText;
}

function load(module, filename) {
  const source = fs.readFileSync(filename, "utf8");
  const key = crypto.createHash("sha1").update(filename).update("\0").update(source).digest("hex");
  const cached = path.join(cacheDir, `${key}.js`);
  let code;
  try {
    code = fs.readFileSync(cached, "utf8");
  } catch {
    code = transpile(source, filename);
    fs.mkdirSync(cacheDir, { recursive: true });
    // Write then rename, so a child running alongside never reads half a file.
    const partial = `${cached}.${process.pid}`;
    fs.writeFileSync(partial, code);
    fs.renameSync(partial, cached);
  }
  module._compile(code, filename);
}

require.extensions[".ts"] = load;
require.extensions[".tsx"] = load;
