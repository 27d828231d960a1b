// The worker's side: holds one .xlsx workbook and answers the pane's requests one at a time, so a
// 100,000-customer open, check or grading run never blocks the page (DESIGN: the pane never freezes).
// Requests are served in order (a check never interleaves with a run). Pure: `post` is the worker's
// postMessage, so the host is tested in Node without a Worker.

import { gradeWorkbook, inspectWorkbook } from "../workbook/run";
import { exampleTablesPlan } from "../workbook/features/exampleTables";
import { openXlsx, type XlsxWorkbook } from "../workbook/executors/xlsx";
import { isPackageError } from "../workbook/executors/xlsx/packageErrors";
import { openFailureMessage } from "./openFailure";
import { paneOutcome, type GradedCustomers } from "./explainData";
import type { Envelope, Failure, PaneOutcome, Reply } from "./workerProtocol";

export function workbookHost(post: (reply: Reply, transfer?: Transferable[]) => void): (message: Envelope) => Promise<void> {
  let workbook: XlsxWorkbook | undefined;
  // The last grading's customers, for the explain view: 100,000 explanations never cross to the page.
  let graded: GradedCustomers | undefined;
  let queue: Promise<void> = Promise.resolve();

  const need = (): XlsxWorkbook => {
    if (!workbook) throw new Error("No workbook is open.");
    return workbook;
  };

  async function answer(message: Envelope): Promise<unknown> {
    switch (message.op) {
      case "open": {
        // The file arrives as a Blob (passed by reference): reading it here keeps every copy of a large
        // file off the page's thread.
        const bytes = new Uint8Array(await message.file.arrayBuffer());
        workbook = undefined;
        graded = undefined;
        try {
          workbook = await openXlsx(bytes);
          await workbook.index();
        } catch (error) {
          workbook = undefined;
          // What the bytes are says it best for a file that is no workbook (encrypted, .xls, text, damaged zip);
          // a workbook the reader refuses for what is inside (a broken part, too large) says which and why.
          const inside = isPackageError(error) && (error.code === "bad-xml" || error.code === "too-large" || error.code === "no-content-types");
          throw Object.assign(new Error("open failed"), { open: inside ? error.messages : openFailureMessage(bytes) });
        }
        return null;
      }
      case "index":
        return need().index();
      case "read":
        return need().read(message.sheet, message.box);
      case "readState":
        return need().readState();
      case "execute":
        await need().execute(message.plan);
        return null;
      case "numberFormats":
        return need().numberFormats(message.sheet, message.row, message.left, message.columns);
      case "save":
        return need().save();
      case "saveFile":
        // A Blob made here crosses by reference: the page never copies the file's bytes.
        return new Blob([(await need().save()) as Uint8Array<ArrayBuffer>], { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" });
      case "inspect":
        return inspectWorkbook(need(), message.settings);
      case "grade": {
        const outcome = await gradeWorkbook(need(), message.settings, (progress) => post({ id: message.id, progress }));
        const made = paneOutcome(outcome);
        if (outcome.ok) graded = made.graded;
        const shown: PaneOutcome = made.shown;
        return shown;
      }
      case "findCustomers":
        return graded?.find(message.query) ?? { matches: [], total: 0 };
      case "explainCustomer":
        return graded?.explainOne(message.index) ?? null;
      case "example": {
        const book = need();
        await book.execute(exampleTablesPlan(message.lang, await book.readState(), (await book.index()).sheets.map((s) => s.name), message.template));
        return null;
      }
    }
  }

  return (message) => {
    queue = queue.then(async () => {
      try {
        const value = await answer(message);
        post({ id: message.id, ok: true, value }, value instanceof Uint8Array ? [value.buffer] : undefined);
      } catch (error) {
        const e = error as Error & Partial<Failure>;
        const messages = isPackageError(error) ? error.messages : undefined;
        post({ id: message.id, ok: false, failure: { name: e?.name ?? "Error", message: String(e?.message ?? error), open: e?.open, problem: e?.problem, messages } });
      }
    });
    return queue;
  };
}
