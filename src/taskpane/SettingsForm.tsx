// The run's settings: which tables, the tier scheme, the labels, blanks, the period, strategy and
// risk, and the output mode.

import * as React from "react";
import { Checkbox, Dropdown, Field, Input, Option, Radio, RadioGroup, makeStyles, tokens } from "@fluentui/react-components";
import type { GradeSettings } from "../workbook/run";
import type { Lang, WorkbookIndex } from "../workbook/types";
import { SchemeEditor, defaultScheme, type SchemeKind } from "./SchemeEditor";
import { LABEL_PRESETS, type Strings } from "./strings";

const useStyles = makeStyles({
  form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
});

export interface SettingsFormProps {
  settings: GradeSettings;
  index?: WorkbookIndex;
  lang: Lang;
  text: Strings;
  disabled?: boolean;
  onChange(settings: GradeSettings): void;
}

const CONVENTION = "";

/** Tables first, then sheets that are not already a table's name. */
function sources(index?: WorkbookIndex): string[] {
  if (!index) return [];
  const tables = index.tables.map((t) => t.name);
  return [...tables, ...index.sheets.map((s) => s.name).filter((s) => !tables.includes(s))];
}

export function SettingsForm({ settings, index, lang, text, disabled, onChange }: SettingsFormProps) {
  const styles = useStyles();
  const set = (change: Partial<GradeSettings>) => onChange({ ...settings, ...change });
  const names = sources(index);
  const presets = LABEL_PRESETS[lang];
  const labelsText = settings.labels.join(", ");
  const setLabels = (labels: string[]) =>
    set({ labels, scheme: settings.scheme.kind === "rules" ? settings.scheme : defaultScheme(settings.scheme.kind, labels) });
  const schemeNames: Record<SchemeKind, string> = {
    shares: text.schemeShares,
    pareto: text.schemePareto,
    cutoffs: text.schemeCutoffs,
    rules: text.schemeRules,
  };

  const tablePicker = (label: string, value: string | undefined, key: "weights" | "customers") => (
    <Field label={label}>
      <Dropdown
        disabled={disabled}
        value={value || text.byConvention}
        selectedOptions={[value ?? CONVENTION]}
        onOptionSelect={(_, d) => set({ [key]: d.optionValue || undefined })}
      >
        <Option value={CONVENTION}>{text.byConvention}</Option>
        {names.map((name) => (
          <Option key={name} value={name}>
            {name}
          </Option>
        ))}
      </Dropdown>
    </Field>
  );

  return (
    <div className={styles.form}>
      {tablePicker(text.weightsTable, settings.weights, "weights")}
      {tablePicker(text.customersTable, settings.customers, "customers")}
      <Field label={text.scheme}>
        <Dropdown
          disabled={disabled}
          value={schemeNames[settings.scheme.kind]}
          selectedOptions={[settings.scheme.kind]}
          onOptionSelect={(_, d) => set({ scheme: defaultScheme(d.optionValue as SchemeKind, settings.labels) })}
        >
          {(Object.keys(schemeNames) as SchemeKind[]).map((kind) => (
            <Option key={kind} value={kind}>
              {schemeNames[kind]}
            </Option>
          ))}
        </Dropdown>
      </Field>
      <SchemeEditor
        scheme={settings.scheme}
        labels={settings.labels}
        valueColumn={settings.valueColumn ?? ""}
        text={text}
        onScheme={(scheme) => set({ scheme })}
        onValueColumn={(column) => set({ valueColumn: column || undefined })}
      />
      {settings.scheme.kind !== "rules" && (
        <>
          <Field label={text.labels}>
            <Dropdown
              disabled={disabled}
              value={labelsText}
              selectedOptions={[labelsText]}
              onOptionSelect={(_, d) => setLabels((d.optionValue ?? "").split(", "))}
            >
              {presets.map((preset) => (
                <Option key={preset.join(", ")} value={preset.join(", ")}>
                  {preset.join(" / ")}
                </Option>
              ))}
            </Dropdown>
          </Field>
          <Field label={text.labelsCustom}>
            <Input
              disabled={disabled}
              defaultValue={labelsText}
              key={labelsText}
              onBlur={(e) => {
                const labels = e.currentTarget.value.split(/[,，]/).map((s) => s.trim()).filter(Boolean);
                if (labels.length > 0 && labels.join(", ") !== labelsText) setLabels(labels);
              }}
            />
          </Field>
        </>
      )}
      <Field label={text.missing}>
        <RadioGroup disabled={disabled} value={settings.missing} onChange={(_, d) => set({ missing: d.value as GradeSettings["missing"] })}>
          <Radio value="exclude" label={text.missingExclude} />
          <Radio value="zero" label={text.missingZero} />
        </RadioGroup>
      </Field>
      <Field label={text.period} hint={text.periodHint}>
        <Input
          disabled={disabled}
          defaultValue={settings.period ?? ""}
          key={settings.period ?? ""}
          placeholder="2026-Q3"
          onBlur={(e) => {
            const period = e.currentTarget.value.trim();
            if (period !== (settings.period ?? "")) set({ period: period || undefined });
          }}
        />
      </Field>
      <Checkbox
        disabled={disabled}
        checked={settings.strategy !== undefined}
        label={text.strategy}
        onChange={(_, d) => set({ strategy: d.checked ? {} : undefined })}
      />
      {settings.strategy && (
        <Field label={text.growthColumn} hint={text.growthHint}>
          <Input
            disabled={disabled}
            defaultValue={settings.strategy.growthColumn ?? ""}
            key={settings.strategy.growthColumn ?? ""}
            onBlur={(e) => {
              const growthColumn = e.currentTarget.value.trim() || undefined;
              if (growthColumn !== settings.strategy?.growthColumn) set({ strategy: { ...settings.strategy, growthColumn } });
            }}
          />
        </Field>
      )}
      <Checkbox disabled={disabled} checked={settings.risk === true} label={text.risk} onChange={(_, d) => set({ risk: d.checked === true || undefined })} />
      <Field label={text.mode} hint={settings.mode === "formulas" ? text.modeFormulasNote : undefined}>
        <RadioGroup disabled={disabled} value={settings.mode} onChange={(_, d) => set({ mode: d.value as GradeSettings["mode"] })}>
          <Radio value="values" label={text.modeValues} />
          <Radio value="formulas" label={text.modeFormulas} />
        </RadioGroup>
      </Field>
    </div>
  );
}
