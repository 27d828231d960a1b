// Special grading (特殊分级, docs/DESIGN.md §2 "Over time"): an event — a major contract, a default — sets a
// customer's tier by hand, with a reason, a date, who did it and an optional expiry. The Overrides sheet
// is the analyst's; the add-in reads it, applies what has not expired, and appends every change to an
// audit log sheet that it never rewrites.

import { pyramid } from "../../engine/pyramid";
import type { GradeResult } from "../../engine/types";
import { cellAddress } from "../reading/address";
import { cellText, isBlank } from "../reading/cells";
import { headerKey } from "../reading/headers";
import { problem } from "../reading/problems";
import type { CellOut, CellValue, Lang, Problem } from "../types";

export const OVERRIDE_SHEETS: readonly string[] = ["Overrides", "特殊分级"];
export const AUDIT_SHEETS: Record<Lang, string> = { "en-US": "Audit log", "zh-CN": "审计日志" };

export interface Override {
  id: string;
  tier: string;
  reason: string;
  /** Dates as Excel serial numbers (days since 1899-12-30); NaN when blank. */
  date: number;
  by: string;
  expires: number;
}

const COLUMNS: Record<keyof Override, string[]> = {
  id: ["Customer ID", "客户编号"],
  tier: ["Tier", "等级"],
  reason: ["Reason", "原因"],
  date: ["Date", "日期"],
  by: ["By", "Who", "操作人", "负责人"],
  expires: ["Expires", "Expiry", "到期日", "有效期至"],
};

const DAY_MS = 86400000;
const EPOCH = Date.UTC(1899, 11, 30);

/**
 * A calendar date as an Excel serial number (the 1900 date system), by its local year, month and day.
 *
 * @example dateSerial(new Date(2026, 10, 22)) // 46348
 */
export function dateSerial(date: Date): number {
  return Math.round((Date.UTC(date.getFullYear(), date.getMonth(), date.getDate()) - EPOCH) / DAY_MS);
}

/**
 * A cell as a date serial: a number is taken as a serial; text as yyyy-mm-dd (or yyyy/mm/dd, yyyy.mm.dd,
 * 2026年12月31日); blank is NaN; anything else undefined.
 *
 * @example readDate("2026-12-31") // 46387
 * @example readDate(46387)        // 46387
 */
export function readDate(cell: CellValue): number | undefined {
  if (isBlank(cell)) return NaN;
  if (typeof cell === "number") return Number.isFinite(cell) ? Math.floor(cell) : undefined;
  const match = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(cellText(cell).trim());
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const utc = Date.UTC(year, month - 1, day);
  const back = new Date(utc);
  if (back.getUTCMonth() !== month - 1 || back.getUTCDate() !== day) return undefined;
  return Math.round((utc - EPOCH) / DAY_MS);
}

/** A date serial as yyyy-mm-dd ("" for NaN). */
export function dateText(serial: number): string {
  if (!Number.isFinite(serial)) return "";
  return new Date(EPOCH + serial * DAY_MS).toISOString().slice(0, 10);
}

/**
 * The overrides of an Overrides sheet. Each bad cell is a problem with its address: a missing customer
 * ID column, an unknown customer, a tier that is not one of the run's labels, an unreadable date.
 */
export function readOverrides(
  sheet: string,
  values: CellValue[][],
  knownIds: Set<string>,
  labels: string[],
): { overrides: Override[]; problems: Problem[] } {
  const overrides: Override[] = [];
  const problems: Problem[] = [];
  const headerIndex = values.findIndex((row) => row.some((cell) => !isBlank(cell)));
  if (headerIndex < 0) return { overrides, problems };
  const headers = values[headerIndex].map((cell) => headerKey(cellText(cell)));
  const at = Object.fromEntries(
    Object.entries(COLUMNS).map(([field, names]) => [field, headers.findIndex((h) => names.map(headerKey).includes(h))]),
  ) as Record<keyof Override, number>;
  if (at.id < 0 || at.tier < 0) {
    problems.push(problem("rules-header-missing", sheet, cellAddress(headerIndex, 0), { headers: "Customer ID, Tier, Reason, Date, By, Expires" }));
    return { overrides, problems };
  }
  const text = (row: CellValue[], i: number) => (i < 0 ? "" : cellText(row[i] ?? null));
  values.slice(headerIndex + 1).forEach((row, r) => {
    const line = headerIndex + 1 + r;
    const id = text(row, at.id);
    if (id === "") return;
    const tier = text(row, at.tier);
    if (!knownIds.has(id)) {
      problems.push(problem("override-unknown-customer", sheet, cellAddress(line, at.id), { id }));
      return;
    }
    if (!labels.includes(tier)) {
      problems.push(problem("override-unknown-tier", sheet, cellAddress(line, at.tier), { value: tier, labels: labels.join(", ") }));
      return;
    }
    const date = at.date < 0 ? NaN : readDate(row[at.date] ?? null);
    const expires = at.expires < 0 ? NaN : readDate(row[at.expires] ?? null);
    if (date === undefined || expires === undefined) {
      const column = date === undefined ? at.date : at.expires;
      problems.push(problem("not-a-date", sheet, cellAddress(line, column), { value: text(row, column) }));
      return;
    }
    overrides.push({ id, tier, reason: text(row, at.reason), date, by: text(row, at.by), expires });
  });
  return { overrides, problems };
}

/** The overrides in force on a day: not expired (an expiry on that day still holds). The last row for a customer wins. */
export function activeOverrides(overrides: Override[], today: number): Map<string, Override> {
  const active = new Map<string, Override>();
  for (const o of overrides) {
    if (Number.isNaN(o.expires) || o.expires >= today) active.set(o.id, o);
    else active.delete(o.id);
  }
  return active;
}

/** One audit log line: what happened to a customer's override, and the override as it then stood. */
export interface AuditEntry {
  action: "added" | "changed" | "removed" | "expired";
  override: Override;
}

/** Special grading as a run applied it: the computed tiers (before overrides), who is overridden and why, the audit entries and their sheet. */
export interface AppliedOverrides {
  computed: Int32Array;
  overridden: boolean[];
  reasons: string[];
  audit: AuditEntry[];
  auditSheet: string;
}

/**
 * What changed since the audit log's last word on each customer: overrides that are new or differ are
 * "added" or "changed"; ones the log shows in force that are no longer are "expired" (past their date)
 * or "removed" (gone from the sheet). Nothing, when nothing changed: re-running does not grow the log.
 */
export function auditChanges(logged: Map<string, Override>, active: Map<string, Override>, all: Override[], today: number): AuditEntry[] {
  const entries: AuditEntry[] = [];
  for (const [id, now] of active) {
    const before = logged.get(id);
    if (!before) entries.push({ action: "added", override: now });
    else if (!sameOverride(before, now)) entries.push({ action: "changed", override: now });
  }
  for (const [id, before] of logged) {
    if (active.has(id)) continue;
    const expired = all.some((o) => o.id === id && sameOverride(o, before) && !Number.isNaN(o.expires) && o.expires < today);
    entries.push({ action: expired ? "expired" : "removed", override: before });
  }
  return entries;
}

function sameOverride(a: Override, b: Override): boolean {
  return (
    a.tier === b.tier &&
    a.reason === b.reason &&
    a.by === b.by &&
    (a.date === b.date || (Number.isNaN(a.date) && Number.isNaN(b.date))) &&
    (a.expires === b.expires || (Number.isNaN(a.expires) && Number.isNaN(b.expires)))
  );
}

const LOG_HEADERS: Record<Lang, string[]> = {
  "en-US": ["Logged", "Customer ID", "Action", "Tier", "Reason", "Date", "By", "Expires"],
  "zh-CN": ["记录时间", "客户编号", "操作", "等级", "原因", "日期", "操作人", "到期日"],
};
const ACTIONS: Record<Lang, Record<AuditEntry["action"], string>> = {
  "en-US": { added: "added", changed: "changed", removed: "removed", expired: "expired" },
  "zh-CN": { added: "新增", changed: "修改", removed: "删除", expired: "到期" },
};

export function auditHeader(lang: Lang): CellOut[] {
  return LOG_HEADERS[lang];
}

/** The rows to append to the audit log for these entries. */
export function auditRows(entries: AuditEntry[], logged: string, lang: Lang): CellOut[][] {
  return entries.map(({ action, override: o }) => [
    logged,
    o.id,
    ACTIONS[lang][action],
    o.tier,
    o.reason,
    dateText(o.date),
    o.by,
    dateText(o.expires),
  ]);
}

/**
 * The overrides in force by the audit log's last word on each customer: replaying added/changed as in
 * force and removed/expired as not. Log rows in either language.
 */
export function loggedOverrides(values: CellValue[][]): Map<string, Override> {
  const state = new Map<string, Override>();
  const headerIndex = values.findIndex((row) => row.some((cell) => !isBlank(cell)));
  if (headerIndex < 0) return state;
  const inForce = new Set(["added", "changed", "新增", "修改"]);
  for (const row of values.slice(headerIndex + 1)) {
    const cell = (i: number) => cellText(row[i] ?? null);
    const id = cell(1);
    if (id === "") continue;
    if (inForce.has(cell(2))) {
      state.set(id, {
        id,
        tier: cell(3),
        reason: cell(4),
        date: readDate(row[5] ?? null) ?? NaN,
        by: cell(6),
        expires: readDate(row[7] ?? null) ?? NaN,
      });
    } else {
      state.delete(id);
    }
  }
  return state;
}


/**
 * The grading with the overrides in force applied: each overridden customer takes the override's tier
 * (even one the method left out for blank data: the event decides), and the pyramid is recounted. The
 * computed tiers are kept beside, for the output and the history.
 */
export function applyOverrides(
  result: GradeResult,
  ids: string[],
  active: Map<string, Override>,
  value: ArrayLike<number>,
): { result: GradeResult; computed: Int32Array; overridden: boolean[] } {
  const computed = result.tier;
  const tier = Int32Array.from(computed);
  const overridden = ids.map(() => false);
  ids.forEach((id, i) => {
    const o = active.get(id);
    if (!o) return;
    tier[i] = result.labels.indexOf(o.tier);
    overridden[i] = true;
  });
  if (!overridden.some(Boolean)) return { result, computed, overridden };
  return { result: { ...result, tier, pyramid: pyramid(tier, result.labels, value) }, computed, overridden };
}
