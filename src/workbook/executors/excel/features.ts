// The Excel the add-in runs in. The manifest requires SharedRuntime 1.1, which exists only in Excel on
// the web, Excel for Windows Version 2002 (Build 12527.20092) or later (Excel 2021 from Version 2108)
// and Excel for Mac 16.35 or later (Microsoft Learn, "Shared runtime requirement sets"). Every one of
// those supports ExcelApi 1.10 or later (Microsoft Learn, "Excel JavaScript API requirement sets":
// 1.10 came with Version 1907 and Mac 16.30). The newest member the executor uses needs ExcelApi 1.8
// (ChartDataLabel.formula, ChartSeries.dataLabels, by @types/office-js's [Api set] annotations, checked
// by test/excel/requirementSets.test.ts), so 1.8 is the minimum the manifest asks for and the one
// check made here; no code path exists for anything older, because no host that loads the add-in is.

import { textOf } from "../../../text";

/** The ExcelApi requirement set the add-in needs; the manifest's <Set Name="ExcelApi"> says the same. */
export const MIN_EXCEL_API = "1.8";

/**
 * The host does not support MIN_EXCEL_API (Office should not have loaded the add-in at all). The
 * message carries both languages, as whatever shows it may not know the reader's.
 */
export class HostTooOldError extends Error {
  readonly message_en = textOf("en-US").hostTooOld(MIN_EXCEL_API);
  readonly message_zh = textOf("zh-CN").hostTooOld(MIN_EXCEL_API);
  constructor() {
    super("");
    this.message = `${this.message_en} / ${this.message_zh}`;
    this.name = "HostTooOldError";
  }
}

/**
 * Throws HostTooOldError unless the running host supports ExcelApi MIN_EXCEL_API; outside Office
 * (no `Office` global) it throws too, as nothing here can run there.
 *
 * @example
 * requireExcelApi() // returns in Excel on the web; throws in an Excel 2016 that ignored the manifest
 */
export function requireExcelApi(): void {
  let supported = false;
  try {
    supported = typeof Office !== "undefined" && Office.context.requirements.isSetSupported("ExcelApi", MIN_EXCEL_API);
  } catch {
    supported = false;
  }
  if (!supported) throw new HostTooOldError();
}
