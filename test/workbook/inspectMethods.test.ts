// The check before Grade (inspectWorkbook) for the methods of issue 16: an Orders table, RFM and k-means.
// It says what Grade will write (columns, sheets) and the Orders table's problems with their cells,
// and writes nothing; gradeWorkbook from orders writes nothing either when the run finds a problem.

import { gradeWorkbook, inspectWorkbook, defaultSettings, type GradeSettings } from "../../src/workbook/run";
import { openXlsx } from "../../src/workbook/executors/xlsx";
import { buildWorkbook, type FixtureSheet } from "../xlsx/buildWorkbook";

const NOW = new Date(2006, 11, 31);
const AS_OF = 39082; // 2006-12-31

function ordersSheets(extra: FixtureSheet[] = []): FixtureSheet[] {
  return [
    {
      name: "Orders",
      rows: [
        ["Customer ID", "Order date", "Amount"],
        ["C1", 39080, 100], // 2006-12-29
        ["C1", "2006-12-01", 300],
        ["C2", 39081, 150], // 2006-12-30
        ["C3", 39000, 20], // 2006-10-10
        ["C4", "2006-06-01", 80],
        ["C4", "2006-07-01", 90],
      ],
    },
    ...extra,
  ];
}

async function book(sheets: FixtureSheet[]) {
  return openXlsx(await buildWorkbook(sheets));
}

function rfm(extra: Partial<GradeSettings> = {}): GradeSettings {
  return { ...defaultSettings("en-US", NOW), method: { kind: "rfm", bins: 2 }, orders: { asOf: AS_OF }, ...extra };
}

describe("inspectWorkbook with an Orders table and RFM", () => {
  test("says the Customer indicators sheet, the RFM columns and the Segments sheet will be written, and writes nothing", async () => {
    const workbook = await book(ordersSheets());
    const before = await workbook.index();
    const found = await inspectWorkbook(workbook, rfm());
    expect(found.problems.filter((p) => p.severity === "error")).toEqual([]);
    expect(found.ok).toBe(true);
    expect(found.customers).toBe(4);
    expect(found.orders).toEqual({ orders: 6, customers: 4 });
    expect(found.customersSheet).toBe("Customer indicators");
    expect(found.writes?.columns).toEqual(["Score", "Rank", "Tier", "R", "F", "M", "RFM score", "Segment"]);
    expect(found.writes?.sheets).toEqual(["Customer indicators", "Tier summary", "Segments"]);
    expect(await workbook.index()).toEqual(before);
    expect(await workbook.readState()).toBeUndefined();
  });

  test("zh-CN: 客户指标 and 细分, the columns in Chinese", async () => {
    const workbook = await book(ordersSheets());
    const found = await inspectWorkbook(workbook, { ...rfm(), ...defaultSettings("zh-CN", NOW), method: { kind: "rfm", bins: 2 }, orders: { asOf: AS_OF } });
    expect(found.ok).toBe(true);
    expect(found.writes?.columns).toEqual(["得分", "排名", "等级", "R", "F", "M", "RFM得分", "细分"]);
    expect(found.writes?.sheets[0]).toBe("客户指标");
    expect(found.writes?.sheets).toContain("细分");
  });

  test("an order after the analysis date is a problem with its cell; nothing is graded", async () => {
    const workbook = await book(ordersSheets());
    const found = await inspectWorkbook(workbook, rfm({ orders: { asOf: 39080 } }));
    expect(found.ok).toBe(false);
    const late = found.problems.find((p) => p.severity === "error");
    expect(late?.sheet).toBe("Orders");
    expect(late?.cell).toBe("B4");
    expect(late?.message["zh-CN"]).toBeTruthy();
  });

  test("a workbook without an Orders table: the problem names the table looked for", async () => {
    const workbook = await book([{ name: "Customers", rows: [["Customer ID", "Sales"], ["C1", 1]] }]);
    const found = await inspectWorkbook(workbook, rfm());
    expect(found.ok).toBe(false);
    expect(found.problems[0].code).toBe("table-not-found");
    expect(found.problems[0].message["en-US"]).toContain("Orders");
  });

  test("the Segments table the workbook has is read, not written again; its bad cell is a problem", async () => {
    const segments: FixtureSheet = {
      name: "Segments",
      rows: [
        ["Segment", "R low", "R high", "F low", "F high", "M low", "M high"],
        ["Best", 2, 2, 2, 2, 2, 2],
        ["Rest", 1, "two", 1, 2, 1, 2],
      ],
    };
    const found = await inspectWorkbook(await book(ordersSheets([segments])), rfm());
    expect(found.ok).toBe(false);
    expect(found.problems.some((p) => p.sheet === "Segments" && p.cell === "C3")).toBe(true);
  });
});

describe("inspectWorkbook for RFM on a customer table and for k-means", () => {
  const customers: FixtureSheet = {
    name: "Customers",
    rows: [
      ["Customer ID", "Days since", "Orders", "Spend"],
      ["A", 3, 9, 900],
      ["B", 30, 4, 400],
      ["C", 90, 1, 50],
      ["D", 10, 6, 700],
    ],
  };

  test("rfm with three picked columns: the measures are read from them, the RFM columns written beside", async () => {
    const workbook = await book([customers]);
    const found = await inspectWorkbook(workbook, { ...defaultSettings("en-US", NOW), method: { kind: "rfm", bins: 2, columns: ["Days since", "Orders", "Spend"] } });
    expect(found.ok).toBe(true);
    expect(found.customersSheet).toBe("Customers");
    expect(found.indicators.map((i) => i.column)).toEqual(["Days since", "Orders", "Spend"]);
    expect(found.writes?.columns).toContain("Segment");
    expect(found.writes?.sheets).toEqual(["Tier summary", "Segments"]);
  });

  test("rfm with a picked column the table lacks: a problem naming the column", async () => {
    const found = await inspectWorkbook(await book([customers]), { ...defaultSettings("en-US", NOW), method: { kind: "rfm", bins: 2, columns: ["Days since", "Visits", "Spend"] } });
    expect(found.ok).toBe(false);
    expect(found.problems.map((p) => p.message["en-US"]).join(" ")).toContain("Visits");
  });

  test("k-means and the Why column: Score, Rank and Tier, no Why (clusters are not tiers by score); shares with explain add Why", async () => {
    const weights: FixtureSheet = { name: "Weights", rows: [["Indicator", "Column", "Weight", "Direction"], ["Spend", "Spend", 0.6, "higher"], ["Days", "Days since", 0.4, "lower"]] };
    const workbook = await book([customers, weights]);
    const kmeans = await inspectWorkbook(workbook, { ...defaultSettings("en-US", NOW), method: { kind: "kmeans", k: 2 }, explain: true });
    expect(kmeans.ok).toBe(true);
    expect(kmeans.writes).toEqual({ columns: ["Score", "Rank", "Tier"], sheets: ["Tier summary"] });
    const explained = await inspectWorkbook(workbook, { ...defaultSettings("en-US", NOW), explain: true, risk: true });
    expect(explained.writes?.columns).toEqual(["Score", "Rank", "Tier", "Risk", "Why"]);
    // No Risk rules sheet: no default rule fits these columns (riskRules.ts), so none is written.
    expect(explained.writes?.sheets).toEqual(["Tier summary", "Watch list"]);
  });
});

describe("gradeWorkbook from an Orders table", () => {
  test("writes the Customer indicators sheet and grades it; the outcome's inspection names the sheet", async () => {
    const workbook = await book(ordersSheets());
    const outcome = await gradeWorkbook(workbook, rfm());
    expect(outcome.ok).toBe(true);
    expect(outcome.inspection.customersSheet).toBe("Customer indicators");
    const names = (await workbook.index()).sheets.map((s) => s.name);
    expect(names).toEqual(expect.arrayContaining(["Orders", "Customer indicators", "Tier summary", "Segments"]));
    const state = await workbook.readState();
    expect(state?.sheet).toBe("Customer indicators");
    expect(state?.sheets).toEqual(expect.arrayContaining(["Customer indicators", "Tier summary"]));
    const header = await workbook.read("Customer indicators", { top: 0, left: 0, rows: 1, columns: 20 });
    expect(header[0]).toEqual(expect.arrayContaining(["Customer ID", "Recency (days)", "R", "F", "M", "RFM score", "Segment"]));
  });

  test("a run that finds a problem after the orders (a Tier summary sheet of the analyst's) writes nothing, not even the indicators", async () => {
    const workbook = await book(ordersSheets([{ name: "Tier summary", rows: [["mine"]] }]));
    const before = await workbook.index();
    const outcome = await gradeWorkbook(workbook, rfm());
    expect(outcome.ok).toBe(false);
    expect(outcome.inspection.problems.some((p) => p.code === "output-sheet-collision")).toBe(true);
    expect(await workbook.index()).toEqual(before);
  });
});
