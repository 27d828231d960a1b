// Hand-built customer sheets and write plans for the executor tests, independent of the planner: the
// n customers have scores 100, 100 - 100/n, ... so ranks are 1..n and tiers follow shares 20/30/50.

import { StandinWorkbook } from "../support/excel-standin";
import { PYRAMID_LOOK } from "../../src/workbook/planning/styles";
import type { CellOut, OwnedState, WritePlan } from "../../src/workbook/types";

export interface Fixture {
  model: StandinWorkbook;
  n: number;
  table?: string;
}

/** A "Customers" sheet: Customer ID, Name, Sales in A:C, header in row 1, n customers below. */
export function customerSheet(n: number, options: { table?: boolean; excelApi?: number } = {}): Fixture {
  const model = new StandinWorkbook({ excelApi: options.excelApi });
  model.addSheet("Customers");
  model.setValues("Customers", 0, 0, [["Customer ID", "Name", "Sales"]]);
  const ids = new Array<string>(n);
  const names = new Array<string>(n);
  const sales = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    ids[i] = `C${i + 1}`;
    names[i] = `Customer ${i + 1}`;
    sales[i] = 1000 * (n - i);
  }
  model.setColumn("Customers", 1, 0, ids);
  model.setColumn("Customers", 1, 1, names);
  model.setColumn("Customers", 1, 2, Array.from(sales));
  if (options.table) model.addTable("Customers", "Customers", { top: 0, left: 0, rows: n + 1, columns: 3 });
  return { model, n, table: options.table ? "Customers" : undefined };
}

/** The tier of 0-based rank position i among n by shares 20/30/50 (RANK.EQ <= share x n). */
export function tierOf(i: number, n: number, labels: string[]): string {
  const rank = i + 1;
  if (rank <= 0.2 * n) return labels[0];
  if (rank <= 0.5 * n) return labels[1];
  return labels[2];
}

export function plan(f: Fixture, options: { previous?: OwnedState; labels?: string[]; lang?: "en-US" | "zh-CN" } = {}): WritePlan {
  const labels = options.labels ?? ["A", "B", "C"];
  const n = f.n;
  const score: CellOut[] = new Array(n);
  const rank: CellOut[] = new Array(n);
  const tier: CellOut[] = new Array(n);
  const counts = labels.map(() => 0);
  for (let i = 0; i < n; i++) {
    score[i] = 100 - (100 * i) / n;
    rank[i] = i + 1;
    tier[i] = tierOf(i, n, labels);
    counts[labels.indexOf(tier[i] as string)]++;
  }
  const zh = options.lang === "zh-CN";
  const headers = zh ? ["得分", "排名", "等级"] : ["Score", "Rank", "Tier"];
  const summary = zh ? "分级汇总" : "Tier summary";
  const max = Math.max(...counts);
  const tierStyles = labels.map((label, i) => ({ label, fill: ["#C6EFCE", "#DDEBF7", "#FFEB9C"][i], font: ["#006100", "#1F4E78", "#9C5700"][i] }));
  // The record is the plan's, complete, as plan.ts makes it: the executor writes it as it is.
  const state: OwnedState = { version: 1, sheet: "Customers", headerRow: 0, firstColumn: 3, headers, sheets: [summary], tierColumn: 2, rowCount: n, tierStyles };
  return {
    previous: options.previous,
    state,
    columns: {
      sheet: "Customers",
      table: f.table,
      headerRow: 0,
      firstColumn: 3,
      rowCount: n,
      columns: [
        { header: headers[0], numberFormat: "0.00", values: score },
        { header: headers[1], numberFormat: "0", values: rank },
        { header: headers[2], numberFormat: "@", values: tier },
      ],
      tierColumn: 2,
      tierStyles,
    },
    sheets: [
      {
        name: summary,
        blocks: [
          { top: 0, left: 0, values: [["Tier summary"]], look: { bold: true, size: 14 } },
          { top: 2, left: 0, values: [["Tier", "Customers", "Share", "Spacer", "Label"]], look: { bold: true, bottomBorder: true } },
          {
            top: 3,
            left: 0,
            values: labels.map((label, i) => [label, counts[i], counts[i] / n, (max - counts[i]) / 2, `${counts[i]} · ${Math.round((100 * counts[i]) / n)}%`]),
            numberFormats: ["@", "#,##0", "0.0%", "#,##0.##", "@"],
          },
        ],
        columnWidths: [12, 10, 8, 8, 14],
        charts: [
          {
            title: "Customers by tier",
            categories: "A4:A6",
            spacer: "D4:D6",
            values: "B4:B6",
            labels: "E4:E6",
            seriesName: "Customers",
            colours: ["#C6EFCE", "#DDEBF7", "#FFEB9C"],
            anchor: { row: 2, column: 6, rows: 16, columns: 7 },
            look: PYRAMID_LOOK,
          },
        ],
      },
    ],
  };
}
