// A streamed customer sheet saved where JSZip takes no Node stream (a browser, or the pane's Web Worker:
// no Buffer there): the rewritten sheet is gathered into one typed array instead, and the package must
// hold the same parts as the Node path writes through a stream. (Hiding Buffer itself cannot stand in
// for a browser: JSZip's Node build calls Buffer.isBuffer on every entry.)

import * as fs from "fs";
import * as path from "path";
import JSZip from "jszip";
import { defaultSettings, gradeWorkbook } from "../../src/workbook/run";
import { openXlsx } from "../../src/workbook/executors/xlsx";
import * as zipStream from "../../src/workbook/executors/xlsx/zipStream";

const NOW = new Date(Date.UTC(2026, 10, 22, 9, 30));
const SAMPLE = path.join(__dirname, "..", "..", "assets", "sample-customers.en-US.xlsx");

/** Every part inflated, by name; the state part's random item id as one placeholder. */
async function parts(bytes: Uint8Array): Promise<Map<string, string>> {
  const zip = await JSZip.loadAsync(bytes);
  const found = new Map<string, string>();
  for (const name of Object.keys(zip.files)) {
    if (zip.files[name].dir) continue;
    const text = (await zip.files[name].async("nodebuffer")).toString("latin1");
    found.set(name, /^customXml\/itemProps/.test(name) ? text.replace(/\{[0-9A-F-]{36}\}/g, "{GUID}") : text);
  }
  return found;
}

async function graded(): Promise<Awaited<ReturnType<typeof openXlsx>>> {
  const workbook = await openXlsx(fs.readFileSync(SAMPLE), { streamAbove: 0, chunkBytes: 1000 });
  const outcome = await gradeWorkbook(workbook, defaultSettings("en-US", NOW));
  if (!outcome.ok) throw new Error("the sample did not grade");
  return workbook;
}

test("where JSZip takes no stream, a streamed sheet is gathered, not streamed, and the saved package is the Node path's", async () => {
  const streamedInNode = jest.spyOn(zipStream, "readableOf");
  const node = await parts(await (await graded()).save());
  expect(streamedInNode).toHaveBeenCalled();
  streamedInNode.mockClear();

  // What a browser or the pane's Web Worker has: no Node streams for JSZip.
  jest.spyOn(zipStream, "zipTakesStreams").mockReturnValue(false);
  const bytes = await (await graded()).save();
  expect(streamedInNode).not.toHaveBeenCalled();
  jest.restoreAllMocks();
  const browser = await parts(bytes);
  expect([...browser.keys()].sort()).toEqual([...node.keys()].sort());
  for (const [name, content] of node) expect([name, browser.get(name)]).toEqual([name, content]);
  // The customer sheet was rewritten (output columns), not copied through.
  const sheets = [...browser.entries()].filter(([name]) => /worksheets\/sheet\d+\.xml$/.test(name));
  expect(sheets.some(([, xml]) => xml.includes(">Tier<") || xml.includes("<t>Tier</t>"))).toBe(true);
});
