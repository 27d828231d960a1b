// outputClash over a split's hundred copies looks each path up once (it compared them pairwise, 2 x 4,950
// file-system lookups for 100 copies), and still finds a hard link among them. fs is wrapped to count.

import * as os from "os";
import * as path from "path";

jest.mock("fs", () => {
  const actual = jest.requireActual<typeof import("fs")>("fs");
  return { ...actual, statSync: jest.fn(actual.statSync) };
});

import * as fs from "fs";
import { outputClash } from "../../src/cli/outputs";

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "tiers-clash-"));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

test("a split's hundred copies: each path looked up once, a hard link among them still found", () => {
  const stat = fs.statSync as unknown as jest.Mock;
  const copies = Array.from({ length: 100 }, (_, i) => ({ option: "--out", file: path.join(dir, "copies", `book.Owner ${i}.xlsx`) }));
  stat.mockClear();
  expect(outputClash(path.join(dir, "book.xlsx"), copies)).toBeUndefined();
  expect(stat.mock.calls.length).toBeLessThanOrEqual(copies.length + 1);
  fs.writeFileSync(path.join(dir, "one.xlsx"), "x");
  fs.linkSync(path.join(dir, "one.xlsx"), path.join(dir, "two.xlsx"));
  const linked = [...copies.slice(0, 50), { option: "--out", file: path.join(dir, "one.xlsx") }, { option: "--out", file: path.join(dir, "two.xlsx") }];
  expect(outputClash(path.join(dir, "book.xlsx"), linked)).toEqual({ kind: "other", option: "--out", otherOption: "--out", file: path.join(dir, "two.xlsx") });
  expect(outputClash(path.join(dir, "one.xlsx"), [...copies.slice(0, 50), linked[51]])).toEqual({ kind: "input", option: "--out", file: path.join(dir, "two.xlsx") });
});
