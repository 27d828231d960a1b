// The add-in's state in Excel: a Custom XML part in the add-in's namespace, through
// `workbook.customXmlParts` ([Api set: ExcelApi 1.5] on CustomXmlPartCollection, getByNamespace, add,
// CustomXmlPart.getXml/setXml/delete in @types/office-js; learn.microsoft.com "Persist add-in state and
// settings" names custom XML parts as the Excel way to keep state in the document). The text is
// state.ts's, the same the .xlsx executor writes as customXml/itemN.xml.
//
// The legacy record (the defined name CustomerTiers.State, which Excel cannot even hold past 255
// characters) is read when there is no part, and deleted when the part is written.

import { decodeLegacyState, LEGACY_STATE_NAME, parseStateXml, STATE_NAMESPACE, stateXml } from "../../planning/state";
import type { OwnedState } from "../../types";

/** The proxies of the stored state, loaded in the executor's first batch. */
export interface StoredState {
  parts: Excel.CustomXmlPartScopedCollection;
  legacy: Excel.NamedItem;
}

/**
 * Queues the loads of the add-in's parts and the legacy name (read after the next sync). The executor has
 * checked the host first (features.ts requireExcelApi: ExcelApi 1.8, above the 1.5 these members need).
 */
export function lookState(workbook: Excel.Workbook): StoredState {
  return {
    parts: workbook.customXmlParts.getByNamespace(STATE_NAMESPACE).load("items/id"),
    legacy: workbook.names.getItemOrNullObject(LEGACY_STATE_NAME).load("name"),
  };
}

/**
 * Queues the writing of `state` (after lookState's sync): the first part of our namespace gets the new
 * text, any other one goes, a new part is added when there is none; the legacy name is deleted.
 */
export function recordState(workbook: Excel.Workbook, stored: StoredState, state: OwnedState): void {
  const xml = stateXml(state);
  const [first, ...extra] = stored.parts.items;
  if (first) first.setXml(xml);
  else workbook.customXmlParts.add(xml);
  for (const part of extra) part.delete();
  if (!stored.legacy.isNullObject) stored.legacy.delete();
}

/** The add-in's record in the open workbook: its Custom XML part, else the legacy defined name. */
export async function readExcelState(context: Excel.RequestContext): Promise<OwnedState | undefined> {
  const workbook = context.workbook;
  const legacy = workbook.names.getItemOrNullObject(LEGACY_STATE_NAME).load("formula");
  const parts = workbook.customXmlParts.getByNamespace(STATE_NAMESPACE).load("items/id");
  await context.sync();
  const texts = parts.items.map((part) => part.getXml());
  await context.sync();
  for (const text of texts) {
    const state = parseStateXml(text.value);
    if (state) return state;
  }
  return legacy.isNullObject ? undefined : decodeLegacyState(String(legacy.formula));
}
