// The R rfm vignette again, but through a workbook a real program wrote: LibreOffice imports the
// package's order list (test/reference/rfm/rfm_data_orders.csv) as an .xlsx with real date cells,
// our .xlsx reader reads it, parseOrdersTable aggregates it, and the RFM engine must still give the
// vignette's segment table exactly. Needs soffice; skipped with a message without it.

import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { serialOfDate } from "../../src/engine/orders";
import { DEFAULT_RFM_SEGMENTS, rfmScores, rfmSegmentOf, rfmSegmentSummary } from "../../src/engine/rfm";
import { parseOrdersTable } from "../../src/workbook/ordersTable";
import { openXlsx } from "../../src/workbook/xlsx";
import { describeWithLibreOffice, libreOfficeWorkspace, soffice } from "../support/libreoffice";

const CSV = path.join(__dirname, "..", "reference", "rfm", "rfm_data_orders.csv");

describeWithLibreOffice("an Orders sheet written by LibreOffice", () => {
  test("reads as date cells and reproduces R's rfm vignette segment table", async () => {
    const { dir, profile } = libreOfficeWorkspace();
    try {
      const input = path.join(dir, "orders.csv");
      fs.copyFileSync(CSV, input);
      // CSV import: comma, double quote, UTF-8, from line 1, language en-US (1033), detect dates and numbers.
      execFileSync(
        soffice as string,
        [`-env:UserInstallation=file://${profile}`, "--headless", "--norestore", "--infilter=CSV:44,34,76,1,,1033,false,true", "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", dir, input],
        { stdio: "pipe", timeout: 180000 },
      );
      const workbook = await openXlsx(fs.readFileSync(path.join(dir, "orders.xlsx")));
      const sheet = (await workbook.index()).sheets[0];
      const values = await workbook.read(sheet.name, sheet.used!);
      expect(values[0]).toEqual(["customer_id", "order_date", "revenue"]);
      expect(values[1]).toEqual(["Brion Stark", serialOfDate(2004, 12, 20), 32]); // a date cell: its serial number
      const { indicators, problems } = parseOrdersTable({ sheet: sheet.name, box: sheet.used!, values }, { asOf: serialOfDate(2006, 12, 31), dateOrder: "MDY" });
      expect(problems).toEqual([]);
      const ind = indicators!;
      expect(ind.ids.length).toBe(995);
      const rfm = rfmScores(ind.recencyDays, ind.frequency, ind.monetary);
      const segment = rfmSegmentOf(rfm.r, rfm.f, rfm.m, DEFAULT_RFM_SEGMENTS);
      const summary = rfmSegmentSummary(segment, ind.frequency, ind.monetary, DEFAULT_RFM_SEGMENTS);
      // Published in the package's vignette "RFM - Introduction" (see test/reference/rfm/README.md).
      expect(Object.fromEntries(summary.map((s) => [s.segment, [s.customers, s.orders, s.revenue]]))).toEqual({
        "About To Sleep": [102, 283, 23449],
        "At Risk": [28, 216, 22227],
        "Can't Lose Them": [47, 274, 32446],
        Champions: [35, 316, 31646],
        Lost: [148, 393, 35324],
        "Loyal Customers": [170, 799, 76562],
        "Need Attention": [10, 57, 4562],
        "New Customers": [104, 329, 28837],
        "Potential Loyalist": [342, 2211, 204856],
        Promising: [9, 28, 4249],
      });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
