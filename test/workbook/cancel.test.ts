// One cancellation mechanism (src/workbook/cancel.ts): an aborted AbortSignal stops a call with an
// "AbortError", whichever layer notices it, and every surface recognises it by that name, including
// the DOM's own (AbortSignal.abort()'s reason), so a signal from any caller is understood alike.

import { cancelledError, isCancelled, throwIfCancelled } from "../../src/workbook/cancel";
import { defaultSettings, gradeWorkbook } from "../../src/workbook/run";
import { openXlsx } from "../../src/workbook/executors/xlsx";
import { buildWorkbook, smallCustomerSheets } from "../xlsx/buildWorkbook";

describe("cancellation", () => {
  test("an aborted signal throws an AbortError; a live or absent one does nothing", () => {
    const controller = new AbortController();
    expect(() => throwIfCancelled(controller.signal)).not.toThrow();
    expect(() => throwIfCancelled(undefined)).not.toThrow();
    controller.abort();
    expect(() => throwIfCancelled(controller.signal)).toThrow(expect.objectContaining({ name: "AbortError" }));
  });

  test("ours and the DOM's abort errors are recognised; other errors are not", () => {
    expect(isCancelled(cancelledError())).toBe(true);
    expect(isCancelled(AbortSignal.abort().reason)).toBe(true);
    expect(isCancelled(new Error("disk full"))).toBe(false);
    expect(isCancelled(null)).toBe(false);
    expect(isCancelled("AbortError")).toBe(false);
  });

  test("the .xlsx executor and the run say the same thing on cancel", async () => {
    const data = await buildWorkbook(smallCustomerSheets());
    const book = await openXlsx(data);
    const controller = new AbortController();
    controller.abort();
    const settings = defaultSettings("en-US", new Date(Date.UTC(2026, 10, 22)));
    const byRun = await gradeWorkbook(book, settings, undefined, controller.signal).catch((error: unknown) => error);
    const outcome = await gradeWorkbook(await openXlsx(data), settings);
    if (!outcome.ok) throw new Error("the sample should grade");
    const byExecutor = await book.execute(outcome.plan, undefined, controller.signal).catch((error: unknown) => error);
    expect(isCancelled(byRun) && isCancelled(byExecutor)).toBe(true);
    expect((byRun as Error).message).toBe((byExecutor as Error).message);
    expect((byRun as Error).message).toBe(cancelledError().message);
  });
});
