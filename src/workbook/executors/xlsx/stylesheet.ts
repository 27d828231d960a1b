// The workbook's styles part, extended only by what a write plan needs: number formats, the plan's
// looks (bold, font size, a bottom border), and the tier colours for conditional formatting. Styles already in the part are reused, so a
// re-run adds nothing; when nothing is added the part is returned byte for byte as it was.

import type { CellLook } from "../../types";
import { escapeXml, attribute } from "./xmlText";
import { wellFormedRoot, withPrefix } from "./xmlTokens";

/** Excel's built-in number formats by format code (ECMA-376 §18.8.30): these need no <numFmt>. */
const BUILT_IN_FORMATS: Record<string, number> = {
  General: 0, "0": 1, "0.00": 2, "#,##0": 3, "#,##0.00": 4, "0%": 9, "0.00%": 10, "0.00E+00": 11, "@": 49,
};

/** Built-in formats a cell may carry by id, as codes a copy can write again (dates in ISO order, since id 14 is the reader's locale date). */
const BUILT_IN_CODES: Record<number, string> = {
  ...Object.fromEntries(Object.entries(BUILT_IN_FORMATS).map(([code, id]) => [id, code])),
  14: "yyyy-mm-dd", 15: "d-mmm-yy", 16: "d-mmm", 17: "mmm-yy", 18: "h:mm AM/PM", 19: "h:mm:ss AM/PM",
  20: "h:mm", 21: "h:mm:ss", 22: "yyyy-mm-dd h:mm", 37: "#,##0 ;(#,##0)", 38: "#,##0 ;[Red](#,##0)",
  39: "#,##0.00;(#,##0.00)", 40: "#,##0.00;[Red](#,##0.00)", 45: "mm:ss", 46: "[h]:mm:ss", 47: "mmss.0", 48: "##0.0E+0",
};

/** A minimal styles part for a workbook that has none (the format lets a package omit it). */
export const EMPTY_STYLESHEET =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
  '<fonts count="1"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
  "</styleSheet>";

type Section = "numFmts" | "fonts" | "borders" | "cellXfs" | "dxfs";
const ITEM: Record<Section, string> = { numFmts: "numFmt", fonts: "font", borders: "border", cellXfs: "xf", dxfs: "dxf" };
/** Where a missing section goes: before the first of these (CT_Stylesheet's element order). */
const FOLLOWERS: Record<Section, string[]> = {
  numFmts: ["fonts", "fills", "borders", "cellStyleXfs", "cellXfs", "cellStyles", "dxfs", "tableStyles", "colors", "extLst"],
  fonts: ["fills", "borders", "cellStyleXfs", "cellXfs", "cellStyles", "dxfs", "tableStyles", "colors", "extLst"],
  borders: ["cellStyleXfs", "cellXfs", "cellStyles", "dxfs", "tableStyles", "colors", "extLst"],
  cellXfs: ["cellStyles", "dxfs", "tableStyles", "colors", "extLst"],
  dxfs: ["tableStyles", "colors", "extLst"],
};

/** A cell style a plan asks for: a number format and the plan's look, translated as it is. */
export interface CellStyleRequest {
  numberFormat?: string | null;
  look?: CellLook;
}

/** Colours are #RRGGBB as in the plan. */
function argb(colour: string): string {
  return `FF${colour.replace(/^#/, "").toUpperCase()}`;
}

export class Stylesheet {
  private readonly items: Record<Section, string[]>;
  private readonly added: Record<Section, string[]> = { numFmts: [], fonts: [], borders: [], cellXfs: [], dxfs: [] };
  private readonly cache = new Map<string, number>();

  /** The prefix of SpreadsheetML elements in the part ("" for the default namespace): added items take it. */
  private readonly prefix: string;

  /**
   * Whether the part has a cell style record (cellStyleXfs/xf) for added formats to name with xfId="0".
   * Some writers (write-excel-file) write none; an xfId would then name a record that is not there.
   */
  private readonly styleRecord: boolean;

  /**
   * Reads the sections of a styles part (xl/styles.xml). Throws an XmlSyntaxError for a part that is not
   * well-formed: its sections are found and extended by pattern, which only well-formed text makes safe.
   */
  constructor(private readonly xml: string) {
    this.prefix = wellFormedRoot(xml).prefix;
    const q = this.qualified;
    this.styleRecord = new RegExp(`<${q("cellStyleXfs")}(?:\\s[^>]*[^/])?>\\s*<${q("xf")}\\b`).test(xml);
    this.items = {
      numFmts: this.sectionItems("numFmts"),
      fonts: this.sectionItems("fonts"),
      borders: this.sectionItems("borders"),
      cellXfs: this.sectionItems("cellXfs"),
      dxfs: this.sectionItems("dxfs"),
    };
  }

  /**
   * The cellXfs index of a style with this number format and look; added when the part lacks it.
   *
   * @example
   * new Stylesheet(EMPTY_STYLESHEET).cellStyle({ numberFormat: "0.00" }) // 1 (the part had one xf)
   */
  cellStyle(request: CellStyleRequest): number {
    const look = request.look ?? {};
    const key = `${request.numberFormat ?? ""}\u0000${look.bold ?? ""}\u0000${look.size ?? ""}\u0000${look.bottomBorder ?? ""}`;
    const known = this.cache.get(key);
    if (known !== undefined) return known;
    const numFmtId = this.numberFormatId(request.numberFormat ?? "General");
    let fontId = 0;
    let borderId = 0;
    if (look.bold !== undefined || look.size !== undefined) {
      // The workbook's default font (fonts[0]) with the look's weight and size.
      const q = this.qualified;
      const base = this.items.fonts[0] ?? withPrefix('<font><sz val="11"/></font>', this.prefix);
      const inner = base
        .replace(new RegExp(`^<${q("font")}\\b[^>]*?(?:\\/>|>)`), "")
        .replace(new RegExp(`<\\/${q("font")}>$`), "")
        .replace(new RegExp(`<${q("b")}\\/>|<${q("b")} [^>]*\\/>`, "g"), "");
      const sized =
        look.size !== undefined ? inner.replace(new RegExp(`<${q("sz")}\\b[^>]*\\/>`), "") + withPrefix(`<sz val="${look.size}"/>`, this.prefix) : inner;
      fontId = this.itemIndex("fonts", `${withPrefix(look.bold ? "<font><b/>" : "<font>", this.prefix)}${sized}</${q("font")}>`, true);
    }
    if (look.bottomBorder) {
      borderId = this.itemIndex("borders", '<border><left/><right/><top/><bottom style="thin"><color auto="1"/></bottom><diagonal/></border>');
    }
    const applies =
      (numFmtId !== 0 ? ' applyNumberFormat="1"' : "") + (fontId !== 0 ? ' applyFont="1"' : "") + (borderId !== 0 ? ' applyBorder="1"' : "");
    const index = this.itemIndex(
      "cellXfs",
      `<xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="0" borderId="${borderId}"${this.styleRecord ? ' xfId="0"' : ""}${applies}/>`,
    );
    this.cache.set(key, index);
    return index;
  }

  /**
   * The dxfs index of a differential style with this font colour and fill (for conditional formatting).
   *
   * @example
   * new Stylesheet(EMPTY_STYLESHEET).differentialStyle("#C6EFCE", "#006100") // 0
   */
  differentialStyle(fill: string, font: string): number {
    return this.itemIndex(
      "dxfs",
      `<dxf><font><color rgb="${argb(font)}"/></font><fill><patternFill><bgColor rgb="${argb(fill)}"/></patternFill></fill></dxf>`,
    );
  }

  /** The styles part with what was added; the original text when nothing was. */
  toXml(): string {
    let xml = this.xml;
    const q = this.qualified;
    for (const section of Object.keys(this.added) as Section[]) {
      const added = this.added[section];
      if (added.length === 0) continue;
      const count = this.items[section].length;
      const full = new RegExp(`<${q(section)}\\b([^>]*?)(?:\\/>|>([\\s\\S]*?)<\\/${q(section)}>)`).exec(xml);
      if (full) {
        const attrs = full[1].replace(/\s*\bcount="[^"]*"/, "");
        const replacement = `<${q(section)}${attrs} count="${count}">${full[2] ?? ""}${added.join("")}</${q(section)}>`;
        xml = xml.slice(0, full.index) + replacement + xml.slice(full.index + full[0].length);
      } else {
        const section_ = `<${q(section)} count="${count}">${added.join("")}</${q(section)}>`;
        const at = FOLLOWERS[section]
          .map((follower) => xml.search(new RegExp(`<${q(follower)}\\b`)))
          .filter((i) => i >= 0)
          .reduce((min, i) => Math.min(min, i), xml.lastIndexOf(`</${q("styleSheet")}`));
        xml = xml.slice(0, at) + section_ + xml.slice(at);
      }
    }
    return xml;
  }

  /**
   * The number format code of a cell style (the s attribute of a cell), or null for General or an
   * unknown style.
   *
   * @example
   * new Stylesheet(xmlWithDateStyleAt3).numberFormatOf(3) // "yyyy-mm-dd"
   */
  numberFormatOf(style: number): string | null {
    const xf = this.items.cellXfs[style];
    if (!xf) return null;
    const id = parseInt(attribute(xf, "numFmtId") ?? "0", 10);
    if (id === 0) return null;
    const custom = this.items.numFmts.find((item) => attribute(item, "numFmtId") === String(id));
    return custom ? attribute(custom, "formatCode") ?? null : BUILT_IN_CODES[id] ?? null;
  }

  private numberFormatId(code: string): number {
    if (BUILT_IN_FORMATS[code] !== undefined) return BUILT_IN_FORMATS[code];
    let maxId = 163;
    for (const item of this.items.numFmts) {
      const id = parseInt(attribute(item, "numFmtId") ?? "0", 10);
      if (attribute(item, "formatCode") === code) return id;
      maxId = Math.max(maxId, id);
    }
    const id = maxId + 1;
    this.items.numFmts.push(withPrefix(`<numFmt numFmtId="${id}" formatCode="${escapeXml(code)}"/>`, this.prefix));
    this.added.numFmts.push(this.items.numFmts[this.items.numFmts.length - 1]);
    return id;
  }

  /** A SpreadsheetML element name as this part writes it. */
  private readonly qualified = (name: string): string => (this.prefix ? `${this.prefix}:${name}` : name);

  /** The index of an item (written unprefixed, or already in the part's prefix when `prefixed`), added when new. */
  private itemIndex(section: Section, unprefixed: string, prefixed = false): number {
    const item = prefixed ? unprefixed : withPrefix(unprefixed, this.prefix);
    const existing = this.items[section].indexOf(item);
    if (existing >= 0) return existing;
    this.items[section].push(item);
    this.added[section].push(item);
    return this.items[section].length - 1;
  }

  private sectionItems(section: Section): string[] {
    const q = this.qualified;
    const match = new RegExp(`<${q(section)}\\b[^>]*?(?:\\/>|>([\\s\\S]*?)<\\/${q(section)}>)`).exec(this.xml);
    if (!match || !match[1]) return [];
    const item = q(ITEM[section]);
    const pattern = new RegExp(`<${item}\\b[^>]*?(?:\\/>|>[\\s\\S]*?<\\/${item}>)`, "g");
    return match[1].match(pattern) ?? [];
  }
}
