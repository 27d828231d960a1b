// The graded workbooks of --orders --scheme rfm and --explain opened by a real program: LibreOffice
// reads the Customer indicators sheet, its R/F/M/Segment columns, the Segments sheet and the Why column
// as written. Needs soffice; skipped with a message without it.

import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { main } from "../../src/cli/main";
import { describeWithLibreOffice, sheetsAsCsv } from "../support/libreoffice";
import { buildWorkbook, smallCustomerSheets } from "../xlsx/buildWorkbook";
import { capture } from "./capture";

describeWithLibreOffice("graded workbooks of issue 16's methods in LibreOffice", () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "tiers-methods-lo-"));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test("rfm from the vignette's orders: LibreOffice counts the vignette's segments on the Customer indicators sheet", async () => {
    const lines = fs.readFileSync(path.join(__dirname, "..", "reference", "rfm", "rfm_data_orders.csv"), "utf8").trim().split(/\r?\n/);
    const rows: (string | number)[][] = [["Customer ID", "Order date", "Amount"], ...lines.slice(1).map((l) => l.split(",")).map(([id, d, v]) => [id, d, Number(v)])];
    const input = path.join(dir, "rfm.xlsx");
    fs.writeFileSync(input, await buildWorkbook([{ name: "Orders", rows }]));
    const out = path.join(dir, "rfm.graded.xlsx");
    const io = capture();
    expect(await main(["grade", input, "--out", out, "--orders", "Orders", "--as-of", "2006-12-31", "--scheme", "rfm"], io)).toBe(0);
    const sheets = sheetsAsCsv(out, ["Customer indicators", "Segments", "Orders"]);
    const ind = sheets["Customer indicators"];
    expect(ind).toBeDefined();
    const at = ind[0].indexOf("Segment");
    const tier = ind[0].indexOf("Tier");
    expect(at).toBeGreaterThan(0);
    const counts: Record<string, number> = {};
    for (const row of ind.slice(1)) {
      if (row[0] === "") continue;
      expect(row[tier]).toBe(row[at]);
      counts[row[at]] = (counts[row[at]] ?? 0) + 1;
    }
    expect(counts).toEqual({
      "About To Sleep": 102,
      "At Risk": 28,
      "Can't Lose Them": 47,
      Champions: 35,
      Lost: 148,
      "Loyal Customers": 170,
      "Need Attention": 10,
      "New Customers": 104,
      "Potential Loyalist": 342,
      Promising: 9,
    });
    expect(sheets.Segments[1]).toEqual(["Champions", "5", "5", "5", "5", "5", "5"]);
    expect(sheets.Orders.length).toBe(rows.length);
  }, 240000);

  test("--explain: LibreOffice reads the Why column's sentences", async () => {
    const input = path.join(dir, "small.xlsx");
    fs.writeFileSync(input, await buildWorkbook(smallCustomerSheets()));
    const out = path.join(dir, "small.graded.xlsx");
    expect(await main(["grade", input, "--out", out, "--explain"], capture())).toBe(0);
    const customers = sheetsAsCsv(out, ["Customers"]).Customers;
    const why = customers[0].indexOf("Why");
    expect(customers.slice(1, 3).map((r) => r[why])).toEqual(["A: the top tier", "B: 25.0 points below A; no single indicator can close it"]);
  }, 240000);
});
