// The package around the parts: relationships, content types and part paths (ECMA-376 Part 2).

import { attribute, escapeXml } from "./xmlText";

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
 * The relationships of a .rels part.
 *
 * @example
 * parseRelationships('<Relationships><Relationship Id="rId1" Type="t" Target="worksheets/sheet1.xml"/></Relationships>')
 * // [{ id: "rId1", type: "t", target: "worksheets/sheet1.xml", external: false }]
 */
export function parseRelationships(xml: string | undefined): Relationship[] {
  if (!xml) return [];
  const found: Relationship[] = [];
  for (const match of xml.matchAll(/<Relationship\b([^>]*?)\/?>/g)) {
    found.push({
      id: attribute(match[1], "Id") ?? "",
      type: attribute(match[1], "Type") ?? "",
      target: attribute(match[1], "Target") ?? "",
      external: attribute(match[1], "TargetMode") === "External",
    });
  }
  return found;
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
  const without = types.replace(/<Override\b[^>]*?\/>/g, (whole) => (attribute(whole, "PartName") === name ? "" : whole));
  if (contentType === undefined) return without;
  const at = without.lastIndexOf("</Types>");
  return `${without.slice(0, at)}<Override PartName="${escapeXml(name)}" ContentType="${escapeXml(contentType)}"/>${without.slice(at)}`;
}
