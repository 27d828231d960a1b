// The output columns of the methods of issue 16 that a grading run adds beside Score, Rank and Tier:
// the "Why" / "原因" column of score explanations (engine/explain.ts). Plain plan data: the Office.js
// and .xlsx executors write them like any other output column.

import type { Explanation } from "../../engine/explain";
import { textOf } from "../../text";
import type { CellOut, CustomerData, Lang } from "../types";
import { explanationText } from "../explainWords";

/** The header of the explanation column, per language (either one is recognised as the add-in's). */
export const WHY_HEADERS: Record<Lang, string> = { "en-US": textOf("en-US").output.why, "zh-CN": textOf("zh-CN").output.why };

/** Output columns use text format so a sentence is never read as a number or a date. */
const TEXT_FORMAT = "@";

/**
 * Places one value per customer (table order) on its sheet row: the column's cells run from the
 * row below the header, `rowCount` of them; rows without a customer (blank rows) stay blank.
 *
 * @example
 * // customers on sheet rows 1 and 3 under a header on row 0:
 * perCustomerRow([1, 3], 0, 3, ["x", "y"]) // ["x", null, "y"]
 */
export function perCustomerRow(rows: number[], headerRow: number, rowCount: number, values: CellOut[]): CellOut[] {
  const out: CellOut[] = new Array(rowCount).fill(null);
  rows.forEach((row, i) => {
    const at = row - headerRow - 1;
    if (at >= 0 && at < rowCount) out[at] = values[i];
  });
  return out;
}

/**
 * The "Why" / "原因" column: each graded customer's explanation in the workbook's language; blank for
 * a customer left out of the grading.
 *
 * @example
 * whyColumn(customers, [{ ..., reason: { code: "top-tier", label: "A" } }, null], 0, 2, "en-US")
 * // { header: "Why", numberFormat: "@", values: ["A: the top tier", null] }
 */
export function whyColumn(
  customers: Pick<CustomerData, "rows">,
  explanations: (Explanation | null)[],
  headerRow: number,
  rowCount: number,
  lang: Lang,
): { header: string; numberFormat: string; values: CellOut[] } {
  const texts = explanations.map((e) => (e === null ? null : explanationText(e, lang)));
  return { header: WHY_HEADERS[lang], numberFormat: TEXT_FORMAT, values: perCustomerRow(customers.rows, headerRow, rowCount, texts) };
}
