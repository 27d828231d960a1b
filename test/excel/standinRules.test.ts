// Each rule the stand-in enforces (test/support/EXCEL-RULES.md), exercised on its own: what Excel
// refuses, the stand-in refuses; what it accepts at the edge, the stand-in accepts.

import {
  formulaFault,
  MAX_CELL_CHARS,
  PAYLOAD_LIMIT,
  resultOf,
  sheetNameFault,
  StandinWorkbook,
  UNCALCULATED,
} from "../support/excel-standin";

function book(): StandinWorkbook {
  const model = new StandinWorkbook();
  model.addSheet("Sheet1");
  model.install();
  return model;
}

const run = (f: (context: Excel.RequestContext) => Promise<unknown>) => Excel.run(f);

describe("the stand-in keeps Excel's rules", () => {
  test("sheet names: not blank, <= 31 characters, none of / \\ ? * : [ ], no apostrophe at an end, not History, unique", async () => {
    expect(sheetNameFault("A".repeat(31))).toBeUndefined();
    expect(sheetNameFault("Tier history")).toBeUndefined();
    expect(sheetNameFault("It's mine")).toBeUndefined();
    for (const bad of ["", "   ", "A".repeat(32), "a/b", "a\\b", "a?", "a*", "a:b", "[a]", "'a", "a'", "History", "HISTORY"]) {
      expect(sheetNameFault(bad)).toBeDefined();
    }
    const model = book();
    await expect(run(async (context) => { context.workbook.worksheets.add("History"); await context.sync(); })).rejects.toMatchObject({ code: "InvalidArgument" });
    await expect(run(async (context) => { context.workbook.worksheets.add("sheet1"); await context.sync(); })).rejects.toMatchObject({ code: "ItemAlreadyExists" });
    await expect(run(async (context) => { context.workbook.worksheets.getItem("Sheet1").name = "a:b"; await context.sync(); })).rejects.toMatchObject({ code: "InvalidArgument" });
    expect(model.sheets.map((s) => s.name)).toEqual(["Sheet1"]);
  });

  test("formulas: at most 8,192 characters, text constants in them at most 255", async () => {
    expect(formulaFault(`="${"x".repeat(255)}"`)).toBeUndefined();
    expect(formulaFault(`="${"x".repeat(256)}"`)).toMatch(/255/);
    expect(formulaFault(`="${'"'.repeat(2 * 255)}"`)).toBeUndefined(); // 255 quotes, doubled
    expect(formulaFault(`=${"1+".repeat(4095)}1`)).toBeUndefined(); // 8,192 characters
    expect(formulaFault(`=${"1+".repeat(4095)}12`)).toMatch(/8192/); // 8,193
    const model = book();
    await expect(
      run(async (context) => {
        context.workbook.worksheets.getItem("Sheet1").getRange("A1").values = [[`="${"x".repeat(256)}"`]];
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "InvalidArgument" });
    await expect(run(async (context) => { context.workbook.names.add("Long", `="${"x".repeat(300)}"`); await context.sync(); })).rejects.toMatchObject({ code: "InvalidArgument" });
    expect(model.get("Sheet1", 0, 0)).toBeUndefined();
    expect(model.names.size).toBe(0);
  });

  test("a cell holds at most 32,767 characters", async () => {
    const model = book();
    await run(async (context) => {
      const range = context.workbook.worksheets.getItem("Sheet1").getRange("A1");
      range.numberFormat = [["@"]];
      range.values = [["x".repeat(MAX_CELL_CHARS)]];
      await context.sync();
    });
    expect(String(model.get("Sheet1", 0, 0)).length).toBe(MAX_CELL_CHARS);
    await expect(
      run(async (context) => {
        context.workbook.worksheets.getItem("Sheet1").getRange("A2").values = [["x".repeat(MAX_CELL_CHARS + 1)]];
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "InvalidArgument" });
  });

  test("a sheet is 1,048,576 rows by 16,384 columns", async () => {
    book();
    await run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRangeByIndexes(1048575, 16383, 1, 1).values = [[1]];
      await context.sync();
    });
    for (const [row, column, rows, columns] of [[1048576, 0, 1, 1], [0, 16384, 1, 1], [1048575, 0, 2, 1], [0, 0, 0, 1]]) {
      await expect(
        run(async (context) => {
          context.workbook.worksheets.getItem("Sheet1").getRangeByIndexes(row, column, rows, columns).load("values");
          // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one request per refused box, on purpose
          await context.sync();
        }),
      ).rejects.toMatchObject({ code: "InvalidArgument" });
    }
  });

  test("getItem of a missing sheet, table, table column: ItemNotFound at sync; *OrNullObject: a null object", async () => {
    book();
    await expect(run(async (context) => { context.workbook.worksheets.getItem("Nope").load("name"); await context.sync(); })).rejects.toMatchObject({ code: "ItemNotFound" });
    await expect(run(async (context) => { context.workbook.tables.getItem("Nope").load("name"); await context.sync(); })).rejects.toMatchObject({ code: "ItemNotFound" });
    const isNull = await run(async (context) => {
      const sheet = context.workbook.worksheets.getItemOrNullObject("Nope");
      sheet.load("name");
      await context.sync();
      return sheet.isNullObject;
    });
    expect(isNull).toBe(true);
  });

  test("values of a formula cell is its result, formulas its formula", async () => {
    const model = book();
    model.setValues("Sheet1", 0, 0, [[{ formula: "=SUM(B1:B3)" }, { formula: '="A"' }, { formula: "=12" }]]);
    const [values, formulas] = await run(async (context) => {
      const range = context.workbook.worksheets.getItem("Sheet1").getRange("A1:C1").load("values,formulas");
      await context.sync();
      return [range.values, range.formulas];
    }) as [unknown[][], unknown[][]];
    expect(values).toEqual([[UNCALCULATED, "A", 12]]);
    expect(formulas).toEqual([["=SUM(B1:B3)", '="A"', "=12"]]);
    expect(resultOf({ formula: "=A1*2" })).not.toBe("=A1*2");
  });

  test("a name's formula is read back with its '=' and needs ExcelApi 1.7", async () => {
    const model = book();
    await run(async (context) => { context.workbook.names.add("Rate", "=0.25"); await context.sync(); });
    const formula = await run(async (context) => {
      const name = context.workbook.names.getItemOrNullObject("Rate");
      name.load("formula");
      await context.sync();
      return name.formula;
    });
    expect(formula).toBe("=0.25");
    model.excelApi = 1.6;
    await expect(
      run(async (context) => {
        context.workbook.names.getItemOrNullObject("Rate").load("formula");
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "ApiNotFound" });
  });

  test("deleting a table column shifts the table's columns to its right; data right of the table is refused (not documented)", async () => {
    const model = book();
    model.setValues("Sheet1", 0, 0, [["A", "B", "C"], [1, 2, 3]]);
    model.addTable("T", "Sheet1", { top: 0, left: 0, rows: 2, columns: 3 });
    await run(async (context) => { context.workbook.tables.getItem("T").columns.getItem("B").delete(); await context.sync(); });
    expect([model.get("Sheet1", 0, 0), model.get("Sheet1", 0, 1), model.get("Sheet1", 1, 1), model.get("Sheet1", 0, 2)]).toEqual(["A", "C", 3, undefined]);
    expect(model.tables[0].headers).toEqual(["A", "C"]);
    model.setValues("Sheet1", 1, 4, [["beside"]]);
    await expect(run(async (context) => { context.workbook.tables.getItem("T").columns.getItem("A").delete(); await context.sync(); })).rejects.toMatchObject({ code: "NotModelled" });
    await expect(run(async (context) => { context.workbook.tables.getItem("T").columns.add(0, undefined, "X"); await context.sync(); })).rejects.toMatchObject({ code: "InvalidArgument" });
  });

  test("a request or a response over 5 MB is refused", async () => {
    book();
    const big = [["x".repeat(30000)]];
    await expect(
      run(async (context) => {
        const sheet = context.workbook.worksheets.getItem("Sheet1");
        for (let r = 0; r < 200; r++) {
          const cell = sheet.getRangeByIndexes(r, 0, 1, 1);
          cell.numberFormat = [["@"]];
          cell.values = big;
        }
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "RequestPayloadSizeLimitExceeded" });
    expect(200 * 30000).toBeGreaterThan(PAYLOAD_LIMIT);
  });
});
