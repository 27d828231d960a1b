// An Excel table part (xl/tables/tableN.xml) with the add-in's columns taken out and put back, so
// the output columns are table columns (structured references, banding and filters cover them).

import { columnName, rangeCorners } from "../../reading/address";
import type { OwnedColumns } from "./outputColumnsXml";
import { attribute, escapeXml, withAttribute } from "./xmlText";
import { isMain, ROOT_SCOPE, wellFormedRoot, withPrefix, XmlSyntaxError, XmlTokens } from "./xmlTokens";

/**
 * A table part's root element read by the tokenizer, the whole part checked on the way: text that is
 * not well-formed, a root that is not SpreadsheetML's <table>, or a ref that is not a range is refused
 * (XmlSyntaxError; the workbook names the part), so that the edits below, which find the part's
 * elements by pattern, only ever see a well-formed table.
 */
function tableRoot(xml: string): { prefix: string; name?: string; displayName?: string; ref: string; totalsRowCount?: string } {
  const root = wellFormedRoot(xml);
  if (root.local !== "table" || !isMain(root.uri)) throw new XmlSyntaxError(`The part's root element is <${root.local}>, not a SpreadsheetML table`, root.start);
  const tokens = new XmlTokens(xml, ROOT_SCOPE, root.start);
  tokens.next();
  const ref = tokens.attribute("ref");
  if (ref === undefined) throw new XmlSyntaxError("The table has no ref (its range)", root.start);
  try {
    // ST_Ref (ECMA-376 §18.18.62): a range on the table's own sheet, so no sheet name.
    if (ref.includes("!")) throw new SyntaxError(ref);
    rangeCorners(ref);
  } catch {
    throw new XmlSyntaxError(`The table's ref="${ref}" is not a range such as A1:C12 inside Excel's last cell XFD1048576`, root.start);
  }
  return { prefix: root.prefix, name: tokens.attribute("name"), displayName: tokens.attribute("displayName"), ref, totalsRowCount: tokens.attribute("totalsRowCount") };
}

/**
 * A table's name (displayName, as formulas and Office.js see it), range, and how many totals rows
 * its range ends with (totalsRowCount; 0 when the table shows none, ECMA-376 §18.5.1.2). Throws an
 * XmlSyntaxError for a part that is not a well-formed table.
 *
 * @example
 * tableInfo('<table xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" id="1" name="T" displayName="Sales" ref="A1:C12" totalsRowCount="1"/>')
 * // { name: "Sales", ref: "A1:C12", totalsRows: 1 }
 */
export function tableInfo(xml: string): { name: string; ref: string; totalsRows: number } {
  const root = tableRoot(xml);
  const totals = parseInt(root.totalsRowCount ?? "0", 10);
  return {
    name: root.displayName ?? root.name ?? "",
    ref: root.ref,
    totalsRows: Number.isFinite(totals) && totals > 0 ? totals : 0,
  };
}

/**
 * The table part with its columns inside `clear` removed from the right end, then `headers` added at
 * firstColumn when that column is right after the table (a table cannot have a gap). Rows grow to
 * lastRow when it is below the table. Returns the part unchanged when nothing applies.
 *
 * @example
 * // A table ref="A1:E201" with headers ["Score","Rank","Tier"] at column 5 (F): ref="A1:H201",
 * // <tableColumns count="8"> with <tableColumn id="6" name="Score"/> ...
 */
export function tablePartXml(xml: string, clear: OwnedColumns[], add?: { firstColumn: number; headers: string[]; lastRow: number }): string {
  const p = tableRoot(xml).prefix;
  const q = (name: string) => (p ? `${p}:${name}` : name);
  const open = new RegExp(`<${q("table")}\\b([^>]*)>`).exec(xml);
  const list = new RegExp(`<${q("tableColumns")}\\b([^>]*)>([\\s\\S]*?)<\\/${q("tableColumns")}>`).exec(xml);
  if (!open || !list) return xml;
  const ref = attribute(open[1], "ref");
  if (!ref) return xml;
  const box = rangeCorners(ref);
  const items = list[2].match(new RegExp(`<${q("tableColumn")}\\b[^>]*?(?:\\/>|>[\\s\\S]*?<\\/${q("tableColumn")}>)`, "g")) ?? [];

  let right = box.right;
  // Only trailing columns can go: a table cannot lose a column in its middle without moving data.
  while (right > box.left && clear.some((area) => box.top >= area.headerRow && right >= area.first && right <= area.last)) right--;
  let kept = items.slice(0, right - box.left + 1);
  let bottom = box.bottom;
  if (add && add.firstColumn === right + 1 && add.headers.length > 0) {
    // Ids of columns taken out are free again, so a re-run gives the same ids as the first run.
    let id = kept.reduce((max, item) => Math.max(max, parseInt(attribute(item, "id") ?? "0", 10)), 0);
    kept = [...kept, ...add.headers.map((header) => withPrefix(`<tableColumn id="${++id}" name="${escapeXml(header)}"/>`, p))];
    right += add.headers.length;
    bottom = Math.max(bottom, add.lastRow);
  } else if (add && add.firstColumn >= box.left && add.firstColumn + add.headers.length - 1 <= right) {
    // In place, inside the table (an analyst's column right of the add-in's): the add-in's columns keep
    // their ids and take the new names (a re-run in the other language), as the header cells do.
    kept = kept.map((item, i) => {
      const j = box.left + i - add.firstColumn;
      return j >= 0 && j < add.headers.length ? item.replace(/(<tableColumn\b[^>]*?\bname=")[^"]*(")/, (_, open: string, close: string) => `${open}${escapeXml(add.headers[j])}${close}`) : item;
    });
    bottom = Math.max(bottom, add.lastRow);
  }
  // Unchanged when a re-run puts back the same columns with the same ids (kept ids are freed above).
  if (right === box.right && bottom === box.bottom && kept.join("") === items.join("")) return xml;

  const newRef = `${columnName(box.left)}${box.top + 1}:${columnName(right)}${bottom + 1}`;
  let text =
    xml.slice(0, list.index) +
    `<${q("tableColumns")}${withAttribute(list[1], "count", String(kept.length))}>${kept.join("")}</${q("tableColumns")}>` +
    xml.slice(list.index + list[0].length);
  text = text.replace(new RegExp(`<${q("table")}\\b([^>]*)>`), (_, attrs: string) => `<${q("table")}${withAttribute(attrs, "ref", newRef)}>`);
  text = text.replace(new RegExp(`<${q("autoFilter")}\\b([^>]*?)(\\/?)>`), (whole, attrs: string, close: string, at: number) => {
    const filterRef = attribute(attrs, "ref");
    if (!filterRef) return whole;
    let filter: ReturnType<typeof rangeCorners>;
    try {
      filter = rangeCorners(filterRef);
    } catch {
      throw new XmlSyntaxError(`The table's autoFilter ref="${filterRef}" is not a range such as A1:C12`, at);
    }
    return `<${q("autoFilter")}${withAttribute(attrs, "ref", `${columnName(filter.left)}${filter.top + 1}:${columnName(right)}${bottom + 1 - (box.bottom - filter.bottom)}`)}${close}>`;
  });
  return text;
}
