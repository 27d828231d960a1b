// A weight table with empty Weight cells and twelve customers whose four indicators are correlated in
// a known way (sales with growth, years against complaints), for the PCA-weights tests of both
// executors and LibreOffice.

import type { CellValue } from "../../src/workbook/types";

export const PCA_INDICATORS = ["Sales", "Growth", "Years", "Complaints"];

/** The customers' indicator rows (deterministic: no random numbers). */
export function pcaCustomerRows(): number[][] {
  return Array.from({ length: 12 }, (_, i) => {
    const sales = 100000 + 37000 * i + ((i * 7919) % 13) * 4100;
    const growth = 0.02 + 0.011 * i - ((i * 31) % 5) * 0.004;
    const years = 1 + ((i * 5) % 11);
    const complaints = Math.max(0, 8 - Math.round(years * 0.6) + ((i * 3) % 4));
    return [sales, growth, years, complaints];
  });
}

/** Weights (one level; Weight cells as given, blank by default) and Customers grids. */
export function pcaSheets(weights: (CellValue | undefined)[] = [null, null, null, null]): { weights: CellValue[][]; customers: CellValue[][] } {
  return {
    weights: [
      ["Indicator", "Weight", "Direction"],
      ...PCA_INDICATORS.map((name, j): CellValue[] => [name, weights[j] ?? null, name === "Complaints" ? "lower" : "higher"]),
    ],
    customers: [["Customer ID", "Name", ...PCA_INDICATORS], ...pcaCustomerRows().map((row, i): CellValue[] => [`C${i + 1}`, `Customer ${i + 1}`, ...row])],
  };
}

/** The same customers under a two-level table: Business (Sales, Growth) and Relationship (Years, Complaints). */
export function pcaTwoLevelWeights(): CellValue[][] {
  return [
    ["Dimension", "Indicator", "Weight", "Direction"],
    ["Business", null, null, null],
    ["Business", "Sales", null, "higher"],
    ["Business", "Growth", null, "higher"],
    ["Relationship", null, null, null],
    ["Relationship", "Years", null, "higher"],
    ["Relationship", "Complaints", null, "lower"],
  ];
}
