// From an Orders / 订单 table to a customer table (issue 16 §1): the orders are aggregated per customer
// (ordersTable.ts) and written as a sheet the analyst can see, Customer indicators / 客户指标, joined
// by ID with an existing Customers table's other columns (name, owner); that sheet is then graded like
// any customer table. The sheet is the add-in's own: recorded in its state, replaced on the next run.

import { headerRowIndex } from "../reading/blocks";
import { cellText } from "../reading/cells";
import { findRole, headerKey } from "../reading/headers";
import { locateTable } from "../reading/locate";
import { dateOrderOf, indicatorSheetRows, parseOrdersTable } from "../reading/ordersTable";
import { problem } from "../reading/problems";
import type { Block, Box, CellOut, Lang, OutputSheet, OwnedState, Problem, WorkbookBackend, WorkbookIndex, WritePlan } from "../types";
import type { TableRole } from "../../text";
import { HEADER_LOOK } from "../planning/styles";

/** The name of the aggregated sheet, per language; either one is recognised as the add-in's. */
export const INDICATOR_SHEETS: Record<Lang, string> = { "en-US": "Customer indicators", "zh-CN": "客户指标" };

/** The names an Orders table is looked for under when the analyst names none. */
export const ORDER_TABLE_NAMES = ["Orders", "订单"] as const;

export interface FromOrdersSettings {
  /** The Orders table: an Excel table, a sheet or "Sheet!A1:D99"; default Orders / 订单. */
  orders?: string;
  /** The customer table to join name, owner, ... from: default Customers / 客户 when there is one. */
  customers?: string;
  /** The analysis date as an Excel serial day (the caller's clock: the workbook layer reads none). */
  asOf: number;
  lang: Lang;
}

/**
 * Where a table of `role` is, looked for under each of `names` in turn (locateTable's rules); a
 * table-not-found problem naming them all when none is there.
 */
export function locateAny(index: WorkbookIndex, role: TableRole, names: readonly string[]): { sheet: string; table?: string; box: Box } | Problem {
  for (const name of names) {
    const found = locateTable(index, "customers", name);
    if (!("code" in found)) return found;
    if (found.code === "table-empty") return problem("table-empty", found.sheet, found.cell, { role });
  }
  return problem("table-not-found", "", "", {
    role,
    names: names.map((n) => `"${n}"`).join(" / "),
    sheets: index.sheets.map((sh) => sh.name).join(", "),
  });
}

/** An ID as the tables compare it: case- and width-insensitively. */
function idKey(id: string): string {
  return id.normalize("NFKC").toLowerCase();
}

/**
 * The indicator rows with the customer table's other columns appended (matched by ID): every column
 * but the ID, a column named like an indicator column, and the add-in's own output columns of an
 * earlier run (from `ownedFrom` on). A customer without a row in the customer table gets blanks; a
 * customer without orders is not in the indicator table (it has no recency).
 *
 * @example
 * // indicators [["Customer ID","Recency (days)",...],["C1",3,...]], customers [["Customer ID","Name"],["c1","Acme"]]
 * // -> [["Customer ID","Recency (days)",...,"Name"],["C1",3,...,"Acme"]]
 */
export function joinCustomerColumns(indicatorRows: CellOut[][], customers: Block | undefined, ownedFrom = Infinity): CellOut[][] {
  if (!customers) return indicatorRows;
  const headerIndex = headerRowIndex(customers.values);
  const headers = (customers.values[headerIndex] ?? []).map((v) => cellText(v ?? null));
  const idColumn = findRole(headers, "id");
  if (idColumn < 0) return indicatorRows;
  const taken = new Set((indicatorRows[0] ?? []).map((h) => headerKey(String(h))));
  const joined = headers
    .map((header, c) => ({ header, c }))
    .filter(({ header, c }) => c !== idColumn && header !== "" && customers.box.left + c < ownedFrom && !taken.has(headerKey(header)));
  if (joined.length === 0) return indicatorRows;
  const byId = new Map<string, CellOut[]>();
  for (let r = headerIndex + 1; r < customers.values.length; r++) {
    const row = customers.values[r] ?? [];
    const id = cellText(row[idColumn] ?? null);
    if (id === "" || byId.has(idKey(id))) continue;
    byId.set(
      idKey(id),
      joined.map(({ c }) => {
        const v = row[c] ?? null;
        return v === null || typeof v === "object" ? (v === null ? null : cellText(v)) : v;
      }),
    );
  }
  return indicatorRows.map((row, r) => {
    if (r === 0) return [...row, ...joined.map(({ header }) => header)];
    const extra = byId.get(idKey(String(row[0]))) ?? joined.map(() => null);
    return [...row, ...extra];
  });
}

/**
 * Reads the Orders table, aggregates it as of `asOf` and plans the Customer indicators / 客户指标 sheet:
 * the plan (undefined with the problems, each with its sheet and cell, when it cannot be made), the
 * sheet's name to grade and the counts. run.ts writes the plan only together with the grading. A sheet
 * of that name the analyst made (not recorded as the add-in's) is never overwritten: that is a problem.
 */
export async function planOrderIndicators(
  backend: WorkbookBackend,
  settings: FromOrdersSettings,
): Promise<{ sheet?: string; customers: number; orders: number; problems: Problem[]; plan?: WritePlan }> {
  const index = await backend.index();
  const names = settings.orders !== undefined && settings.orders.trim() !== "" ? [settings.orders.trim()] : ORDER_TABLE_NAMES;
  const at = locateAny(index, "orders", names);
  if ("code" in at) return { customers: 0, orders: 0, problems: [at] };
  const block: Block = { ...at, values: await backend.read(at.sheet, at.box) };
  const read = parseOrdersTable(block, { asOf: settings.asOf, dateOrder: dateOrderOf(settings.lang) });
  const problems = [...read.problems];
  if (!read.indicators || problems.some((p) => p.severity === "error")) return { customers: 0, orders: 0, problems };

  const previous = await backend.readState();
  const family = new Set(Object.values(INDICATOR_SHEETS).map(headerKey));
  const owned = new Set((previous?.sheets ?? []).map(headerKey));
  for (const sheet of index.sheets) {
    if (family.has(headerKey(sheet.name)) && !owned.has(headerKey(sheet.name))) {
      problems.push(problem("output-sheet-collision", sheet.name, "", { sheet: sheet.name }));
    }
  }
  if (problems.some((p) => p.severity === "error")) return { customers: 0, orders: 0, problems };

  // The customer table to join, when there is one (it is optional here: orders alone are enough).
  const customersAt = locateTable(index, "customers", settings.customers);
  let customers: Block | undefined;
  if (!("code" in customersAt) && !family.has(headerKey(customersAt.sheet))) {
    customers = { ...customersAt, values: await backend.read(customersAt.sheet, customersAt.box) };
  }
  const ownedFrom = previous && customers && previous.sheet === customers.sheet ? previous.firstColumn : Infinity;
  const rows = joinCustomerColumns(indicatorSheetRows(read.indicators, settings.lang), customers, ownedFrom);
  const name = INDICATOR_SHEETS[settings.lang];
  const width = rows[0].length;
  const sheet: OutputSheet = {
    name,
    blocks: [
      { top: 0, left: 0, values: [rows[0]], look: HEADER_LOOK },
      { top: 1, left: 0, values: rows.slice(1), numberFormats: ["@"] },
    ],
    columnWidths: rows[0].map((h) => Math.max(12, Math.min(30, String(h).length + 4))),
    charts: [],
  };
  const replaced = (previous?.sheets ?? []).filter((n) => family.has(headerKey(n)));
  // The sheet is rebuilt, so output columns an earlier run wrote on it are gone with it: the state then
  // starts the outputs after the new sheet's last column.
  const onRebuilt = previous !== undefined && family.has(headerKey(previous.sheet));
  const state: OwnedState = previous
    ? {
        ...previous,
        ...(onRebuilt ? { sheet: name, headerRow: 0, firstColumn: width, headers: [] } : {}),
        sheets: [...previous.sheets.filter((n) => !family.has(headerKey(n))), name],
      }
    : { version: 1, sheet: name, headerRow: 0, firstColumn: width, headers: [], sheets: [name] };
  const plan: WritePlan = {
    previous: previous ? { ...previous, headers: [], sheets: replaced } : undefined,
    state,
    sheets: [sheet],
  };
  return { sheet: name, customers: read.indicators.ids.length, orders: read.indicators.orders, problems, plan };
}

