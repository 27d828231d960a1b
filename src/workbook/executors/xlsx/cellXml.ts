// One cell as the file stores it. Strings are always inline strings, so a customer called
// "=HYPERLINK(...)" or "+1-2" stays text; inline strings also leave the shared-strings part untouched.

import type { CellOut } from "../../types";
import { cellAddress, columnName } from "../../reading/address";
import { storedFormula } from "./storedFormula";
import { escapeXml } from "./xmlText";

/**
 * White space a reader may drop or fold unless the text says xml:space="preserve": at either end, two
 * in a row, or a tab or line break anywhere. Excel reads <t> by the W3C white-space rules ([MS-OI29500]
 * 2.1.678, Part 1 §18.4.12) and writes the attribute only on such texts; its own shared strings carry a
 * plain <t> for "Region North". Any Unicode space counts here, more than XML's four, to stay on the safe side.
 */
const LOOSE_SPACE = /^\s|\s$|\s\s|[\t\n\r]/;

/**
 * The <t> element of a text: with xml:space="preserve" only where white space needs it (a large sheet's
 * IDs, owners and tiers are written millions of times, and the attribute was a tenth of a copy's bytes).
 * @example textElement("A") // "<t>A</t>"
 * @example textElement("A ") // '<t xml:space="preserve">A </t>'
 */
export function textElement(text: string): string {
  return LOOSE_SPACE.test(text) ? `<t xml:space="preserve">${escapeXml(text)}</t>` : `<t>${escapeXml(text)}</t>`;
}

/** Column letters by index, each made once: a large sheet asks for the same few columns millions of times. */
const COLUMN_NAMES: string[] = [];

function address(row: number, column: number): string {
  if (Number.isInteger(row) && row >= 0 && Number.isInteger(column) && column >= 0 && column < 16384) {
    return `${columnLetters(column)}${row + 1}`;
  }
  return cellAddress(row, column);
}

/**
 * The <c> element for a value at a 0-based cell, with a style index when given; "" for a blank
 * without a style. Numbers that are not finite become #NUM!, which is what Excel would show.
 *
 * @example
 * cellXml(1, 5, 87.5, 3)       // '<c r="F2" s="3"><v>87.5</v></c>'
 * cellXml(0, 0, "=1+1")        // '<c r="A1" t="inlineStr"><is><t>=1+1</t></is></c>'
 * cellXml(0, 1, " C-7")        // '<c r="B1" t="inlineStr"><is><t xml:space="preserve"> C-7</t></is></c>'
 * cellXml(2, 1, { formula: "=RANK.EQ(A3,A:A)" }) // '<c r="B3"><f>_xlfn.RANK.EQ(A3,A:A)</f></c>'
 */
export function cellXml(row: number, column: number, value: CellOut, style?: number): string {
  return cellXmlAt(address(row, column), value, style);
}

/**
 * The column's letters, made once per column (0 <= column < 16384).
 * @example columnLetters(27) // "AB"
 */
export function columnLetters(column: number): string {
  return (COLUMN_NAMES[column] ??= columnName(column));
}

/**
 * cellXml for a cell whose A1 reference `r` the caller made (a writer of many cells makes each row's
 * number once).
 * @example cellXmlAt("F2", 87.5, 3) // '<c r="F2" s="3"><v>87.5</v></c>'
 */
export function cellXmlAt(r: string, value: CellOut, style?: number): string {
  const s = style ? ` s="${style}"` : "";
  if (value === null || value === undefined || value === "") return s ? `<c r="${r}"${s}/>` : "";
  if (typeof value === "number") {
    return Number.isFinite(value) ? `<c r="${r}"${s}><v>${value}</v></c>` : `<c r="${r}"${s} t="e"><v>#NUM!</v></c>`;
  }
  if (typeof value === "boolean") return `<c r="${r}"${s} t="b"><v>${value ? 1 : 0}</v></c>`;
  if (typeof value === "string") return `<c r="${r}"${s} t="inlineStr"><is>${textElement(value)}</is></c>`;
  // No cached value: the workbook is marked for a full calculation on load (see xlsxPackage.ts).
  return `<c r="${r}"${s}><f>${escapeXml(storedFormula(value.formula))}</f></c>`;
}
