// Per-owner copies as .xlsx files: each copy is a new package holding only what its plans write (see
// ../split.ts for why a copy is built up rather than cut down). Runs in Node and in the browser.

import JSZip from "jszip";
import { planOwnerCopies } from "../../features/split";
import type { CopyRole, SplitSettings } from "../../features/split";
import { textOf } from "../../../text";
import { FileNamer } from "../../features/fileNames";
import type { Problem } from "../../types";
import { openXlsx } from "./xlsxWorkbook";

export interface OwnerCopyFile {
  owner: string;
  role: CopyRole;
  customers: number;
  /** A file name for the copy: "<base>.<owner>.xlsx". */
  fileName: string;
  data: Uint8Array;
}

export type SplitFilesOutcome = { ok: true; copies: OwnerCopyFile[] } | { ok: false; problems: Problem[] };

const NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG = "http://schemas.openxmlformats.org/package/2006/relationships";

/** The smallest package the .xlsx executor can add sheets to: a workbook, its rels, content types. No document properties, no author. */
async function emptyPackage(): Promise<Uint8Array> {
  const zip = new JSZip();
  const head = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
  zip.file(
    "[Content_Types].xml",
    `${head}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>`,
  );
  zip.file("_rels/.rels", `${head}<Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`);
  zip.file("xl/workbook.xml", `${head}<workbook xmlns="${NS}" xmlns:r="${REL_NS}"><bookViews><workbookView/></bookViews><sheets/></workbook>`);
  zip.file("xl/_rels/workbook.xml.rels", `${head}<Relationships xmlns="${PKG}"></Relationships>`);
  return zip.generateAsync({ type: "uint8array" });
}


/**
 * One .xlsx per salesperson, per manager (with `org`) and one for everyone, from a graded workbook's
 * bytes (not changed). Problems (not graded, no owner column, a bad org table) come back instead.
 *
 * @example
 * const outcome = await splitByOwner(fs.readFileSync("graded.xlsx"), { by: "Owner", lang: "en-US" });
 * if (outcome.ok) for (const copy of outcome.copies) fs.writeFileSync(copy.fileName, copy.data);
 */
export async function splitByOwner(data: Uint8Array | ArrayBuffer, settings: SplitSettings & { baseName?: string }): Promise<SplitFilesOutcome> {
  const source = await openXlsx(data);
  const outcome = await planOwnerCopies(source, settings);
  if (!outcome.ok) return outcome;
  const empty = await emptyPackage();
  // Names cut at 255 bytes, cleaned of control and bidi characters, distinct case-insensitively; the
  // company-wide copy's name is taken first, so no owner called "everyone" can take it.
  const words = textOf(outcome.lang).output;
  const names = new FileNamer(settings.baseName ?? words.copyBaseName);
  const partOf = (copy: { role: CopyRole; owner: string }) => words.copyRoleWord[copy.role] + copy.owner;
  const reserved = new Map(outcome.copies.filter((copy) => copy.role === "all").map((copy) => [copy, names.take(partOf(copy))]));
  const copies: OwnerCopyFile[] = [];
  for (const copy of outcome.copies) {
    const book = await openXlsx(empty);
    for (const plan of copy.plans) await book.execute(plan);
    const fileName = reserved.get(copy) ?? names.take(partOf(copy));
    copies.push({ owner: copy.owner, role: copy.role, customers: copy.customers, fileName, data: await book.save() });
  }
  return { ok: true, copies };
}
