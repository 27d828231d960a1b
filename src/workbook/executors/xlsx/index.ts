// The .xlsx backend: open a workbook held in memory, grade it through the usual WorkbookBackend, save it.
export { openXlsx, XlsxWorkbook } from "./xlsxWorkbook";
export type { SpillStore, SpillStores } from "./partSpill";
