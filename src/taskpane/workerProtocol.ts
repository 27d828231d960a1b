// The messages between the pane (main thread) and the worker that holds an .xlsx workbook as a web
// page. Everything here is structured-cloneable; the big things (the file's bytes, the customers, the
// plan) stay in the worker, and only what the pane shows crosses over.

import type { PyramidRow } from "../engine/types";
import type { ExampleTemplate } from "../workbook/features/exampleTables";
import type { GradeSettings, Inspection } from "../workbook/run";
import type { Box, Lang, OwnedState, Progress, Text, WorkbookIndex, WritePlan, CellValue, Problem } from "../workbook/types";
import type { CustomerExplanation, CustomerMatches } from "./explainData";

/**
 * The part of a grading outcome the pane shows; `explained`: how many customers the explain view can
 * search (tiers by score only), the explanations themselves staying where the grading ran.
 */
export type PaneOutcome = { ok: true; inspection: Inspection; pyramid: PyramidRow[]; explained?: number } | { ok: false; inspection: Inspection };

export type Request =
  | { op: "open"; file: Blob }
  | { op: "index" }
  | { op: "read"; sheet: string; box: Box }
  | { op: "readState" }
  | { op: "execute"; plan: WritePlan }
  | { op: "numberFormats"; sheet: string; row: number; left: number; columns: number }
  | { op: "save" }
  | { op: "saveFile" }
  | { op: "inspect"; settings: GradeSettings }
  | { op: "grade"; settings: GradeSettings }
  | { op: "example"; lang: Lang; template?: ExampleTemplate }
  | { op: "findCustomers"; query: string }
  | { op: "explainCustomer"; index: number };

export interface Results {
  open: null;
  index: WorkbookIndex;
  read: CellValue[][];
  readState: OwnedState | undefined;
  execute: null;
  numberFormats: (string | null)[];
  save: Uint8Array;
  saveFile: Blob;
  inspect: Inspection;
  grade: PaneOutcome;
  example: null;
  findCustomers: CustomerMatches;
  explainCustomer: CustomerExplanation | null;
}

export type Envelope = { id: number } & Request;

/** A failure as it crosses: the name (AbortError), a message, and what the pane can show in both languages. */
export interface Failure {
  name: string;
  message: string;
  /** A file that is not a readable workbook, in the analyst's words. */
  open?: Text;
  /** A workbook problem raised by a run (cell and message). */
  problem?: Problem;
  /** A refusal of the workbook layer (packageErrors.ts: a broken part, a file too large) in both languages. */
  messages?: Text;
}

export type Reply = { id: number; ok: true; value: unknown } | { id: number; ok: false; failure: Failure } | { id: number; progress: Progress };
