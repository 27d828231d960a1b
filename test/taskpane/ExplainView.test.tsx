/**
 * @jest-environment jsdom
 */
// The explain view: a page of customers from a search (never 100,000 options), the picked customer's
// contributions as bars that add up to the score, the gap and the closing change, in both languages.

import * as React from "react";
import { act, fireEvent, render, screen, waitFor, configure } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import type { Explanation } from "../../src/engine/explain";
import { ExplainView } from "../../src/taskpane/ExplainView";
import { GradedCustomers, MATCH_LIMIT } from "../../src/taskpane/explainData";
import { strings } from "../../src/taskpane/strings";

configure({ asyncUtilTimeout: 10_000 });

const N = 100_000;
const ids = Array.from({ length: N }, (_, i) => `C${i + 1}`);

/** Sales 0.6 and Visits 0.4 of each customer's points; C1 is left out. */
function explanations(): (Explanation | null)[] {
  return ids.map((_, i) => {
    if (i === 0) return null;
    const contributions = [0.6 * ((i * 7) % 101), 0.4 * ((i * 3) % 101)];
    const score = contributions[0] + contributions[1];
    return i === 41
      ? { contributions, score, tier: 1, nextTier: 0, target: score + 6.25, gap: 6.25, close: { indicator: 0, name: "Sales", from: 100, to: 118, strict: false, change: 18, relative: 0.18, pointsNeeded: 60 }, reason: { code: "gap", label: "B", next: "A", gap: "6.3", close: { indicator: "Sales", change: "+18 %" } } }
      : { contributions, score, tier: 0, reason: { code: "top-tier" as const, label: "A" } };
  });
}

function show(lang: "en-US" | "zh-CN") {
  const graded = new GradedCustomers(ids, ["Sales", "Visits"], ["A", "B"], explanations);
  const source = { find: jest.fn(async (q: string) => graded.find(q)), explain: jest.fn(async (i: number) => graded.explainOne(i)) };
  render(
    <FluentProvider theme={webLightTheme}>
      <ExplainView source={source} customers={N} lang={lang} text={strings(lang)} />
    </FluentProvider>,
  );
  return source;
}

test("100,000 customers: the list holds a page of matches, typing narrows it, picking shows bars adding up to the score", async () => {
  const source = show("en-US");
  const box = screen.getByRole("combobox", { name: "Find a customer" });
  await screen.findByText(`${MATCH_LIMIT} of 100,000 matches shown; type more to narrow.`);
  fireEvent.click(box);
  expect(screen.getAllByRole("option")).toHaveLength(MATCH_LIMIT);
  fireEvent.change(box, { target: { value: "C42" } });
  // C42, C420..C429, C4200..C4299, C42000..C42999: 1 + 10 + 100 + 1000 start with it.
  await screen.findByText(`${MATCH_LIMIT} of 1,111 matches shown; type more to narrow.`, undefined, { timeout: 5000 });
  expect(source.find).toHaveBeenLastCalledWith("C42");
  const options = screen.getAllByRole("option");
  expect(options.length).toBeLessThanOrEqual(MATCH_LIMIT);
  fireEvent.click(screen.getByRole("option", { name: "C42" }));
  const heading = await screen.findByText(/^C42: tier B, score /);
  const e = explanations()[41]!;
  expect(heading.textContent).toBe(`C42: tier B, score ${e.score.toFixed(2)}`);
  const items = [...document.querySelectorAll("[data-contribution]")].map((li) => Number(li.getAttribute("data-contribution")));
  expect(items).toEqual(e.contributions);
  expect(items[0] + items[1]).toBe(e.score);
  expect(screen.getByRole("img", { name: `Sales: ${Math.round((e.contributions[0] / e.score) * 100)}% of the score` })).toBeTruthy();
  expect(screen.getByText("6.25 points below A.")).toBeTruthy();
  expect(screen.getByText("Sales +18 % (from 100 to 118) would close the gap alone.")).toBeTruthy();
});

test("zh-CN: a left-out customer says so; the top tier says it in the engine's words", async () => {
  show("zh-CN");
  const box = screen.getByRole("combobox", { name: "查找客户" });
  fireEvent.change(box, { target: { value: "C1" } });
  fireEvent.click(box);
  await waitFor(() => expect(screen.getByRole("option", { name: "C1" })).toBeTruthy());
  fireEvent.click(screen.getByRole("option", { name: "C1" }));
  expect(await screen.findByText("C1 未参与分级（有指标为空），没有等级可解释。")).toBeTruthy();
  fireEvent.change(box, { target: { value: "C2" } });
  // C2, C20..C29, ..., C20000..C29999 start with it.
  await screen.findByText(`显示 11,111 个匹配中的 ${MATCH_LIMIT} 个；继续输入以缩小范围。`);
  if (!screen.queryByRole("option", { name: "C2" })) fireEvent.click(box);
  await act(async () => {
    fireEvent.click(screen.getByRole("option", { name: "C2" }));
  });
  expect(await screen.findByText("A：已是最高一级")).toBeTruthy();
  fireEvent.change(box, { target: { value: "none" } });
  expect(await screen.findByText("没有匹配的客户编号。")).toBeTruthy();
});
