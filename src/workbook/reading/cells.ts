// What a cell holds, read the way an analyst reads it: numbers typed as text ("1,200", "12%",
// "¥1,200", full-width "１２３") count as numbers; blanks are blanks; words and errors are neither.

import type { CellValue } from "../types";

/** Currency signs an analyst may type in front of an amount (after NFKC, "￥" is "¥"). */
const CURRENCY = /^[¥$€£]/;
/** Plain digits, or digits grouped by threes with "," or " ", then an optional decimal part. */
const PLAIN = /^(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?$/;
const GROUPED_COMMA = /^[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]*)?$/;
const GROUPED_SPACE = /^[0-9]{1,3}(?: [0-9]{3})+(?:\.[0-9]*)?$/;

/**
 * True for an Excel error value as the backends deliver it: `{ error: "#N/A" }`.
 *
 * @example
 * isErrorValue({ error: "#DIV/0!" }) // true
 * isErrorValue("#N/A")               // false (text that a user typed)
 */
export function isErrorValue(v: CellValue | undefined): v is { error: string } {
  return typeof v === "object" && v !== null && typeof (v as { error?: unknown }).error === "string";
}

/**
 * True for a cell an analyst sees as empty: null, undefined, or text of only whitespace.
 *
 * @example
 * isBlank("  ") // true
 * isBlank(0)    // false
 */
export function isBlank(v: CellValue | undefined): boolean {
  if (typeof v !== "string") return v === null || v === undefined;
  // A printable ASCII first character settles it without trimming (an id column, a million times).
  const first = v.length > 0 ? v.charCodeAt(0) : 0;
  if (first > 32 && first < 127) return false;
  return v.trim() === "";
}

/**
 * The number a cell holds: a number as is; numeric text read with thousands separators ("1,200",
 * "1 200"), a percent sign ("12%" -> 0.12), a currency sign (¥ ￥ $ € £), full-width digits and
 * accounting negatives ("(1,200)" -> -1200). Returns null for a blank cell, and undefined for
 * anything else (words, booleans, error values, "1,2"): the caller reports those, it never guesses.
 * Never throws.
 *
 * @example
 * readNumber("¥1,200")  // 1200
 * readNumber("(1,200)") // -1200
 * readNumber("12%")     // 0.12
 * readNumber("  ")      // null
 * readNumber("abc")     // undefined
 */
export function readNumber(v: CellValue | undefined): number | null | undefined {
  if (typeof v === "number") return Number.isFinite(v) ? v : undefined;
  if (v === null || v === undefined) return null;
  if (typeof v !== "string") return undefined;
  const trimmed = v.trim();
  if (trimmed === "") return null;
  // Most numeric text is plain ("1200", "-3.5"): read it without the slower general path.
  if (SIMPLE.test(trimmed)) return Number(trimmed);
  return readNumericText(trimmed);
}

const SIMPLE = /^-?[0-9]+(?:\.[0-9]+)?$/;
const NON_ASCII = /[\u0080-\uffff]/;

function readNumericText(raw: string): number | undefined {
  // NFKC turns full-width digits, "，", "％", "（" and "￥" into their ASCII forms, and a no-break
  // space into a space; U+2212 is the typographic minus sign. ASCII text needs neither.
  let s = NON_ASCII.test(raw) ? raw.normalize("NFKC").replace(/\u2212/g, "-").trim() : raw;
  let sign = 1;
  // An accounting negative carries no sign of its own: "(-5)" is not a number.
  let signSeen = false;
  if (s.startsWith("(") && s.endsWith(")")) {
    sign = -1;
    signSeen = true;
    s = s.slice(1, -1).trim();
  }
  let percent = false;
  if (s.endsWith("%")) {
    percent = true;
    s = s.slice(0, -1).trim();
  }
  // "-¥1,200", "¥-1,200" and "¥ 1,200" all occur.
  for (let step = 0; step < 2; step++) {
    if (!signSeen && (s.startsWith("-") || s.startsWith("+"))) {
      if (s.startsWith("-")) sign = -sign;
      signSeen = true;
      s = s.slice(1).trim();
    } else if (CURRENCY.test(s)) {
      s = s.slice(1).trim();
    }
  }
  let digits: string;
  if (PLAIN.test(s)) digits = s;
  else if (GROUPED_COMMA.test(s)) digits = s.replace(/,/g, "");
  else if (GROUPED_SPACE.test(s)) digits = s.replace(/ /g, "");
  else return undefined;
  const n = sign * Number(digits);
  if (!Number.isFinite(n)) return undefined;
  return percent ? n / 100 : n;
}

/**
 * A cell as text, for ids, names and headers: text trimmed, numbers in their shortest form (1200, not
 * "1200.00"), booleans as Excel shows them, an error as its code, a blank as "". Never throws.
 *
 * @example
 * cellText(10001)      // "10001"
 * cellText("  C-07 ")  // "C-07"
 * cellText(true)       // "TRUE"
 */
export function cellText(v: CellValue | undefined): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "string") return v.trim();
  if (typeof v === "number") return String(v);
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  return isErrorValue(v) ? v.error : "";
}
