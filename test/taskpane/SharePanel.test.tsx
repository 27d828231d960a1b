/**
 * @jest-environment jsdom
 */
import * as React from "react";
import { fireEvent, render, screen, waitFor, configure } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { SharePanel, type CopyChannel } from "../../src/taskpane/SharePanel";
import { strings } from "../../src/taskpane/strings";
import { installResizeObserver } from "./jsdomShims";

installResizeObserver();
// The machine runs several suites at once: wait for the pane as long as a slow render takes.
configure({ asyncUtilTimeout: 10_000 });

// The panel is tested against the two transforms' contracts (their own tests prove the files); here
// the question is what the analyst sees and where the bytes go.
jest.mock("../../src/workbook/executors/xlsx/share", () => ({ prepareForSharing: jest.fn() }));
jest.mock("../../src/workbook/executors/xlsx/split", () => ({ splitByOwner: jest.fn() }));
const share = jest.requireMock("../../src/workbook/executors/xlsx/share") as { prepareForSharing: jest.Mock };
const split = jest.requireMock("../../src/workbook/executors/xlsx/split") as { splitByOwner: jest.Mock };

const WORKBOOK = new Uint8Array([80, 75, 3, 4]);

function channel(verb: "save" | "open" = "save"): CopyChannel & { current: jest.Mock; deliver: jest.Mock } {
  return { current: jest.fn(async () => WORKBOOK), deliver: jest.fn(async () => undefined), verb, baseName: "sales 2026" };
}

const INDEX = { sheets: [{ name: "客户", used: null }, { name: "组织", used: null }], tables: [] };

function show(lang: "en-US" | "zh-CN", c = channel(), columns = ["Customer ID", lang === "zh-CN" ? "负责人" : "Owner", "Region"]) {
  render(
    <FluentProvider theme={webLightTheme}>
      <SharePanel text={strings(lang)} lang={lang} channel={c} columns={columns} index={INDEX} />
    </FluentProvider>,
  );
  return c;
}

beforeEach(() => {
  share.prepareForSharing.mockReset();
  split.splitByOwner.mockReset();
});

test("a copy for sharing: the workbook's bytes go in, the copy goes to the analyst, the report is shown", async () => {
  share.prepareForSharing.mockResolvedValue({
    data: new Uint8Array([1, 2, 3]),
    report: { toValues: [{}, {}, {}], toNative: [{}], unresolved: [], leftAsIs: [], addinRemoved: true, aboutSheet: "About this grading" },
  });
  const c = show("en-US");
  fireEvent.click(screen.getByRole("radio", { name: /Native Excel formulas/ }));
  fireEvent.click(screen.getByRole("button", { name: "Prepare a copy for sharing" }));
  await screen.findByText(/3 TIERS formula\(s\) replaced by values, 1 by native formulas/);
  expect(share.prepareForSharing).toHaveBeenCalledWith(WORKBOOK, { lang: "en-US", formulas: "native" });
  expect(c.deliver).toHaveBeenCalledWith("sales 2026.shared.xlsx", new Uint8Array([1, 2, 3]));
  expect(screen.getByText(/“About this grading”/)).toBeTruthy();
});

test("copies per owner are listed with their role and count, each handed over on request (zh-CN)", async () => {
  const copies = [
    { owner: "张三", role: "salesperson", customers: 12, fileName: "sales 2026.张三.xlsx", data: new Uint8Array([1]) },
    { owner: "李四", role: "manager", customers: 30, fileName: "sales 2026.李四.xlsx", data: new Uint8Array([2]) },
    { owner: "", role: "all", customers: 200, fileName: "sales 2026.all.xlsx", data: new Uint8Array([3]) },
  ];
  split.splitByOwner.mockResolvedValue({ ok: true, copies });
  const c = show("zh-CN", channel("open"));
  // The org table is picked from the workbook's sheets and tables, not typed.
  fireEvent.click(screen.getByRole("combobox", { name: /组织表/ }));
  fireEvent.click(await screen.findByRole("option", { name: "组织" }));
  fireEvent.click(screen.getByRole("button", { name: "生成副本" }));
  await screen.findByText("共 3 个副本，每个只含其负责人的客户：");
  expect(split.splitByOwner).toHaveBeenCalledWith(WORKBOOK, { by: "负责人", org: "组织", lang: "zh-CN", baseName: "sales 2026" });
  expect(screen.getByText("sales 2026.李四.xlsx — 经理，30 位客户")).toBeTruthy();
  expect(screen.getByText("sales 2026.all.xlsx — 全部（企业负责人），200 位客户")).toBeTruthy();
  // Each button says whose copy it hands over.
  expect(screen.getByRole("button", { name: "打开 张三 的副本" })).toBeTruthy();
  fireEvent.click(screen.getByRole("button", { name: "打开 李四 的副本" }));
  await waitFor(() => expect(c.deliver).toHaveBeenCalledWith("sales 2026.李四.xlsx", new Uint8Array([2])));
  expect(c.deliver).toHaveBeenCalledTimes(1);
});

test("problems of the split are shown with their cell, and nothing is handed over", async () => {
  split.splitByOwner.mockResolvedValue({
    ok: false,
    problems: [
      {
        severity: "error",
        code: "owner-blank",
        sheet: "Customers",
        cell: "H9",
        message: { "en-US": "Customers!H9: the owner is blank. Fill in who looks after this customer.", "zh-CN": "客户!H9：负责人为空。" },
      },
    ],
  });
  const c = show("en-US");
  fireEvent.click(screen.getByRole("button", { name: "Make the copies" }));
  await screen.findByText("Customers!H9: the owner is blank. Fill in who looks after this customer.");
  expect(c.deliver).not.toHaveBeenCalled();
});

test("a failure is a sentence next to the button that caused it, not a stack trace", async () => {
  share.prepareForSharing.mockRejectedValue(new Error("This file is not an .xlsx workbook."));
  const c = show("en-US");
  fireEvent.click(screen.getByRole("button", { name: "Prepare a copy for sharing" }));
  const message = await screen.findByText("The copy could not be made: This file is not an .xlsx workbook.");
  expect(c.deliver).not.toHaveBeenCalled();
  // It stands right after "Prepare", before the per-owner section's heading.
  const heading = screen.getByRole("heading", { name: "Copies per owner" });
  expect(message.compareDocumentPosition(heading) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
});

test("the owner column is picked from the customer table's headers", async () => {
  split.splitByOwner.mockResolvedValue({ ok: true, copies: [] });
  show("en-US");
  expect((screen.getByRole("combobox", { name: /Owner column/ }) as HTMLButtonElement).textContent).toBe("Owner");
  fireEvent.click(screen.getByRole("combobox", { name: /Owner column/ }));
  fireEvent.click(await screen.findByRole("option", { name: "Region" }));
  fireEvent.click(screen.getByRole("button", { name: "Make the copies" }));
  await waitFor(() => expect(split.splitByOwner).toHaveBeenCalledWith(WORKBOOK, expect.objectContaining({ by: "Region" })));
});
