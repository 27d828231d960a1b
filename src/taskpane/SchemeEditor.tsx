// The tier scheme: shares with editable percentages, Pareto cut-offs with a value column, score
// cut-offs, or an ordered list of rules.

import * as React from "react";
import { Button, Dropdown, Field, Input, Option, makeStyles, tokens } from "@fluentui/react-components";
import type { Comparison, TierScheme } from "../engine/types";
import type { Strings } from "./strings";

const useStyles = makeStyles({
  row: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "end", flexWrap: "wrap" },
  narrow: { width: "7em" },
  stack: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
});

export type SchemeKind = TierScheme["kind"];

/** A scheme of `kind` for `labels` with the method's defaults (20/30/50, 80/95, 85/70/50). */
export function defaultScheme(kind: SchemeKind, labels: string[]): TierScheme {
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
      return { kind, rules: [{ label: labels[0] ?? "A", conditions: [{ column: "", op: ">", value: 0 }] }], otherwise: labels[n - 1] ?? "C" };
  }
}

const OPERATORS: Comparison[] = [">", ">=", "<", "<=", "=", "<>"];

function percent(x: number): string {
  return String(Math.round(x * 10000) / 100);
}

export interface SchemeEditorProps {
  scheme: TierScheme;
  labels: string[];
  valueColumn: string;
  text: Strings;
  onScheme(scheme: TierScheme): void;
  onValueColumn(column: string): void;
}

export function SchemeEditor({ scheme, labels, valueColumn, text, onScheme, onValueColumn }: SchemeEditorProps) {
  const styles = useStyles();
  if (scheme.kind === "shares") {
    const sum = scheme.shares.reduce((a, b) => a + b, 0);
    const off = Math.abs(sum - 1) > 1e-9;
    return (
      <div className={styles.row}>
        {scheme.shares.map((share, i) => (
          <Field key={i} label={text.shareOf(labels[i] ?? String(i + 1))} validationState={off ? "error" : "none"}>
            <Input
              className={styles.narrow}
              type="number"
              value={percent(share)}
              onChange={(_, d) => onScheme({ kind: "shares", shares: scheme.shares.map((s, j) => (j === i ? Number(d.value) / 100 : s)) })}
            />
          </Field>
        ))}
        {off && <Field validationState="error" validationMessage={text.sharesSum(percent(sum))} />}
      </div>
    );
  }
  if (scheme.kind === "pareto" || scheme.kind === "cutoffs") {
    const isPareto = scheme.kind === "pareto";
    return (
      <div className={styles.stack}>
        <div className={styles.row}>
          {scheme.cutoffs.map((cutoff, i) => (
            <Field key={i} label={isPareto ? text.cutoffOf(labels[i] ?? String(i + 1)) : text.minimumScore(labels[i] ?? String(i + 1))}>
              <Input
                className={styles.narrow}
                type="number"
                value={isPareto ? percent(cutoff) : String(cutoff)}
                onChange={(_, d) => {
                  const v = isPareto ? Number(d.value) / 100 : Number(d.value);
                  onScheme({ kind: scheme.kind, cutoffs: scheme.cutoffs.map((c, j) => (j === i ? v : c)) } as TierScheme);
                }}
              />
            </Field>
          ))}
        </div>
        {isPareto && (
          <Field label={text.valueColumn} hint={text.valueColumnHint}>
            <Input value={valueColumn} onChange={(_, d) => onValueColumn(d.value)} />
          </Field>
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
          <div className={styles.row} key={i} role="group" aria-label={`${text.rules} ${i + 1}`}>
            <Field label={text.ruleLabel}>
              <Input className={styles.narrow} value={rule.label} onChange={(_, d) => update(i, (r) => ({ ...r, label: d.value }))} />
            </Field>
            <Field label={text.ruleColumn}>
              <Input value={condition.column} onChange={(_, d) => setCondition({ column: d.value })} />
            </Field>
            <Field label={text.ruleOperator}>
              <Dropdown
                className={styles.narrow}
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
            <Field label={text.ruleValue}>
              <Input className={styles.narrow} type="number" value={String(condition.value)} onChange={(_, d) => setCondition({ value: Number(d.value) })} />
            </Field>
            <Button aria-label={text.removeRule(i + 1)} onClick={() => onScheme({ ...scheme, rules: rules.filter((_, j) => j !== i) })}>
              ×
            </Button>
          </div>
        );
      })}
      <div className={styles.row}>
        <Button onClick={() => onScheme({ ...scheme, rules: [...rules, { label: "", conditions: [{ column: "", op: ">", value: 0 }] }] })}>
          {text.addRule}
        </Button>
        <Field label={text.otherwise}>
          <Input className={styles.narrow} value={scheme.otherwise} onChange={(_, d) => onScheme({ ...scheme, otherwise: d.value })} />
        </Field>
      </div>
    </div>
  );
}
