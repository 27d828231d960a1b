/**
 * @jest-environment jsdom
 */
// The example-tables chooser (issue 16 §6): the basic pair is preselected, the value model can be picked,
// and Insert hands the chosen template to the pane; while inserting, the choice and the button are inert.

import * as React from "react";
import { fireEvent, render, screen } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { ExampleTables } from "../../src/taskpane/ExampleTables";
import { strings } from "../../src/taskpane/strings";

function show(lang: "en-US" | "zh-CN", inserting: "no" | "yes" | { failed: string } = "no") {
  const onInsert = jest.fn();
  render(
    <FluentProvider theme={webLightTheme}>
      <ExampleTables text={strings(lang)} inserting={inserting} onInsert={onInsert} />
    </FluentProvider>,
  );
  return onInsert;
}

test("the basic pair by default; the customer value model when picked", () => {
  const onInsert = show("en-US");
  expect((screen.getByRole("radio", { name: /^Basic/ }) as HTMLInputElement).checked).toBe(true);
  fireEvent.click(screen.getByRole("button", { name: "Insert example tables" }));
  expect(onInsert).toHaveBeenLastCalledWith("basic");
  fireEvent.click(screen.getByRole("radio", { name: /Customer value model: economic, social and potential value/ }));
  fireEvent.click(screen.getByRole("button", { name: "Insert example tables" }));
  expect(onInsert).toHaveBeenLastCalledWith("value");
});

test("in Chinese, and inert while inserting", () => {
  const onInsert = show("zh-CN", "yes");
  expect((screen.getByRole("button", { name: "插入示例表" }) as HTMLButtonElement).disabled).toBe(true);
  expect((screen.getByRole("radio", { name: /客户价值模型/ }) as HTMLInputElement).disabled).toBe(true);
  expect(onInsert).not.toHaveBeenCalled();
});

test("a failed insert is said in an alert", () => {
  show("en-US", { failed: 'The workbook already has a sheet named "Weights". Rename or delete it, then insert the example tables again.' });
  expect(screen.getByRole("alert").textContent).toContain("already has a sheet");
});
