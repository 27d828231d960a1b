/**
 * @jest-environment jsdom
 */
// The share panel with the real transforms (no mocks): a graded workbook's bytes in, real copies out.
import * as React from "react";
import { TextDecoder, TextEncoder } from "util";
import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { SharePanel, type CopyChannel } from "../../src/taskpane/SharePanel";
import { strings } from "../../src/taskpane/strings";
import { gradeWorkbook } from "../../src/workbook/run";
import { defaultSettings } from "../../src/workbook/settings";
import { openXlsx } from "../../src/workbook/executors/xlsx";
import { buildWorkbook, smallCustomerSheets } from "../xlsx/buildWorkbook";
import { installResizeObserver } from "./jsdomShims";

installResizeObserver();
// Every browser has TextEncoder and TextDecoder (file names are cut at 255 UTF-8 bytes with one, a copy's
// streamed sheet is read back with the other); jsdom has neither.
(globalThis as unknown as { TextEncoder: unknown }).TextEncoder ??= TextEncoder;
(globalThis as unknown as { TextDecoder: unknown }).TextDecoder ??= TextDecoder;

async function graded(): Promise<Uint8Array> {
  const book = await openXlsx(await buildWorkbook(smallCustomerSheets()));
  const outcome = await gradeWorkbook(book, defaultSettings("en-US", new Date(Date.UTC(2026, 10, 23))));
  if (!outcome.ok) throw new Error("the fixture did not grade");
  return book.save();
}

test("per-owner copies made from the workbook's real bytes hold only their owner's customers", async () => {
  const bytes = await graded();
  const delivered: [string, Uint8Array][] = [];
  const channel: CopyChannel = {
    current: async () => bytes,
    deliver: async (name, data) => void delivered.push([name, data]),
    verb: "save",
    baseName: "book",
  };
  render(
    <FluentProvider theme={webLightTheme}>
      <SharePanel text={strings("en-US")} lang="en-US" channel={channel} />
    </FluentProvider>,
  );
  fireEvent.click(screen.getByRole("button", { name: "Make the copies" }));
  await screen.findByText(/3 copies/, undefined, { timeout: 10_000 });
  expect(screen.getByText(/book\.Li\.xlsx — salesperson, 2 customers/)).toBeTruthy();
  fireEvent.click(screen.getByRole("button", { name: "Save Li's copy" }));
  await waitFor(() => expect(delivered).toHaveLength(1));
  expect(delivered[0][0]).toBe("book.Li.xlsx");
  const copy = await openXlsx(delivered[0][1]);
  const ids = (await copy.read("Customers", { top: 1, left: 0, rows: 5, columns: 1 })).map((row) => row[0]);
  expect(ids).toEqual(["C1", "C2", null, null, null]);

  fireEvent.click(screen.getByRole("button", { name: "Prepare a copy for sharing" }));
  await screen.findByText(/0 TIERS formula\(s\) replaced by values/, undefined, { timeout: 10_000 });
  expect(delivered[1][0]).toBe("book.shared.xlsx");
  expect((await (await openXlsx(delivered[1][1])).index()).sheets.map((s) => s.name)).toContain("About this grading");
}, 30_000);
