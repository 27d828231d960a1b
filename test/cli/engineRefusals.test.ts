// `tiers grade --lang zh-CN` on a workbook the engine refuses (k-means with more clusters than customers):
// the problem's reason is the engine's refusal in Chinese, exit 1, nothing written.

import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { main } from "../../src/cli/main";
import { buildWorkbook, smallCustomerSheets } from "../xlsx/buildWorkbook";
import { capture } from "./capture";

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "tiers-refusals-"));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

test.each([
  ["zh-CN", "k = 9：请用 1 到客户数 5 之间的整数", /use a whole number/],
  ["en-US", "k = 9: use a whole number from 1 to the 5 customers", /请用/],
])("--lang %s: the engine's reason in that language, exit 1, no output", async (lang, reason, other) => {
  const input = path.join(dir, `small.${lang}.xlsx`);
  const out = path.join(dir, `small.${lang}.graded.xlsx`);
  fs.writeFileSync(input, await buildWorkbook(smallCustomerSheets()));
  const io = capture();
  expect(await main(["grade", input, "--out", out, "--scheme", "kmeans:9", "--lang", lang], io)).toBe(1);
  const said = io.out + io.err;
  expect(said).toContain(reason);
  expect(said).not.toMatch(other);
  expect(fs.existsSync(out)).toBe(false);
});
