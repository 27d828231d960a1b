// The package around the parts: relationships, content types and part paths (ECMA-376 Part 2).

import { attribute, escapeXml } from "./xmlText";
import { asBadXml } from "./packageErrors";
import { Token, XmlTokens } from "./xmlTokens";

export interface Relationship {
  id: string;
  type: string;
  target: string;
  external: boolean;
}

export const REL = {
  worksheet: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet",
  styles: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles",
  sharedStrings: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings",
  table: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/table",
  drawing: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing",
  chart: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart",
  calcChain: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/calcChain",
  officeDocument: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument",
};

export const CONTENT_TYPE = {
  worksheet: "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml",
  drawing: "application/vnd.openxmlformats-officedocument.drawing+xml",
  chart: "application/vnd.openxmlformats-officedocument.drawingml.chart+xml",
  styles: "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml",
};

/**
 * The relationships of the .rels part `part` (named in the "bad-xml" refusal when its text is not well-formed).
 *
 * @example
 * parseRelationships('<Relationships><Relationship Id="rId1" Type="t" Target="worksheets/sheet1.xml"/></Relationships>', "xl/_rels/workbook.xml.rels")
 * // [{ id: "rId1", type: "t", target: "worksheets/sheet1.xml", external: false }]
 */
export function parseRelationships(xml: string | undefined, part: string): Relationship[] {
  if (!xml) return [];
  const found: Relationship[] = [];
  // By local name: the package relationships namespace is the same in transitional and strict, and a
  // prefixed <pr:Relationship> is as valid as the default namespace.
  const tokens = new XmlTokens(xml);
  try {
    while (tokens.next() !== Token.End) {
      if (tokens.kind !== Token.Open || tokens.local !== "Relationship") continue;
      found.push({
        id: tokens.attribute("Id") ?? "",
        type: tokens.attribute("Type") ?? "",
        target: tokens.attribute("Target") ?? "",
        external: tokens.attribute("TargetMode") === "External",
      });
    }
  } catch (error) {
    // Named for the user: the part that is broken, and re-saving in Excel as the fix.
    throw asBadXml(error, part);
  }
  return found;
}

const STRICT_REL_BASE = "http://purl.oclc.org/ooxml/officeDocument/relationships/";

/**
 * Whether a relationship type is the office-document relationship of this kind, in its transitional
 * (schemas.openxmlformats.org) or strict (purl.oclc.org) spelling.
 *
 * @example
 * isRelType("http://purl.oclc.org/ooxml/officeDocument/relationships/worksheet", "worksheet") // true
 */
export function isRelType(type: string, kind: keyof typeof REL): boolean {
  return type === REL[kind] || type === STRICT_REL_BASE + kind;
}

/** The relationship type of this kind in the package's conformance class. */
export function relType(kind: keyof typeof REL, strict: boolean): string {
  return strict ? STRICT_REL_BASE + kind : REL[kind];
}

/** Transitional namespace URIs and their strict (ISO/IEC 29500 Strict) equivalents, for parts the add-in writes. */
const STRICT_NAMESPACES: [string, string][] = [
  ["http://schemas.openxmlformats.org/spreadsheetml/2006/main", "http://purl.oclc.org/ooxml/spreadsheetml/main"],
  ["http://schemas.openxmlformats.org/officeDocument/2006/relationships", "http://purl.oclc.org/ooxml/officeDocument/relationships"],
  ["http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing", "http://purl.oclc.org/ooxml/drawingml/spreadsheetDrawing"],
  ["http://schemas.openxmlformats.org/drawingml/2006/chart", "http://purl.oclc.org/ooxml/drawingml/chart"],
  ["http://schemas.openxmlformats.org/drawingml/2006/main", "http://purl.oclc.org/ooxml/drawingml/main"],
];

/**
 * A part the add-in wrote (transitional namespaces) in the strict namespaces, for a strict workbook.
 *
 * @example
 * strictNamespaces('<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>')
 * // '<worksheet xmlns="http://purl.oclc.org/ooxml/spreadsheetml/main"/>'
 */
export function strictNamespaces(xml: string): string {
  let text = xml;
  for (const [transitional, strict] of STRICT_NAMESPACES) text = text.split(`"${transitional}"`).join(`"${strict}"`);
  return text.split(`"${REL.calcChain.slice(0, REL.calcChain.lastIndexOf("/") + 1)}`).join(`"${STRICT_REL_BASE}`);
}

/**
 * A .rels part holding these relationships.
 *
 * @example
 * relationshipsXml([{ id: "rId1", type: REL.chart, target: "../charts/chart1.xml", external: false }])
 * // contains '<Relationship Id="rId1" Type="http://...relationships/chart" Target="../charts/chart1.xml"/>'
 */
export function relationshipsXml(relationships: Relationship[]): string {
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
    relationships
      .map(
        (rel) =>
          `<Relationship Id="${escapeXml(rel.id)}" Type="${escapeXml(rel.type)}" Target="${escapeXml(rel.target)}"${rel.external ? ' TargetMode="External"' : ""}/>`,
      )
      .join("") +
    "</Relationships>"
  );
}

/**
 * The .rels part path of a part.
 *
 * @example
 * relsPath("xl/worksheets/sheet1.xml") // "xl/worksheets/_rels/sheet1.xml.rels"
 */
export function relsPath(part: string): string {
  const slash = part.lastIndexOf("/");
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

/**
 * The package path a relationship target points to, from the part that holds the relationship.
 *
 * @example
 * resolveTarget("xl/worksheets/sheet1.xml", "../drawings/drawing1.xml") // "xl/drawings/drawing1.xml"
 * resolveTarget("xl/workbook.xml", "/xl/styles.xml")                   // "xl/styles.xml"
 */
export function resolveTarget(source: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const parts = source.split("/").slice(0, -1);
  for (const piece of target.split("/")) {
    if (piece === "..") parts.pop();
    else if (piece !== "." && piece !== "") parts.push(piece);
  }
  return parts.join("/");
}

/**
 * A relationship id not used in the list.
 *
 * @example
 * freeRelationshipId([{ id: "rId1" }, { id: "rId7" }] as Relationship[]) // "rId8"
 */
export function freeRelationshipId(relationships: Relationship[]): string {
  const max = relationships.reduce((m, rel) => Math.max(m, parseInt(/^rId(\d+)$/.exec(rel.id)?.[1] ?? "0", 10)), 0);
  return `rId${max + 1}`;
}

/**
 * The content-types part with an Override added for a part (or removed, when contentType is undefined).
 *
 * @example
 * withOverride("<Types></Types>", "xl/charts/chart1.xml", CONTENT_TYPE.chart)
 * // '<Types><Override PartName="/xl/charts/chart1.xml" ContentType="application/vnd...chart+xml"/></Types>'
 */
export function withOverride(types: string, part: string, contentType: string | undefined): string {
  const name = `/${part}`;
  // Part names compare case-insensitively (ECMA-376 Part 2, §9.1.1.1).
  const without = types.replace(/<Override\b[^>]*?\/>/g, (whole) => (attribute(whole, "PartName")?.toLowerCase() === name.toLowerCase() ? "" : whole));
  if (contentType === undefined) return without;
  const at = without.lastIndexOf("</Types>");
  return `${without.slice(0, at)}<Override PartName="${escapeXml(name)}" ContentType="${escapeXml(contentType)}"/>${without.slice(at)}`;
}
