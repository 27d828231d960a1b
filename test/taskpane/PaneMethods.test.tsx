/**
 * @jest-environment jsdom
 */
// The pane's wiring of issue 16 (in Excel, where the run happens on the page through run.ts): what Grade
// will write is the check's (Inspection.writes), a method replaces the scheme on the first screen, and
// after a grading by score the explain view searches the graded customers and shows one.

import * as React from "react";
import { fireEvent, render, screen, configure } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { Pane } from "../../src/taskpane/Pane";
import type { Inspection } from "../../src/workbook/run";
import type { WorkbookBackend } from "../../src/workbook/types";
import { installResizeObserver, installInnerText } from "./jsdomShims";

installResizeObserver();
// The machine runs several suites at once: a Fluent pane in jsdom takes minutes there.
configure({ asyncUtilTimeout: 30_000 });
installInnerText();

jest.mock("../../src/workbook/run", () => ({
  defaultSettings: (lang: string, now: Date) => ({ scheme: { kind: "shares", shares: [0.2, 0.3, 0.5] }, labels: ["A", "B", "C"], missing: "exclude", lang, mode: "values", now }),
  inspectWorkbook: jest.fn(),
  gradeWorkbook: jest.fn(),
}));
const run = jest.requireMock("../../src/workbook/run") as { inspectWorkbook: jest.Mock; gradeWorkbook: jest.Mock };

const inspection: Inspection = {
  ok: true,
  problems: [],
  customers: 3,
  excluded: 0,
  indicators: [
    { name: "Sales", globalWeight: 0.6, column: "Sales" },
    { name: "Visits", globalWeight: 0.4, column: "Visits" },
  ],
  customersSheet: "Customers",
  writes: { columns: ["Score", "Rank", "Tier", "Why"], sheets: ["Tier summary"] },
};

const backend: WorkbookBackend = {
  index: async () => ({ sheets: [{ name: "Customers", used: { top: 0, left: 0, rows: 4, columns: 3 } }, { name: "Weights", used: { top: 0, left: 0, rows: 3, columns: 2 } }], tables: [] }),
  read: async () => [["Customer ID", "Sales", "Visits"]],
  readState: async () => undefined,
  execute: async () => undefined,
};

test("what Grade writes is the check's; a method replaces the scheme on the first screen; after grading, the explain view", async () => {
  run.inspectWorkbook.mockResolvedValue(inspection);
  const explain = jest.fn(() => [
    { contributions: [48, 32], score: 80, tier: 0, reason: { code: "top-tier", label: "A" } },
    { contributions: [30, 10], score: 40, tier: 1, nextTier: 0, target: 80, gap: 40, reason: { code: "gap", label: "B", next: "A", gap: "40.0" } },
    null,
  ]);
  run.gradeWorkbook.mockResolvedValue({
    ok: true,
    inspection,
    result: { labels: ["A", "B", "C"], pyramid: [{ tier: "A", customers: 1, customerShare: 0.5, value: 1, valueShare: 0.5 }, { tier: "B", customers: 1, customerShare: 0.5, value: 1, valueShare: 0.5 }] },
    customers: { ids: ["K-1", "K-2", "K-3"] },
    explain,
  });
  render(
    <FluentProvider theme={webLightTheme}>
      <Pane lang="en-US" backend={backend} now={() => new Date(2026, 11, 2)} />
    </FluentProvider>,
  );
  expect(await screen.findByText("Grade adds Score, Rank, Tier and Why to Customers; creates the sheet Tier summary.")).toBeTruthy();

  fireEvent.click(screen.getByRole("button", { name: "More options" }));
  fireEvent.click(await screen.findByRole("combobox", { name: "Method" }));
  fireEvent.click(await screen.findByRole("option", { name: "k-means clusters" }));
  expect(await screen.findByText("Tiers come from k-means clusters; change the method under More options.")).toBeTruthy();
  expect(screen.queryByRole("combobox", { name: "Tier scheme" })).toBeNull();
  expect(run.inspectWorkbook.mock.calls.at(-1)[1].method).toEqual({ kind: "kmeans", k: "auto" });
  fireEvent.click(screen.getByRole("combobox", { name: "Method" }));
  fireEvent.click(await screen.findByRole("option", { name: "Weighted score (weight table)" }));
  await screen.findByRole("combobox", { name: "Tier scheme" });

  fireEvent.click(screen.getByRole("button", { name: "Grade" }));
  fireEvent.click(await screen.findByRole("button", { name: "Why this tier" }));
  // The explanations are computed when first asked for, not at grading.
  expect(explain).not.toHaveBeenCalled();
  const box = screen.getByRole("combobox", { name: "Find a customer" });
  fireEvent.change(box, { target: { value: "k-2" } });
  await screen.findByText("Type part of a customer ID (3 customers).");
  if (!screen.queryByRole("option", { name: "K-2" })) fireEvent.click(box);
  fireEvent.click(await screen.findByRole("option", { name: "K-2" }));
  expect(await screen.findByText("K-2: tier B, score 40.00")).toBeTruthy();
  expect(screen.getByText("40.00 points below A.")).toBeTruthy();
  expect(screen.getByText("No single indicator can close the gap alone.")).toBeTruthy();
  expect(explain).toHaveBeenCalledTimes(1);
}, 300_000);
