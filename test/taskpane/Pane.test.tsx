/**
 * @jest-environment jsdom
 */
import * as React from "react";
import { act, fireEvent, render, screen, waitFor, configure } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { Pane } from "../../src/taskpane/Pane";
import type { Inspection } from "../../src/workbook/run";
import type { Progress, WorkbookBackend } from "../../src/workbook/types";
import { installResizeObserver, installInnerText } from "./jsdomShims";

installResizeObserver();
// The machine runs several suites at once: wait for the pane as long as a slow render takes.
configure({ asyncUtilTimeout: 10_000 });
installInnerText();
// Everything the live region said, kept as it is said (each message stays there only half a second).
let heard: string[] = [];
const listener = new MutationObserver(() => {
  for (const region of document.querySelectorAll("[aria-live]")) if (region.textContent) heard.push(region.textContent);
});
const liveRegion = () => heard.join(" | ");

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
  problems: [{ severity: "warning", code: "weights-normalised", sheet: "Weights", cell: "C2:C4", message: { "en-US": "Weights!C2:C4: Weights add up to 0.9.", "zh-CN": "Weights!C2:C4：权重合计为 0.9。" } }],
  customers: 1200,
  excluded: 0,
  indicators: [
    { name: "Sales", dimension: "Profitability", globalWeight: 0.5, column: "Sales" },
    { name: "Complaints", globalWeight: 0.5, column: "Complaints" },
  ],
  weightsSheet: "Weights",
  customersSheet: "Customers",
};
const broken: Inspection = {
  ...fine,
  ok: false,
  problems: [{ severity: "error", code: "not-a-number", sheet: "Customers", cell: "D7", message: { "en-US": "Customers!D7: Enter a number.", "zh-CN": "Customers!D7：D7 不是数字。" } }],
};
const pyramid = [
  { tier: "关键客户", customers: 240, customerShare: 0.2, value: 8000000, valueShare: 0.8 },
  { tier: "普通客户", customers: 360, customerShare: 0.3, value: 1500000, valueShare: 0.15 },
  { tier: "小客户", customers: 600, customerShare: 0.5, value: 500000, valueShare: 0.05 },
];

function backend(): WorkbookBackend & { select: jest.Mock; execute: jest.Mock } {
  return {
    index: async () => ({ sheets: [{ name: "Customers", used: { top: 0, left: 0, rows: 3, columns: 3 } }], tables: [{ name: "Weights", sheet: "Weights", box: { top: 0, left: 0, rows: 2, columns: 2 } }] }),
    read: async () => [["Customer ID", "Sales", "Complaints"]],
    readState: async () => undefined,
    execute: jest.fn(async () => undefined),
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

const gradeButton = (name = "Grade") => screen.getByRole("button", { name }) as HTMLButtonElement;

beforeEach(() => {
  heard = [];
  listener.disconnect();
  listener.observe(document.body, { subtree: true, childList: true, characterData: true });
  run.inspectWorkbook.mockReset();
  run.gradeWorkbook.mockReset();
});

test("the first screen: a status line, what Grade will write, warnings; indicators under their own heading", async () => {
  run.inspectWorkbook.mockResolvedValue(fine);
  show("en-US");
  expect(await screen.findByText("1,200 customers · 2 indicators · ready to grade · 1 warning")).toBeTruthy();
  expect(screen.getByText("Grade adds Score, Rank and Tier to Customers; creates the sheet Tier summary.")).toBeTruthy();
  // The place is the link's, the words say it once.
  expect(screen.getByRole("button", { name: "Go to Weights!C2:C4" })).toBeTruthy();
  expect(screen.getByText("Weights add up to 0.9.")).toBeTruthy();
  expect(screen.queryByRole("table", { name: "Indicators" })).toBeNull();
  fireEvent.click(screen.getByRole("button", { name: "Indicators and weights (2)" }));
  expect((await screen.findByRole("table", { name: "Indicators" })).textContent).toContain("50%");
  expect(gradeButton().disabled).toBe(false);
});

test("every problem links to its cell once, the link selects it, the status counts it (zh-CN)", async () => {
  run.inspectWorkbook.mockResolvedValue(broken);
  const b = show("zh-CN");
  const link = await screen.findByRole("button", { name: "转到 Customers!D7" });
  expect(screen.getByText("D7 不是数字。")).toBeTruthy();
  expect(document.body.textContent).not.toContain("Customers!D7：Customers!D7");
  expect(screen.getByText("1,200 位客户 · 2 个指标 · 1 个问题")).toBeTruthy();
  await waitFor(() => expect(liveRegion()).toContain("有 1 个问题需要先修正才能分级。"));
  fireEvent.click(link);
  expect(b.select).toHaveBeenCalledWith("Customers", "D7");
  expect(gradeButton("分级").disabled).toBe(true);
  fireEvent.click(screen.getByRole("button", { name: "重新检查" }));
  await waitFor(() => expect(run.inspectWorkbook.mock.calls.length).toBeGreaterThanOrEqual(2));
});

test("a settings mistake is said under its control, not blamed on a sheet", async () => {
  run.inspectWorkbook.mockResolvedValue({
    ...fine,
    ok: false,
    problems: [{ severity: "error", code: "label-count", sheet: "", cell: "", message: { "en-US": "The scheme needs 3 labels; 2 were given (A, B).", "zh-CN": "需要 3 个标签。" } }],
  });
  show("en-US");
  const message = await screen.findByText("The scheme needs 3 labels; 2 were given (A, B).");
  expect(message.closest(".fui-Field")?.textContent).toContain("Tier labels");
  expect(screen.queryByRole("region", { name: "Problems" })).toBeNull();
});

test("grading shows the stage and progress in the footer, and Cancel aborts the run", async () => {
  run.inspectWorkbook.mockResolvedValue(fine);
  let report: (p: Progress) => void = () => undefined;
  let signal: AbortSignal | undefined;
  run.gradeWorkbook.mockImplementation((_b, _s, onProgress, s) => {
    report = onProgress;
    signal = s;
    return new Promise((_, reject) => s.addEventListener("abort", () => reject(Object.assign(new Error("cancelled"), { name: "AbortError" }))));
  });
  show("en-US");
  await screen.findByText(/ready to grade/);
  fireEvent.click(gradeButton());
  act(() => report({ stage: "write", fraction: 0.8 }));
  expect(screen.getByText("Writing to the workbook")).toBeTruthy();
  expect(screen.getByRole("progressbar").getAttribute("aria-valuenow")).toBe("0.8");
  expect(screen.getByRole("progressbar").closest("footer")).toBeTruthy();
  fireEvent.click(screen.getByRole("button", { name: "Cancel" }));
  expect(signal?.aborted).toBe(true);
  expect(await screen.findByText("Grading was cancelled; the workbook is as it was.")).toBeTruthy();
  expect(screen.queryByRole("progressbar")).toBeNull();
});

test("after grading: the result takes the focus, is announced, and its pyramids are labelled (zh-CN)", async () => {
  run.inspectWorkbook.mockResolvedValue(fine);
  run.gradeWorkbook.mockResolvedValue({ ok: true, inspection: fine, result: { pyramid } });
  show("zh-CN");
  await screen.findByText(/可以分级/);
  fireEvent.click(gradeButton("分级"));
  const table = await screen.findByRole("table", { name: "分级汇总" });
  expect(table.textContent).toContain("关键客户");
  expect(table.textContent).toContain("80%");
  const result = screen.getByRole("region", { name: "分级结果" });
  await waitFor(() => expect(document.activeElement).toBe(result));
  await waitFor(() => expect(liveRegion()).toContain("已分级 1,200 位客户：关键客户 240，普通客户 360，小客户 600。"));
  expect(screen.getAllByText("关键客户 · 20% / 80%")).toHaveLength(2);
  expect(screen.getByRole("img", { name: "小客户：50%" })).toBeTruthy();
  expect(screen.getByRole("img", { name: "关键客户：80%" }).getAttribute("style")).toContain("width: 100%");
  expect(screen.getByText("价值取自“Sales”列。")).toBeTruthy();
  expect(run.gradeWorkbook.mock.calls[0][1]).toMatchObject({ lang: "zh-CN", scheme: { kind: "shares", shares: [0.2, 0.3, 0.5] } });
});

test("changing the scheme re-checks the workbook with the new settings", async () => {
  run.inspectWorkbook.mockResolvedValue(fine);
  show("en-US");
  await screen.findByText(/1,200 customers/);
  fireEvent.change(screen.getByLabelText("Share of A (%)"), { target: { value: "10" } });
  expect(await screen.findByText("Shares add up to 90 %; they must add up to 100 %.")).toBeTruthy();
  await waitFor(() => expect(run.inspectWorkbook.mock.calls.at(-1)[1].scheme.shares[0]).toBeCloseTo(0.1, 10));
});

test("typing labels keeps the analyst's shares while the count fits, and resets them only for a new count", async () => {
  run.inspectWorkbook.mockResolvedValue(fine);
  show("en-US");
  await screen.findByText(/1,200 customers/);
  fireEvent.change(screen.getByLabelText("Share of A (%)"), { target: { value: "10" } });
  fireEvent.change(screen.getByLabelText("Share of C (%)"), { target: { value: "60" } });
  const labels = screen.getByRole("combobox", { name: /Tier labels/ });
  fireEvent.change(labels, { target: { value: "Gold, Silver, Bronze" } });
  fireEvent.blur(labels);
  await waitFor(() => expect(run.inspectWorkbook.mock.calls.at(-1)[1]).toMatchObject({ labels: ["Gold", "Silver", "Bronze"] }));
  expect(run.inspectWorkbook.mock.calls.at(-1)[1].scheme.shares.map((s: number) => Math.round(s * 100))).toEqual([10, 30, 60]);
  fireEvent.change(labels, { target: { value: "A, B, C, D" } });
  fireEvent.blur(labels);
  await waitFor(() => expect(run.inspectWorkbook.mock.calls.at(-1)[1].scheme.shares).toEqual([0.25, 0.25, 0.25, 0.25]));
});

test("a workbook without tables says so first and inserts example tables through a write plan", async () => {
  const none: Inspection = {
    ok: false,
    customers: 0,
    excluded: 0,
    indicators: [],
    problems: [
      { severity: "error", code: "table-not-found", sheet: "", cell: "", message: { "en-US": "No weight table.", "zh-CN": "没有权重表。" } },
      { severity: "error", code: "table-not-found", sheet: "", cell: "", message: { "en-US": "No customer table.", "zh-CN": "没有客户表。" } },
    ],
  };
  run.inspectWorkbook.mockResolvedValueOnce(none).mockResolvedValue(fine);
  const b = show("zh-CN");
  await screen.findByText(/还没有“权重”或“客户”表/);
  expect(screen.queryByRole("button", { name: "分级" })).toBeNull();
  fireEvent.click(screen.getByRole("button", { name: "插入示例表" }));
  await waitFor(() => expect(b.execute).toHaveBeenCalledTimes(1));
  expect(b.execute.mock.calls[0][0].sheets.map((s: { name: string }) => s.name)).toEqual(["权重", "客户"]);
  expect(await screen.findByRole("button", { name: "分级" })).toBeTruthy();
});

test("cut-offs out of order are said once, in the analyst's words, under the cut-offs", async () => {
  run.inspectWorkbook.mockImplementation(async (_b, settings) =>
    settings.scheme.kind === "cutoffs" && settings.scheme.cutoffs[1] >= settings.scheme.cutoffs[0]
      ? {
          ...fine,
          ok: false,
          problems: [{ severity: "error", code: "cannot-grade", sheet: "Customers", cell: "", message: { "en-US": "Customers: cut-off 2: cut-offs must be strictly descending", "zh-CN": "x" } }],
        }
      : fine,
  );
  show("en-US");
  await screen.findByText(/ready to grade/);
  fireEvent.click(screen.getByRole("combobox", { name: "Tier scheme" }));
  fireEvent.click(await screen.findByRole("option", { name: "Score cut-offs" }));
  fireEvent.change(await screen.findByLabelText("Minimum score for B"), { target: { value: "90" } });
  expect(await screen.findByText("Each tier's minimum score must be lower than the one above it.")).toBeTruthy();
  await screen.findByText(/1 problem/);
  expect(document.body.textContent).not.toMatch(/strictly descending/);
  expect(gradeButton().disabled).toBe(true);
});

test("in Excel, edits to the workbook are checked again once they pause: a fixed cell enables Grade", async () => {
  run.inspectWorkbook.mockResolvedValueOnce(broken).mockResolvedValue(fine);
  let changed: () => void = () => undefined;
  const stop = jest.fn();
  render(
    <FluentProvider theme={webLightTheme}>
      <Pane lang="en-US" backend={backend()} watch={(listener) => ((changed = listener), stop)} now={() => new Date(2026, 0, 31)} />
    </FluentProvider>,
  );
  await screen.findByText(/1 problem/);
  const before = run.inspectWorkbook.mock.calls.length;
  act(() => {
    changed();
    changed();
    changed();
  });
  await screen.findByText(/ready to grade/);
  expect(run.inspectWorkbook.mock.calls.length).toBe(before + 1);
  expect(gradeButton().disabled).toBe(false);
});
