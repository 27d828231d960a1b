// The R rfm vignette again, but through a workbook a real program wrote: LibreOffice imports the
// package's order list (test/reference/rfm/rfm_data_orders.csv) as an .xlsx with real date cells,
// our .xlsx reader reads it, parseOrdersTable aggregates it, and the RFM engine must still give the
// vignette's segment table exactly. Needs soffice; skipped with a message without it.

import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { serialOfDate } from "../../src/engine/orders";
import { DEFAULT_RFM_SEGMENTS, rfmScores, rfmSegmentOf, rfmSegmentSummary } from "../../src/engine/rfm";
import { parseOrdersTable } from "../../src/workbook/reading/ordersTable";
import { openXlsx } from "../../src/workbook/executors/xlsx";
import { describeWithLibreOffice, libreOfficeWorkspace, soffice } from "../support/libreoffice";
import { PUBLISHED_SEGMENT_SUMMARY } from "../reference/rfm/vignette";

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
      expect(Object.fromEntries(summary.map((s) => [s.segment, [s.customers, s.orders, s.revenue]]))).toEqual(PUBLISHED_SEGMENT_SUMMARY);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
