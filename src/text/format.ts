// The pieces the catalogues (en.ts, zh.ts) share: the language codes, how a parameter reads as text, and
// the few words that are the same in every language (file formats, examples, bilingual default names).
// Pure data and formatting: this folder imports nothing of the project, so every layer above the
// engine may use it.

export type Lang = "en-US" | "zh-CN";

/** A parameter a message prints: text as it is, a number as Excel would show it. */
export type Value = string | number;

/**
 * A parameter as text; a fraction in at most 10 significant digits (a sum of 0.1 + 0.2 reads 0.3);
 * nothing for an absent parameter or a number that is not finite.
 *
 * @example t(0.1 + 0.2) // "0.3"
 * @example t(undefined) // ""
 */
export function t(v: Value | undefined): string {
  if (v === undefined) return "";
  if (typeof v === "number") {
    if (!Number.isFinite(v)) return "";
    return Number.isInteger(v) ? String(v) : String(Number(v.toPrecision(10)));
  }
  return v;
}

/**
 * The error value a reader gives a formula cell the file stores without a calculated value (<f> without
 * <v>: files written by programs that do not calculate); the problems say to open and save it in Excel.
 */
export const UNCALCULATED = "#UNCALCULATED";

/** The tables a workbook problem can be about. */
export type TableRole = "weights" | "customers" | "orders" | "segments";

/** Why a Bands cell cannot be read. */
export type BandsReason = "pair" | "points" | "duplicate" | "empty";

export const BANDS_EXAMPLE = "0:20; 100000:60; 1000000:100";

/** The names the add-in looks for when no table is chosen: an English and a Chinese sheet or table name. */
export const DEFAULT_NAMES: Record<TableRole, string> = {
  weights: "Weights / 权重",
  customers: "Customers / 客户",
  orders: "Orders / 订单",
  segments: "Segments / 细分",
};

/** The first name with a character past ASCII (the Chinese one of a header's names), else the first. */
export function chineseOf(names: readonly string[]): string {
  return names.find((name) => /[\u0080-\uffff]/.test(name)) ?? names[0] ?? "";
}
