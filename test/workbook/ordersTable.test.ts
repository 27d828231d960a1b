import { serialOfDate } from "../../src/engine/orders";
import { openXlsx } from "../../src/workbook/executors/xlsx";
import { indicatorSheetRows, parseOrdersTable, readOrderDate, serialText } from "../../src/workbook/reading/ordersTable";
import type { Block, CellValue } from "../../src/workbook/types";
import { buildWorkbook } from "../xlsx/buildWorkbook";

const D = (y: number, m: number, d: number) => serialOfDate(y, m, d);

function block(values: CellValue[][], sheet = "Orders"): Block {
  return { sheet, box: { top: 0, left: 0, rows: values.length, columns: Math.max(...values.map((r) => r.length)) }, values };
}

describe("readOrderDate", () => {
  it("reads serials, ISO text, Chinese dates and month names", () => {
    expect(readOrderDate(39082, "MDY")).toBe(39082);
    expect(readOrderDate(39082.75, "MDY")).toBe(39082); // a time of day is dropped
    expect(readOrderDate("2006-12-31", "YMD")).toBe(D(2006, 12, 31));
    expect(readOrderDate("2006-12-31T23:30:00.000+0800", "MDY")).toBe(D(2006, 12, 31)); // the date as written
    expect(readOrderDate("2006/12/31", "MDY")).toBe(D(2006, 12, 31));
    expect(readOrderDate("2006.1.5", "DMY")).toBe(D(2006, 1, 5));
    expect(readOrderDate("2006年12月31日", "MDY")).toBe(D(2006, 12, 31));
    expect(readOrderDate("２００６－１２－３１", "MDY")).toBe(D(2006, 12, 31)); // full-width
    expect(readOrderDate("31-Dec-2006", "YMD")).toBe(D(2006, 12, 31));
    expect(readOrderDate("Dec 31, 2006", "DMY")).toBe(D(2006, 12, 31));
    expect(readOrderDate("31 December 2006", "MDY")).toBe(D(2006, 12, 31));
  });
  it("reads day/month/year numbers in the workbook's order, two-digit years as Windows does", () => {
    expect(readOrderDate("03/04/2006", "MDY")).toBe(D(2006, 3, 4));
    expect(readOrderDate("03/04/2006", "DMY")).toBe(D(2006, 4, 3));
    expect(readOrderDate("12-31-06", "MDY")).toBe(D(2006, 12, 31));
    expect(readOrderDate("1/2/29", "MDY")).toBe(D(2029, 1, 2));
    expect(readOrderDate("1/2/30", "MDY")).toBe(D(1930, 1, 2));
    expect(readOrderDate("03/04/2006", "YMD")).toBeUndefined(); // zh-CN: the order is unknown
    expect(readOrderDate("31/12/2006", "MDY")).toBeUndefined(); // no month 31: never a guess
  });
  it("gives null for a blank and undefined for anything else", () => {
    expect(readOrderDate(null, "MDY")).toBeNull();
    expect(readOrderDate("  ", "MDY")).toBeNull();
    expect(readOrderDate("soon", "MDY")).toBeUndefined();
    expect(readOrderDate("2006-02-30", "MDY")).toBeUndefined();
    expect(readOrderDate(true, "MDY")).toBeUndefined();
    expect(readOrderDate({ error: "#VALUE!" }, "MDY")).toBeUndefined();
    expect(readOrderDate(0, "MDY")).toBeUndefined();
    expect(readOrderDate(3e6, "MDY")).toBeUndefined();
  });
  it("writes serials back as yyyy-mm-dd", () => {
    expect(serialText(39082)).toBe("2006-12-31");
    expect(serialText(1)).toBe("1900-01-01");
    expect(serialText(61)).toBe("1900-03-01");
  });
});

describe("parseOrdersTable", () => {
  it("aggregates per customer, IDs matched case- and width-insensitively, lines of one order merged", () => {
    const result = parseOrdersTable(
      block([
        ["客户编号", "订单编号", "订单日期", "金额", "毛利"],
        ["C01", "O1", "2006-12-01", 100, 30],
        ["c01", "O1", "2006-12-02", "1,000", null], // a second line of order O1, one day later
        [null, null, null, null, null],
        ["Ｃ01", "O2", D(2006, 11, 1), 20, 5],
        ["C02", "", "12/30/2006", 50, null],
      ]),
      { asOf: D(2006, 12, 31), dateOrder: "MDY" },
    );
    expect(result.problems).toEqual([]);
    const ind = result.indicators!;
    expect(ind.ids).toEqual(["C01", "C02"]);
    expect(Array.from(ind.frequency)).toEqual([2, 1]);
    expect(Array.from(ind.monetary)).toEqual([1120, 50]);
    expect(Array.from(ind.recencyDays)).toEqual([29, 1]);
    expect(Array.from(ind.tenureDays)).toEqual([60, 1]);
    expect(Array.from(ind.margin)).toEqual([35, NaN]);
    expect(result.orders!.lines).toBe(4);
    expect(result.orders!.rows).toEqual([1, 4, 5]);
  });

  it("counts every row as an order without an Order ID column (as R's rfm does)", () => {
    const r = parseOrdersTable(
      block([
        ["Customer ID", "Order date", "Amount"],
        ["A", "2006-12-01", 1],
        ["A", "2006-12-01", 2],
      ]),
      { asOf: D(2006, 12, 31), dateOrder: "MDY" },
    );
    expect(Array.from(r.indicators!.frequency)).toEqual([2]);
  });

  it("names every bad cell, in both languages", () => {
    const r = parseOrdersTable(
      block(
        [
          [null, null, null],
          ["Customer ID", "Date", "Revenue"],
          ["A", "someday", 10],
          ["B", "2007-01-02", 10],
          [null, "2006-01-01", 10],
          ["C", null, "ten"],
          ["D", "2006-01-01", { error: "#N/A" }],
          ["E", "31/12/2006", null],
        ],
        "订单",
      ),
      { asOf: D(2006, 12, 31), dateOrder: "MDY" },
    );
    expect(r.indicators).toBeUndefined();
    expect(r.problems.map((p) => [p.code, p.cell])).toEqual([
      ["order-date-unreadable", "B3"],
      ["order-after-as-of", "B4"],
      ["blank-id", "A5"],
      ["order-value-missing", "B6"],
      ["order-not-a-number", "C6"],
      ["order-not-a-number", "C7"],
      ["order-date-unreadable", "B8"],
      ["order-value-missing", "C8"],
    ]);
    const m = (code: string, cell: string) => r.problems.find((p) => p.code === code && p.cell === cell)!.message;
    expect(m("order-date-unreadable", "B3")["en-US"]).toBe('订单!B3: "someday" is not a date the add-in can read. Enter a date cell, or text such as 2006-12-31 or 12/31/2006.');
    expect(m("order-after-as-of", "B4")["zh-CN"]).toBe("订单!B4：订单日期 2007-01-02 晚于分析日期 2006-12-31。请更正日期，或选择更晚的分析日期。");
    expect(m("order-not-a-number", "C7")["en-US"]).toBe("订单!C7: the Revenue cell shows the error #N/A. Fix its formula or enter a number.");
    expect(m("order-value-missing", "B6")["zh-CN"]).toBe("订单!B6：该订单没有Date。请填写，或删除该行。");
  });

  it("asks for the columns it needs", () => {
    const r = parseOrdersTable(block([["Customer ID", "When", "Amount"], ["A", 1, 2]]), { asOf: 100, dateOrder: "MDY" });
    expect(r.problems.map((p) => p.code)).toEqual(["orders-header-missing"]);
    expect(r.problems[0].message["en-US"]).toBe(
      'Orders!A1:C1: the Orders table has no "Order date" column (its header row has: Customer ID, When, Amount). Add a column headed "Order date" or "订单日期".',
    );
    expect(parseOrdersTable(block([[null]]), { asOf: 100, dateOrder: "MDY" }).problems.map((p) => p.code)).toEqual(["table-empty"]);
  });

  it("caps the problems of one kind per column, then counts the rest", () => {
    const rows: CellValue[][] = [["Customer ID", "Order date", "Amount"]];
    for (let i = 0; i < 25; i++) rows.push([`C${i}`, "never", 1]);
    const r = parseOrdersTable(block(rows), { asOf: 100000, dateOrder: "MDY" });
    expect(r.problems.filter((p) => p.code === "order-date-unreadable").length).toBe(10);
    const more = r.problems.find((p) => p.code === "more-problems")!;
    expect(more.cell).toBe("B2:B26");
    expect(more.message["en-US"]).toContain("15 more cells");
  });

  it("reads dates from a real .xlsx: date cells, t=\"d\" cells and text", async () => {
    const data = await buildWorkbook([
      {
        name: "Orders",
        table: "Orders",
        rows: [
          ["Customer ID", "Order date", "Amount"],
          ["A", { date: "2006-12-01" }, 10],
          ["A", { date: "2006-12-05T10:00:00,5" }, 20], // ISO 8601 decimal comma: the reader hands it on as text
          ["B", D(2006, 12, 24), 5],
          ["B", "2006/12/20", 5],
          ["C", "12/29/2006", 7],
        ],
      },
    ]);
    const workbook = await openXlsx(data);
    const table = (await workbook.index()).tables[0];
    const values = await workbook.read(table.sheet, table.box);
    expect(values[1][1]).toBe(D(2006, 12, 1)); // t="d" read as a serial
    expect(values[2][1]).toBe("2006-12-05T10:00:00,5"); // t="d" the reader cannot parse: its text
    const r = parseOrdersTable({ sheet: table.sheet, table: table.name, box: table.box, values }, { asOf: D(2006, 12, 31), dateOrder: "MDY" });
    expect(r.problems).toEqual([]);
    expect(r.indicators!.ids).toEqual(["A", "B", "C"]);
    expect(Array.from(r.indicators!.recencyDays)).toEqual([26, 7, 2]);
    expect(Array.from(r.indicators!.tenureDays)).toEqual([30, 11, 2]);
    expect(Array.from(r.indicators!.monetary)).toEqual([30, 10, 7]);
  });
});

describe("indicatorSheetRows", () => {
  it("writes the Customer indicators sheet, margin only when there is one", () => {
    const r = parseOrdersTable(
      block([
        ["客户编号", "订单日期", "金额"],
        ["a", "2006-12-29", 5],
      ]),
      { asOf: D(2006, 12, 31), dateOrder: "YMD" },
    );
    expect(indicatorSheetRows(r.indicators!, "zh-CN")).toEqual([
      ["客户编号", "最近购买间隔(天)", "购买频次(单)", "消费金额", "平均订单金额", "客户年限(天)", "最近订单日期", "首次订单日期"],
      ["a", 2, 1, 5, 5, 2, "2006-12-29", "2006-12-29"],
    ]);
  });
});
