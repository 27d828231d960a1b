// Why a file cannot be read as a workbook, in both languages (sentences in src/text, key `packageErrors`), with a stable code the command line maps
// to its exit status ("encrypted", "xls", "not-xlsx", "too-large", "no-content-types", "bad-xml").

import { textOf } from "../../../text";
import type { Catalogue, Lang } from "../../../text";
import { XmlSyntaxError } from "./xmlTokens";

export type PackageErrorCode = "encrypted" | "xls" | "not-xlsx" | "too-large" | "no-content-types" | "bad-xml";

export interface PackageError extends Error {
  code: PackageErrorCode;
  /** The same sentence in each language the add-in speaks. */
  messages: { "en-US": string; "zh-CN": string };
}

/** The parameters each code's sentence reads (declared with the sentences in src/text/en.ts). */
export type PackageErrorParams<C extends PackageErrorCode> = Parameters<Catalogue["packageErrors"][C]> extends [infer P] ? P : Record<string, never>;


/**
 * An Error with a stable `code` and its message in en-US (`message`) and zh-CN (`messages`).
 *
 * @example
 * packageError("xls").code // "xls"
 * packageError("too-large", { what: "row 1,048,577", limit: "1,048,576 rows" }).message
 * // "The workbook is larger than Excel allows ...: row 1,048,577 exceeds 1,048,576 rows. Nothing was written."
 */
export function packageError<C extends PackageErrorCode>(
  code: C,
  ...[params]: {} extends PackageErrorParams<C> ? [params?: PackageErrorParams<C>] : [params: PackageErrorParams<C>]
): PackageError {
  const message = (lang: Lang) => (textOf(lang).packageErrors[code] as (p: PackageErrorParams<C>) => string)(params ?? ({} as PackageErrorParams<C>));
  const messages = { "en-US": message("en-US"), "zh-CN": message("zh-CN") };
  return Object.assign(new Error(messages["en-US"]), { code, messages });
}

/** What a reader or an editor threw on part `part`: text that is not well-formed becomes the "bad-xml" refusal naming the part; anything else as it was. */
export function asBadXml(error: unknown, part: string): unknown {
  return error instanceof XmlSyntaxError ? packageError("bad-xml", { part, detail: error.message }) : error;
}

/** Whether a thrown value is one of these errors. */
export function isPackageError(error: unknown): error is PackageError {
  return error instanceof Error && typeof (error as PackageError).code === "string" && typeof (error as PackageError).messages === "object";
}
