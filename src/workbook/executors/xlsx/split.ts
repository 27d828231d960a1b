// Per-owner copies as .xlsx files: each copy is a new package holding only what its plans write (see
// ../split.ts for why a copy is built up rather than cut down). Runs in Node and in the browser.

import JSZip from "jszip";
import { planOwnerCopies } from "../../features/split";
import type { CopyRole, SplitSettings } from "../../features/split";
import { textOf } from "../../../text";
import { FileNamer } from "../../features/fileNames";
import type { Problem } from "../../types";
import { openXlsx } from "./xlsxWorkbook";
import type { XlsxOptions } from "./xlsxWorkbook";
import { gatherChunks } from "./zipStream";

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


/** A copy before it is built: who it is for, its file name, how many customers it holds. */
export type OwnerCopyName = Omit<OwnerCopyFile, "data">;

/** A copy being built: its bytes come as they are compressed (read them once). */
export interface OwnerCopyChunks extends OwnerCopyName {
  chunks: AsyncIterable<Uint8Array>;
}

export type SplitStreamOutcome =
  | {
      ok: true;
      /** Every copy's name, known before any is built (to check them against the input, say). */
      names: OwnerCopyName[];
      /** The copies in the order of `names`, each built when the one before has been read to its end. */
      copies: AsyncGenerator<OwnerCopyChunks>;
    }
  | { ok: false; problems: Problem[] };

/**
 * The per-owner copies of a graded workbook one at a time, each as chunks of bytes: never more than
 * one copy is being built, and a copy's customer sheet too large for one string streams from the
 * graded table through the package being compressed. For the command line, which writes each copy to
 * disk as it comes. Problems (not graded, no owner column, a bad org table) come back instead.
 * `xlsx` sets the reader's and writer's options (tests stream small sheets with streamAbove: 0).
 *
 * @example
 * const outcome = await splitByOwnerStream(fs.readFileSync("graded.xlsx"), { by: "Owner", lang: "en-US" });
 * if (outcome.ok) for await (const copy of outcome.copies) for await (const chunk of copy.chunks) out.write(chunk);
 */
export async function splitByOwnerStream(data: Uint8Array | ArrayBuffer, settings: SplitSettings & { baseName?: string; xlsx?: XlsxOptions }): Promise<SplitStreamOutcome> {
  const outcome = await planOwnerCopies(await openXlsx(data, settings.xlsx), settings);
  if (!outcome.ok) return outcome;
  // Names cut at 255 bytes, cleaned of control and bidi characters, distinct case-insensitively; the
  // company-wide copy's name is taken first, so no owner called "everyone" can take it.
  const words = textOf(outcome.lang).output;
  const namer = new FileNamer(settings.baseName ?? words.copyBaseName);
  const partOf = (copy: { role: CopyRole; owner: string }) => words.copyRoleWord[copy.role] + copy.owner;
  const reserved = new Map(outcome.copies.filter((copy) => copy.role === "all").map((copy) => [copy, namer.take(partOf(copy))]));
  const names: OwnerCopyName[] = outcome.copies.map((copy) => ({
    owner: copy.owner,
    role: copy.role,
    customers: copy.customers,
    fileName: reserved.get(copy) ?? namer.take(partOf(copy)),
  }));
  const empty = await emptyPackage();
  const plans = outcome.copies.map((copy) => copy.plans);
  // A copy's sheets are streamed whatever their size (unless the caller says otherwise): written row by
  // row and given their output columns as the rows are made, a customer sheet costs about a third less
  // CPU than built as one text and read back (bench/sections/scale.ts, 100,000 customers), the same bytes.
  const copyOptions: XlsxOptions = { streamAbove: 0, ...settings.xlsx };
  async function* copies(): AsyncGenerator<OwnerCopyChunks> {
    for (const [i, name] of names.entries()) {
      const book = await openXlsx(empty, copyOptions);
      for (const plan of plans[i]) await book.execute(plan);
      // The plans of a copy built are let go: its rows are views of the table, not held twice.
      plans[i] = [];
      yield { ...name, chunks: book.saveChunks() };
    }
  }
  return { ok: true, names, copies: copies() };
}

/**
 * One .xlsx per salesperson, per manager (with `org`) and one for everyone, from a graded workbook's
 * bytes (not changed), each copy's bytes in memory: for the task pane, which hands each copy to the
 * browser. Problems (not graded, no owner column, a bad org table) come back instead.
 *
 * @example
 * const outcome = await splitByOwner(fs.readFileSync("graded.xlsx"), { by: "Owner", lang: "en-US" });
 * if (outcome.ok) for (const copy of outcome.copies) fs.writeFileSync(copy.fileName, copy.data);
 */
export async function splitByOwner(data: Uint8Array | ArrayBuffer, settings: SplitSettings & { baseName?: string; xlsx?: XlsxOptions }): Promise<SplitFilesOutcome> {
  const outcome = await splitByOwnerStream(data, settings);
  if (!outcome.ok) return outcome;
  const copies: OwnerCopyFile[] = [];
  for await (const { chunks, ...name } of outcome.copies) {
    copies.push({ ...name, data: await gatherChunks(chunks) });
  }
  return { ok: true, copies };
}
