// The repository is self-contained: a clone holds every document its files point to. No tracked file
// refers to the folder that once sat beside the repo, and every `docs/*.md` a file names exists, as does
// every section of docs/DESIGN.md cited by number.

import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";

const root = path.join(__dirname, "..", "..");
// Spelled in pieces, so this file does not match itself.
const OUTSIDE = new RegExp(["\\.\\./" + "shared", "shared/" + "DESIGN", "shared/" + "ENVIRONMENT"].join("|"));

/** Every tracked text file (outside node_modules, which git does not track), with its text. */
function trackedTexts(): { file: string; text: string }[] {
  const files = execFileSync("git", ["ls-files", "-z"], { cwd: root, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 })
    .split("\0")
    .filter((file) => file && !file.startsWith("node_modules/"));
  const texts: { file: string; text: string }[] = [];
  for (const file of files) {
    const full = path.join(root, file);
    if (!fs.existsSync(full) || !fs.statSync(full).isFile()) continue;
    const bytes = fs.readFileSync(full);
    if (bytes.subarray(0, 8000).includes(0)) continue; // binary: images, workbooks
    texts.push({ file, text: bytes.toString("utf8") });
  }
  return texts;
}

describe("the repository is self-contained", () => {
  const texts = trackedTexts();

  test("sees the tracked files", () => {
    expect(texts.map((t) => t.file)).toEqual(expect.arrayContaining(["package.json", "docs/DESIGN.md", "src/engine/index.ts"]));
  });

  test("no tracked file points outside the repo", () => {
    const found = texts.flatMap(({ file, text }) =>
      text.split("\n").flatMap((line, i) => (OUTSIDE.test(line) ? [`${file}:${i + 1}: ${line.trim()}`] : [])),
    );
    expect(found).toEqual([]);
  });

  test("every docs/*.md a file names exists", () => {
    const missing = new Set<string>();
    for (const { file, text } of texts) {
      for (const match of text.matchAll(/\bdocs\/([A-Za-z0-9_-]+\.md)\b/g)) {
        if (!fs.existsSync(path.join(root, "docs", match[1]))) missing.add(`${file}: docs/${match[1]}`);
      }
    }
    expect([...missing]).toEqual([]);
  });

  test("every section of docs/DESIGN.md cited by number exists", () => {
    const design = fs.readFileSync(path.join(root, "docs", "DESIGN.md"), "utf8");
    const sections = new Set([...design.matchAll(/^## (\d+)\. /gm)].map((m) => Number(m[1])));
    expect(sections.size).toBeGreaterThanOrEqual(6);
    const missing: string[] = [];
    for (const { file, text } of texts) {
      for (const match of text.matchAll(/DESIGN\.md(?:\)|`)? §(\d+)(?:-(\d+))?/g)) {
        for (const n of [match[1], match[2]].filter(Boolean).map(Number)) if (!sections.has(n)) missing.push(`${file}: §${n}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
