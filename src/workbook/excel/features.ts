// What the host's Excel can do, asked once per run through Office's requirement sets, so the executor
// degrades (and says so on the summary sheet) instead of failing on an older Excel.

export interface Features {
  /** Conditional formats (ExcelApi 1.6): tier colours. */
  conditionalFormats: boolean;
  /** Adding series, setting their ranges and reversing the category axis (ExcelApi 1.7). */
  chartSeries: boolean;
  /** Data labels from cells and gap width (ExcelApi 1.8). */
  labelFormulas: boolean;
  /** Application.suspendApiCalculationUntilNextSync (ExcelApi 1.8). */
  suspendCalculation: boolean;
}

/**
 * The features of the running host. Outside Office (no `Office` global) everything is reported
 * missing; it throws nothing.
 *
 * @example
 * detectFeatures() // { conditionalFormats: true, chartSeries: true, labelFormulas: true, suspendCalculation: true } in Excel on the web
 */
export function detectFeatures(): Features {
  const supported = (version: string): boolean => {
    try {
      return typeof Office !== "undefined" && Office.context.requirements.isSetSupported("ExcelApi", version);
    } catch {
      return false;
    }
  };
  return {
    conditionalFormats: supported("1.6"),
    chartSeries: supported("1.7"),
    labelFormulas: supported("1.8"),
    suspendCalculation: supported("1.8"),
  };
}
