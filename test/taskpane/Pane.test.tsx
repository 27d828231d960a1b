/**
 * @jest-environment jsdom
 */
import * as React from "react";
import { act, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { Pane } from "../../src/taskpane/Pane";
import type { Inspection } from "../../src/workbook/run";
import type { Progress, WorkbookBackend } from "../../src/workbook/types";

// jsdom has no ResizeObserver; Fluent's MessageBar observes its own size to reflow.
class NoResize {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
(globalThis as unknown as { ResizeObserver: unknown }).ResizeObserver = NoResize;

// The pane is tested against run.ts's contract, with the run itself replaced so every state
// (problems, progress, cancel, result) can be produced on demand.
jest.mock("../../src/workbook/run", () => ({
  defaultSettings: (lang: string, now: Date) => ({ scheme: { kind: "shares", shares: [0.2, 0.3, 0.5] }, labels: ["A", "B", "C"], missing: "exclude", lang, mode: "values", now }),
  inspectWorkbook: jest.fn(),
  gradeWorkbook: jest.fn(),
}));
const run = jest.requireMock("../../src/workbook/run") as { inspectWorkbook: jest.Mock; gradeWorkbook: jest.Mock };

const fine: Inspection = {
  ok: true,
  problems: [{ severity: "warning", code: "weights-normalised", sheet: "Weights", cell: "C2:C4", message: { "en-US": "Weights add up to 0.9.", "zh-CN": "权重合计为 0.9。" } }],
  customers: 1200,
  excluded: 0,
  indicators: [
    { name: "Sales", dimension: "Profitability", globalWeight: 0.5, column: "Sales" },
    { name: "Complaints", globalWeight: 0.5, column: "Complaints" },
  ],
};
const broken: Inspection = {
  ...fine,
  ok: false,
  problems: [{ severity: "error", code: "not-a-number", sheet: "Customers", cell: "D7", message: { "en-US": "D7 is not a number.", "zh-CN": "D7 不是数字。" } }],
};

function backend(): WorkbookBackend & { select: jest.Mock } {
  return {
    index: async () => ({ sheets: [{ name: "Customers", used: null }], tables: [{ name: "Weights", sheet: "Weights", box: { top: 0, left: 0, rows: 2, columns: 2 } }] }),
    read: async () => [],
    readState: async () => undefined,
    execute: async () => undefined,
    select: jest.fn(async () => undefined),
  };
}

function show(lang: "en-US" | "zh-CN", b = backend()) {
  render(
    <FluentProvider theme={webLightTheme}>
      <Pane lang={lang} backend={b} now={() => new Date(2026, 0, 31)} />
    </FluentProvider>,
  );
  return b;
}

beforeEach(() => {
  run.inspectWorkbook.mockReset();
  run.gradeWorkbook.mockReset();
});

test("before writing it shows customers, global weights and warnings, in English", async () => {
  run.inspectWorkbook.mockResolvedValue(fine);
  show("en-US");
  expect(await screen.findByText("1,200")).toBeTruthy();
  expect(screen.getByRole("table", { name: "Indicators" }).textContent).toContain("50%");
  expect(screen.getByText("Weights add up to 0.9.")).toBeTruthy();
  expect((screen.getByRole("button", { name: "Grade" }) as HTMLButtonElement).disabled).toBe(false);
});

test("every problem links to its cell, and the link selects it (zh-CN)", async () => {
  run.inspectWorkbook.mockResolvedValue(broken);
  const b = show("zh-CN");
  const link = await screen.findByRole("button", { name: "转到 Customers!D7" });
  expect(screen.getByText("D7 不是数字。")).toBeTruthy();
  expect(screen.getByText("请先修正以下错误再分级。")).toBeTruthy();
  fireEvent.click(link);
  expect(b.select).toHaveBeenCalledWith("Customers", "D7");
  expect((screen.getByRole("button", { name: "分级" }) as HTMLButtonElement).disabled).toBe(true);
});

test("grading shows the stage and progress, and Cancel aborts the run", async () => {
  run.inspectWorkbook.mockResolvedValue(fine);
  let report: (p: Progress) => void = () => undefined;
  let signal: AbortSignal | undefined;
  run.gradeWorkbook.mockImplementation((_b, _s, onProgress, s) => {
    report = onProgress;
    signal = s;
    return new Promise((_, reject) => s.addEventListener("abort", () => reject(Object.assign(new Error("cancelled"), { name: "AbortError" }))));
  });
  show("en-US");
  fireEvent.click(await screen.findByRole("button", { name: "Grade" }));
  act(() => report({ stage: "write", fraction: 0.8 }));
  expect(screen.getByText("Writing to the workbook")).toBeTruthy();
  expect(screen.getByRole("progressbar").getAttribute("aria-valuenow")).toBe("0.8");
  fireEvent.click(screen.getByRole("button", { name: "Cancel" }));
  expect(signal?.aborted).toBe(true);
  expect(await screen.findByText("Grading was cancelled; the workbook is as it was.")).toBeTruthy();
  expect(screen.queryByRole("progressbar")).toBeNull();
});

test("after grading, the tier summary and the pyramids, numbers formatted for zh-CN", async () => {
  run.inspectWorkbook.mockResolvedValue(fine);
  run.gradeWorkbook.mockResolvedValue({
    ok: true,
    inspection: fine,
    result: {
      pyramid: [
        { tier: "关键客户", customers: 240, customerShare: 0.2, value: 8000000, valueShare: 0.8 },
        { tier: "普通客户", customers: 360, customerShare: 0.3, value: 1500000, valueShare: 0.15 },
        { tier: "小客户", customers: 600, customerShare: 0.5, value: 500000, valueShare: 0.05 },
      ],
    },
  });
  show("zh-CN");
  fireEvent.click(await screen.findByRole("button", { name: "分级" }));
  const table = await screen.findByRole("table", { name: "分级汇总" });
  expect(table.textContent).toContain("关键客户");
  expect(table.textContent).toContain("80%");
  expect(screen.getByRole("img", { name: "小客户：50%" })).toBeTruthy();
  expect(screen.getByRole("img", { name: "关键客户：80%" }).getAttribute("style")).toContain("width: 100%");
  expect(run.gradeWorkbook.mock.calls[0][1]).toMatchObject({ lang: "zh-CN", scheme: { kind: "shares", shares: [0.2, 0.3, 0.5] } });
});

test("changing the scheme re-checks the workbook with the new settings", async () => {
  run.inspectWorkbook.mockResolvedValue(fine);
  show("en-US");
  await screen.findByText("1,200");
  fireEvent.change(screen.getByLabelText("Share of A (%)"), { target: { value: "10" } });
  expect(await screen.findByText("Shares add up to 90 %; they must add up to 100 %.")).toBeTruthy();
  await waitFor(() => expect(run.inspectWorkbook.mock.calls.at(-1)[1].scheme.shares[0]).toBeCloseTo(0.1, 10));
});
