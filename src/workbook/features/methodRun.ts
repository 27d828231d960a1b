// The methods of issue 16 that decide tiers themselves, as grading runs: RFM segments (R's `rfm`
// package, engine/rfm.ts) and k-means clusters (engine/kmeans.ts). RFM has its own run (no weight
// table: the three measures are the indicators); k-means re-tiers an ordinary grading. Both add their
// tables to the summary sheet. Everything here is plan data; run.ts hooks it in with a few lines.

import { clusterCustomers } from "../../engine/kmeans";
import type { ClusterProfile } from "../../engine/kmeans";
import { pyramid } from "../../engine/pyramid";
import { rankEq } from "../../engine/rank";
import { defaultRfmSegments, RFM_OTHERS, rfmAnalysis } from "../../engine/rfm";
import type { RfmSegment, RfmSegmentSummaryRow } from "../../engine/rfm";
import type { GradeResult, WeightTable } from "../../engine/types";
import { cellAddress } from "../reading/address";
import { headerRowIndex } from "../reading/blocks";
import { cellText } from "../reading/cells";
import { parseCustomerTable } from "../reading/customerTable";
import { locateAny } from "./fromOrders";
import { headerKey } from "../reading/headers";
import { locateTable } from "../reading/locate";
import { INDICATOR_HEADERS } from "../reading/ordersTable";
import { OUTPUT_HEADERS, OUTPUT_SHEETS, outputText } from "../planning/outputText";
import { planGrading } from "../planning/plan";
import { HEADER_LOOK, heatMap } from "../planning/styles";
import { engineReason, problem } from "../reading/problems";
import { defaultSegmentRows, parseSegmentsTable, segmentName } from "../reading/segmentsTable";
import type { GradeSettings, MethodSetting } from "../settings";
import type { Block, CellBlock, CellOut, CustomerData, Lang, OutputSheet, Problem, Progress, WorkbookBackend, WritePlan } from "../types";

/** Per customer what --scheme rfm reports (null for a customer left out for a blank measure). */
export interface RfmCustomer {
  recency_days: number;
  frequency: number;
  monetary: number;
  r: number;
  f: number;
  m: number;
  rfm_score: number;
  segment: string;
}

/** What a method adds to a run's outcome, for the command line's JSON and text. */
export type MethodDetails =
  | { kind: "rfm"; customers: (RfmCustomer | null)[]; summary: RfmSegmentSummaryRow[]; heatmap: { count: number[][]; mean: number[][] }; bins: number }
  | { kind: "kmeans"; k: number; silhouette: number; cluster: (number | null)[]; profiles: ClusterProfile[]; silhouetteByK: { k: number; silhouette: number }[] };

const WORDS = {
  "en-US": {
    rColumn: "R",
    fColumn: "F",
    mColumn: "M",
    rfmScore: "RFM score",
    segment: "Segment",
    others: RFM_OTHERS,
    segmentsSheet: "Segments",
    cluster: "Cluster",
    rfmScheme: (bins: number, segments: string) =>
      `RFM segments as R's rfm package scores them (${bins} bins per measure, recency reversed; score = RFM score 100·R + 10·F + M; segments from ${segments})`,
    kmeansScheme: (k: number, auto: boolean, silhouette: number) =>
      `k-means clusters on the standardised indicators (k = ${k}${auto ? ", chosen by the best mean silhouette for k = 2..8" : ""}; mean silhouette ${silhouette.toFixed(3)}); Cluster 1 = best mean score`,
    defaultSegments: "the package's default segments",
    noCompleteCustomer: "no customer has all three measures",
    segmentsRow: "Segments table",
    binsScoring: (bins: number) => `${bins} quantile bins (R's rfm)`,
    segmentTable: "Segments (customers, orders, revenue, average order value)",
    segmentHeader: ["Segment", "Customers", "Orders", "Revenue", "Average order value"],
    heatmap: "Customers by R (rows) and F (columns)",
    clusterTable: "Cluster profile",
    clusterHeader: ["Cluster", "Customers", "Mean score", "Silhouette"],
  },
  "zh-CN": {
    rColumn: "R",
    fColumn: "F",
    mColumn: "M",
    rfmScore: "RFM得分",
    segment: "细分",
    others: segmentName(RFM_OTHERS, "zh-CN"),
    segmentsSheet: "细分",
    cluster: "聚类",
    rfmScheme: (bins: number, segments: string) =>
      `RFM 细分，按 R 语言 rfm 包的规则评分（每项 ${bins} 档，最近购买间隔反向；得分 = RFM 得分 100·R + 10·F + M；细分来自${segments}）`,
    kmeansScheme: (k: number, auto: boolean, silhouette: number) =>
      `按标准化指标做 k 均值聚类（k = ${k}${auto ? "，在 k = 2..8 中按平均轮廓系数最优选出" : ""}；平均轮廓系数 ${silhouette.toFixed(3)}）；聚类 1 = 平均得分最高`,
    defaultSegments: "rfm 包的默认细分表",
    noCompleteCustomer: "没有一个客户三项指标齐全",
    segmentsRow: "细分表",
    binsScoring: (bins: number) => `${bins} 档分位数（R 语言 rfm 包）`,
    segmentTable: "细分（客户数、订单数、收入、平均订单金额）",
    segmentHeader: ["细分", "客户数", "订单数", "收入", "平均订单金额"],
    heatmap: "按 R（行）和 F（列）的客户数",
    clusterTable: "聚类概况",
    clusterHeader: ["聚类", "客户数", "平均得分", "轮廓系数"],
  },
} as const;

/** Headers RFM writes beside Score, Rank and Tier, in both languages (for collisions and ownership). */
export const RFM_HEADERS = [...new Set(Object.values(WORDS).flatMap((w) => [w.rColumn, w.fColumn, w.mColumn, w.rfmScore, w.segment]))];

/** The headers each measure is found under when --rfm-columns names none (indicator sheet first). */
const MEASURE_ALIASES: string[][] = [1, 2, 3].map((c) => [
  INDICATOR_HEADERS["en-US"][c],
  INDICATOR_HEADERS["zh-CN"][c],
  ...[["Recency", "recency_days", "最近购买间隔"], ["Frequency", "transaction_count", "购买频次"], ["Monetary", "amount", "消费金额"]][c - 1],
]);

/**
 * The three measure columns of a customer table: the names given, else the first header that is an
 * alias of each measure (the Customer indicators sheet's own headers first), else the language's
 * indicator-sheet header (which parseCustomerTable then reports as missing, with the header row).
 *
 * @example rfmColumns(["Customer ID", "Recency (days)", "Frequency (orders)", "Monetary"], undefined, "en-US")
 * // ["Recency (days)", "Frequency (orders)", "Monetary"]
 */
export function rfmColumns(headers: string[], given: [string, string, string] | undefined, lang: Lang): [string, string, string] {
  if (given) return given;
  const keys = headers.map(headerKey);
  return MEASURE_ALIASES.map((aliases, k) => {
    for (const alias of aliases) {
      const at = keys.indexOf(headerKey(alias));
      if (at >= 0) return headers[at];
    }
    return INDICATOR_HEADERS[lang][k + 1];
  }) as [string, string, string];
}

/** The rows below which nothing is written on a sheet (the next free row). */
function nextFreeRow(sheet: OutputSheet): number {
  return sheet.blocks.reduce((max, b) => Math.max(max, b.top + b.values.length), 0);
}

/** Replaces the summary's "Tier scheme" value with the method's words. */
function describeOnSummary(plan: WritePlan, lang: Lang, words: string): OutputSheet {
  const text = outputText(lang);
  const summary = plan.sheets.find((s) => s.name === text.summarySheet) as OutputSheet;
  for (const block of summary.blocks) {
    for (const row of block.values) if (row[0] === text.scheme) row[1] = words;
  }
  return summary;
}

/** Adds output columns to a plan and records them as the add-in's. */
function addColumns(plan: WritePlan, columns: { header: string; numberFormat: string; values: CellOut[] }[]): void {
  if (!plan.columns) return;
  plan.columns.columns.push(...columns);
  plan.state.headers = plan.columns.columns.map((c) => c.header);
}

function perRow(customers: CustomerData, headerRow: number, rowCount: number, values: CellOut[]): CellOut[] {
  const out: CellOut[] = new Array(rowCount).fill(null);
  customers.rows.forEach((row, i) => {
    out[row - headerRow - 1] = values[i];
  });
  return out;
}

/**
 * The `rfm` scheme as a whole grading run: the customer table's recency, frequency and monetary
 * columns (rfmColumns) scored as R's rfm package scores them, each customer's segment from the
 * Segments / 细分 table (read from the workbook, or R's default table, then written pre-filled as a
 * sheet for the analyst to edit). The tier IS the segment (labels: the segments in table order, then
 * Others), the score is the RFM score (100·R + 10·F + M, so the weights are 100, 10 and 1 and the
 * points are R, F and M) and the rank is by it; columns R, F, M, RFM score and Segment are added.
 * A customer with a blank measure is left out and listed. Written as values, in either output mode.
 */
export async function gradeRfm(
  backend: WorkbookBackend,
  settings: GradeSettings,
  method: Extract<MethodSetting, { kind: "rfm" }>,
  onProgress?: (p: Progress) => void,
): Promise<
  | { ok: true; problems: Problem[]; result: GradeResult; customers: CustomerData; plan: WritePlan; details: MethodDetails; weightTable: WeightTable }
  | { ok: false; problems: Problem[]; customers: number; customersSheet?: string }
> {
  const lang = settings.lang;
  const words = WORDS[lang];
  onProgress?.({ stage: "read", fraction: 0 });
  const index = await backend.index();
  const at = locateTable(index, "customers", settings.customers);
  if ("code" in at) return { ok: false, problems: [at], customers: 0 };
  const previous = await backend.readState();
  const block: Block = { ...at, values: await backend.read(at.sheet, at.box) };
  const headerIndex = headerRowIndex(block.values);
  const owned = previous && previous.sheet === block.sheet ? previous.firstColumn : undefined;
  const headers = (block.values[headerIndex] ?? []).map((v, c) => (owned !== undefined && block.box.left + c >= owned ? "" : cellText(v ?? null)));
  const [recency, frequency, monetary] = rfmColumns(headers, method.columns, lang);
  const weightTable: WeightTable = {
    dimensions: [],
    indicators: [
      { name: "R", weight: 100, direction: "lower", scoring: "minmax", column: recency },
      { name: "F", weight: 10, direction: "higher", scoring: "minmax", column: frequency },
      { name: "M", weight: 1, direction: "higher", scoring: "minmax", column: monetary },
    ],
  };
  onProgress?.({ stage: "parse", fraction: 0.3 });
  const parsed = parseCustomerTable(block, weightTable, { ignoreFromColumn: owned, valueColumn: monetary });
  const problems = [...parsed.problems];
  const customers = parsed.customers;
  // The add-in's output headers must not be the analyst's columns.
  const outputKeys = new Set([...OUTPUT_HEADERS, ...RFM_HEADERS].map(headerKey));
  headers.forEach((h, c) => {
    if (h !== "" && outputKeys.has(headerKey(h))) problems.push(problem("output-collision", block.sheet, cellAddress(block.box.top + headerIndex, block.box.left + c), { header: h }));
  });
  // Nor may the summary sheet replace a sheet of the analyst's.
  const ownedSheets = new Set((previous?.sheets ?? []).map(headerKey));
  const summaryNames = new Set(OUTPUT_SHEETS.slice(0, 2).map(headerKey));
  for (const sheet of index.sheets) {
    if (summaryNames.has(headerKey(sheet.name)) && !ownedSheets.has(headerKey(sheet.name))) {
      problems.push(problem("output-sheet-collision", sheet.name, "", { sheet: sheet.name }));
    }
  }

  // The Segments / 细分 table: the workbook's, else the package's defaults, written for the analyst.
  let segments: RfmSegment[] = defaultRfmSegments(method.bins).map((s) => ({ ...s, name: segmentName(s.name, lang) }));
  let segmentsSource: string = words.defaultSegments;
  let writeSegments = true;
  const segmentsAt = locateAny(index, "segments", ["Segments", "细分"]);
  if (!("code" in segmentsAt)) {
    const read = parseSegmentsTable({ ...segmentsAt, values: await backend.read(segmentsAt.sheet, segmentsAt.box) }, method.bins);
    problems.push(...read.problems);
    if (read.segments) segments = read.segments;
    segmentsSource = segmentsAt.table ?? segmentsAt.sheet;
    writeSegments = false;
  } else if (segmentsAt.code === "table-empty") problems.push(segmentsAt);
  if (!customers || problems.some((p) => p.severity === "error")) {
    return { ok: false, problems, customers: customers?.ids.length ?? 0, customersSheet: block.sheet };
  }

  onProgress?.({ stage: "grade", fraction: 0.4 });
  const n = customers.ids.length;
  const [rv, fv, mv] = customers.indicatorValues;
  const graded: number[] = [];
  const excluded: GradeResult["excluded"] = [];
  for (let i = 0; i < n; i++) {
    const blank = weightTable.indicators.filter((_, j) => !Number.isFinite(customers.indicatorValues[j][i])).map((ind) => ind.column);
    if (blank.length > 0) excluded.push({ index: i, id: customers.ids[i], indicators: blank });
    else graded.push(i);
  }
  const pick = (column: Float64Array) => Float64Array.from(graded, (i) => column[i]);
  if (graded.length === 0) {
    const reason = { "en-US": WORDS["en-US"].noCompleteCustomer, "zh-CN": WORDS["zh-CN"].noCompleteCustomer };
    problems.push(problem("cannot-grade", block.sheet, "", { reason }));
    return { ok: false, problems, customers: n, customersSheet: block.sheet };
  }
  let analysis;
  try {
    analysis = rfmAnalysis(pick(rv), pick(fv), pick(mv), method.bins, segments);
  } catch (error) {
    problems.push(problem("cannot-grade", block.sheet, "", { reason: engineReason(error) }));
    return { ok: false, problems, customers: n, customersSheet: block.sheet };
  }
  const labels = [...segments.map((s) => s.name), words.others];
  const score = new Float64Array(n).fill(NaN);
  const tier = new Int32Array(n).fill(-1);
  const points = [0, 1, 2].map(() => new Float64Array(n).fill(NaN));
  const rfmCustomers: (RfmCustomer | null)[] = new Array(n).fill(null);
  graded.forEach((i, g) => {
    score[i] = analysis.score[g];
    tier[i] = analysis.segment[g] < 0 ? segments.length : analysis.segment[g];
    points[0][i] = analysis.r[g];
    points[1][i] = analysis.f[g];
    points[2][i] = analysis.m[g];
    rfmCustomers[i] = {
      recency_days: rv[i],
      frequency: fv[i],
      monetary: mv[i],
      r: analysis.r[g],
      f: analysis.f[g],
      m: analysis.m[g],
      rfm_score: analysis.score[g],
      segment: labels[tier[i]],
    };
  });
  const result: GradeResult = {
    weights: [100, 10, 1],
    points,
    score,
    rank: rankEq(score),
    tier,
    labels,
    excluded,
    pyramid: pyramid(tier, labels, mv),
    warnings: [],
  };

  onProgress?.({ stage: "plan", fraction: 0.5 });
  const plan = planGrading({
    customers,
    weightTable,
    result,
    settings: { ...settings, mode: "values", strategy: undefined, risk: undefined, period: undefined, labels },
    previous,
    weightsRange: segmentsSource,
    valueColumn: monetary,
    warnings: [],
  });
  const headerRow = block.box.top + headerIndex;
  const rowCount = plan.columns?.rowCount ?? 0;
  const column = (header: string, numberFormat: string, values: CellOut[]) => ({ header, numberFormat, values: perRow(customers, headerRow, rowCount, values) });
  const of = (get: (c: RfmCustomer) => CellOut) => rfmCustomers.map((c) => (c ? get(c) : null));
  addColumns(plan, [
    column(words.rColumn, "0", of((c) => c.r)),
    column(words.fColumn, "0", of((c) => c.f)),
    column(words.mColumn, "0", of((c) => c.m)),
    column(words.rfmScore, "0", of((c) => c.rfm_score)),
    column(words.segment, "@", of((c) => c.segment)),
  ]);
  const summary = describeOnSummary(plan, lang, words.rfmScheme(method.bins, segmentsSource));
  // The settings say where the segments came from, and the measures are scored in bins, not min-max.
  const text = outputText(lang);
  const columns = new Set(weightTable.indicators.map((ind) => ind.column));
  for (const b of summary.blocks) {
    for (const row of b.values) {
      if (row[0] === text.weightsTable) row[0] = words.segmentsRow;
      if (row.length >= 5 && typeof row[2] === "string" && columns.has(row[2]) && row[4] === "minmax") row[4] = words.binsScoring(method.bins);
    }
  }
  let top = nextFreeRow(summary) + 2;
  const blocks: CellBlock[] = [];
  blocks.push({ top, left: 0, values: [[words.segmentTable]], look: HEADER_LOOK });
  blocks.push({ top: top + 1, left: 0, values: [[...words.segmentHeader]], look: HEADER_LOOK });
  const summaryRows = analysis.summary.map((s): CellOut[] => [s.segment === RFM_OTHERS ? words.others : s.segment, s.customers, s.orders, s.revenue, s.aov]);
  blocks.push({ top: top + 2, left: 0, values: summaryRows, numberFormats: ["@", "#,##0", "#,##0", "#,##0.##", "#,##0.00"] });
  top += summaryRows.length + 4;
  const { count } = analysis.heatmap;
  blocks.push({ top, left: 0, values: [[words.heatmap]], look: HEADER_LOOK });
  blocks.push({ top: top + 1, left: 0, values: [["R \\ F", ...count[0].map((_, b) => b + 1)]], look: HEADER_LOOK });
  blocks.push({ top: top + 2, left: 0, values: count.map((row, a) => [a + 1, ...row]), numberFormats: ["0", ...count[0].map(() => "#,##0")] });
  summary.blocks.push(...blocks);
  const first = cellAddress(top + 2, 1);
  const last = cellAddress(top + 1 + count.length, count[0].length);
  summary.heatMaps = [...(summary.heatMaps ?? []), heatMap(`${first}:${last}`)];
  if (writeSegments) {
    const rows = defaultSegmentRows(lang, method.bins);
    plan.sheets.push({
      name: words.segmentsSheet,
      blocks: [
        { top: 0, left: 0, values: [rows[0]], look: HEADER_LOOK },
        { top: 1, left: 0, values: rows.slice(1), numberFormats: ["@"] },
      ],
      columnWidths: [24, 8, 8, 8, 8, 8, 8],
      charts: [],
    });
  }
  const details: MethodDetails = { kind: "rfm", customers: rfmCustomers, summary: analysis.summary, heatmap: analysis.heatmap, bins: method.bins };
  return { ok: true, problems, result, customers, plan, details, weightTable };
}

/**
 * k-means clusters as tiers: the graded customers clustered on their indicators (clusterCustomers:
 * z-scores with directions applied, k-means++ from a fixed seed, k given or chosen by silhouette), the
 * tier of each its cluster's label ("Cluster 1" = best mean score), the pyramid per cluster. A blank
 * indicator of a graded customer (--missing zero) is taken at the column's mean (z = 0) for
 * clustering. Throws RangeError as clusterCustomers does (the caller reports it as cannot-grade).
 */
export function clusterTiers(
  result: GradeResult,
  indicatorValues: Float64Array[],
  weightTable: WeightTable,
  k: number | "auto",
  lang: Lang,
  value?: Float64Array,
): { result: GradeResult; details: MethodDetails } {
  const graded: number[] = [];
  for (let i = 0; i < result.tier.length; i++) if (result.tier[i] >= 0) graded.push(i);
  const means = indicatorValues.map((column) => {
    let sum = 0;
    let count = 0;
    for (const i of graded) if (Number.isFinite(column[i])) (sum += column[i]), count++;
    return count > 0 ? sum / count : 0;
  });
  const rows = graded.map((i) => indicatorValues.map((column, j) => (Number.isFinite(column[i]) ? column[i] : means[j])));
  const clusters = clusterCustomers(
    rows,
    weightTable.indicators.map((ind) => ind.direction),
    graded.map((i) => result.score[i]),
    k,
    { labelPrefix: WORDS[lang].cluster },
  );
  const tier = new Int32Array(result.tier.length).fill(-1);
  const cluster: (number | null)[] = new Array(result.tier.length).fill(null);
  graded.forEach((i, g) => {
    tier[i] = clusters.cluster[g];
    cluster[i] = clusters.cluster[g] + 1;
  });
  const chosen = clusters.silhouetteByK.find((s) => s.k === clusters.k);
  return {
    result: { ...result, tier, labels: clusters.labels, pyramid: pyramid(tier, clusters.labels, value ?? result.score) },
    details: {
      kind: "kmeans",
      k: clusters.k,
      silhouette: chosen?.silhouette ?? NaN,
      cluster,
      profiles: clusters.profiles,
      silhouetteByK: clusters.silhouetteByK,
    },
  };
}

/** The k-means summary: the scheme in words and the cluster profile (size, indicator means, mean score, silhouette). */
export function decorateClusterPlan(plan: WritePlan, details: MethodDetails, weightTable: WeightTable, lang: Lang, auto: boolean): void {
  if (details.kind !== "kmeans") return;
  const words = WORDS[lang];
  const summary = describeOnSummary(plan, lang, words.kmeansScheme(details.k, auto, details.silhouette));
  const top = nextFreeRow(summary) + 2;
  const names = weightTable.indicators.map((ind) => ind.name);
  summary.blocks.push(
    { top, left: 0, values: [[words.clusterTable]], look: HEADER_LOOK },
    { top: top + 1, left: 0, values: [[words.clusterHeader[0], words.clusterHeader[1], ...names, words.clusterHeader[2], words.clusterHeader[3]]], look: HEADER_LOOK },
    {
      top: top + 2,
      left: 0,
      values: details.profiles.map((p) => [p.label, p.size, ...p.means, p.meanScore, Number.isFinite(p.silhouette) ? p.silhouette : null]),
      numberFormats: ["@", "#,##0", ...names.map(() => "#,##0.##"), "0.00", "0.000"],
    },
  );
}
