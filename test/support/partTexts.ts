// The text of every part of a package, to compare two saves of the same workbook part by part: the one
// thing that differs between two runs by design, the state part's itemID GUID (customXml/itemProps), is
// replaced by "{GUID}".

import JSZip from "jszip";

/** Part name → text, for every file in the package. */
export async function partTexts(bytes: Uint8Array): Promise<Map<string, string>> {
  const zip = await JSZip.loadAsync(bytes);
  const found = new Map<string, string>();
  for (const name of Object.keys(zip.files).filter((name) => !zip.files[name].dir)) {
    const text = await zip.files[name].async("string");
    found.set(name, /^customXml\/itemProps/.test(name) ? text.replace(/\{[0-9A-F-]{36}\}/g, "{GUID}") : text);
  }
  return found;
}
