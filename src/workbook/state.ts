// What the add-in owns in a workbook is recorded in the workbook itself, as a hidden defined name whose
// value is a string constant. A defined name survives Excel, LibreOffice, mailing and the .xlsx
// round trip, holds no customer data, and both executors can read and write it.

import type { OwnedState } from "./types";

/** The hidden workbook-scoped defined name that holds the add-in's record. */
export const STATE_NAME = "CustomerTiers.State";

/**
 * The defined name's formula text for a state: a string constant, quotes doubled, no leading "=".
 *
 * @example
 * encodeState({ version: 1, sheet: "Customers", headerRow: 0, firstColumn: 5, headers: ["Score"], sheets: [] })
 * // '"{""version"":1,""sheet"":""Customers"",...}"'
 */
export function encodeState(state: OwnedState): string {
  return `"${JSON.stringify(state).replace(/"/g, '""')}"`;
}

/**
 * The state recorded in a defined name's formula text, or undefined when the text is not one
 * (a user's own name of the same spelling, an older format): the caller then owns nothing.
 *
 * @example
 * decodeState(encodeState(state)) // deep-equals state
 * decodeState("=Sheet1!$A$1")     // undefined
 */
export function decodeState(formula: string): OwnedState | undefined {
  const text = formula.trim().replace(/^=/, "");
  if (!text.startsWith('"') || !text.endsWith('"') || text.length < 2) return undefined;
  try {
    const parsed = JSON.parse(text.slice(1, -1).replace(/""/g, '"')) as Partial<OwnedState>;
    if (
      parsed.version !== 1 ||
      typeof parsed.sheet !== "string" ||
      !Number.isInteger(parsed.headerRow) ||
      !Number.isInteger(parsed.firstColumn) ||
      !Array.isArray(parsed.headers) ||
      !Array.isArray(parsed.sheets)
    ) {
      return undefined;
    }
    return parsed as OwnedState;
  } catch {
    return undefined;
  }
}
