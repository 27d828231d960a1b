// The grading record (settings, weights, labels, value column) that share and split use comes from the
// add-in's state, never from the summary sheet's localized labels: a reader may edit, translate or
// delete the summary, and the record stays.

import * as fs from "fs";
import * as path from "path";
import { outputText } from "../../src/workbook/planning/outputText";
import { defaultSettings, gradeWorkbook } from "../../src/workbook/run";
import { openXlsx } from "../../src/workbook/executors/xlsx";
import { prepareForSharing } from "../../src/workbook/executors/xlsx/share";
import { aboutSheet, readGradingRecord } from "../../src/workbook/features/sharing";
import { planOwnerCopies } from "../../src/workbook/features/split";
import type { CellValue } from "../../src/workbook/types";
import { MemoryWorkbook } from "../support/memoryWorkbook";

const NOW = new Date(Date.UTC(2026, 10, 20, 9, 30));

function book(): MemoryWorkbook {
  const customers: CellValue[][] = [["Customer ID", "Owner", "Revenue", "Visits"]];
  for (let i = 1; i <= 10; i++) customers.push([`C${i}`, i % 2 ? "Li" : "Wu", 1000 * i, 11 - i]);
  return new MemoryWorkbook({
    Weights: [
      ["Indicator", "Weight"],
      ["Revenue", 0.7],
      ["Visits", 0.3],
    ],
    Customers: customers,
  });
}

describe("the grading record is read from the state", () => {
  test("with the summary sheet emptied by a reader, the record is whole: settings by key, weights, labels, value column", async () => {
    const b = book();
    const settings = { ...defaultSettings("zh-CN", NOW), labels: ["金", "银", "铜"], valueColumn: "Revenue", period: "2026-Q3" };
    expect((await gradeWorkbook(b, settings)).ok).toBe(true);
    b.sheets.set("分级汇总", [["a reader's notes"]]);
    const record = await readGradingRecord(b);
    expect(record).toBeDefined();
    expect(record!.lang).toBe("zh-CN");
    expect(record!.labels).toEqual(["金", "银", "铜"]);
    expect(record!.valueColumn).toBe("Revenue");
    expect(record!.settings.find((row) => row.key === "labels")).toEqual({ key: "labels", label: "等级名称", value: "金, 银, 铜" });
    expect(record!.settings.find((row) => row.key === "period")?.value).toBe("2026-Q3");
    expect(record!.weights.map((row) => row[1])).toEqual(["指标", "Revenue", "Visits"]);
    expect(record!.weights[1][5]).toBeCloseTo(0.7, 12);
    // The About sheet carries the recorded settings, not what the summary sheet now shows.
    const about = aboutSheet(record, { toValues: 0, toNative: 0, unresolved: 0, addinRemoved: false }, "zh-CN", NOW);
    const cells = about.blocks.flatMap((block) => block.values.flat());
    expect(cells).toContain("金, 银, 铜");
    expect(cells).not.toContain("a reader's notes");
  });

  test("per-owner copies take the labels and the value column from the state", async () => {
    const b = book();
    const settings = { ...defaultSettings("en-US", NOW), labels: ["Gold", "Silver", "Bronze"], valueColumn: "Revenue" };
    expect((await gradeWorkbook(b, settings)).ok).toBe(true);
    b.sheets.delete("Tier summary");
    const outcome = await planOwnerCopies(b, { by: "Owner", lang: "en-US" });
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.problems));
    const li = outcome.copies.find((copy) => copy.owner === "Li")!;
    const summary = li.plans[0].sheets.find((sheet) => sheet.name === "Tier summary")!;
    const cells = summary.blocks.flatMap((block) => block.values.flat());
    expect(cells).toEqual(expect.arrayContaining(["Gold", "Silver", "Bronze", "Tier labels", "Gold, Silver, Bronze", "Value column", "Revenue"]));
  });
});

describe("a workbook graded by the version without a record", () => {
  test("its copy for sharing says it was graded without a record, not that it was never graded; a new Grade records it", async () => {
    const legacy = fs.readFileSync(path.join(__dirname, "../fixtures/legacy-state.en-US.xlsx"));
    const { data } = await prepareForSharing(legacy, { lang: "en-US", now: NOW });
    const about = await (await openXlsx(data)).read("About this grading", { top: 0, left: 0, rows: 40, columns: 2 });
    const lines = about.map((row) => row[0]);
    expect(lines).toContain(outputText("en-US").recordMissing);
    expect(lines).not.toContain(outputText("en-US").notGradedHere);

    const book = await openXlsx(legacy);
    expect((await gradeWorkbook(book, defaultSettings("en-US", NOW))).ok).toBe(true);
    const shared = await prepareForSharing(await book.save(), { lang: "en-US", now: NOW });
    const after = (await (await openXlsx(shared.data)).read("About this grading", { top: 0, left: 0, rows: 40, columns: 2 })).map((row) => row[0]);
    expect(after).not.toContain(outputText("en-US").recordMissing);
    expect(after).toContain("Tier labels");
  });
});
