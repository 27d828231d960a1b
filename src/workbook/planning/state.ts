// What the add-in owns in a workbook, and how the workbook was graded, is recorded in the workbook itself
// as a Custom XML part in a namespace of the add-in's own (docs/DESIGN.md §3): `workbook.customXmlParts` in
// Excel (ExcelApi 1.5), `customXml/itemN.xml` in a file (ECMA-376 Part 1 §15.2.4). Both executors write
// the same text and read it back with `parseStateXml`.
//
// Why a Custom XML part and not a defined name: a name's value is a formula, and Excel refuses a text
// constant over 255 characters in any formula (Excel specifications and limits), while the record of a
// small grading is already longer. A custom XML part has no such limit, is kept by Excel on every save,
// travels inside the file and holds no customer data.
//
// The XML is one root element in our namespace whose text is the record as JSON, with the record's
// format version in an attribute. Why not an element per field: nothing but the add-in reads the part,
// the record is nested (sheets, headers, tier styles, the weights table) and grows field by field;
// JSON keeps one serialiser for both executors and lets an older reader skip fields it does not know.
//
// Workbooks graded before the part existed hold the record in the hidden defined name
// `CustomerTiers.State`; `decodeLegacyState` still reads it and the next run removes the name.

import { DOMParser, onErrorStopParsing } from "@xmldom/xmldom";
import type { OwnedState } from "../types";

/**
 * The namespace URI of the add-in's Custom XML part (getByNamespace needs it exactly). A URN (RFC 8141)
 * is a fully qualified URI that names no web address we do not own; Office itself uses URN namespaces
 * (urn:schemas-microsoft-com:office:office). Fixed for good: changing it would orphan every record.
 */
export const STATE_NAMESPACE = "urn:customer-tiers:state";

/** The root element's local name. */
export const STATE_ELEMENT = "state";

/** The format version of the part's text; a reader refuses a newer one rather than misread it. */
export const STATE_FORMAT = 2;

/** The hidden workbook-scoped defined name that held the record before the Custom XML part (format 1). */
export const LEGACY_STATE_NAME = "CustomerTiers.State";

const escapeText = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/**
 * The XML of the add-in's Custom XML part for a state: one element, no XML declaration (Excel's
 * `customXmlParts.add` takes "a valid XML fragment"; the .xlsx writer adds the declaration).
 *
 * @example
 * stateXml({ version: 1, sheet: "Customers", headerRow: 0, firstColumn: 5, headers: ["Score"], sheets: [] })
 * // '<state xmlns="urn:customer-tiers:state" format="2">{"version":1,"sheet":"Customers",...}</state>'
 */
export function stateXml(state: OwnedState): string {
  return `<${STATE_ELEMENT} xmlns="${STATE_NAMESPACE}" format="${STATE_FORMAT}">${escapeText(JSON.stringify(state))}</${STATE_ELEMENT}>`;
}

/**
 * The state in a Custom XML part's text, or undefined when the text is not the add-in's record (another
 * namespace, a newer format, not well-formed, a record missing a field every reader needs). Accepts an
 * XML declaration, any prefix for our namespace and CDATA: Excel may give the part back re-serialised.
 *
 * @example
 * parseStateXml(stateXml(state))               // deep-equals state
 * parseStateXml('<other xmlns="urn:x">1</other>') // undefined
 */
export function parseStateXml(xml: string): OwnedState | undefined {
  const root = rootOf(xml);
  if (!root || root.namespaceURI !== STATE_NAMESPACE || root.localName !== STATE_ELEMENT) return undefined;
  const format = Number(root.getAttribute("format") ?? "");
  if (!Number.isInteger(format) || format < 2 || format > STATE_FORMAT) return undefined;
  try {
    return validState(JSON.parse(root.textContent ?? ""));
  } catch {
    return undefined;
  }
}

/** Whether a Custom XML part's text is in the add-in's namespace (whatever its content). */
export function isStateXml(xml: string): boolean {
  return rootOf(xml)?.namespaceURI === STATE_NAMESPACE;
}

/**
 * The state recorded in the legacy defined name's formula text (a quoted JSON string constant), or
 * undefined when the text is not one (a user's own name of the same spelling): the caller then owns
 * nothing.
 *
 * @example
 * decodeLegacyState('"{""version"":1,""sheet"":""Customers"",""headerRow"":0,""firstColumn"":5,""headers"":[],""sheets"":[]}"')
 * // { version: 1, sheet: "Customers", headerRow: 0, firstColumn: 5, headers: [], sheets: [] }
 * decodeLegacyState("=Sheet1!$A$1") // undefined
 */
export function decodeLegacyState(formula: string): OwnedState | undefined {
  const text = formula.trim().replace(/^=/, "");
  if (!text.startsWith('"') || !text.endsWith('"') || text.length < 2) return undefined;
  try {
    return validState(JSON.parse(text.slice(1, -1).replace(/""/g, '"')));
  } catch {
    return undefined;
  }
}

/** The root element of well-formed XML, or undefined (xmldom: browsers and Node parse alike). */
function rootOf(xml: string) {
  try {
    return new DOMParser({ onError: onErrorStopParsing }).parseFromString(xml, "text/xml").documentElement ?? undefined;
  } catch {
    return undefined;
  }
}

function validState(parsed: Partial<OwnedState> | null): OwnedState | undefined {
  if (
    parsed === null ||
    typeof parsed !== "object" ||
    parsed.version !== 1 ||
    typeof parsed.sheet !== "string" ||
    !Number.isInteger(parsed.headerRow) ||
    !Number.isInteger(parsed.firstColumn) ||
    !Array.isArray(parsed.headers) ||
    !parsed.headers.every((h) => typeof h === "string") ||
    !Array.isArray(parsed.sheets) ||
    !parsed.sheets.every((s) => typeof s === "string")
  ) {
    return undefined;
  }
  return parsed as OwnedState;
}
