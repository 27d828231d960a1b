// The Office.js backend: the only part of src/workbook that touches Excel's object model.
export { ExcelWorkbook } from "./ExcelWorkbook";
export type { ExcelWorkbookOptions } from "./ExcelWorkbook";
export { documentBaseName, documentBytes, openAsNewWorkbook } from "./documentFile";
