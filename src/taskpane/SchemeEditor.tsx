// The tier scheme: shares with editable percentages, Pareto cut-offs with a value column, score
// cut-offs, or an ordered list of rules (one card per rule). Columns are picked from the customer
// table's headers, never typed; mistakes are said next to the field that has them.

import * as React from "react";
import { Button, Dropdown, Field, Input, Option, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { Comparison, TierScheme } from "../engine/types";
import type { Strings } from "./strings";

const useStyles = makeStyles({
  row: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "end", flexWrap: "wrap" },
  cell: { flex: "1 1 5em", minWidth: 0 },
  fill: { minWidth: 0, width: "100%" },
  narrow: { width: "100%", minWidth: 0 },
  stack: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  card: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalS,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  cardHead: { display: "flex", justifyContent: "space-between", alignItems: "center" },
});

export type SchemeKind = TierScheme["kind"];

/** A scheme of `kind` for `labels` with the method's defaults (20/30/50, 80/95, 85/70/50); a rule starts on `column`. */
export function defaultScheme(kind: SchemeKind, labels: string[], column = ""): TierScheme {
  const n = Math.max(1, labels.length);
  switch (kind) {
    case "shares": {
      const preset = n === 3 ? [0.2, 0.3, 0.5] : Array.from({ length: n }, () => 1 / n);
      return { kind, shares: preset };
    }
    case "pareto":
      return { kind, cutoffs: n === 3 ? [0.8, 0.95] : Array.from({ length: n - 1 }, (_, i) => (i + 1) / n) };
    case "cutoffs":
      return { kind, cutoffs: n === 3 ? [85, 70] : n === 4 ? [85, 70, 50] : Array.from({ length: n - 1 }, (_, i) => 100 - (100 * (i + 1)) / n) };
    case "rules":
      return { kind, rules: [{ label: labels[0] ?? "A", conditions: [{ column, op: ">", value: 0 }] }], otherwise: labels[n - 1] ?? "C" };
  }
}

const OPERATORS: Comparison[] = [">", ">=", "<", "<=", "=", "<>"];

function percent(x: number): string {
  return String(Math.round(x * 10000) / 100);
}

/** Score cut-offs fall tier by tier; Pareto's cumulative shares rise and stay below 100 %. */
export function cutoffsInOrder(scheme: TierScheme): boolean {
  if (scheme.kind === "cutoffs") return scheme.cutoffs.every((c, i) => Number.isFinite(c) && (i === 0 || c < scheme.cutoffs[i - 1]));
  if (scheme.kind === "pareto") return scheme.cutoffs.every((c, i) => Number.isFinite(c) && c > 0 && c < 1 && (i === 0 || c > scheme.cutoffs[i - 1]));
  return true;
}

/** True when the editor itself says what is wrong with the scheme (shares off 100 %, cut-offs out of order). */
export function schemeMistake(scheme: TierScheme): boolean {
  if (scheme.kind === "shares") return Math.abs(scheme.shares.reduce((a, b) => a + b, 0) - 1) > 1e-9;
  return !cutoffsInOrder(scheme);
}

export interface SchemeEditorProps {
  scheme: TierScheme;
  labels: string[];
  valueColumn: string;
  /** The customer table's headers. */
  columns: string[];
  text: Strings;
  disabled?: boolean;
  /** A problem with the value column, said under it. */
  valueProblem?: string;
  onScheme(scheme: TierScheme): void;
  onValueColumn(column: string): void;
}

/** A dropdown of the customer table's headers; `auto` is the option for "found by name" when given. */
export function ColumnPicker({ label, value, columns, auto, text, disabled, problem, hint, onPick }: {
  label: string;
  value: string;
  columns: string[];
  auto?: string;
  text: Strings;
  disabled?: boolean;
  problem?: string;
  hint?: string;
  onPick(column: string): void;
}) {
  const styles = useStyles();
  const options = value && !columns.includes(value) ? [value, ...columns] : columns;
  return (
    <Field label={label} hint={hint} validationState={problem ? "error" : "none"} validationMessage={problem}>
      <Dropdown
        className={styles.fill}
        disabled={disabled}
        placeholder={text.pickColumn}
        value={value || auto || ""}
        selectedOptions={[value]}
        onOptionSelect={(_, d) => onPick(d.optionValue ?? "")}
      >
        {auto !== undefined && <Option value="">{auto}</Option>}
        {options.map((column) => (
          <Option key={column} value={column}>
            {column}
          </Option>
        ))}
      </Dropdown>
    </Field>
  );
}

export function SchemeEditor({ scheme, labels, valueColumn, columns, text, disabled, valueProblem, onScheme, onValueColumn }: SchemeEditorProps) {
  const styles = useStyles();
  if (scheme.kind === "shares") {
    const sum = scheme.shares.reduce((a, b) => a + b, 0);
    const off = Math.abs(sum - 1) > 1e-9;
    return (
      <div className={styles.stack}>
        <div className={styles.row}>
          {scheme.shares.map((share, i) => (
            <Field key={i} className={styles.cell} label={text.shareOf(labels[i] ?? String(i + 1))} validationState={off ? "error" : "none"}>
              <Input
                className={styles.narrow}
                type="number"
                disabled={disabled}
                value={percent(share)}
                onChange={(_, d) => onScheme({ kind: "shares", shares: scheme.shares.map((s, j) => (j === i ? Number(d.value) / 100 : s)) })}
              />
            </Field>
          ))}
        </div>
        {off && <Field validationState="error" validationMessage={text.sharesSum(percent(sum))} />}
      </div>
    );
  }
  if (scheme.kind === "pareto" || scheme.kind === "cutoffs") {
    const isPareto = scheme.kind === "pareto";
    const ordered = cutoffsInOrder(scheme);
    return (
      <div className={styles.stack}>
        <div className={styles.row}>
          {scheme.cutoffs.map((cutoff, i) => (
            <Field key={i} className={styles.cell} validationState={ordered ? "none" : "error"} label={isPareto ? text.cutoffOf(labels[i] ?? String(i + 1)) : text.minimumScore(labels[i] ?? String(i + 1))}>
              <Input
                className={styles.narrow}
                type="number"
                disabled={disabled}
                value={isPareto ? percent(cutoff) : String(cutoff)}
                onChange={(_, d) => {
                  const v = isPareto ? Number(d.value) / 100 : Number(d.value);
                  onScheme({ kind: scheme.kind, cutoffs: scheme.cutoffs.map((c, j) => (j === i ? v : c)) } as TierScheme);
                }}
              />
            </Field>
          ))}
        </div>
        {!ordered && <Field validationState="error" validationMessage={isPareto ? text.paretoOrder : text.cutoffsOrder} />}
        {isPareto && (
          <ColumnPicker
            label={text.valueColumn}
            value={valueColumn}
            columns={columns}
            auto={text.valueAuto}
            text={text}
            disabled={disabled}
            problem={valueProblem}
            onPick={onValueColumn}
          />
        )}
      </div>
    );
  }
  const rules = scheme.rules;
  const update = (i: number, change: (rule: (typeof rules)[number]) => (typeof rules)[number]) =>
    onScheme({ ...scheme, rules: rules.map((r, j) => (j === i ? change(r) : r)) });
  return (
    <div className={styles.stack}>
      {rules.map((rule, i) => {
        const condition = rule.conditions[0] ?? { column: "", op: ">" as Comparison, value: 0 };
        const setCondition = (c: Partial<typeof condition>) => update(i, (r) => ({ ...r, conditions: [{ ...condition, ...c }] }));
        return (
          <div className={styles.card} key={i} role="group" aria-label={text.ruleCard(i + 1)}>
            <div className={styles.cardHead}>
              <Text weight="semibold">{text.ruleCard(i + 1)}</Text>
              <Button size="small" appearance="subtle" disabled={disabled} aria-label={text.removeRule(i + 1)} onClick={() => onScheme({ ...scheme, rules: rules.filter((_, j) => j !== i) })}>
                ×
              </Button>
            </div>
            <Field label={text.ruleLabel}>
              <Input className={styles.narrow} disabled={disabled} value={rule.label} onChange={(_, d) => update(i, (r) => ({ ...r, label: d.value }))} />
            </Field>
            <ColumnPicker label={text.ruleColumn} value={condition.column} columns={columns} text={text} disabled={disabled} onPick={(column) => setCondition({ column })} />
            <div className={styles.row}>
              <Field className={styles.cell} label={text.ruleOperator}>
                <Dropdown
                  className={styles.narrow}
                  disabled={disabled}
                  value={condition.op}
                  selectedOptions={[condition.op]}
                  onOptionSelect={(_, d) => setCondition({ op: d.optionValue as Comparison })}
                >
                  {OPERATORS.map((op) => (
                    <Option key={op} value={op}>
                      {op}
                    </Option>
                  ))}
                </Dropdown>
              </Field>
              <Field className={styles.cell} label={text.ruleValue}>
                <Input className={styles.narrow} disabled={disabled} type="number" value={String(condition.value)} onChange={(_, d) => setCondition({ value: Number(d.value) })} />
              </Field>
            </div>
          </div>
        );
      })}
      <Button disabled={disabled} onClick={() => onScheme({ ...scheme, rules: [...rules, { label: "", conditions: [{ column: columns[0] ?? "", op: ">", value: 0 }] }] })}>
        {text.addRule}
      </Button>
      <Field label={text.otherwise}>
        <Input className={styles.narrow} disabled={disabled} value={scheme.otherwise} onChange={(_, d) => onScheme({ ...scheme, otherwise: d.value })} />
      </Field>
    </div>
  );
}
