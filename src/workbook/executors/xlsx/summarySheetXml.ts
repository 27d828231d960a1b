// An add-in sheet (the tier summary) as a worksheet part: its blocks of cells, column widths and the
// drawing that holds its charts.

import type { CellOut, OutputSheet } from "../../types";
import { columnName, rangeCorners } from "../../reading/address";
import { cellXml } from "./cellXml";
import { heatMapXml } from "./heatMapXml";
import type { Stylesheet } from "./stylesheet";

/** Every cell the sheet's blocks write, by row then column (a later block wins where blocks overlap). */
function cellMap(sheet: OutputSheet): Map<number, Map<number, { value: CellOut; block: number; column: number }>> {
  const rows = new Map<number, Map<number, { value: CellOut; block: number; column: number }>>();
  sheet.blocks.forEach((block, b) => {
    block.values.forEach((values, i) => {
      const row = block.top + i;
      let cells = rows.get(row);
      if (!cells) rows.set(row, (cells = new Map()));
      values.forEach((value, j) => cells!.set(block.left + j, { value, block: b, column: j }));
    });
  });
  return rows;
}

/**
 * The values the sheet's blocks write in an A1 range, row by row (null where nothing is written);
 * the chart parts cache them.
 *
 * @example
 * // blocks [{ top: 0, left: 0, values: [["A", 3], ["B", 5]] }]
 * // valuesInRange(sheet, "B1:B2") // [3, 5]
 */
export function valuesInRange(sheet: OutputSheet, range: string): CellOut[] {
  const { top, left, bottom, right } = rangeCorners(range.replace(/^.*!/, "").replace(/\$/g, ""));
  const cells = cellMap(sheet);
  const values: CellOut[] = [];
  for (let row = top; row <= bottom; row++) {
    for (let column = left; column <= right; column++) values.push(cells.get(row)?.get(column)?.value ?? null);
  }
  return values;
}

/**
 * The worksheet part of an add-in sheet: cells styled by their block (header, title, number format),
 * column widths and hidden columns, its heat maps as colour-scale conditional formats, and a <drawing> pointing at
 * drawingRelationshipId when the sheet has charts. Throws when a heat map's range is not A1.
 *
 * @example
 * // { name: "Tier summary", blocks: [{ top: 0, left: 0, values: [["Customer tiers"]], look: { bold: true, size: 14 } }],
 * //   columnWidths: [24], charts: [] } -> a worksheet with <col min="1" max="1" width="24" customWidth="1"/>
 * // heatMaps: ["B5:E8"] -> <conditionalFormatting sqref="B5:E8"> after </sheetData>
 */
export function summarySheetXml(sheet: OutputSheet, styles: Stylesheet, drawingRelationshipId?: string): string {
  const cells = cellMap(sheet);
  const rowXml: string[] = [];
  let maxRow = 0;
  let maxColumn = 0;
  for (const row of [...cells.keys()].sort((a, b) => a - b)) {
    const columns = cells.get(row)!;
    const parts: string[] = [];
    for (const column of [...columns.keys()].sort((a, b) => a - b)) {
      const { value, block, column: j } = columns.get(column)!;
      const spec = sheet.blocks[block];
      // A formula never gets the Text format "@" (Office.js executor's cellFormat keeps the same rule).
      const numberFormat = spec.numberFormats?.[j] ?? null;
      const isFormula = value !== null && typeof value === "object";
      const style = styles.cellStyle({ numberFormat: isFormula && numberFormat === "@" ? null : numberFormat, look: spec.look });
      const xml = cellXml(row, column, value, style);
      if (xml) {
        parts.push(xml);
        maxRow = Math.max(maxRow, row);
        maxColumn = Math.max(maxColumn, column);
      }
    }
    if (parts.length) rowXml.push(`<row r="${row + 1}">${parts.join("")}</row>`);
  }
  // One <col> per column with a width or hidden, ascending as CT_Cols requires.
  const hidden = new Set(sheet.hiddenColumns ?? []);
  const columns = [...new Set([...sheet.columnWidths.keys(), ...hidden])].sort((a, b) => a - b);
  const widths = columns
    .map((i) => {
      const width = sheet.columnWidths[i] ?? 0;
      const attributes = (width > 0 ? ` width="${width}" customWidth="1"` : "") + (hidden.has(i) ? ' hidden="1"' : "");
      return attributes ? `<col min="${i + 1}" max="${i + 1}"${attributes}/>` : "";
    })
    .join("");
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ' +
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
    `<dimension ref="A1:${columnName(maxColumn)}${maxRow + 1}"/>` +
    '<sheetViews><sheetView workbookViewId="0"/></sheetViews><sheetFormatPr defaultRowHeight="15"/>' +
    (widths ? `<cols>${widths}</cols>` : "") +
    `<sheetData>${rowXml.join("")}</sheetData>` +
    // CT_Worksheet's order: conditionalFormatting after sheetData, before pageMargins and drawing.
    heatMapXml(sheet.heatMaps ?? []) +
    '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>' +
    '<pageSetup orientation="landscape"/>' +
    (drawingRelationshipId ? `<drawing r:id="${drawingRelationshipId}"/>` : "") +
    "</worksheet>"
  );
}

