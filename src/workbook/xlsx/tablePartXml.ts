// An Excel table part (xl/tables/tableN.xml) with the add-in's columns taken out and put back, so
// the output columns are table columns (structured references, banding and filters cover them).

import { columnLetters, parseRange } from "./cellReference";
import type { OwnedColumns } from "./outputColumnsXml";
import { attribute, escapeXml, withAttribute } from "./xmlText";

/** A table's name (displayName, as formulas and Office.js see it) and range. */
export function tableInfo(xml: string): { name: string; ref: string } {
  const attrs = /<table\b([^>]*)>/.exec(xml)?.[1] ?? "";
  return { name: attribute(attrs, "displayName") ?? attribute(attrs, "name") ?? "", ref: attribute(attrs, "ref") ?? "A1" };
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
  const open = /<table\b([^>]*)>/.exec(xml);
  const list = /<tableColumns\b([^>]*)>([\s\S]*?)<\/tableColumns>/.exec(xml);
  if (!open || !list) return xml;
  const ref = attribute(open[1], "ref");
  if (!ref) return xml;
  const box = parseRange(ref);
  const items = list[2].match(/<tableColumn\b[^>]*?(?:\/>|>[\s\S]*?<\/tableColumn>)/g) ?? [];

  let right = box.right;
  // Only trailing columns can go: a table cannot lose a column in its middle without moving data.
  while (right > box.left && clear.some((area) => box.top >= area.headerRow && right >= area.first && right <= area.last)) right--;
  let kept = items.slice(0, right - box.left + 1);
  let bottom = box.bottom;
  if (add && add.firstColumn === right + 1 && add.headers.length > 0) {
    // Ids of columns taken out are free again, so a re-run gives the same ids as the first run.
    let id = kept.reduce((max, item) => Math.max(max, parseInt(attribute(item, "id") ?? "0", 10)), 0);
    kept = [...kept, ...add.headers.map((header) => `<tableColumn id="${++id}" name="${escapeXml(header)}"/>`)];
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

  const newRef = `${columnLetters(box.left)}${box.top + 1}:${columnLetters(right)}${bottom + 1}`;
  let text =
    xml.slice(0, list.index) +
    `<tableColumns${withAttribute(list[1], "count", String(kept.length))}>${kept.join("")}</tableColumns>` +
    xml.slice(list.index + list[0].length);
  text = text.replace(/<table\b([^>]*)>/, (_, attrs: string) => `<table${withAttribute(attrs, "ref", newRef)}>`);
  text = text.replace(/<autoFilter\b([^>]*?)(\/?)>/, (whole, attrs: string, close: string) => {
    const filterRef = attribute(attrs, "ref");
    if (!filterRef) return whole;
    const filter = parseRange(filterRef);
    return `<autoFilter${withAttribute(attrs, "ref", `${columnLetters(filter.left)}${filter.top + 1}:${columnLetters(right)}${bottom + 1 - (box.bottom - filter.bottom)}`)}${close}>`;
  });
  return text;
}
