// The add-in's state as a Custom XML part of the package (ECMA-376 Part 1 §15.2.4 "Custom XML Data
// Storage Part" and §15.2.5 "Custom XML Data Storage Properties Part"; the properties' schema is §22.5):
//
//   xl/_rels/workbook.xml.rels   --customXml-->       customXml/itemN.xml        (application/xml; our XML)
//   customXml/_rels/itemN.xml.rels --customXmlProps--> customXml/itemPropsN.xml (ds:datastoreItem, a GUID
//                                                                                itemID, schemaRefs)
//
// Excel writes the same layout for the parts `workbook.customXmlParts.add` creates. A file may already
// hold custom XML items of other producers (SharePoint properties, other add-ins): they are never
// touched, and a new item takes the first N free case-insensitively (part names are case-insensitive,
// ECMA-376 Part 2 §9.1.1.1).

import { isStateXml, STATE_NAMESPACE, stateXml } from "../../planning/state";
import type { OwnedState } from "../../types";
import { attribute, escapeXml } from "./xmlText";
import { freeRelationshipId, parseRelationships, relationshipsXml, relsPath, resolveTarget, withOverride } from "./packageParts";
import type { Relationship } from "./packageParts";

/** Relationship types (ECMA-376 Part 1 §15.2.4, §15.2.5). */
export const CUSTOM_XML_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXml";
export const CUSTOM_XML_PROPS_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXmlProps";
/** The same relationship types in a strict (ISO/IEC 29500 Strict) package, where every type is under purl.oclc.org. */
const STRICT_REL = "http://purl.oclc.org/ooxml/officeDocument/relationships/";
const isCustomXmlRel = (type: string) => type === CUSTOM_XML_REL || type === `${STRICT_REL}customXml`;
const isCustomXmlPropsRel = (type: string) => type === CUSTOM_XML_PROPS_REL || type === `${STRICT_REL}customXmlProps`;
/** Content types (ECMA-376 Part 1 §15.2.4: application/xml; §15.2.5). */
export const CUSTOM_XML_TYPE = "application/xml";
export const CUSTOM_XML_PROPS_TYPE = "application/vnd.openxmlformats-officedocument.customXmlProperties+xml";
/** The namespace of ds:datastoreItem (ECMA-376 Part 1 §22.5). */
const DATASTORE_NS = "http://schemas.openxmlformats.org/officeDocument/2006/customXml";
const DATASTORE_NS_STRICT = "http://purl.oclc.org/ooxml/officeDocument/customXml";

const DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n';

export interface StatePart {
  /** The item's path (customXml/item1.xml). */
  path: string;
  relationship: Relationship;
  /** Where the relationship is: the workbook part (ECMA-376), or the package root (LibreOffice's save-as). */
  from: "workbook" | "package";
  xml: string;
}

/**
 * The custom XML items in the add-in's namespace (normally one), those related from the workbook part
 * first. LibreOffice keeps custom XML items on a save-as but relates them from the package root
 * (_rels/.rels, Target="../customXml/item1.xml"), so those count too. Items of other producers are
 * not returned.
 */
export async function stateParts(
  workbookPart: string,
  workbookRels: Relationship[],
  read: (path: string) => Promise<string | undefined>,
  rootRels: Relationship[] = [],
): Promise<StatePart[]> {
  const found: StatePart[] = [];
  const sources: [Relationship[], string, StatePart["from"]][] = [
    [workbookRels, workbookPart, "workbook"],
    [rootRels, "", "package"],
  ];
  for (const [relationships, source, from] of sources) {
    for (const relationship of relationships) {
      if (!isCustomXmlRel(relationship.type) || relationship.external) continue;
      const path = resolveTarget(source, relationship.target);
      if (found.some((part) => part.path.toLowerCase() === path.toLowerCase())) continue;
      const xml = await read(path);
      if (xml !== undefined && isStateXml(xml)) found.push({ path, relationship, from, xml });
    }
  }
  return found;
}

/** A new GUID in braces, as ds:itemID holds it (ST_Guid). */
export function newGuid(): string {
  const bytes = new Uint8Array(16);
  globalThis.crypto.getRandomValues(bytes);
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, "0")).join("").toUpperCase();
  return `{${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}}`;
}

/** The properties part of a new item: its GUID and our namespace as its schema reference. */
export function itemPropsXml(guid: string, namespace: string, strict = false): string {
  return (
    DECLARATION +
    `<ds:datastoreItem ds:itemID="${guid}" xmlns:ds="${strict ? DATASTORE_NS_STRICT : DATASTORE_NS}"><ds:schemaRefs><ds:schemaRef ds:uri="${escapeXml(namespace)}"/></ds:schemaRefs></ds:datastoreItem>`
  );
}

export interface PackageEdit {
  workbookPart: string;
  workbookRels: Relationship[];
  types: string;
  /** Staged part texts (null = removed), applied by the caller. */
  staged: { set(path: string, text: string | null): unknown };
  /** A strict package: new relationships take the strict types. */
  strict?: boolean;
  /** Whether a part path is taken, compared case-insensitively, staged parts included. */
  taken: (path: string) => boolean;
  read: (path: string) => Promise<string | undefined>;
}

/** Where the add-in's existing item is (kept with its GUID), after detachStateParts. */
export interface DetachedState {
  reuse?: { item: string; props: string; guid: string };
  workbookRels: Relationship[];
  /** The package root's relationships, when one of ours was there (undefined: unchanged). */
  rootRels?: Relationship[];
  types: string;
}

/**
 * First half of writing the state, before the run adds anything: the relationships and content types of
 * the items of our namespace are taken out (an existing item keeps its path and GUID), so that
 * attachStatePart adds them back after everything else, as on a first run, and an identical re-run gives
 * identical bytes. Extra items of our namespace (a file edited by hand) are removed with their
 * properties; nothing else in the package is touched.
 */
export async function detachStateParts(edit: PackageEdit, rootRels: Relationship[] = []): Promise<DetachedState> {
  let { workbookRels, types } = edit;
  let reuse: DetachedState["reuse"];
  let root: Relationship[] | undefined;
  for (const part of await stateParts(edit.workbookPart, workbookRels, edit.read, rootRels)) {
    if (part.from === "workbook") workbookRels = workbookRels.filter((rel) => rel !== part.relationship);
    else root = (root ?? rootRels).filter((rel) => rel !== part.relationship);
    const related = await itemParts(part.path, edit.read);
    for (const path of related) types = withOverride(types, path, undefined);
    const props = related.find((path) => path !== part.path && !path.endsWith(".rels"));
    const guid = props && /\bitemID="(\{[0-9A-Fa-f-]{36}\})"/.exec((await edit.read(props)) ?? "")?.[1];
    if (!reuse && props && guid) reuse = { item: part.path, props, guid };
    else for (const path of related) edit.staged.set(path, null);
  }
  return { reuse, workbookRels, rootRels: root, types };
}

/**
 * Second half: stages the state as the add-in's Custom XML part (the detached item again, or a new one
 * at the first free N) with its properties, its .rels, the workbook's relationship and the content
 * types. Returns the workbook's relationships and the content types as they must be written.
 */
export function attachStatePart(edit: PackageEdit, reuse: DetachedState["reuse"], state: OwnedState): { workbookRels: Relationship[]; types: string } {
  let { workbookRels, types } = edit;
  let item = reuse?.item;
  let props = reuse?.props;
  if (!item || !props) {
    let n = 1;
    while (edit.taken(`customXml/item${n}.xml`) || edit.taken(`customXml/itemProps${n}.xml`) || edit.taken(`customXml/_rels/item${n}.xml.rels`)) n++;
    item = `customXml/item${n}.xml`;
    props = `customXml/itemProps${n}.xml`;
  }
  edit.staged.set(item, DECLARATION + stateXml(state));
  edit.staged.set(props, itemPropsXml(reuse?.guid ?? newGuid(), STATE_NAMESPACE, edit.strict));
  edit.staged.set(relsPath(item), relationshipsXml([{ id: "rId1", type: edit.strict ? `${STRICT_REL}customXmlProps` : CUSTOM_XML_PROPS_REL, target: relativeTarget(item, props), external: false }]));
  types = withOverride(types, props, CUSTOM_XML_PROPS_TYPE);
  // Excel's files map the xml extension to application/xml by a Default; without one the item needs an Override.
  if (!hasDefault(types, "xml", CUSTOM_XML_TYPE)) types = withOverride(types, item, CUSTOM_XML_TYPE);
  const id = freeRelationshipId(workbookRels);
  workbookRels = [...workbookRels, { id, type: edit.strict ? `${STRICT_REL}customXml` : CUSTOM_XML_REL, target: relativeTarget(edit.workbookPart, item), external: false }];
  return { workbookRels, types };
}

/** An item and the parts only it relates to (its properties), with its .rels. */
async function itemParts(item: string, read: (path: string) => Promise<string | undefined>): Promise<string[]> {
  const rels = relsPath(item);
  const related = parseRelationships(await read(rels), rels);
  const parts = [item];
  if (related.length > 0) parts.push(rels);
  for (const rel of related) if (!rel.external && isCustomXmlPropsRel(rel.type)) parts.push(resolveTarget(item, rel.target));
  return parts;
}

function hasDefault(types: string, extension: string, contentType: string): boolean {
  for (const match of types.matchAll(/<Default\b[^>]*?\/>/g)) {
    if ((attribute(match[0], "Extension") ?? "").toLowerCase() === extension && attribute(match[0], "ContentType") === contentType) return true;
  }
  return false;
}

/** A relative target from `source` to `part` ("../customXml/item1.xml" from xl/workbook.xml). */
export function relativeTarget(source: string, part: string): string {
  const from = source.split("/").slice(0, -1);
  const to = part.split("/");
  let common = 0;
  while (common < from.length && common < to.length - 1 && from[common] === to[common]) common++;
  return [...from.slice(common).map(() => ".."), ...to.slice(common)].join("/");
}
