// The requirement set of each Excel API member, read from the `[Api set: ExcelApi 1.x]` annotations of
// @types/office-js (the type definitions Microsoft publishes with the reference pages). Generated on
// load, never kept by hand: the stand-in asks `apiSet("Worksheet.getRangeByIndexes")` and refuses the
// member on a host below it. Written by hand because no package exposes these annotations as data.

import { readFileSync } from "fs";

const DTS = require.resolve("@types/office-js/index.d.ts");

let table: Map<string, number> | undefined;

/**
 * "Class.member" -> ExcelApi minor version (1.7 -> 1.7) for every member of `declare namespace Excel`
 * whose doc comment names an `ExcelApi` set. Overloads annotated differently, and annotations naming
 * several sets, take the highest.
 *
 * @example
 * excelApiSets().get("Worksheet.getRangeByIndexes") // 1.7
 */
export function excelApiSets(): Map<string, number> {
  if (table) return table;
  const text = readFileSync(DTS, "utf8");
  const start = text.indexOf("\ndeclare namespace Excel {");
  // The Interfaces sub-namespace repeats every class as plain data shapes; the classes come first.
  const end = text.indexOf("\n    namespace Interfaces {", start);
  const lines = text.slice(start, end).split("\n");
  const found = new Map<string, number>();
  let owner: string | undefined;
  let pending: number | undefined;
  for (const line of lines) {
    const cls = /^ {4}(?:export )?(?:abstract )?(?:class|interface) (\w+)/.exec(line);
    if (cls) {
      owner = cls[1];
      pending = undefined;
      continue;
    }
    if (line.includes("[Api set: ExcelApi ")) {
      // Some annotations name several sets ("1.1 requires an index ...; 1.4 allows name"): the highest
      // is what every use of the member is sure to have.
      const versions = [...line.matchAll(/(\d+)\.(\d+)/g)].map((m) => Number(`${m[1]}.${m[2]}`));
      pending = Math.max(...versions);
      continue;
    }
    if (/^ {8}\/\*\*/.test(line)) {
      pending = undefined;
      continue;
    }
    const member = /^ {8}(?:readonly |static |set |get )*(\w+)\??\s*[(:<]/.exec(line);
    if (member && owner && pending !== undefined) {
      const key = `${owner}.${member[1]}`;
      found.set(key, Math.max(found.get(key) ?? 0, pending));
    }
  }
  table = found;
  return found;
}

/**
 * The ExcelApi version a member needs; throws when @types/office-js does not annotate it (a member the
 * stand-in would model without a source).
 */
export function apiSet(member: string): number {
  const version = excelApiSets().get(member);
  if (version === undefined) throw new Error(`@types/office-js has no [Api set: ExcelApi] annotation for ${member}`);
  return version;
}
