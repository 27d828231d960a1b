// The web page's workbook lives in a worker (workerHost + workerClient). Here the host runs in this
// process behind a stand-in Worker that clones every message as postMessage does and, once ended,
// delivers nothing more (as a terminated worker), so the client's cancel, rebuild and replay are tested
// on real .xlsx files.

import * as fs from "fs";
import * as path from "path";
import { defaultSettings, gradeWorkbook } from "../../src/workbook/run";
import { openXlsx } from "../../src/workbook/executors/xlsx";
import { workbookHost } from "../../src/taskpane/workerHost";
import { WorkbookError, WorkerWorkbook, type WorkerLike } from "../../src/taskpane/workerClient";
import type { Envelope, Reply } from "../../src/taskpane/workerProtocol";
import { MATCH_LIMIT } from "../../src/taskpane/explainData";
import { buildWorkbook } from "../xlsx/buildWorkbook";
import { failureText } from "../../src/taskpane/failureText";
import JSZip from "jszip";

const ROOT = path.join(__dirname, "..", "..");
const SAMPLE = fs.readFileSync(path.join(ROOT, "assets", "sample-customers.en-US.xlsx"));
const FIXTURES = path.join(__dirname, "fixtures");

let started = 0;
function inProcessWorker(): WorkerLike {
  started++;
  let ended = false;
  const worker: WorkerLike = {
    onmessage: null,
    postMessage(message: Envelope) {
      const copy = structuredClone(message);
      setTimeout(() => !ended && void handle(copy), 0);
    },
    terminate() {
      ended = true;
    },
  };
  const handle = workbookHost((reply: Reply) => {
    const copy = structuredClone(reply);
    setTimeout(() => !ended && worker.onmessage?.({ data: copy } as MessageEvent<Reply>), 0);
  });
  return worker;
}

const blob = (bytes: Uint8Array) => new Blob([new Uint8Array(bytes)]);
const settings = (change: Partial<ReturnType<typeof defaultSettings>> = {}) => ({ ...defaultSettings("en-US", new Date(2026, 5, 30)), ...change });

async function tiersOf(bytes: Uint8Array): Promise<unknown[]> {
  const book = await openXlsx(bytes);
  const used = (await book.index()).sheets.find((s) => s.name === "Customers")!.used!;
  const rows = await book.read("Customers", used);
  const at = rows[0].indexOf("Tier");
  return at < 0 ? [] : rows.slice(1).map((row) => row[at]);
}

test.each([
  ["password-protected.xlsx", /protected with a password/, /设置了打开密码/],
  ["old-format.xls", /old-format Excel file \(\.xls\)/, /旧格式/],
  ["renamed-csv.xlsx", /text file \(such as CSV\)/, /文本文件/],
])("a file that is not a readable workbook (%s) is refused in plain words, both languages", async (file, en, zh) => {
  const error = (await WorkerWorkbook.open(inProcessWorker, blob(fs.readFileSync(path.join(FIXTURES, file)))).catch((e) => e)) as WorkbookError;
  expect(error.open?.["en-US"]).toMatch(en);
  expect(error.open?.["zh-CN"]).toMatch(zh);
  expect(JSON.stringify(error.open)).not.toMatch(/central directory|stuk|zip/i);
});

/** The sample with part `part`'s text edited. */
async function sampleWith(part: string, edit: (xml: string) => string): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(SAMPLE);
  const xml = await zip.file(part)!.async("string");
  expect(edit(xml)).not.toBe(xml);
  zip.file(part, edit(xml));
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}

test("a workbook with a broken part is refused naming the part, in both languages (not as a damaged file)", async () => {
  const rels = await sampleWith("xl/_rels/workbook.xml.rels", (xml) => xml.replace(/Target="([^"]*)"/, 'Target="$1'));
  const atOpen = (await WorkerWorkbook.open(inProcessWorker, blob(rels)).catch((e) => e)) as WorkbookError;
  expect(atOpen.open?.["en-US"]).toMatch(/^The part xl\/_rels\/workbook\.xml\.rels of the workbook cannot be read: An attribute value holds a '<' \(or its closing quote is missing\) \(at character \d+\)\. Open the file in Excel and save it again\.$/);
  expect(atOpen.open?.["zh-CN"]).toMatch(/^无法读取工作簿的部件 xl\/_rels\/workbook\.xml\.rels：/);

  // The sample's Customers sheet (workbook.xml's rId5): its rows are read as the file opens.
  const row = await sampleWith("xl/worksheets/sheet2.xml", (xml) => xml.replace(/<\/row>/, "row>"));
  const rowAtOpen = (await WorkerWorkbook.open(inProcessWorker, blob(row)).catch((e) => e)) as WorkbookError;
  expect(rowAtOpen.open?.["en-US"]).toMatch(/^The part xl\/worksheets\/sheet2\.xml of the workbook cannot be read: A row starts inside another row/);

  // A refusal a run meets after the file opened crosses with its sentences, and the pane says it in its language.
  const crossed = new WorkbookError({ name: "Error", message: rowAtOpen.open!["en-US"], messages: rowAtOpen.open });
  expect(failureText(crossed, "zh-CN")).toBe(rowAtOpen.open!["zh-CN"]);
  expect(failureText(crossed, "en-US")).toBe(rowAtOpen.open!["en-US"]);
  expect(failureText(new WorkbookError({ name: "Error", message: "disk full" }), "zh-CN")).toBe("disk full");
});

test("the run happens in the worker: the pane gets the inspection and the pyramid, the engine's answer", async () => {
  const book = await WorkerWorkbook.open(inProcessWorker, blob(SAMPLE));
  const inspection = await book.inspect(settings());
  expect(inspection).toMatchObject({ ok: true, customers: 200 });
  const stages: string[] = [];
  const outcome = await book.grade(settings(), (p) => stages.push(p.stage));
  const direct = await gradeWorkbook(await openXlsx(SAMPLE), settings());
  if (!outcome.ok || !direct.ok) throw new Error("the sample grades");
  expect(outcome.pyramid).toEqual(direct.result.pyramid);
  expect(stages).toEqual(expect.arrayContaining(["read", "grade", "write", "done"]));
  expect(await tiersOf(await book.save())).toEqual(Array.from(direct.result.tier, (t) => direct.result.labels[t]));
  book.close();
});

test("Cancel rejects at once and the workbook is the one before Grade, rebuilt by replaying earlier runs", async () => {
  const book = await WorkerWorkbook.open(inProcessWorker, blob(SAMPLE));
  const first = await book.grade(settings());
  expect(first.ok).toBe(true);
  const before = await tiersOf(await book.save());
  const startedBefore = started;

  const abort = new AbortController();
  const cancelled = book.grade(settings({ scheme: { kind: "cutoffs", cutoffs: [50, 30] } }), (p) => p.stage === "read" && abort.abort(), abort.signal);
  await expect(cancelled).rejects.toMatchObject({ name: "AbortError" });
  expect(started).toBe(startedBefore + 1); // the busy worker was ended and a new one started

  const after = await tiersOf(await book.save());
  expect(after).toEqual(before);
  // The cut-off run would have given other tiers: the cancelled run left nothing behind.
  const cutoffs = await gradeWorkbook(await openXlsx(SAMPLE), settings({ scheme: { kind: "cutoffs", cutoffs: [50, 30] } }));
  if (!cutoffs.ok) throw new Error("grades");
  expect(Array.from(cutoffs.result.tier, (t) => cutoffs.result.labels[t])).not.toEqual(before);
  book.close();
});

test("a cancelled first run leaves the file as it was opened", async () => {
  const book = await WorkerWorkbook.open(inProcessWorker, blob(SAMPLE));
  const abort = new AbortController();
  const run = book.grade(settings(), (p) => p.stage === "grade" && abort.abort(), abort.signal);
  await expect(run).rejects.toMatchObject({ name: "AbortError" });
  const index = await book.index();
  expect(index.sheets.map((s) => s.name)).toEqual(["Weights", "Customers"]);
  expect(await book.readState()).toBeUndefined();
  book.close();
});

test("Insert example tables writes a Weights and a Customers sheet in the workbook's language that grade", async () => {
  for (const [lang, names] of [["zh-CN", ["Sheet1", "权重", "客户"]], ["en-US", ["Sheet1", "Weights", "Customers"]]] as const) {
    const empty = await buildWorkbook([{ name: "Sheet1", rows: [["notes"]] }]);
    const book = await WorkerWorkbook.open(inProcessWorker, blob(empty));
    const blank = await book.inspect({ ...settings(), lang });
    expect(blank.problems.map((p) => p.code)).toEqual(["table-not-found", "table-not-found"]);
    await book.insertExamples(lang);
    expect((await book.index()).sheets.map((s) => s.name)).toEqual(names);
    const inspection = await book.inspect({ ...settings(), lang });
    expect(inspection).toMatchObject({ ok: true, customers: 12, problems: [] });
    expect(inspection.indicators).toHaveLength(4);
    // The sheets are the analyst's: a second insert is refused rather than writing over them.
    await expect(book.insertExamples(lang)).rejects.toThrow(lang === "zh-CN" ? /已有名为“权重”的工作表/ : /already has a sheet named "Weights"/);
    expect(await book.read("Sheet1", { top: 0, left: 0, rows: 1, columns: 1 })).toEqual([["notes"]]);
    book.close();
  }
});

test("the explain view's questions are answered in the worker from the last grading; only a page of matches and one explanation cross", async () => {
  const book = await WorkerWorkbook.open(inProcessWorker, blob(SAMPLE));
  // Nothing graded yet: no customers to explain.
  expect(await book.findCustomers("")).toEqual({ matches: [], total: 0 });
  const outcome = await book.grade(settings());
  expect(outcome).toMatchObject({ ok: true, explained: 200 });
  const page = await book.findCustomers("");
  expect(page.total).toBe(200);
  expect(page.matches).toHaveLength(MATCH_LIMIT);
  const first = page.matches[0];
  const shown = await book.explainCustomer(first.index);
  // The engine's explanation of the same file and settings, computed here.
  const expected = await gradeWorkbook(await openXlsx(SAMPLE), settings());
  if (!expected.ok) throw new Error("the sample has problems");
  const e = expected.explain!()[first.index]!;
  expect(shown?.id).toBe(expected.customers.ids[first.index]);
  expect(shown?.contributions.map((c) => c.value)).toEqual(e.contributions);
  expect(shown?.score).toBe(e.score);
  expect(shown?.gap).toBe(e.gap);
  // A k-means grading has no tiers by score: the view has nothing to search.
  expect(await book.grade(settings({ method: { kind: "kmeans", k: 3 } }))).not.toHaveProperty("explained");
  expect(await book.findCustomers("")).toEqual({ matches: [], total: 0 });
  book.close();
});
