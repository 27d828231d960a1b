// The command line's arguments, checked before any file is opened: a mistake here is bad usage (exit 2).

import type { MissingPolicy, TierScheme } from "../engine/types";
import type { Lang } from "../workbook/types";
import type { CliText } from "./cliText";
import { parseOptions } from "./options";

export interface GradeOptions {
  workbook: string;
  out?: string;
  weights?: string;
  customers?: string;
  scheme: TierScheme;
  labels: string[];
  value?: string;
  missing: MissingPolicy;
  formulas: boolean;
  period?: string;
  json?: string;
  lang?: Lang;
  /** --strategy: write the Strategy column; --growth <column>[:threshold] says how potential is judged. */
  strategy?: { growthColumn?: string; threshold?: number };
  /** --risk: write the Risk column and the Watch list. */
  risk: boolean;
  /** --explain: write the Why column and put contributions and the gap to the next tier in the JSON. */
  explain: boolean;
  /** --orders: grade the customers of an Orders table (aggregated into a Customer indicators sheet). */
  orders?: string;
  /** --as-of yyyy-mm-dd: the analysis date of --orders, as an Excel serial day (default: today). */
  asOf?: number;
  /** --scheme rfm | kmeans:4 | kmeans:auto: tiers by a method instead of a tier scheme. */
  method?: MethodOption;
  /** --weights-from pca[:replace]: fill the weight table's Weight column from principal components. */
  weightsFrom?: { method: "pca"; replace: boolean };
}

/** The methods of issue 16 that decide tiers themselves. */
export type MethodOption =
  | { kind: "rfm"; bins: number; columns?: [string, string, string] }
  | { kind: "kmeans"; k: number | "auto" };

/**
 * A method from its --scheme form, or undefined when the text names none.
 *
 * @example parseMethod("rfm", 5)         // { kind: "rfm", bins: 5 }
 * @example parseMethod("kmeans:4", 5)    // { kind: "kmeans", k: 4 }
 * @example parseMethod("kmeans:auto", 5) // { kind: "kmeans", k: "auto" }
 * @example parseMethod("kmeans:1", 5)    // undefined (k is 2 or more)
 */
export function parseMethod(text: string, bins: number): MethodOption | "bad" | undefined {
  const t = text.trim().toLowerCase();
  if (t === "rfm") return { kind: "rfm", bins };
  const m = /^kmeans\s*[:=]\s*(auto|\d+)$/.exec(t);
  if (!m) return t.startsWith("kmeans") ? "bad" : undefined;
  if (m[1] === "auto") return { kind: "kmeans", k: "auto" };
  const k = Number(m[1]);
  return k >= 2 && k <= 20 ? { kind: "kmeans", k } : "bad";
}

/**
 * A yyyy-mm-dd date as an Excel serial day (1900 system), or undefined when it is not a real date.
 *
 * @example asOfSerial("2006-12-31") // 39082
 * @example asOfSerial("2006-02-30") // undefined
 */
export function asOfSerial(text: string): number | undefined {
  const m = /^\s*(\d{4})-(\d{1,2})-(\d{1,2})\s*$/.exec(text);
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d || y < 1900) return undefined;
  return Math.round((date.getTime() - Date.UTC(1899, 11, 30)) / 86400000);
}

export type ParsedCommand =
  | { kind: "help" }
  | { kind: "grade"; options: GradeOptions }
  | { kind: "usage"; message: (text: CliText) => string };

/** The options of `tiers grade`: those with a value, and the flags. */
const GRADE_OPTIONS = {
  out: "string",
  weights: "string",
  customers: "string",
  scheme: "string",
  labels: "string",
  value: "string",
  missing: "string",
  period: "string",
  json: "string",
  lang: "string",
  growth: "string",
  orders: "string",
  "as-of": "string",
  bins: "string",
  "rfm-columns": "string",
  "weights-from": "string",
  formulas: "boolean",
  strategy: "boolean",
  risk: "boolean",
  explain: "boolean",
} as const;

/**
 * A tier scheme from its command-line form: shares and pareto in percent, cutoffs in score points.
 * Returns undefined when the text is not one (the caller reports bad usage).
 *
 * @example
 * parseScheme("shares:20,30,50") // { kind: "shares", shares: [0.2, 0.3, 0.5] }
 * parseScheme("pareto:80,95")    // { kind: "pareto", cutoffs: [0.8, 0.95] }
 * parseScheme("cutoffs:85,70,50") // { kind: "cutoffs", cutoffs: [85, 70, 50] }
 * parseScheme("shares:20,30")    // undefined (does not add up to 100)
 */
export function parseScheme(text: string): TierScheme | undefined {
  const match = /^\s*(shares|pareto|cutoffs)\s*[:=]\s*(.+)$/i.exec(text);
  if (!match) return undefined;
  const numbers = match[2].split(/[,，;]/).map((part) => Number(part.trim().replace(/%$/, "")));
  if (numbers.length === 0 || numbers.some((n) => !Number.isFinite(n))) return undefined;
  const kind = match[1].toLowerCase();
  if (kind === "shares") {
    const sum = numbers.reduce((s, n) => s + n, 0);
    if (numbers.some((n) => n <= 0) || Math.abs(sum - 100) > 1e-9) return undefined;
    return { kind: "shares", shares: numbers.map((n) => n / 100) };
  }
  const ascending = numbers.every((n, i) => i === 0 || n > numbers[i - 1]);
  const descending = numbers.every((n, i) => i === 0 || n < numbers[i - 1]);
  if (kind === "pareto") {
    if (!ascending || numbers.some((n) => n <= 0 || n >= 100)) return undefined;
    return { kind: "pareto", cutoffs: numbers.map((n) => n / 100) };
  }
  if (!descending) return undefined;
  return { kind: "cutoffs", cutoffs: numbers };
}

/** How many labels a scheme needs. */
function labelsNeeded(scheme: TierScheme): number {
  return scheme.kind === "shares" ? scheme.shares.length : scheme.kind === "rules" ? scheme.rules.length + 1 : scheme.cutoffs.length + 1;
}

/** A, B, C, ... as many as needed. */
function letters(count: number): string[] {
  return Array.from({ length: count }, (_, i) => String.fromCharCode(65 + i));
}

/** The longest tier label: a cell holds 32,767 characters, but a label is also a sheet and file word. */
export const MAX_LABEL_LENGTH = 255;

/**
 * Why tier labels cannot be used, or undefined: each must be non-blank, at most 255 characters, and
 * different from the others (compared as Excel compares text: case- and width-insensitively), or a
 * customer's tier could not be told from another's.
 *
 * @example
 * checkLabels(["A", "B", "C"])  // undefined
 * checkLabels(["A", "a", "C"])  // (t) => t.duplicateLabel("a", "A")
 */
export function checkLabels(labels: string[]): ((text: CliText) => string) | undefined {
  const seen = new Map<string, string>();
  for (const label of labels) {
    if (label === "") return (t) => t.blankLabel;
    if (label.length > MAX_LABEL_LENGTH) return (t) => t.longLabel(label.length, MAX_LABEL_LENGTH);
    const key = label.normalize("NFKC").toLowerCase();
    const first = seen.get(key);
    if (first !== undefined) return (t) => t.duplicateLabel(label, first);
    seen.set(key, label);
  }
  return undefined;
}

/**
 * What the command line was asked to do. `grade` needs exactly one workbook; options may come as
 * "--out x" or "--out=x".
 *
 * @example
 * parseCommand(["grade", "book.xlsx", "--scheme", "cutoffs:85,70,50"])
 * // { kind: "grade", options: { workbook: "book.xlsx", labels: ["A", "B", "C", "D"], ... } }
 * parseCommand(["rank", "book.xlsx"]) // { kind: "usage", ... } (migrate, share and split are routed before this)
 */
export function parseCommand(argv: string[]): ParsedCommand {
  if (argv.length === 0) return { kind: "usage", message: (t) => t.noCommand };
  if (argv.some((arg) => arg === "--help" || arg === "-h") || argv[0] === "help") return { kind: "help" };
  const [command, ...rest] = argv;
  if (command !== "grade") return { kind: "usage", message: (t) => t.unknownCommand(command) };

  const parsed = parseOptions(rest, GRADE_OPTIONS);
  if (!parsed.ok) return { kind: "usage", message: parsed.message };
  const { values, positional } = parsed;
  const { formulas = false, strategy = false, risk = false, explain = false } = values;
  if (positional.length === 0) return { kind: "usage", message: (t) => t.noWorkbook };
  if (positional.length > 1) return { kind: "usage", message: (t) => t.extraArgument(positional[1]) };

  const lang = values.lang;
  if (lang !== undefined && lang !== "zh-CN" && lang !== "en-US") return { kind: "usage", message: (t) => t.badLang(lang) };
  const schemeText = values.scheme ?? "shares:20,30,50";
  const binsText = values.bins;
  const bins = binsText === undefined ? 5 : Number(binsText);
  if (!Number.isInteger(bins) || bins < 2 || bins > 9) return { kind: "usage", message: (t) => t.badBins(binsText ?? "") };
  const method = parseMethod(schemeText, bins);
  if (method === "bad") return { kind: "usage", message: (t) => t.badScheme(schemeText) };
  const rfmColumns = values["rfm-columns"]?.split(/[,，]/).map((c) => c.trim());
  if (rfmColumns !== undefined && (rfmColumns.length !== 3 || rfmColumns.some((c) => c === ""))) {
    return { kind: "usage", message: (t) => t.badRfmColumns(values["rfm-columns"]) };
  }
  if (method?.kind === "rfm" && rfmColumns) method.columns = rfmColumns as [string, string, string];
  if ((rfmColumns || binsText !== undefined) && method?.kind !== "rfm") return { kind: "usage", message: (t) => t.rfmOnly };
  const asOfText = values["as-of"];
  const asOf = asOfText === undefined ? undefined : asOfSerial(asOfText);
  if (asOfText !== undefined && asOf === undefined) return { kind: "usage", message: (t) => t.badAsOf(asOfText) };
  if (asOfText !== undefined && values.orders === undefined) return { kind: "usage", message: (t) => t.asOfNeedsOrders };
  // A method decides tiers itself; the shares scheme is only its score's placeholder.
  const scheme = method ? parseScheme("shares:20,30,50") : parseScheme(schemeText);
  if (!scheme) return { kind: "usage", message: (t) => t.badScheme(schemeText) };
  if (method && values.labels !== undefined) return { kind: "usage", message: (t) => t.methodLabels };
  if (method && explain) return { kind: "usage", message: (t) => t.explainMethod };
  const needed = labelsNeeded(scheme);
  const labels = values.labels !== undefined ? values.labels.split(/[,，]/).map((l) => l.trim()) : letters(needed);
  if (labels.length !== needed) return { kind: "usage", message: (t) => t.badLabels(needed, labels.length) };
  const labelProblem = checkLabels(labels);
  if (labelProblem) return { kind: "usage", message: labelProblem };
  const weightsFromText = values["weights-from"];
  const weightsFromMatch = weightsFromText === undefined ? undefined : /^\s*pca\s*(?::\s*(replace)\s*)?$/i.exec(weightsFromText);
  if (weightsFromText !== undefined && !weightsFromMatch) return { kind: "usage", message: (t) => t.badWeightsFrom(weightsFromText) };
  if (weightsFromMatch && method?.kind === "rfm") return { kind: "usage", message: (t) => t.weightsFromRfm };
  const missing = values.missing ?? "exclude";
  if (missing !== "exclude" && missing !== "zero") return { kind: "usage", message: (t) => t.badMissing(missing) };
  const growth = values.growth;
  const growthMatch = growth === undefined ? undefined : /^(.+?)(?::\s*(-?[\d.]+)\s*(%?))?$/.exec(growth);
  if (growth !== undefined && !growthMatch) return { kind: "usage", message: (t) => t.missingValue("--growth") };
  const threshold = growthMatch?.[2] === undefined ? undefined : Number(growthMatch[2]) / (growthMatch[3] ? 100 : 1);

  return {
    kind: "grade",
    options: {
      workbook: positional[0],
      out: values.out,
      weights: values.weights,
      customers: values.customers,
      scheme,
      labels,
      value: values.value,
      missing,
      formulas,
      period: values.period,
      json: values.json,
      lang: lang as Lang | undefined,
      strategy: strategy || growth !== undefined ? { growthColumn: growthMatch?.[1]?.trim(), threshold } : undefined,
      risk,
      explain,
      orders: values.orders,
      asOf,
      method: method ?? undefined,
      weightsFrom: weightsFromMatch ? { method: "pca", replace: weightsFromMatch[1] !== undefined } : undefined,
    },
  };
}
