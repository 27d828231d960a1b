// The catalogue of problems a workbook can have, each in both languages, each saying where it is and
// what the analyst should do about it. Problems are values: the parsers collect them all in one pass.

import { quoteSheet } from "./address";
import { HEADER_ALIASES } from "./headers";
import type { HeaderRole } from "./headers";
import type { Lang, Problem } from "../types";

/**
 * The error value a reader gives a formula cell the file stores without a calculated value (<f> without
 * <v>: files written by programs that do not calculate); the problems say to open and save it in Excel.
 */
export const UNCALCULATED = "#UNCALCULATED";

export type ProblemParams = Record<string, string | number>;

/**
 * Every problem code, with the params its message reads (all optional unless said):
 * - table-not-found {role: "weights"|"customers", names, sheets}
 * - table-empty {role}
 * - missing-header {role: a HeaderRole}
 * - duplicate-header {header, first}  (first = the other cell's address)
 * - duplicate-id {id, first}
 * - blank-id {}
 * - indicator-column-missing {indicator, column, table}
 * - not-a-number {value, column, error}  (error = "#N/A" when the cell holds an error value)
 * - unknown-direction {value}; unknown-scoring {value}
 * - malformed-bands {value, reason: "pair"|"points"|"duplicate"|"empty"}
 * - bands-required {indicator, noColumn: 1 when the table has no Bands column}
 * - bands-ignored {indicator, scoring}
 * - negative-weight {value}; missing-weight {name}
 * - zero-weights {dimension}  (no dimension = all indicators; dimension "*" = all dimension rows)
 * - unknown-dimension {dimension, known}; missing-dimension {indicator, known}
 * - duplicate-dimension {dimension, first}; empty-dimension {dimension}
 * - missing-indicator {}
 * - raw-out-of-range {value, indicator}
 * - duplicate-indicator {indicator, first}
 * - value-column-missing {column}
 * - more-problems {count}  (the rest of a column's problems of one kind, summarised)
 * - output-collision {header}; output-sheet-collision {sheet}
 * - output-cell-collision {header}; output-columns-blocked {header, columns, was}
 * - output-past-last-column {needed, free}  (the sheet's output columns would pass XFD)
 * - totals-row-excluded {table}  (a warning: an Excel table's totals row is not data)
 * - label-count {needed, given, labels}
 * - cannot-grade {reason}
 * - weights-normalised {subject, sum}; dimension-weights-normalised {subject, sum}
 * - customers-excluded {count, subject}; missing-scored-zero {count, subject}
 * - no-spread {subject}
 * - unknown-potential {value}; rules-header-missing {headers}; rule-column-missing {column};
 *   unknown-condition {value}; growth-column-missing {column}
 * - override-unknown-customer {id}; override-unknown-tier {value, labels}; not-a-date {value}
 * - period-not-graded {period, periods}
 * - not-graded {}; owner-column-missing {column, headers}; org-table-not-found {name, sheets};
 *   org-header-missing {headers}; not-recalculated {column}
 * - orders-header-missing {column, columnZh, headers}; order-value-missing {column};
 *   order-date-unreadable {value, example}; order-after-as-of {value, asOf}; order-not-a-number {value, column, error}
 * - segments-header-missing {column, headers}; segment-bound {value, bins}; segment-bounds-crossed {low, high}
 * - not-an-id {value, error}  (an error value or TRUE/FALSE in the ID column)
 * - value-overflow {value, column}  (the column's values add up past the largest number: 1e308 and -1e308)
 * - weights-overflow {value}  (a weight of a group whose weights that add up past the largest number)
 * - pca-weight-filled {value, name}  (PCA weights would overwrite a Weight cell the analyst filled)
 * - pca-weights-failed {reason, count}  (principal components cannot weigh the indicators)
 * - pca-not-for-rfm {}  (the rfm scheme has no weight table to fill)
 */
export type ProblemCode =
  | "table-not-found"
  | "table-empty"
  | "missing-header"
  | "duplicate-header"
  | "duplicate-id"
  | "blank-id"
  | "indicator-column-missing"
  | "not-a-number"
  | "unknown-direction"
  | "unknown-scoring"
  | "malformed-bands"
  | "bands-required"
  | "bands-ignored"
  | "negative-weight"
  | "missing-weight"
  | "zero-weights"
  | "unknown-dimension"
  | "missing-dimension"
  | "duplicate-dimension"
  | "empty-dimension"
  | "missing-indicator"
  | "raw-out-of-range"
  | "duplicate-indicator"
  | "value-column-missing"
  | "more-problems"
  | "output-collision"
  | "output-sheet-collision"
  | "output-cell-collision"
  | "output-columns-blocked"
  | "totals-row-excluded"
  | "output-past-last-column"
  | "label-count"
  | "cannot-grade"
  | "weights-normalised"
  | "dimension-weights-normalised"
  | "customers-excluded"
  | "missing-scored-zero"
  | "no-spread"
  | "unknown-potential"
  | "rules-header-missing"
  | "rule-column-missing"
  | "unknown-condition"
  | "growth-column-missing"
  | "override-unknown-customer"
  | "override-unknown-tier"
  | "not-a-date"
  | "period-not-graded"
  | "not-graded"
  | "owner-column-missing"
  | "org-table-not-found"
  | "org-header-missing"
  | "not-recalculated"
  | "orders-header-missing"
  | "order-value-missing"
  | "order-date-unreadable"
  | "order-after-as-of"
  | "order-not-a-number"
  | "segments-header-missing"
  | "segment-bound"
  | "segment-bounds-crossed"
  // Values no arithmetic can hold, and cells that cannot be an ID (issue 13).
  | "not-an-id"
  | "value-overflow"
  | "weights-overflow"
  | "pca-weight-filled"
  | "pca-weights-failed"
  | "pca-not-for-rfm";

type Message = (p: ProblemParams) => string;

interface Entry {
  severity: "error" | "warning";
  "en-US": Message;
  "zh-CN": Message;
}

/** A param as text; a fraction in at most 10 significant digits (a sum of 0.1 + 0.2 reads 0.3). */
function s(p: ProblemParams, key: string): string {
  const v = p[key];
  if (v === undefined) return "";
  if (typeof v === "number") {
    if (!Number.isFinite(v)) return "";
    return Number.isInteger(v) ? String(v) : String(Number(v.toPrecision(10)));
  }
  return v;
}

const TABLE: Record<Lang, Record<string, string>> = {
  "en-US": { weights: "weight table", customers: "customer table", orders: "Orders table", segments: "Segments table" },
  "zh-CN": { weights: "权重表", customers: "客户表", orders: "订单表", segments: "细分表" },
};
const ITEM: Record<Lang, Record<string, string>> = {
  "en-US": { weights: "indicator", customers: "customer", orders: "order", segments: "segment" },
  "zh-CN": { weights: "指标", customers: "客户", orders: "订单", segments: "细分" },
};
const DEFAULT_NAMES: Record<string, string> = { weights: "Weights / 权重", customers: "Customers / 客户", orders: "Orders / 订单", segments: "Segments / 细分" };

function table(p: ProblemParams, lang: Lang): string {
  return TABLE[lang][s(p, "role")] ?? TABLE[lang].customers;
}

/** The header a message asks for: the English or the Chinese name of a role. */
function roleHeader(p: ProblemParams, lang: Lang): string {
  const aliases = HEADER_ALIASES[s(p, "role") as HeaderRole] ?? [s(p, "role")];
  const chinese = aliases.find((alias) => /[\u0080-\uffff]/.test(alias));
  return lang === "zh-CN" ? chinese ?? aliases[0] : aliases[0];
}

function roleAliases(p: ProblemParams): string {
  return (HEADER_ALIASES[s(p, "role") as HeaderRole] ?? []).join(", ");
}

const BANDS_EXAMPLE = "0:20; 100000:60; 1000000:100";

const BANDS_REASON: Record<Lang, Record<string, string>> = {
  "en-US": {
    pair: "each band is threshold:points",
    points: "points go from 0 to 100",
    duplicate: "each threshold may appear once",
    empty: "at least one band is needed",
  },
  "zh-CN": {
    pair: "每一档写作 阈值:分数",
    points: "分数在 0 到 100 之间",
    duplicate: "同一阈值只能出现一次",
    empty: "至少需要一档",
  },
};

const CATALOGUE: Record<ProblemCode, Entry> = {
  "table-not-found": {
    severity: "error",
    "en-US": (p) =>
      `No ${table(p, "en-US")} found: looked for an Excel table or a sheet named ${s(p, "names") || DEFAULT_NAMES[s(p, "role")]}. ` +
      `Sheets in this workbook: ${s(p, "sheets") || "none"}. Rename the table or sheet, or choose it in the settings.`,
    "zh-CN": (p) =>
      `未找到${table(p, "zh-CN")}：查找了名为 ${s(p, "names") || DEFAULT_NAMES[s(p, "role")]} 的 Excel 表格或工作表。` +
      `本工作簿中的工作表：${s(p, "sheets") || "无"}。请重命名表格或工作表，或在设置中选择它。`,
  },
  "table-empty": {
    severity: "error",
    "en-US": (p) =>
      `the ${table(p, "en-US")} has no data. Put a header row at the top and one ${ITEM["en-US"][s(p, "role")] ?? "customer"} per row below it.`,
    "zh-CN": (p) =>
      `${table(p, "zh-CN")}中没有数据。请在顶部放置表头行，其下每行一个${ITEM["zh-CN"][s(p, "role")] ?? "客户"}。`,
  },
  "missing-header": {
    severity: "error",
    "en-US": (p) =>
      `the header row has no "${roleHeader(p, "en-US")}" column. Add a column with that header (accepted: ${roleAliases(p)}).`,
    "zh-CN": (p) => `表头行中没有“${roleHeader(p, "zh-CN")}”列。请添加该标题的列（可用：${roleAliases(p)}）。`,
  },
  "duplicate-header": {
    severity: "error",
    "en-US": (p) =>
      `the header "${s(p, "header")}" also heads column ${s(p, "first")}, so it is unclear which to read. Rename one of the two.`,
    "zh-CN": (p) => `标题“${s(p, "header")}”与 ${s(p, "first")} 列重复，无法确定读取哪一列。请重命名其中一列。`,
  },
  "duplicate-id": {
    severity: "error",
    "en-US": (p) => `customer ID "${s(p, "id")}" already appears in ${s(p, "first")}. Give each customer its own ID.`,
    "zh-CN": (p) => `客户编号“${s(p, "id")}”已在 ${s(p, "first")} 出现。请为每个客户使用唯一的编号。`,
  },
  "blank-id": {
    severity: "error",
    "en-US": () => `this row has data but no customer ID. Enter an ID, or delete the row.`,
    "zh-CN": () => `该行有数据但没有客户编号。请填写编号，或删除该行。`,
  },
  "indicator-column-missing": {
    severity: "error",
    "en-US": (p) =>
      `indicator "${s(p, "indicator")}" reads the column "${s(p, "column")}", but the customer table${s(p, "table") ? ` (${s(p, "table")})` : ""} ` +
      `has no such header. Add that column to the customer table, or write the customer header's name in this row's Column cell.`,
    "zh-CN": (p) =>
      `指标“${s(p, "indicator")}”读取“${s(p, "column")}”列，但客户表${s(p, "table") ? `（${s(p, "table")}）` : ""}中没有该标题。` +
      `请在客户表中添加该列，或在本行的“数据列”中填写客户表的列标题。`,
  },
  "not-a-number": {
    severity: "error",
    "en-US": (p) =>
      p.error === UNCALCULATED
        ? `formula without a calculated value — open and save the workbook in Excel first${s(p, "column") ? ` (column "${s(p, "column")}"; the file was written by a program that does not calculate)` : ""}.`
        : p.error !== undefined
        ? `the cell shows the error ${s(p, "error")}${s(p, "column") ? ` in column "${s(p, "column")}"` : ""}. Fix its formula, enter a number, or leave the cell blank.`
        : `"${s(p, "value")}" is not a number. Enter a number or leave the cell blank.`,
    "zh-CN": (p) =>
      p.error === UNCALCULATED
        ? `公式没有计算结果${s(p, "column") ? `（“${s(p, "column")}”列）` : ""}——请先在 Excel 中打开并保存该工作簿（写入该文件的程序不计算公式）。`
        : p.error !== undefined
        ? `单元格${s(p, "column") ? `（“${s(p, "column")}”列）` : ""}显示错误 ${s(p, "error")}。请修正公式、填写数字，或留空。`
        : `“${s(p, "value")}”不是数字。请填写数字或留空。`,
  },
  "unknown-direction": {
    severity: "error",
    "en-US": (p) => `"${s(p, "value")}" is not a direction. Enter higher or lower (正向 or 负向); blank means higher.`,
    "zh-CN": (p) => `“${s(p, "value")}”不是有效的方向。请填写 正向 或 负向（higher 或 lower）；留空即为正向。`,
  },
  "unknown-scoring": {
    severity: "error",
    "en-US": (p) =>
      `"${s(p, "value")}" is not a scoring rule. Enter minmax, percentile, bands or raw (极差, 百分位, 分档, 原值); blank means minmax.`,
    "zh-CN": (p) =>
      `“${s(p, "value")}”不是有效的计分方式。请填写 极差、百分位、分档 或 原值（minmax、percentile、bands、raw）；留空即为极差。`,
  },
  "malformed-bands": {
    severity: "error",
    "en-US": (p) =>
      `the bands "${s(p, "value")}" cannot be read (${BANDS_REASON["en-US"][s(p, "reason")] ?? BANDS_REASON["en-US"].pair}). ` +
      `Write threshold:points pairs separated by semicolons, e.g. ${BANDS_EXAMPLE}.`,
    "zh-CN": (p) =>
      `无法读取分档“${s(p, "value")}”（${BANDS_REASON["zh-CN"][s(p, "reason")] ?? BANDS_REASON["zh-CN"].pair}）。` +
      `请用分号分隔“阈值:分数”，例如 ${BANDS_EXAMPLE}。`,
  },
  "bands-required": {
    severity: "error",
    "en-US": (p) =>
      p.noColumn
        ? `indicator "${s(p, "indicator")}" is scored by bands, but the table has no Bands column. Add a Bands column and fill it, e.g. ${BANDS_EXAMPLE}.`
        : `indicator "${s(p, "indicator")}" is scored by bands, but its bands are empty. Fill this cell, e.g. ${BANDS_EXAMPLE}.`,
    "zh-CN": (p) =>
      p.noColumn
        ? `指标“${s(p, "indicator")}”按分档计分，但表中没有“分档”列。请添加“分档”列并填写，例如 ${BANDS_EXAMPLE}。`
        : `指标“${s(p, "indicator")}”按分档计分，但分档为空。请填写此单元格，例如 ${BANDS_EXAMPLE}。`,
  },
  "bands-ignored": {
    severity: "warning",
    "en-US": (p) =>
      `indicator "${s(p, "indicator")}" is scored by ${s(p, "scoring")}, so its bands are not used. Set its scoring to bands, or clear the bands.`,
    "zh-CN": (p) => `指标“${s(p, "indicator")}”的计分方式为 ${s(p, "scoring")}，其分档不会使用。请将计分方式改为分档，或清空分档。`,
  },
  "negative-weight": {
    severity: "error",
    "en-US": (p) => `the weight ${s(p, "value")} is negative. Enter a weight of 0 or more.`,
    "zh-CN": (p) => `权重 ${s(p, "value")} 为负数。请填写大于或等于 0 的权重。`,
  },
  "missing-weight": {
    severity: "error",
    "en-US": (p) => `"${s(p, "name")}" has no weight. Enter a weight such as 0.2 or 20%.`,
    "zh-CN": (p) => `“${s(p, "name")}”没有权重。请填写权重，例如 0.2 或 20%。`,
  },
  "zero-weights": {
    severity: "error",
    "en-US": (p) =>
      s(p, "dimension") === "*"
        ? `every dimension weighs 0. Give at least one dimension a weight above 0.`
        : s(p, "dimension")
          ? `every indicator of dimension "${s(p, "dimension")}" weighs 0. Give at least one of them a weight above 0, or set the dimension's weight to 0 and remove it.`
          : `every indicator weighs 0. Give at least one indicator a weight above 0.`,
    "zh-CN": (p) =>
      s(p, "dimension") === "*"
        ? `所有维度的权重都为 0。请至少为一个维度设置大于 0 的权重。`
        : s(p, "dimension")
          ? `维度“${s(p, "dimension")}”下所有指标的权重都为 0。请至少为其中一个指标设置大于 0 的权重，或删除该维度。`
          : `所有指标的权重都为 0。请至少为一个指标设置大于 0 的权重。`,
  },
  "unknown-dimension": {
    severity: "error",
    "en-US": (p) =>
      `the dimension "${s(p, "dimension")}" has no weight row. Use one of: ${s(p, "known")}; or add a row with this dimension, its weight and an empty Indicator.`,
    "zh-CN": (p) =>
      `维度“${s(p, "dimension")}”没有权重行。请使用以下之一：${s(p, "known")}；或添加一行，填写该维度和权重，指标留空。`,
  },
  "missing-dimension": {
    severity: "error",
    "en-US": (p) =>
      `indicator "${s(p, "indicator")}" has no dimension, but the table weighs dimensions. Enter one of: ${s(p, "known")}.`,
    "zh-CN": (p) => `指标“${s(p, "indicator")}”没有维度，但表中设置了维度权重。请填写以下之一：${s(p, "known")}。`,
  },
  "duplicate-dimension": {
    severity: "error",
    "en-US": (p) => `the dimension "${s(p, "dimension")}" already has a weight row at ${s(p, "first")}. Keep one of the two rows.`,
    "zh-CN": (p) => `维度“${s(p, "dimension")}”已在 ${s(p, "first")} 设置权重。请只保留其中一行。`,
  },
  "empty-dimension": {
    severity: "warning",
    "en-US": (p) =>
      `the dimension "${s(p, "dimension")}" has a weight but no indicators, so it is left out and the other dimensions' weights are rescaled. Add its indicators, or delete the row.`,
    "zh-CN": (p) => `维度“${s(p, "dimension")}”有权重但没有指标，已忽略，其余维度的权重按比例调整。请添加其指标，或删除该行。`,
  },
  "missing-indicator": {
    severity: "error",
    "en-US": () => `this row has no indicator name. Enter the indicator's name, or delete the row.`,
    "zh-CN": () => `该行没有指标名称。请填写指标名称，或删除该行。`,
  },
  "raw-out-of-range": {
    severity: "error",
    "en-US": (p) =>
      `${s(p, "value")} is outside 0..100, but indicator "${s(p, "indicator")}" is scored raw (already points). Enter points from 0 to 100, or choose another scoring rule.`,
    "zh-CN": (p) => `${s(p, "value")} 不在 0 到 100 之间，但指标“${s(p, "indicator")}”按原值计分。请填写 0 到 100 的分数，或改用其他计分方式。`,
  },
  "duplicate-indicator": {
    severity: "error",
    "en-US": (p) => `the indicator "${s(p, "indicator")}" is already listed at ${s(p, "first")}. List each indicator once.`,
    "zh-CN": (p) => `指标“${s(p, "indicator")}”已在 ${s(p, "first")} 列出。每个指标只列一次。`,
  },
  "value-column-missing": {
    severity: "error",
    "en-US": (p) =>
      `the customer table has no numeric column "${s(p, "column")}" to use as the value. Choose another value column, or add this one.`,
    "zh-CN": (p) => `客户表中没有可作为价值列的数字列“${s(p, "column")}”。请选择其他价值列，或添加该列。`,
  },
  "more-problems": {
    severity: "error",
    "en-US": (p) => `${s(p, "count")} more cells here have a problem of the same kind. Fix the ones listed above the same way.`,
    "zh-CN": (p) => `此处还有 ${s(p, "count")} 个单元格存在同类问题。请按上面所列的方式一并修正。`,
  },
  "output-collision": {
    severity: "error",
    "en-US": (p) =>
      `your column "${s(p, "header")}" has the name of a column the add-in writes. Rename your column; the add-in never overwrites it.`,
    "zh-CN": (p) => `您的列“${s(p, "header")}”与插件写入的列同名。请重命名该列；插件不会覆盖它。`,
  },
  "output-past-last-column": {
    severity: "error",
    "en-US": (p) =>
      `the sheet has no room for the ${s(p, "needed")} output columns: only ${s(p, "free")} columns are left before XFD, Excel's last column. Move the customer table to a sheet with fewer columns, or delete unused columns on its right.`,
    "zh-CN": (p) =>
      `该工作表没有空间写入 ${s(p, "needed")} 个输出列：在 Excel 最后一列 XFD 之前只剩 ${s(p, "free")} 列。请把客户表移到列数较少的工作表，或删除其右侧不用的列。`,
  },
  "totals-row-excluded": {
    severity: "warning",
    "en-US": (p) => `the last row of table "${s(p, "table")}" is its totals row; it is not read as a customer.`,
    "zh-CN": (p) => `表“${s(p, "table")}”的最后一行是汇总行，不作为客户读取。`,
  },
  "output-sheet-collision": {
    severity: "error",
    "en-US": (p) =>
      `your sheet "${s(p, "sheet")}" has the name of a sheet the add-in writes. Rename your sheet; the add-in never overwrites it.`,
    "zh-CN": (p) => `您的工作表“${s(p, "sheet")}”与插件写入的工作表同名。请重命名该工作表；插件不会覆盖它。`,
  },
  "output-cell-collision": {
    severity: "error",
    "en-US": (p) =>
      `this cell holds data the add-in did not write, where its column "${s(p, "header")}" goes. Move or delete that data (or the column's other cells), then grade again; the add-in never overwrites it.`,
    "zh-CN": (p) => `此单元格有不是本插件写入的数据，而插件的“${s(p, "header")}”列要写在这里。请移开或删除这些数据，然后重新分级；插件不会覆盖它。`,
  },
  "output-columns-blocked": {
    severity: "error",
    "en-US": (p) =>
      `your column "${s(p, "header")}" sits right of the add-in's columns, and this run writes ${s(p, "columns")} columns where the last one wrote ${s(p, "was")}. Move your column left of the add-in's columns (or elsewhere), then grade again.`,
    "zh-CN": (p) =>
      `您的列“${s(p, "header")}”位于插件写入的列右侧，而本次要写 ${s(p, "columns")} 列（上次为 ${s(p, "was")} 列）。请把该列移到插件列的左侧（或别处），然后重新分级。`,
  },
  "label-count": {
    severity: "error",
    "en-US": (p) =>
      `the tier scheme needs ${s(p, "needed")} labels but ${s(p, "given")} were given (${s(p, "labels")}). Enter ${s(p, "needed")} labels, best first.`,
    "zh-CN": (p) =>
      `该分级方案需要 ${s(p, "needed")} 个等级名称，但提供了 ${s(p, "given")} 个（${s(p, "labels")}）。请按从高到低填写 ${s(p, "needed")} 个名称。`,
  },
  "cannot-grade": {
    severity: "error",
    "en-US": (p) => `the customers cannot be graded: ${s(p, "reason")}. Check the weight table and the settings.`,
    "zh-CN": (p) => `无法进行分级：${s(p, "reason")}。请检查权重表和设置。`,
  },
  "weights-normalised": {
    severity: "warning",
    "en-US": (p) =>
      `the weights ${s(p, "subject") ? `of ${s(p, "subject")} ` : ""}add up to ${s(p, "sum") || "a total other than 1"}, not 1; they were rescaled to add up to 1. Adjust them if that is not what you meant.`,
    "zh-CN": (p) =>
      `${s(p, "subject") ? `${s(p, "subject")} 的` : ""}权重合计为 ${s(p, "sum") || "非 1 的值"}，不是 1；已按比例调整为合计 1。如非本意，请修改权重。`,
  },
  "dimension-weights-normalised": {
    severity: "warning",
    "en-US": (p) =>
      `the dimension weights ${s(p, "subject") ? `(${s(p, "subject")}) ` : ""}add up to ${s(p, "sum") || "a total other than 1"}, not 1; they were rescaled to add up to 1. Adjust them if that is not what you meant.`,
    "zh-CN": (p) =>
      `维度权重${s(p, "subject") ? `（${s(p, "subject")}）` : ""}合计为 ${s(p, "sum") || "非 1 的值"}，不是 1；已按比例调整为合计 1。如非本意，请修改权重。`,
  },
  "customers-excluded": {
    severity: "warning",
    "en-US": (p) =>
      `${s(p, "count")} customers have blank indicator values and were left out of the grading (${s(p, "subject")}). Fill their values, or choose to score blanks as 0 points.`,
    "zh-CN": (p) => `${s(p, "count")} 个客户的指标值为空，未参与分级（${s(p, "subject")}）。请补全数据，或选择将空值计为 0 分。`,
  },
  "missing-scored-zero": {
    severity: "warning",
    "en-US": (p) =>
      // count is the number of indicators with blanks (subject names them), not of customers.
      `blank values of ${s(p, "count")} indicator${p.count === 1 ? "" : "s"} were scored as 0 points (${s(p, "subject")}). Fill them if 0 points is not fair.`,
    "zh-CN": (p) => `${s(p, "count")} 个指标的空值已计为 0 分（${s(p, "subject")}）。如不合理，请补全数据。`,
  },
  "no-spread": {
    severity: "warning",
    "en-US": (p) =>
      `every customer has the same value for ${s(p, "subject")}, so it does not separate customers. Check the column, or give it weight 0.`,
    "zh-CN": (p) => `所有客户在 ${s(p, "subject")} 上的值都相同，无法区分客户。请检查该列，或将其权重设为 0。`,
  },
  "unknown-potential": {
    severity: "error",
    "en-US": (p) => `"${s(p, "value")}" is not an upgrade potential. Enter yes, no or any (是, 否 or 任意).`,
    "zh-CN": (p) => `“${s(p, "value")}”不是有效的升级潜力。请填写 是、否 或 任意（yes、no、any）。`,
  },
  "rules-header-missing": {
    severity: "error",
    "en-US": (p) => `this sheet needs the headers ${s(p, "headers")} (风险, 数据列, 条件, 值). Add them, or delete the sheet to get a pre-filled one.`,
    "zh-CN": (p) => `此工作表需要表头 风险、数据列、条件、值（${s(p, "headers")}）。请添加表头，或删除此表以获得预填的版本。`,
  },
  "rule-column-missing": {
    severity: "error",
    "en-US": (p) => `the customer table has no numeric column "${s(p, "column")}". Enter the header of a numeric customer column.`,
    "zh-CN": (p) => `客户表中没有数字列“${s(p, "column")}”。请填写客户表中某个数字列的标题。`,
  },
  "unknown-condition": {
    severity: "error",
    "en-US": (p) => `"${s(p, "value")}" is not a condition. Enter one of > >= < <= = <>.`,
    "zh-CN": (p) => `“${s(p, "value")}”不是有效的条件。请填写 > >= < <= = <> 之一。`,
  },
  "override-unknown-customer": {
    severity: "error",
    "en-US": (p) => `no customer has the ID "${s(p, "id")}". Correct the ID, or delete the override.`,
    "zh-CN": (p) => `没有客户编号为“${s(p, "id")}”的客户。请更正编号，或删除此调整。`,
  },
  "override-unknown-tier": {
    severity: "error",
    "en-US": (p) => `"${s(p, "value")}" is not one of this grading's tiers (${s(p, "labels")}). Enter one of them.`,
    "zh-CN": (p) => `“${s(p, "value")}”不是本次分级的等级（${s(p, "labels")}）。请填写其中之一。`,
  },
  "not-a-date": {
    severity: "error",
    "en-US": (p) => `"${s(p, "value")}" is not a date. Enter a date such as 2026-12-31, or leave the cell blank.`,
    "zh-CN": (p) => `“${s(p, "value")}”不是日期。请填写如 2026-12-31 的日期，或留空。`,
  },
  "period-not-graded": {
    severity: "error",
    "en-US": (p) =>
      `no customers were graded for period "${s(p, "period")}" (graded periods: ${s(p, "periods") || "none"}). Grade that period first with a period set, or pick a graded one.`,
    "zh-CN": (p) => `期间“${s(p, "period")}”没有分级记录（已分级期间：${s(p, "periods") || "无"}）。请先设置该期间并分级，或选择已分级的期间。`,
  },
  "not-graded": {
    severity: "error",
    "en-US": () => "this workbook has not been graded by Customer Tiers (it holds no record of the add-in's output). Grade it first, then make the copies.",
    "zh-CN": () => "该工作簿尚未经过客户分级（没有加载项的输出记录）。请先分级，再生成副本。",
  },
  "owner-column-missing": {
    severity: "error",
    "en-US": (p) => `the customer table has no column "${s(p, "column")}" (its columns: ${s(p, "headers")}). Enter the owner column's header as it is written here.`,
    "zh-CN": (p) => `客户表中没有“${s(p, "column")}”列（现有列：${s(p, "headers")}）。请按此处的写法填写负责人列的标题。`,
  },
  "org-table-not-found": {
    severity: "error",
    "en-US": (p) => `there is no sheet or table "${s(p, "name")}" for the org table (sheets: ${s(p, "sheets")}). Enter the name of the sheet or table with the columns Owner and Manager.`,
    "zh-CN": (p) => `找不到组织表“${s(p, "name")}”（现有工作表：${s(p, "sheets")}）。请填写含“负责人”和“经理”两列的工作表或表名。`,
  },
  "org-header-missing": {
    severity: "error",
    "en-US": (p) => `the org table needs the columns Owner and Manager (or 负责人 and 经理); its header row has: ${s(p, "headers")}. Add or rename the two headers.`,
    "zh-CN": (p) => `组织表需要“负责人”和“经理”两列（或 Owner、Manager）；其标题行为：${s(p, "headers")}。请添加或改名这两列。`,
  },
  "not-recalculated": {
    severity: "error",
    "en-US": (p) =>
      `the column "${s(p, "column")}" holds formulas that were never calculated (the workbook was written with live formulas and not yet opened in Excel). Open and save it in Excel or LibreOffice, or grade it with values, then make the copies.`,
    "zh-CN": (p) => `“${s(p, "column")}”列的公式尚未计算（工作簿以实时公式写出，还未在 Excel 中打开过）。请在 Excel 或 LibreOffice 中打开并保存，或以数值方式分级，然后再生成副本。`,
  },
  "orders-header-missing": {
    severity: "error",
    "en-US": (p) => `the Orders table has no "${s(p, "column")}" column (its header row has: ${s(p, "headers")}). Add a column headed "${s(p, "column")}" or "${s(p, "columnZh")}".`,
    "zh-CN": (p) => `订单表中没有“${s(p, "columnZh")}”列（其标题行为：${s(p, "headers")}）。请添加标题为“${s(p, "columnZh")}”或“${s(p, "column")}”的列。`,
  },
  "order-value-missing": {
    severity: "error",
    "en-US": (p) => `this order has no ${s(p, "column")}. Enter it, or delete the row.`,
    "zh-CN": (p) => `该订单没有${s(p, "column")}。请填写，或删除该行。`,
  },
  "order-date-unreadable": {
    severity: "error",
    "en-US": (p) => `"${s(p, "value")}" is not a date the add-in can read. Enter a date cell, or text such as 2006-12-31 or ${s(p, "example")}.`,
    "zh-CN": (p) => `“${s(p, "value")}”不是可识别的日期。请填写日期单元格，或如 2006-12-31、${s(p, "example")} 的文本。`,
  },
  "order-after-as-of": {
    severity: "error",
    "en-US": (p) => `the order date ${s(p, "value")} is after the analysis date ${s(p, "asOf")}. Correct the date, or choose a later analysis date.`,
    "zh-CN": (p) => `订单日期 ${s(p, "value")} 晚于分析日期 ${s(p, "asOf")}。请更正日期，或选择更晚的分析日期。`,
  },
  "order-not-a-number": {
    severity: "error",
    "en-US": (p) =>
      p.error !== undefined
        ? `the ${s(p, "column")} cell shows the error ${s(p, "error")}. Fix its formula or enter a number.`
        : `"${s(p, "value")}" in ${s(p, "column")} is not a number. Enter a number.`,
    "zh-CN": (p) =>
      p.error !== undefined ? `${s(p, "column")}单元格显示错误 ${s(p, "error")}。请修正公式或填写数字。` : `${s(p, "column")}中的“${s(p, "value")}”不是数字。请填写数字。`,
  },
  "segments-header-missing": {
    severity: "error",
    "en-US": (p) =>
      `the Segments table has no "${s(p, "column")}" column (its header row has: ${s(p, "headers")}). Its columns are Segment, R low, R high, F low, F high, M low, M high (or 细分, R下限, R上限, F下限, F上限, M下限, M上限).`,
    "zh-CN": (p) =>
      `细分表中没有“${s(p, "column")}”列（其标题行为：${s(p, "headers")}）。细分表的列为：细分、R下限、R上限、F下限、F上限、M下限、M上限（或 Segment, R low, R high, F low, F high, M low, M high）。`,
  },
  "segment-bound": {
    severity: "error",
    "en-US": (p) => `"${s(p, "value")}" is not a score bound. Enter a whole number from 1 to ${s(p, "bins")}.`,
    "zh-CN": (p) => `“${s(p, "value")}”不是有效的分值界限。请填写 1 到 ${s(p, "bins")} 的整数。`,
  },
  "segment-bounds-crossed": {
    severity: "error",
    "en-US": (p) => `the low bound ${s(p, "low")} is above the high bound ${s(p, "high")}, so no customer can match. Swap them.`,
    "zh-CN": (p) => `下限 ${s(p, "low")} 大于上限 ${s(p, "high")}，没有客户能匹配。请交换两者。`,
  },
  "not-an-id": {
    severity: "error",
    "en-US": (p) =>
      p.error !== undefined
        ? `the customer ID cell shows the error ${s(p, "error")}, which is not an ID. Fix its formula or type the ID.`
        : `the customer ID cell holds the logical value ${s(p, "value")}, which is not an ID. Type the customer's ID (as text if it must read TRUE or FALSE).`,
    "zh-CN": (p) =>
      p.error !== undefined
        ? `客户编号单元格显示错误 ${s(p, "error")}，不是编号。请修正公式或填写编号。`
        : `客户编号单元格是逻辑值 ${s(p, "value")}，不是编号。请填写客户编号（如必须为 TRUE 或 FALSE，请以文本输入）。`,
  },
  "value-overflow": {
    severity: "error",
    "en-US": (p) =>
      `${s(p, "value")} in column "${s(p, "column")}" is so large that the column's values cannot be compared or added up (the result exceeds the largest number a spreadsheet holds, about 1.8E+308). Check the value; enter it in a smaller unit if it is right.`,
    "zh-CN": (p) =>
      `“${s(p, "column")}”列中的 ${s(p, "value")} 过大，该列的数值无法比较或相加（结果超过电子表格能表示的最大数约 1.8E+308）。请检查该值；如确实无误，请换用更大的单位填写。`,
  },
  "weights-overflow": {
    severity: "error",
    "en-US": (p) =>
      `the weight ${s(p, "value")} is so large that the weights cannot be added up (the sum exceeds the largest number a spreadsheet holds, about 1.8E+308). Use smaller weights, such as percentages.`,
    "zh-CN": (p) => `权重 ${s(p, "value")} 过大，权重无法相加（合计超过电子表格能表示的最大数约 1.8E+308）。请使用较小的权重，例如百分比。`,
  },
  "pca-weight-filled": {
    severity: "error",
    "en-US": (p) =>
      `the weight of "${s(p, "name")}" is already filled (${s(p, "value")}); weights from principal components fill only empty Weight cells. Clear the Weight cells, or choose to replace the weights (command line: --weights-from pca:replace).`,
    "zh-CN": (p) =>
      `“${s(p, "name")}”的权重已填写（${s(p, "value")}）；主成分分析法只填写空的权重单元格。请清空权重列，或选择替换现有权重（命令行：--weights-from pca:replace）。`,
  },
  "pca-weights-failed": {
    severity: "error",
    "en-US": (p) =>
      `weights cannot be found from principal components of ${s(p, "count")} customers with every indicator filled: ${s(p, "reason")}. Fill the indicators of at least two customers, with values that vary, or enter the weights yourself.`,
    "zh-CN": (p) =>
      `无法用主成分分析法从 ${s(p, "count")} 个指标齐全的客户求出权重：${s(p, "reason")}。请至少为两个客户填写有差异的指标值，或自行填写权重。`,
  },
  "pca-not-for-rfm": {
    severity: "error",
    "en-US": () => `weights from principal components fill a weight table, and the rfm scheme uses none. Choose another scheme, or leave the weights to the table.`,
    "zh-CN": () => `主成分分析法用于填写权重表，而 RFM 方案不使用权重表。请选择其他方案，或使用权重表中的权重。`,
  },
  "growth-column-missing": {
    severity: "error",
    "en-US": (p) =>
      `the customer table has no numeric column "${s(p, "column")}" to judge upgrade potential by. Choose the growth column, or a Potential column of yes/no.`,
    "zh-CN": (p) => `客户表中没有用于判断升级潜力的数字列“${s(p, "column")}”。请选择增长率列，或使用填写 是/否 的“潜力”列。`,
  },
};

/** The problem codes the catalogue knows, for tests and for anyone listing them. */
export const PROBLEM_CODES = Object.keys(CATALOGUE) as ProblemCode[];

/**
 * "Customers!C7: ", "客户!C7：", "'My sheet'!C7: ", "Customers: " or "". Quotes only where a reader
 * needs them to see where the name ends (spaces, punctuation), so "C" or "客户" stay bare even though
 * a formula would quote them.
 */
function location(sheet: string, cell: string, lang: Lang): string {
  if (!sheet && !cell) return "";
  const name = /[\s'!:;,()[\]+-]/.test(sheet) ? quoteSheet(sheet) : sheet;
  const where = sheet ? (cell ? `${name}!${cell}` : sheet) : cell;
  return lang === "zh-CN" ? `${where}：` : `${where}: `;
}

/**
 * A Problem with its message in en-US and zh-CN, each starting with where it is ("Customers!C7: ")
 * and ending with what to do. `severity` defaults to the code's own (warnings for what does not stop
 * the run). Throws on a code the catalogue does not know (a programming error, not a workbook's).
 *
 * @example
 * problem("not-a-number", "Customers", "C7", { value: "abc" }).message["en-US"]
 * // 'Customers!C7: "abc" is not a number. Enter a number or leave the cell blank.'
 * problem("blank-id", "客户", "A9").message["zh-CN"]
 * // "客户!A9：该行有数据但没有客户编号。请填写编号，或删除该行。"
 */
export function problem(
  code: ProblemCode,
  sheet: string,
  cell: string,
  params: ProblemParams = {},
  severity?: "error" | "warning",
): Problem {
  const entry = CATALOGUE[code];
  if (!entry) throw new Error(`problem: unknown code "${code}"`);
  return {
    severity: severity ?? entry.severity,
    code,
    sheet,
    cell,
    message: {
      "en-US": location(sheet, cell, "en-US") + capitalise(entry["en-US"](params), sheet === "" && cell === ""),
      "zh-CN": location(sheet, cell, "zh-CN") + entry["zh-CN"](params),
    },
  };
}

/** A message without a location starts a sentence. */
function capitalise(text: string, start: boolean): string {
  return start ? text.charAt(0).toUpperCase() + text.slice(1) : text;
}

/**
 * One line for a list of problems (the command line, the summary sheet): the severity word, then the
 * message in `lang`.
 *
 * @example
 * formatProblem(problem("blank-id", "Customers", "A9"), "en-US")
 * // "Error: Customers!A9: this row has data but no customer ID. Enter an ID, or delete the row."
 * formatProblem(problem("blank-id", "客户", "A9"), "zh-CN")
 * // "错误：客户!A9：该行有数据但没有客户编号。请填写编号，或删除该行。"
 */
export function formatProblem(p: Problem, lang: Lang): string {
  const word = p.severity === "error" ? (lang === "zh-CN" ? "错误：" : "Error: ") : lang === "zh-CN" ? "警告：" : "Warning: ";
  return word + p.message[lang];
}
