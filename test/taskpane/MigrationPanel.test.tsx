/**
 * @jest-environment jsdom
 */
import * as React from "react";
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { MigrationPanel } from "../../src/taskpane/MigrationPanel";
import { strings } from "../../src/taskpane/strings";
import { defaultSettings, gradeWorkbook } from "../../src/workbook/run";
import type { CellValue } from "../../src/workbook/types";
import { MemoryWorkbook } from "../support/memoryWorkbook";
import { installResizeObserver } from "./jsdomShims";

installResizeObserver();

// The real run and migration on an in-memory workbook graded in two quarters: five customers whose
// scores are 0, 25, 50, 75, 100 (sales 100..500), tiers 20/30/50 = A, B, C, C, C. In Q2 C1 leaves, C6
// arrives at the top and the order of the rest reverses.

const NOW = new Date(2026, 10, 22, 9, 30);

async function twoQuarters(): Promise<MemoryWorkbook> {
  const customers: CellValue[][] = [
    ["Customer ID", "Name", "Sales"],
    ["C1", "Alpha", 100],
    ["C2", "Beta", 200],
    ["C3", "Gamma", 300],
    ["C4", "Delta", 400],
    ["C5", "Epsilon", 500],
  ];
  const book = new MemoryWorkbook({ Weights: [["Indicator", "Weight"], ["Sales", 1]], Customers: customers });
  await gradeWorkbook(book, { ...defaultSettings("en-US", NOW), period: "2026-Q1" });
  const rows = book.sheets.get("Customers")!;
  rows.splice(1, 1);
  rows.push(["C6", "Zeta", 600]);
  rows.slice(1, 5).forEach((row, i) => (row[2] = [500, 400, 300, 200][i]));
  await gradeWorkbook(book, { ...defaultSettings("en-US", NOW), period: "2026-Q2" });
  return book;
}

function show(book: MemoryWorkbook, lang: "en-US" | "zh-CN" = "en-US", generation = 0) {
  return render(
    <FluentProvider theme={webLightTheme}>
      <MigrationPanel backend={book} lang={lang} text={strings(lang)} generation={generation} />
    </FluentProvider>,
  );
}

test("the last two periods are offered; the matrix, the counts and the Migration sheet follow", async () => {
  const book = await twoQuarters();
  show(book);
  const button = await screen.findByRole("button", { name: "Show who moved" });
  expect(screen.getAllByRole("combobox").map((c) => (c as HTMLButtonElement).textContent)).toEqual(["2026-Q1", "2026-Q2"]);
  fireEvent.click(button);
  const table = await screen.findByRole("table", { name: "Who moved" });
  const rows = within(table).getAllByRole("row").map((row) => Array.from(row.querySelectorAll("th, td"), (c) => c.textContent));
  // Q1: C5 A, C4 B, C3..C1 C. Q2: C6 A (new), C2 B, C3 C, C4 C, C5 C; C1 lost.
  expect(rows).toEqual([
    ["Before \\ after", "A", "B", "C", "Lost"],
    ["A", "0", "0", "1", "0"],
    ["B", "0", "0", "1", "0"],
    ["C", "0", "1", "1", "1"],
    ["New", "1", "0", "0", "0"],
  ]);
  expect(screen.getByText(/Upgraded 1, downgraded 2, new 1, lost 1\./)).toBeTruthy();
  expect(book.sheets.has("Migration")).toBe(true);
});

test("with one graded period there is nothing to compare, and the panel stays away", async () => {
  const book = new MemoryWorkbook({ Weights: [["Indicator", "Weight"], ["Sales", 1]], Customers: [["Customer ID", "Sales"], ["C1", 1], ["C2", 2]] });
  await gradeWorkbook(book, { ...defaultSettings("en-US", NOW), period: "2026-Q1" });
  const { container } = show(book);
  // The periods are looked up after the first render; let that finish inside act.
  await act(async () => {
    await new Promise((resolve) => setTimeout(resolve, 50));
  });
  expect(container.querySelector("section")).toBeNull();
});

test("in Chinese, the same numbers", async () => {
  const book = await twoQuarters();
  show(book, "zh-CN");
  fireEvent.click(await screen.findByRole("button", { name: "查看等级变化" }));
  expect(await screen.findByText(/升级 1，降级 2，新增 1，流失 1。/)).toBeTruthy();
});

test("a History sheet that lists a customer twice in a period: a problem naming both cells, in the pane's language", async () => {
  const book = await twoQuarters();
  const history = book.sheets.get("Tier history")!;
  history.push(history[history.length - 1].slice());
  const id = String(history[history.length - 1][0]);
  show(book, "zh-CN");
  fireEvent.click(await screen.findByRole("button", { name: "查看等级变化" }));
  // The copy is the last row (A<length>); the first is the row it was copied from (A<length - 1>).
  expect(await screen.findByText(new RegExp(`客户“${id}”在分级历史的期间“2026-Q2”中出现了两次（第一次在 A${history.length - 1}）`))).toBeTruthy();
  expect(book.sheets.has("迁移") || book.sheets.has("Migration")).toBe(false);
});

test("a newly graded period moves the choice on to the latest two, never the same period twice", async () => {
  const book = await twoQuarters();
  const view = show(book);
  await screen.findByRole("button", { name: "Show who moved" });
  const chosen = () => screen.getAllByRole("combobox").map((c) => (c as HTMLButtonElement).textContent);
  expect(chosen()).toEqual(["2026-Q1", "2026-Q2"]);
  await gradeWorkbook(book, { ...defaultSettings("en-US", NOW), period: "2026-Q3" });
  view.rerender(
    <FluentProvider theme={webLightTheme}>
      <MigrationPanel backend={book} lang="en-US" text={strings("en-US")} generation={1} />
    </FluentProvider>,
  );
  await waitFor(() => expect(chosen()).toEqual(["2026-Q2", "2026-Q3"]));
});
