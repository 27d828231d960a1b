// "Prepare for sharing" on an .xlsx held in memory: a copy that is right for a reader without the add-in.
//  1. Every cell whose formula calls a TIERS function keeps its last calculated value and loses the
//     formula, or, on request, gets the exact native formula where Excel has one (shareFormulas.ts).
//  2. The add-in's task-pane web extension is removed, so the copy does not load the add-in on open
//     (other add-ins' extensions stay).
//  3. An "About this grading" sheet says how the workbook was graded and what the copy changed.
// Runs in Node (the CLI) and in the browser (the pane works on the bytes Office hands it).

import { headerKey } from "../../reading/headers";
import { outputText } from "../../planning/outputText";
import { aboutSheet, readGradingRecord, sheetsOnlyPlan } from "../../features/sharing";
import { hasTiersCall, nativeFormula } from "../../features/shareFormulas";
import type { Lang } from "../../types";
import { isRelType, parseRelationships, relationshipsXml, relsPath, resolveTarget, withOverride } from "./packageParts";
import { textElement } from "./cellXml";
import { openXlsx, withFullCalcOnLoad, XlsxWorkbook } from "./xlsxWorkbook";
import { attribute, escapeXml, unescapeXml, withAttribute } from "./xmlText";
import { wellFormedRoot, withPrefix } from "./xmlTokens";
import { asBadXml } from "./packageErrors";

/** The add-in's id in manifest.xml: its web extension in a workbook carries it as the reference id. */
export const ADDIN_ID = "9d9f3a3a-2220-4d2e-b635-5ad8c36346be";

export interface ShareOptions {
  /** The pane's or the command line's language; the About sheet follows the workbook's own when it has one. */
  lang: Lang;
  /** "values" (default): TIERS formulas become their values. "native": exact native formulas where there are. */
  formulas?: "values" | "native";
  now?: Date;
}

/** One converted cell. */
export interface ConvertedCell {
  sheet: string;
  cell: string;
  /** The formula as it was (display form, with "="). */
  formula: string;
  /** The native formula it became (display form), when it became one. */
  native?: string;
}

export interface ShareReport {
  toValues: ConvertedCell[];
  toNative: ConvertedCell[];
  /** TIERS formulas whose stored value is missing or an error the missing add-in caused (#NAME?, #BUSY!). */
  unresolved: ConvertedCell[];
  /**
   * Formulas outside cells that call TIERS — defined names, conditional formats, data validation — left
   * as they are (they have no stored value to keep): "name Top", "Customers!D2:D9 (conditional format)".
   */
  leftAsIs: string[];
  /** True when the add-in was set to load with the workbook and no longer is. */
  addinRemoved: boolean;
  aboutSheet: string;
}

const UNRESOLVED_ERRORS = new Set(["#NAME?", "#BUSY!", "#CALC!", "#GETTING_DATA", "#CONNECT!"]);
/**
 * The prefix a part's SpreadsheetML elements carry ("" for the default namespace), and a qualifier for
 * names. Reads the whole part (wellFormedRoot): the TIERS formulas are found by pattern, and in a broken
 * part a pattern could miss one, which would then reach the colleague as #NAME?. Throws XmlSyntaxError.
 */
function partPrefix(xml: string): { prefix: string; q: (name: string) => string } {
  const prefix = wellFormedRoot(xml).prefix;
  return { prefix, q: (name: string) => (prefix ? `${prefix}:${name}` : name) };
}

const display = (stored: string) => `=${stored.replace(/_xldudf_TIERS[_.]/gi, "TIERS.").replace(/_xlfn\./g, "")}`;

/** The cells of one worksheet part with their TIERS formulas converted, and what was converted. */
export function shareSheetXml(xml: string, sheet: string, mode: "values" | "native", report: ShareReport): string {
  if (!/_xldudf_TIERS[_.]|TIERS\./i.test(xml)) return xml;
  // Element names in the part's own prefix (<x:c> in Open XML SDK files).
  const { prefix, q } = partPrefix(xml);
  const CELL = new RegExp(`<${q("c")}(\\s[^>]*?)?(?<!\\/)>([\\s\\S]*?)<\\/${q("c")}>`, "g");
  const FORMULA = new RegExp(`<${q("f")}\\b([^>]*?)(?:\\/>|>([\\s\\S]*?)<\\/${q("f")}>)`);
  // Shared formulas: the group follows its master (the cell holding the text): dependents refer to it.
  const groups = new Map<string, "values" | "native">();
  for (const match of xml.matchAll(CELL)) {
    const f = FORMULA.exec(match[2]);
    if (!f || attribute(f[1], "t") !== "shared" || f[2] === undefined) continue;
    const formula = unescapeXml(f[2]);
    if (!hasTiersCall(formula)) continue;
    groups.set(attribute(f[1], "si") ?? "", mode === "native" && nativeFormula(formula) !== undefined ? "native" : "values");
  }
  return xml.replace(CELL, (whole, attrs: string | undefined, inner: string) => {
    const f = FORMULA.exec(inner);
    if (!f) return whole;
    const fAttrs = f[1];
    const formula = f[2] === undefined ? undefined : unescapeXml(f[2]);
    const shared = attribute(fAttrs, "t") === "shared" ? groups.get(attribute(fAttrs, "si") ?? "") : undefined;
    const tiers = formula !== undefined ? hasTiersCall(formula) : shared !== undefined;
    if (!tiers) return whole;
    const cell = attribute(attrs ?? "", "r") ?? "";
    const shown = formula !== undefined ? display(formula) : "(shared)";
    const native = mode === "native" && formula !== undefined ? nativeFormula(formula) : undefined;
    if (shared === "native" || (shared === undefined && native !== undefined)) {
      report.toNative.push({ sheet, cell, formula: shown, native: native === undefined ? undefined : display(native) });
      if (native === undefined) return whole;
      return `<${q("c")}${attrs ?? ""}>${inner.replace(f[0], () => `<${q("f")}${fAttrs}>${escapeXml(native)}</${q("f")}>`)}</${q("c")}>`;
    }
    // To its value: the formula goes, the cached value stays as a constant of the same type.
    let rest = inner.replace(f[0], "");
    let cellAttrs = withAttribute(attrs ?? "", "cm", undefined);
    const type = attribute(cellAttrs, "t");
    const v = new RegExp(`<${q("v")}>([\\s\\S]*?)<\\/${q("v")}>`).exec(rest);
    const entry = { sheet, cell, formula: shown };
    if (!v) {
      report.unresolved.push(entry);
      cellAttrs = withAttribute(cellAttrs, "t", undefined);
      return `<${q("c")}${cellAttrs}/>`;
    }
    if (type === "e" && UNRESOLVED_ERRORS.has(unescapeXml(v[1]))) report.unresolved.push(entry);
    else report.toValues.push(entry);
    if (type === "str") {
      // A formula's text result; as a constant it is an inline string.
      cellAttrs = withAttribute(cellAttrs, "t", "inlineStr");
      // A function, so that "$&" or "$$" in the text is not read as a replacement pattern.
      rest = rest.replace(v[0], () => withPrefix(`<is>${textElement(unescapeXml(v[1]))}</is>`, prefix));
    }
    return `<${q("c")}${cellAttrs}>${rest}</${q("c")}>`;
  });
}

/** Conditional-format and data-validation formulas of a sheet that call TIERS, with where they apply. */
function rulesCallingTiers(xml: string, sheet: string): string[] {
  if (!/_xldudf_TIERS[_.]|TIERS\./i.test(xml)) return [];
  const found: string[] = [];
  const { q } = partPrefix(xml);
  const calls = (body: string, tag: string) => [...body.matchAll(new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`, "g"))].some((m) => hasTiersCall(unescapeXml(m[1])));
  for (const m of xml.matchAll(new RegExp(`<${q("conditionalFormatting")}\\b([^>]*)>([\\s\\S]*?)<\\/${q("conditionalFormatting")}>`, "g"))) {
    if (calls(m[2], q("formula"))) found.push(`${sheet}!${attribute(m[1], "sqref") ?? ""} (conditional format)`);
  }
  for (const m of xml.matchAll(new RegExp(`<${q("dataValidation")}\\b([^>]*)>([\\s\\S]*?)<\\/${q("dataValidation")}>`, "g"))) {
    if (calls(m[2], q("formula1")) || calls(m[2], q("formula2"))) found.push(`${sheet}!${attribute(m[1], "sqref") ?? ""} (data validation)`);
  }
  for (const m of xml.matchAll(/<x14:(conditionalFormatting|dataValidation)\b[\s\S]*?<\/x14:\1>/g)) {
    if (calls(m[0], "xm:f")) found.push(`${sheet}!${/<xm:sqref>([^<]*)<\/xm:sqref>/.exec(m[0])?.[1] ?? ""} (${m[1] === "dataValidation" ? "data validation" : "conditional format"})`);
  }
  return found;
}

/**
 * Removes the add-in's web extension (the task pane Office reopens with the document) from the package.
 * Returns the part changes and whether the add-in was there.
 */
async function withoutAddin(workbook: XlsxWorkbook, changes: Map<string, string | null>): Promise<boolean> {
  const rootRels = parseRelationships(await workbook.partText("_rels/.rels"), "_rels/.rels");
  const paneRel = rootRels.find((rel) => rel.type.endsWith("/webextensiontaskpanes"));
  let types = changes.get("[Content_Types].xml") ?? (await workbook.partText("[Content_Types].xml")) ?? "";
  let removed = false;
  const ours = async (part: string) => {
    const xml = (await workbook.partText(part)) ?? "";
    return [...xml.matchAll(/<we:reference\b([^>]*?)\/?>/g)].some((m) => (attribute(m[1], "id") ?? "").replace(/[{}]/g, "").toLowerCase() === ADDIN_ID);
  };
  if (paneRel) {
    const panesPart = resolveTarget("", paneRel.target);
    const panesRels = parseRelationships(await workbook.partText(relsPath(panesPart)), relsPath(panesPart));
    let panes = (await workbook.partText(panesPart)) ?? "";
    const kept = [];
    for (const rel of panesRels) {
      const part = resolveTarget(panesPart, rel.target);
      if (rel.type.endsWith("/webextension") && (await ours(part))) {
        removed = true;
        changes.set(part, null);
        if (await workbook.partText(relsPath(part))) changes.set(relsPath(part), null);
        types = withOverride(types, part, undefined);
        panes = panes.replace(/<wetp:taskpane\b[\s\S]*?<\/wetp:taskpane>/g, (pane) => (new RegExp(`r:id="${rel.id}"`).test(pane) ? "" : pane));
      } else {
        kept.push(rel);
      }
    }
    if (removed && !/<wetp:taskpane\b/.test(panes)) {
      changes.set(panesPart, null);
      changes.set(relsPath(panesPart), null);
      types = withOverride(types, panesPart, undefined);
      changes.set("_rels/.rels", relationshipsXml(rootRels.filter((rel) => rel !== paneRel)));
    } else if (removed) {
      changes.set(panesPart, panes);
      changes.set(relsPath(panesPart), relationshipsXml(kept));
    }
  }
  if (removed) changes.set("[Content_Types].xml", types);
  return removed;
}

/**
 * A copy of the workbook prepared for mailing (the input bytes are not changed), with a report of what
 * was converted. Throws when the bytes are not an .xlsx workbook.
 *
 * @example
 * const { data, report } = await prepareForSharing(fs.readFileSync("graded.xlsx"), { lang: "en-US" });
 * report.toValues.length // TIERS formulas that became values
 */
export async function prepareForSharing(data: Uint8Array | ArrayBuffer, options: ShareOptions): Promise<{ data: Uint8Array; report: ShareReport }> {
  const workbook = await openXlsx(data);
  const state = await workbook.readState();
  const record = await readGradingRecord(workbook, state);
  const lang = record?.lang ?? options.lang;
  // The About sheet is the add-in's: a sheet of that name the analyst made keeps its name and content,
  // and the About sheet takes the next free name.
  const owned = new Set((state?.sheets ?? []).map(headerKey));
  const names = new Set((await workbook.worksheets()).map((sheet) => headerKey(sheet.name)));
  let about = outputText(lang).aboutSheet;
  for (let n = 2; names.has(headerKey(about)) && !owned.has(headerKey(about)); n++) about = `${outputText(lang).aboutSheet} ${n}`;
  const report: ShareReport = { toValues: [], toNative: [], unresolved: [], leftAsIs: [], addinRemoved: false, aboutSheet: about };
  const changes = new Map<string, string | null>();

  for (const sheet of await workbook.worksheets()) {
    if (headerKey(sheet.name) === headerKey(about)) continue;
    const xml = (await workbook.partText(sheet.part)) ?? "";
    try {
      report.leftAsIs.push(...rulesCallingTiers(xml, sheet.name));
      const next = shareSheetXml(xml, sheet.name, options.formulas ?? "values", report);
      if (next !== xml) changes.set(sheet.part, next);
    } catch (error) {
      throw asBadXml(error, sheet.part);
    }
  }
  const workbookXml = (await workbook.partText(workbook.workbookPath)) ?? "";
  const workbookPrefix = workbook.namespaceStyle.prefix;
  const definedName = workbookPrefix ? `${workbookPrefix}:definedName` : "definedName";
  for (const m of workbookXml.matchAll(new RegExp(`<${definedName}\\b([^>]*)>([\\s\\S]*?)<\\/${definedName}>`, "g"))) {
    if (hasTiersCall(unescapeXml(m[2]))) report.leftAsIs.push(`name ${attribute(m[1], "name") ?? ""}`);
  }

  // The calculation chain lists formula cells; with formulas gone it is stale, and Excel rebuilds it.
  if (changes.size > 0) {
    const workbookRelsPath = relsPath(workbook.workbookPath);
    const rels = parseRelationships(await workbook.partText(workbookRelsPath), workbookRelsPath);
    const chain = rels.find((rel) => isRelType(rel.type, "calcChain"));
    if (chain) {
      const part = resolveTarget(workbook.workbookPath, chain.target);
      changes.set(part, null);
      changes.set(workbookRelsPath, relationshipsXml(rels.filter((rel) => rel !== chain)));
      changes.set("[Content_Types].xml", withOverride((await workbook.partText("[Content_Types].xml")) ?? "", part, undefined));
    }
  }
  if (report.toNative.length > 0) changes.set(workbook.workbookPath, withFullCalcOnLoad(workbookXml, workbookPrefix));
  report.addinRemoved = await withoutAddin(workbook, changes);
  workbook.replaceParts(changes);

  const counts = { toValues: report.toValues.length, toNative: report.toNative.length, unresolved: report.unresolved.length, addinRemoved: report.addinRemoved };
  await workbook.execute(sheetsOnlyPlan(state, [{ ...aboutSheet(record, counts, lang, options.now ?? new Date(), (state?.headers.length ?? 0) > 0), name: about }]));
  return { data: await workbook.save(), report };
}
