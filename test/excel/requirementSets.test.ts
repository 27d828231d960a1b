// Requirement sets (issue 12 defect 6): what each member needs comes from @types/office-js's
// `[Api set: ExcelApi 1.x]` annotations (test/support/excelApiSets.ts), the stand-in refuses a member on
// a host below its set, and the add-in gates on exactly the newest set its executor uses.

import { readFileSync } from "fs";
import { join } from "path";
import { ExcelWorkbook } from "../../src/workbook/executors/excel";
import { HostTooOldError, MIN_EXCEL_API } from "../../src/workbook/executors/excel/features";
import { apiSet, excelApiSets } from "../support/excelApiSets";
import { StandinError, StandinWorkbook } from "../support/excel-standin";
import { customerSheet, plan } from "./fixtures";

async function gradeTwice(model: StandinWorkbook, table: boolean) {
  const f = customerSheet(12, { table });
  void model;
  f.model.install();
  const backend = new ExcelWorkbook();
  await backend.execute(plan(f));
  const previous = await backend.readState();
  await backend.execute({ ...plan(f, { lang: "zh-CN" }), previous });
  return f.model;
}

describe("requirement sets, from @types/office-js", () => {
  test("the annotations the issue checked read as the issue says", () => {
    expect(excelApiSets().size).toBeGreaterThan(1000);
    expect(apiSet("ChartSeries.dataLabels")).toBe(1.8);
    expect(apiSet("ConditionalFormatCollection.clearAll")).toBe(1.6);
    expect(apiSet("Worksheet.getRangeByIndexes")).toBe(1.7);
    expect(apiSet("NamedItem.formula")).toBe(1.7);
    expect(apiSet("ChartSeries.gapWidth")).toBe(1.7);
    expect(apiSet("Application.suspendApiCalculationUntilNextSync")).toBe(1.6);
    expect(apiSet("ChartDataLabel.formula")).toBe(1.8);
    // "1.1 requires an index ...; 1.4 allows index to be optional ... and name": appending with a name needs 1.4.
    expect(apiSet("TableColumnCollection.add")).toBe(1.4);
    expect(() => apiSet("Worksheet.noSuchMember")).toThrow(/no \[Api set/);
  });

  test("the stand-in refuses a member on a host below its set, at sync", async () => {
    const model = new StandinWorkbook({ excelApi: 1.6 });
    model.addSheet("Sheet1");
    model.install();
    await expect(
      Excel.run(async (context) => {
        context.workbook.worksheets.getItem("Sheet1").getRangeByIndexes(0, 0, 1, 1).values = [[1]];
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "ApiNotFound" });
    expect(model.get("Sheet1", 0, 0)).toBeUndefined();
    expect(new StandinError("ApiNotFound", "x").name).toBe("RichApi.Error");
  });

  test.each([false, true])("two runs (table: %s) use nothing newer than the minimum, and need all of it", async (table) => {
    const model = await gradeTwice(new StandinWorkbook(), table);
    const used = [...model.apisUsed];
    expect(used.length).toBeGreaterThan(20);
    const newest = Math.max(...used.map(apiSet));
    expect(newest).toBe(Number(MIN_EXCEL_API));
  });

  test("the manifest asks for the same ExcelApi as the code, beside SharedRuntime 1.1", () => {
    const manifest = readFileSync(join(__dirname, "../../manifest.xml"), "utf8");
    expect(manifest).toMatch(new RegExp(`<Set Name="ExcelApi" MinVersion="${MIN_EXCEL_API.replace(".", "\\.")}"/>`));
    expect(manifest).toMatch(/<Set Name="SharedRuntime" MinVersion="1.1"\/>/);
  });

  test("a host below the minimum is refused before anything is sent, with a message in both languages", async () => {
    const f = customerSheet(5, { excelApi: 1.7 });
    const before = JSON.stringify(f.model.snapshot());
    f.model.install();
    const error = await new ExcelWorkbook().execute(plan(f)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HostTooOldError);
    expect((error as HostTooOldError).message).toContain("ExcelApi 1.8");
    expect((error as HostTooOldError).message_zh).toContain("ExcelApi 1.8");
    expect(f.model.syncs).toHaveLength(0);
    expect(JSON.stringify(f.model.snapshot())).toBe(before);
  });
});
