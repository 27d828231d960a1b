/**
 * @jest-environment jsdom
 */
// "More options" for the methods of issue 16: the source (an Orders table and its analysis date), the
// method (RFM with its measures and bins, k-means with k) and the Why column, as GradeSettings' own
// fields, the ones the command line sets with --orders, --as-of, --scheme, --bins, --rfm-columns, --explain.

import * as React from "react";
import { fireEvent, render, screen, configure } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { MoreOptions } from "../../src/taskpane/SettingsForm";
import { isoDate, serialOf } from "../../src/taskpane/MethodOptions";
import { strings } from "../../src/taskpane/strings";
import { defaultSettings, type GradeSettings } from "../../src/workbook/run";
import type { Lang, WorkbookIndex } from "../../src/workbook/types";

configure({ asyncUtilTimeout: 10_000 });

const NOW = new Date(2026, 11, 2);
const index: WorkbookIndex = {
  sheets: [
    { name: "Orders", used: { top: 0, left: 0, rows: 10, columns: 3 } },
    { name: "Customers", used: { top: 0, left: 0, rows: 5, columns: 4 } },
  ],
  tables: [],
};
const columns = ["Customer ID", "Days since", "Orders", "Spend"];

/** The form as the pane holds it: each change replaces the settings, and every change is kept. */
function show(lang: Lang, start: Partial<GradeSettings> = {}) {
  const seen: GradeSettings[] = [];
  function Holder() {
    const [settings, setSettings] = React.useState<GradeSettings>({ ...defaultSettings(lang, NOW), ...start });
    return (
      <MoreOptions
        settings={settings}
        index={index}
        columns={columns}
        lang={lang}
        text={strings(lang)}
        onChange={(s) => {
          seen.push(s);
          setSettings(s);
        }}
      />
    );
  }
  render(
    <FluentProvider theme={webLightTheme}>
      <Holder />
    </FluentProvider>,
  );
  return { last: () => seen[seen.length - 1] };
}

async function choose(combobox: RegExp, option: string) {
  fireEvent.click(screen.getByRole("combobox", { name: combobox }));
  fireEvent.click(await screen.findByRole("option", { name: option }));
}

test("dates: an Excel serial day as the date input's yyyy-mm-dd and back; an impossible date is none", () => {
  expect(isoDate(39082)).toBe("2006-12-31");
  expect(serialOf("2006-12-31")).toBe(39082);
  expect(serialOf("1900-03-01")).toBe(61);
  expect(serialOf("2006-02-30")).toBeUndefined();
  expect(serialOf("")).toBeUndefined();
});

test("an Orders table as of a date, graded by RFM with 3 bins: the settings the CLI's --orders --as-of --scheme rfm --bins 3 make", async () => {
  const form = show("en-US");
  fireEvent.click(screen.getByRole("radio", { name: "An Orders table (one row per order)" }));
  // Today by default (2026-12-02 is serial 46358).
  expect(form.last().orders).toEqual({ asOf: 46358 });
  expect((screen.getByRole("combobox", { name: "Orders table" }) as HTMLButtonElement).textContent).toBe("Found: the sheet “Orders”");
  const date = screen.getByLabelText("Analysis date") as HTMLInputElement;
  expect(date.value).toBe("2026-12-02");
  fireEvent.change(date, { target: { value: "2006-12-31" } });
  expect(form.last().orders).toEqual({ asOf: 39082 });
  await choose(/^Method/, "RFM segments (as R's rfm package)");
  expect(form.last().method).toEqual({ kind: "rfm", bins: 5 });
  // From orders the measures are the aggregated sheet's: no column pickers, and no weight table.
  expect(screen.queryByRole("combobox", { name: /Recency column/ })).toBeNull();
  expect(screen.queryByRole("combobox", { name: "Weight table" })).toBeNull();
  await choose(/Bins per measure/, "3");
  expect(form.last()).toMatchObject({ orders: { asOf: 39082 }, method: { kind: "rfm", bins: 3 } });
  // The Why column explains tiers by score only: with a method the box is off and says why.
  const why = screen.getByRole("checkbox", { name: "Explain each tier (a Why column)" }) as HTMLInputElement;
  expect(why.disabled).toBe(true);
  expect(screen.getByText("Only tiers decided by a score are explained; RFM segments and clusters are not.")).toBeTruthy();
});

test("RFM on the customer table: three pickers found by name, one picked keeps the other two (--rfm-columns)", async () => {
  const form = show("en-US", { method: { kind: "rfm", bins: 5 } });
  const recency = screen.getByRole("combobox", { name: /Recency column/ }) as HTMLButtonElement;
  // None of these headers is a known alias: the language's indicator-sheet header is what the run looks for.
  expect(recency.textContent).toBe("Found by name (Recency (days))");
  await choose(/Recency column/, "Days since");
  await choose(/Frequency column/, "Orders");
  await choose(/Monetary column/, "Spend");
  expect(form.last().method).toEqual({ kind: "rfm", bins: 5, columns: ["Days since", "Orders", "Spend"] });
});

test("k-means: the best k by silhouette by default, or a k; back to the weighted score; the Why box (zh-CN)", async () => {
  const form = show("zh-CN");
  await choose(/^方法/, "k 均值聚类");
  expect(form.last().method).toEqual({ kind: "kmeans", k: "auto" });
  expect((screen.getByRole("combobox", { name: "聚类数" }) as HTMLButtonElement).textContent).toBe("按平均轮廓系数最优（k = 2–8）");
  await choose(/聚类数/, "4");
  expect(form.last().method).toEqual({ kind: "kmeans", k: 4 });
  await choose(/^方法/, "加权得分（权重表）");
  expect(form.last().method).toBeUndefined();
  fireEvent.click(screen.getByRole("checkbox", { name: "解释每位客户的等级（写入“原因”列）" }));
  expect(form.last().explain).toBe(true);
  // Weights from principal components: the same field as --weights-from pca (never :replace from the pane).
  fireEvent.click(screen.getByRole("checkbox", { name: "用主成分分析法确定权重（因子分析）" }));
  expect(form.last().weightsFrom).toEqual({ method: "pca", replace: false });
  fireEvent.click(screen.getByRole("checkbox", { name: "用主成分分析法确定权重（因子分析）" }));
  expect(form.last().weightsFrom).toBeUndefined();
});
