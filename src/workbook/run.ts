// One grading run, the same for every surface: read each table once -> parse and validate -> grade ->
// plan -> write. The task pane, the ribbon and the command line all call these two functions.

import { explainGrade } from "../engine/explain";
import type { Explanation } from "../engine/explain";
import { grade } from "../engine/grade";
import type { GradeInput, GradeResult, WeightTable } from "../engine/types";
import { boxAddress, cellAddress, quoteSheet } from "./reading/address";
import { outputColumnsFit } from "./planning/gridLimits";
import { parseCustomerTable } from "./reading/customerTable";
import { headerKey } from "./reading/headers";
import { HISTORY_SHEETS, LEGACY_HISTORY_SHEETS, readHistory } from "./features/history";
import type { HistoryRow } from "./features/history";
import { locateTable } from "./reading/locate";
import { OUTPUT_HEADERS, OUTPUT_SHEETS, OVERRIDE_HEADERS, RISK_HEADERS, STRATEGY_HEADERS, outputText } from "./planning/outputText";
import { missingGrowthColumn, WATCH_LIST_SHEETS } from "./features/management";
import {
  activeOverrides,
  applyOverrides,
  AUDIT_SHEETS,
  auditChanges,
  dateSerial,
  loggedOverrides,
  OVERRIDE_SHEETS,
  readOverrides,
} from "./features/overrides";
import type { AppliedOverrides } from "./features/overrides";
import { defaultRiskRules, readRiskRules, RISK_SHEETS } from "./reading/riskRules";
import { defaultStrategies, readStrategies, STRATEGY_SHEETS } from "./reading/strategyTable";
import type { StrategyRow } from "../engine/strategy";
import type { TierRule } from "../engine/types";
import { headerRowIndex } from "./reading/blocks";
import { locateOwnedColumns, outputBox, outputProblems } from "./planning/outputColumns";
import { planGrading } from "./planning/plan";
import { engineReason, problem } from "./reading/problems";
import { defaultSettings, labelCount, schemeLabels } from "./settings";
import type { GradeSettings } from "./settings";
import type {
  Block,
  Box,
  CellValue,
  CustomerData,
  OwnedState,
  Problem,
  Progress,
  WorkbookBackend,
  WorkbookIndex,
  WritePlan,
} from "./types";
import { parseWeightTable } from "./reading/weightTable";
import { throwIfCancelled } from "./cancel";
import type { WeightCells } from "./reading/weightTable";
import { engineWarningProblems } from "./reading/warnings";
import { WHY_HEADERS } from "./features/methodOutputs";
import { clusterTiers, decorateClusterPlan, gradeRfm } from "./features/methodRun";
import type { MethodDetails } from "./features/methodRun";
import { applyPcaWeights, PCA_SHEETS, planPcaWeights, preparePcaWeights } from "./features/pcaWeights";
import type { PcaRun } from "./features/pcaWeights";
import { planOrderIndicators } from "./features/fromOrders";
import { plannedWorkbook } from "./features/plannedWorkbook";

export type { GradeSettings };
export { defaultSettings };

/** What the pane shows before anything is written. */
export interface Inspection {
  /** False when any problem is an error: nothing may be written. */
  ok: boolean;
  problems: Problem[];
  customers: number;
  excluded: number;
  indicators: { name: string; dimension?: string; globalWeight: number; column: string }[];
  weightsSheet?: string;
  customersSheet?: string;
  /**
   * What Grade will write when the check passes: the columns added to the customer table (customersSheet)
   * and the sheets made or replaced, in the run's language and the order they are written.
   */
  writes?: { columns: string[]; sheets: string[] };
  /** With settings.orders: the Orders table's size, aggregated into the customer table customersSheet. */
  orders?: { orders: number; customers: number };
}

export type GradeOutcome =
  | {
      ok: true;
      inspection: Inspection;
      result: GradeResult;
      customers: CustomerData;
      plan: WritePlan;
      /** With settings.explain: why each customer got its computed tier (null when left out). */
      explanations?: (Explanation | null)[];
      /**
       * Tiers by score (no method): the same explanations, computed on the first call whether or not
       * settings.explain asked for the Why column (the pane's explain view).
       */
      explain?: () => (Explanation | null)[];
      /** With settings.method: the RFM measures and segments, or the clusters. */
      method?: MethodDetails;
      /** With settings.weightsFrom: the principal components and the weights written. */
      pca?: PcaRun;
    }
  | { ok: false; inspection: Inspection };

/** Header cells and sheets of the user's that the add-in's own columns or sheets would overwrite. */
function collisions(
  customers: CustomerData,
  sheetNames: string[],
  previous: OwnedState | undefined,
  writes: readonly string[],
  headers: readonly string[],
): Problem[] {
  const found: Problem[] = [];
  const outputKeys = new Set(headers.map(headerKey));
  const block = customers.block;
  const headerIndex = headerRowIndex(block.values);
  const owned = previous && previous.sheet === block.sheet ? previous.firstColumn : Infinity;
  (block.values[headerIndex] ?? []).forEach((cell, i) => {
    const column = block.box.left + i;
    if (column >= owned || typeof cell !== "string") return;
    if (outputKeys.has(headerKey(cell))) {
      found.push(problem("output-collision", block.sheet, cellAddress(block.box.top + headerIndex, column), { header: cell }));
    }
  });
  const ownedSheets = new Set((previous?.sheets ?? []).map(headerKey));
  const outputSheets = new Set(writes.map(headerKey));
  for (const name of sheetNames) {
    if (outputSheets.has(headerKey(name)) && !ownedSheets.has(headerKey(name))) {
      found.push(problem("output-sheet-collision", name, "", { sheet: name }));
    }
  }
  return found;
}

/** The value column: the analyst's choice, else a column named like sales or revenue, else none. */
function resolveValueColumn(customers: CustomerData, settings: GradeSettings): string | undefined {
  if (settings.valueColumn) {
    const key = headerKey(settings.valueColumn);
    return Object.keys(customers.numericColumns).find((header) => headerKey(header) === key);
  }
  const candidates = ["sales", "revenue", "value", "销售额", "销售收入", "营业收入", "收入"].map(headerKey);
  for (const candidate of candidates) {
    const found = Object.keys(customers.numericColumns).find((header) => headerKey(header) === candidate);
    if (found) return found;
  }
  return undefined;
}

function settingsProblems(settings: GradeSettings): Problem[] {
  const needed = labelCount(settings.scheme);
  if (settings.scheme.kind !== "rules" && settings.labels.length !== needed) {
    return [problem("label-count", "", "", { needed, given: settings.labels.length, labels: settings.labels.join(", ") })];
  }
  return [];
}

interface Prepared {
  inspection: Inspection;
  ready?: {
    weightTable: WeightTable;
    customers: CustomerData;
    result: GradeResult;
    previous?: OwnedState;
    weightsRange: string;
    valueColumn?: string;
    warnings: Problem[];
    weightsBlock: Block;
    weightCells?: WeightCells;
    history?: HistoryRow[];
    explanations?: (Explanation | null)[];
    explain?: () => (Explanation | null)[];
    method?: MethodDetails;
    pca?: PcaRun;
  } & Management;
}

/** The strategy table and risk rules a run uses, and whether the plan must write them (first run). */
interface Management {
  /** Special grading: the computed tiers (before overrides), who is overridden, and the audit entries. */
  overrides?: AppliedOverrides;
  strategyTable?: StrategyRow[];
  writeStrategyTable?: boolean;
  riskRules?: TierRule[];
  writeRiskRules?: boolean;
}

/**
 * Special grading: the Overrides sheet's overrides in force today applied to the result, and the audit
 * entries for what changed since the audit log's last word. Undefined when the workbook has no
 * Overrides sheet; problems (unknown customer or tier, bad date) are added with their cells.
 */
async function readSpecialGrading(
  backend: WorkbookBackend,
  index: WorkbookIndex,
  settings: GradeSettings,
  customers: CustomerData,
  result: GradeResult,
  valueColumn: string | undefined,
  problems: Problem[],
): Promise<{ result: GradeResult; overrides: NonNullable<Management["overrides"]> } | undefined> {
  const sheet = await readNamedSheet(backend, index, [...OVERRIDE_SHEETS]);
  if (!sheet) return undefined;
  const read = readOverrides(sheet.name, sheet.values, new Set(customers.ids), result.labels);
  problems.push(...read.problems);
  if (read.problems.some((p) => p.severity === "error")) return undefined;
  const today = dateSerial(settings.now);
  const active = activeOverrides(read.overrides, today);
  const log = await readNamedSheet(backend, index, Object.values(AUDIT_SHEETS));
  const audit = auditChanges(loggedOverrides(log?.values ?? []), active, read.overrides, today);
  const value = valueColumn ? customers.numericColumns[valueColumn] : result.score;
  const applied = applyOverrides(result, customers.ids, active, value);
  const reasons = customers.ids.map((id) => {
    const o = active.get(id);
    return o ? [o.reason, o.by].filter((part) => part !== "").join(" · ") : "";
  });
  return {
    result: applied.result,
    overrides: {
      computed: applied.computed,
      overridden: applied.overridden,
      reasons,
      audit,
      auditSheet: log?.name ?? AUDIT_SHEETS[settings.lang],
    },
  };
}

/** A user-owned sheet of one of these names (either language), read whole; undefined when absent. */
async function readNamedSheet(
  backend: WorkbookBackend,
  index: WorkbookIndex,
  names: string[],
): Promise<{ name: string; values: CellValue[][] } | undefined> {
  const keys = names.map(headerKey);
  const sheet = index.sheets.find((s) => keys.includes(headerKey(s.name)));
  if (!sheet) return undefined;
  if (!sheet.used) return { name: sheet.name, values: [] };
  const box = { top: 0, left: 0, rows: sheet.used.top + sheet.used.rows, columns: sheet.used.left + sheet.used.columns };
  return { name: sheet.name, values: await backend.read(sheet.name, box) };
}

/**
 * The strategy table and the risk rules, from the analyst's sheets when the workbook has them, else the
 * practice's defaults, which the plan then writes as sheets for the analyst to edit.
 */
async function readManagement(
  backend: WorkbookBackend,
  index: WorkbookIndex,
  settings: GradeSettings,
  customers: CustomerData,
  problems: Problem[],
): Promise<Management> {
  const management: Management = {};
  if (settings.strategy) {
    const missing = missingGrowthColumn(customers, settings.strategy);
    if (missing !== undefined) {
      problems.push(problem("growth-column-missing", customers.block.sheet, "", { column: missing }));
    }
    const sheet = await readNamedSheet(backend, index, Object.values(STRATEGY_SHEETS));
    if (sheet) {
      const read = readStrategies(sheet.name, sheet.values);
      problems.push(...read.problems);
      management.strategyTable = read.rows;
    } else {
      management.strategyTable = defaultStrategies(schemeLabels(settings), settings.lang);
      management.writeStrategyTable = true;
    }
  }
  if (settings.risk) {
    const sheet = await readNamedSheet(backend, index, Object.values(RISK_SHEETS));
    if (sheet) {
      const read = readRiskRules(sheet.name, sheet.values, Object.keys(customers.numericColumns));
      problems.push(...read.problems);
      management.riskRules = read.rules;
    } else {
      management.riskRules = defaultRiskRules(Object.keys(customers.numericColumns), settings.lang);
      management.writeRiskRules = management.riskRules.length > 0;
    }
  }
  return management;
}

/** The Tier history sheet's rows, when the add-in wrote one (a user's sheet of that name is not read). */
/** The add-in's history sheet: of the current name first, else of an old name ("History"), which the next run migrates. */
export function ownedHistorySheet(index: WorkbookIndex, previous: OwnedState | undefined): WorkbookIndex["sheets"][number] | undefined {
  const owned = new Set((previous?.sheets ?? []).map(headerKey));
  const names = [...HISTORY_SHEETS, ...LEGACY_HISTORY_SHEETS].map(headerKey);
  return names.map((name) => index.sheets.find((s) => headerKey(s.name) === name && owned.has(name))).find(Boolean);
}

export async function readOwnedHistory(
  backend: WorkbookBackend,
  index: WorkbookIndex,
  previous: OwnedState | undefined,
): Promise<HistoryRow[] | undefined> {
  const sheet = ownedHistorySheet(index, previous);
  if (!sheet || !sheet.used) return undefined;
  const box = { top: 0, left: 0, rows: sheet.used.top + sheet.used.rows, columns: sheet.used.left + sheet.used.columns };
  return readHistory(await backend.read(sheet.name, box));
}

async function prepare(
  backend: WorkbookBackend,
  settings: GradeSettings,
  onProgress?: (p: Progress) => void,
  signal?: AbortSignal,
): Promise<Prepared> {
  const empty: Inspection = { ok: false, problems: [], customers: 0, excluded: 0, indicators: [] };
  onProgress?.({ stage: "read", fraction: 0 });
  const index = await backend.index();
  throwIfCancelled(signal);
  const problems: Problem[] = [...settingsProblems(settings)];
  const weightsAt = locateTable(index, "weights", settings.weights);
  const customersAt = locateTable(index, "customers", settings.customers);
  if ("code" in weightsAt) problems.push(weightsAt);
  if ("code" in customersAt) problems.push(customersAt);
  if ("code" in weightsAt || "code" in customersAt) return { inspection: { ...empty, problems } };
  problems.push(...(weightsAt.notes ?? []), ...(customersAt.notes ?? []));

  let previous = await backend.readState();
  const history = await readOwnedHistory(backend, index, previous);
  const weightsBlock: Block = { ...weightsAt, values: await backend.read(weightsAt.sheet, weightsAt.box) };
  throwIfCancelled(signal);
  onProgress?.({ stage: "read", fraction: 0.1 });
  const customersBlock: Block = { ...customersAt, values: await backend.read(customersAt.sheet, customersAt.box) };
  throwIfCancelled(signal);
  // The earlier output columns by identity, where they are now (the state records where they were).
  previous = locateOwnedColumns(customersBlock, previous);
  onProgress?.({ stage: "parse", fraction: 0.3 });

  // PCA weights (pcaWeights.ts): the Weight cells the run may fill are read as placeholders.
  const pcaPrepared = settings.weightsFrom ? preparePcaWeights(weightsBlock, settings.weightsFrom, previous) : undefined;
  if (pcaPrepared) problems.push(...pcaPrepared.problems);
  if (pcaPrepared && pcaPrepared.cells.length > 0 && backend.sharedFormulaStarts) {
    // A Weight cell that other cells copy their formula from (in a file) cannot take a number alone.
    for (const start of await backend.sharedFormulaStarts(weightsBlock.sheet, pcaPrepared.cells)) {
      problems.push(problem("pca-weight-shared-formula", weightsBlock.sheet, cellAddress(start.row, start.column), { range: start.range }));
    }
  }
  const weights = parseWeightTable(pcaPrepared ? pcaPrepared.block : weightsBlock);
  problems.push(...weights.problems);
  const inspection: Inspection = {
    ...empty,
    problems,
    weightsSheet: weightsBlock.sheet,
    customersSheet: customersBlock.sheet,
  };
  if (!weights.weightTable) return { inspection };
  const parsed = parseCustomerTable(customersBlock, weights.weightTable, {
    indicatorCells: weights.indicatorCells,
    weightSheet: weightsBlock.sheet,
    ignoreFromColumn: previous && previous.sheet === customersBlock.sheet ? previous.firstColumn : undefined,
    valueColumn: settings.valueColumn,
  });
  problems.push(...parsed.problems);
  const customers = parsed.customers;
  if (!customers) return { inspection };
  let pcaRun: PcaRun | undefined;
  if (pcaPrepared) {
    const applied = applyPcaWeights(pcaPrepared, weights.weightTable, weights.indicatorCells, customers, settings.lang);
    if ("code" in applied) problems.push(applied);
    else pcaRun = applied;
  }
  // The sheets and columns this run writes, in either language.
  const writes = [
    ...OUTPUT_SHEETS.slice(0, 2),
    ...(settings.period ? HISTORY_SHEETS : []),
    ...(settings.risk ? WATCH_LIST_SHEETS : []),
    ...(settings.weightsFrom ? Object.values(PCA_SHEETS) : []),
  ];
  const hasOverrides = index.sheets.some((sheet) => OVERRIDE_SHEETS.map(headerKey).includes(headerKey(sheet.name)));
  const headers = [
    ...OUTPUT_HEADERS,
    ...(settings.strategy ? STRATEGY_HEADERS : []),
    ...(settings.risk ? RISK_HEADERS : []),
    ...(hasOverrides ? OVERRIDE_HEADERS : []),
    ...(settings.explain ? Object.values(WHY_HEADERS) : []),
  ];
  problems.push(...collisions(customers, index.sheets.map((sheet) => sheet.name), previous, writes, headers));
  problems.push(...outputColumnsFit(customers, previous, headers));
  const management = await readManagement(backend, index, settings, customers, problems);
  inspection.customers = customers.ids.length;

  const valueColumn = resolveValueColumn(customers, settings);
  if (settings.scheme.kind === "pareto" && !valueColumn) {
    const headerRow = customersBlock.box.top + headerRowIndex(customersBlock.values);
    const headerCells = boxAddress({ top: headerRow, left: customersBlock.box.left, rows: 1, columns: customersBlock.box.columns });
    problems.push(problem("value-column-missing", customersBlock.sheet, headerCells, { column: settings.valueColumn ?? "" }));
  }
  if (problems.some((p) => p.severity === "error")) return { inspection };

  throwIfCancelled(signal);
  onProgress?.({ stage: "grade", fraction: 0.4 });
  let result: GradeResult;
  let explanations: (Explanation | null)[] | undefined;
  let explain: (() => (Explanation | null)[]) | undefined;
  let methodDetails: MethodDetails | undefined;
  try {
    const gradeInput: GradeInput = {
      ids: customers.ids,
      indicatorValues: customers.indicatorValues,
      weightTable: weights.weightTable,
      scheme: settings.scheme,
      labels: schemeLabels(settings),
      missing: settings.missing,
      value: valueColumn ? customers.numericColumns[valueColumn] : undefined,
      columns: customers.numericColumns,
    };
    result = grade(gradeInput);
    if (settings.method?.kind === "kmeans") {
      const clustered = clusterTiers(result, customers.indicatorValues, weights.weightTable, settings.method.k, settings.lang, gradeInput.value);
      result = clustered.result;
      methodDetails = clustered.details;
    }
    // The computed grade is explained (an override is a person's decision; its reason is in its own
    // column); clusters are not tiers by score, so they have no gap to explain.
    if (!settings.method) {
      const computed = result;
      let all = settings.explain ? explainGrade(gradeInput, computed) : undefined;
      explanations = all;
      explain = () => (all ??= explainGrade(gradeInput, computed));
    }
  } catch (error) {
    // The parser validates what it can name by cell; what only the method can judge lands here.
    problems.push(problem("cannot-grade", customersBlock.sheet, "", { reason: engineReason(error) }));
    return { inspection };
  }
  const special = await readSpecialGrading(backend, index, settings, customers, result, valueColumn, problems);
  if (special) {
    result = special.result;
    management.overrides = special.overrides;
  }
  if (problems.some((p) => p.severity === "error")) return { inspection };
  const warnings = engineWarningProblems(result.warnings, weightsBlock.sheet, customersBlock.sheet);
  problems.push(...warnings);
  inspection.ok = true;
  inspection.excluded = result.excluded.length;
  const out = outputText(settings.lang);
  inspection.writes = {
    columns: [
      out.score,
      out.rank,
      out.tier,
      ...(management.overrides ? [out.computedTier, out.override] : []),
      ...(settings.strategy ? [out.strategy] : []),
      ...(settings.risk ? [out.risk] : []),
      ...(explanations ? [WHY_HEADERS[settings.lang]] : []),
    ],
    sheets: [
      out.summarySheet,
      ...(settings.risk ? [WATCH_LIST_SHEETS[settings.lang === "zh-CN" ? 1 : 0]] : []),
      ...(settings.period || (history && history.length > 0) ? [out.historySheet] : []),
      ...(management.writeStrategyTable ? [STRATEGY_SHEETS[settings.lang]] : []),
      ...(management.writeRiskRules ? [RISK_SHEETS[settings.lang]] : []),
    ],
  };
  inspection.indicators = weights.weightTable.indicators.map((indicator, i) => ({
    name: indicator.name,
    dimension: indicator.dimension,
    globalWeight: result.weights[i],
    column: indicator.column,
  }));
  return {
    inspection,
    ready: {
      weightTable: weights.weightTable,
      customers,
      result,
      previous,
      weightsRange: `${quoteSheet(weightsBlock.sheet)}!${boxAddress(weightsBlock.box)}`,
      valueColumn,
      warnings,
      weightsBlock,
      weightCells: weights.weightCells,
      history,
      explanations,
      explain,
      method: methodDetails,
      pca: pcaRun,
      ...management,
    },
  };
}

/**
 * What the output columns' cells right of the customer block hold: read for an Excel table or a range
 * the analyst named (their neighbours are not in the block); a sheet's block is its used range, so
 * nothing right of it holds anything.
 */
async function readRightOfBlock(
  backend: WorkbookBackend,
  plan: WritePlan,
  block: Block,
  settings: GradeSettings,
): Promise<{ box: Box; values: CellValue[][] } | undefined> {
  const box = outputBox(plan);
  if (!box || (!block.table && !(settings.customers ?? "").includes("!"))) return undefined;
  const left = Math.max(box.left, block.box.left + block.box.columns);
  if (left >= box.left + box.columns) return undefined;
  const right: Box = { top: box.top, left, rows: box.rows, columns: box.left + box.columns - left };
  return { box: right, values: await backend.read(block.sheet, right) };
}

/**
 * Reads and checks the workbook without writing anything: customers, indicators with their global
 * weights, warnings and every problem with its cell.
 */
export async function inspectWorkbook(
  backend: WorkbookBackend,
  settings: GradeSettings,
  onProgress?: (p: Progress) => void,
  signal?: AbortSignal,
): Promise<Inspection> {
  const source = await fromOrders(backend, settings);
  if ("inspection" in source) return source.inspection;
  const found =
    source.settings.method?.kind === "rfm"
      ? (await prepareRfm(source.backend, source.settings, source.settings.method, onProgress, signal)).inspection
      : (await prepare(source.backend, source.settings, onProgress, signal)).inspection;
  return withOrders(found, source);
}

type Source = { backend: WorkbookBackend; settings: GradeSettings; orders?: { sheet: string; orders: number; customers: number; problems: Problem[] } };

/**
 * With settings.orders: the workbook as it will be once the Orders table is aggregated into the Customer
 * indicators sheet (plannedWorkbook: nothing written yet) and the settings that grade that sheet; the
 * inspection to show instead when the Orders table has problems. Without: the workbook and settings as given.
 */
async function fromOrders(backend: WorkbookBackend, settings: GradeSettings): Promise<Source | { inspection: Inspection }> {
  if (!settings.orders) return { backend, settings };
  const made = await planOrderIndicators(backend, { orders: settings.orders.table, customers: settings.customers, asOf: settings.orders.asOf, lang: settings.lang });
  if (!made.plan || !made.sheet || made.problems.some((p) => p.severity === "error")) {
    return { inspection: { ok: false, problems: made.problems, customers: 0, excluded: 0, indicators: [] } };
  }
  return {
    backend: plannedWorkbook(backend, made.plan),
    settings: { ...settings, customers: made.sheet },
    orders: { sheet: made.sheet, orders: made.orders, customers: made.customers, problems: made.problems },
  };
}

/** The inspection of a run from orders: the Orders table's warnings first, its sheet among the writes. */
function withOrders(inspection: Inspection, source: Source): Inspection {
  const orders = source.orders;
  if (!orders) return inspection;
  return {
    ...inspection,
    problems: [...orders.problems, ...inspection.problems],
    orders: { orders: orders.orders, customers: orders.customers },
    writes: inspection.writes && { ...inspection.writes, sheets: [orders.sheet, ...inspection.writes.sheets] },
  };
}

/**
 * Grades the workbook and writes the result through the backend. Writes nothing when the workbook has
 * problems (ok: false) or when the signal aborts before writing (throws an AbortError).
 */
export async function gradeWorkbook(
  given: WorkbookBackend,
  givenSettings: GradeSettings,
  onProgress?: (p: Progress) => void,
  signal?: AbortSignal,
): Promise<GradeOutcome> {
  const source = await fromOrders(given, givenSettings);
  if ("inspection" in source) return { ok: false, inspection: source.inspection };
  const outcome = await gradeSource(source.backend, source.settings, onProgress, signal);
  return { ...outcome, inspection: withOrders(outcome.inspection, source) };
}

async function gradeSource(
  backend: WorkbookBackend,
  settings: GradeSettings,
  onProgress?: (p: Progress) => void,
  signal?: AbortSignal,
): Promise<GradeOutcome> {
  if (settings.method?.kind === "rfm" && settings.weightsFrom) {
    return { ok: false, inspection: { ok: false, problems: [problem("pca-not-for-rfm", "", "")], customers: 0, excluded: 0, indicators: [] } };
  }
  if (settings.method?.kind === "rfm") return gradeByRfm(backend, settings, settings.method, onProgress, signal);
  const { inspection, ready } = await prepare(backend, settings, onProgress, signal);
  if (!ready) return { ok: false, inspection };
  onProgress?.({ stage: "plan", fraction: 0.5 });
  // A method's tiers are no formula of the score: its runs are written as values.
  const plan = planGrading({ ...ready, settings: settings.method ? { ...settings, mode: "values" } : settings });
  planPcaWeights(plan, ready.pca, ready.weightsBlock.sheet, ready.previous, settings.lang);
  if (ready.method && settings.method?.kind === "kmeans") decorateClusterPlan(plan, ready.method, ready.weightTable, settings.lang, settings.method.k === "auto");
  // The planner decides collisions for every output cell; the executors only carry the plan out.
  const clashes = outputProblems(plan, ready.customers.block, await readRightOfBlock(backend, plan, ready.customers.block, settings));
  if (clashes.length > 0) {
    inspection.problems.push(...clashes);
    return { ok: false, inspection: { ...inspection, ok: false } };
  }
  throwIfCancelled(signal);
  onProgress?.({ stage: "write", fraction: 0.55 });
  await backend.execute(plan, onProgress, signal);
  onProgress?.({ stage: "done", fraction: 1 });
  return { ok: true, inspection, result: ready.result, customers: ready.customers, plan, explanations: ready.explanations, explain: ready.explain, method: ready.method, pca: ready.pca };
}

/** The rfm scheme's run (methodRun.ts): its own reading (no weight table), then the same write. */
async function gradeByRfm(
  backend: WorkbookBackend,
  settings: GradeSettings,
  method: Extract<NonNullable<GradeSettings["method"]>, { kind: "rfm" }>,
  onProgress?: (p: Progress) => void,
  signal?: AbortSignal,
): Promise<GradeOutcome> {
  const { inspection, run } = await prepareRfm(backend, settings, method, onProgress, signal);
  if (!run) return { ok: false, inspection };
  onProgress?.({ stage: "write", fraction: 0.55 });
  await backend.execute(run.plan, onProgress, signal);
  onProgress?.({ stage: "done", fraction: 1 });
  return { ok: true, inspection, result: run.result, customers: run.customers, plan: run.plan, method: run.details };
}

/** The rfm run up to its plan, collisions checked: the inspection, and the run when it may be written. */
async function prepareRfm(
  backend: WorkbookBackend,
  settings: GradeSettings,
  method: Extract<NonNullable<GradeSettings["method"]>, { kind: "rfm" }>,
  onProgress?: (p: Progress) => void,
  signal?: AbortSignal,
): Promise<{ inspection: Inspection; run?: Extract<Awaited<ReturnType<typeof gradeRfm>>, { ok: true }> }> {
  const run = await gradeRfm(backend, settings, method, onProgress);
  throwIfCancelled(signal);
  const inspection: Inspection = {
    ok: run.ok,
    problems: run.problems,
    customers: run.ok ? run.customers.ids.length : run.customers,
    excluded: run.ok ? run.result.excluded.length : 0,
    indicators: run.ok ? run.weightTable.indicators.map((ind, i) => ({ name: ind.name, globalWeight: run.result.weights[i], column: ind.column })) : [],
    customersSheet: run.ok ? run.customers.block.sheet : run.customersSheet,
  };
  if (!run.ok) return { inspection };
  // The same rule as every run: the planner decides collisions for every output cell.
  const clashes = outputProblems(run.plan, run.customers.block, await readRightOfBlock(backend, run.plan, run.customers.block, settings));
  if (clashes.length > 0) return { inspection: { ...inspection, ok: false, problems: [...inspection.problems, ...clashes] } };
  inspection.writes = { columns: run.plan.columns?.columns.map((c) => c.header) ?? [], sheets: run.plan.sheets.map((s) => s.name) };
  return { inspection, run };
}
