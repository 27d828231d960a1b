// The run's settings in two parts: the scheme and its labels, on the first screen, and everything else
// (which tables, blanks, the period, strategy and risk, the output mode) for the "More options" section.
// Columns are picked from the customer table's headers; a settings mistake is said under its control.

import * as React from "react";
import { Checkbox, Combobox, Dropdown, Field, Input, Option, Radio, RadioGroup, makeStyles, tokens } from "@fluentui/react-components";
import type { GradeSettings } from "../workbook/run";
import { labelCount } from "../workbook/settings";
import { locateTable } from "../workbook/reading/locate";
import type { Lang, WorkbookIndex } from "../workbook/types";
import { ColumnPicker, SchemeEditor, defaultScheme, type SchemeKind } from "./SchemeEditor";
import { MethodOptions } from "./MethodOptions";
import { valueColumnByName } from "./columns";
import { LABEL_PRESETS, type Strings } from "./strings";

const useStyles = makeStyles({
  form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  fill: { minWidth: 0, width: "100%" },
});

/** Settings problems, said next to their control: which control, and the words. */
export type FieldProblems = Partial<Record<"labels" | "valueColumn" | "growthColumn", string>>;

export interface SettingsFormProps {
  settings: GradeSettings;
  index?: WorkbookIndex;
  columns: string[];
  lang: Lang;
  text: Strings;
  disabled?: boolean;
  problems?: FieldProblems;
  onChange(settings: GradeSettings): void;
}

const CONVENTION = "";

/** Tables first, then sheets that are not already a table's name. */
export function sources(index?: WorkbookIndex): string[] {
  if (!index) return [];
  const tables = index.tables.map((t) => t.name);
  return [...tables, ...index.sheets.map((s) => s.name).filter((s) => !tables.includes(s))];
}

function parseLabels(typed: string): string[] {
  return typed.split(/[,，、/]/).map((s) => s.trim()).filter(Boolean);
}

/** The scheme, its editor and the tier labels: the first screen's settings. */
export function SchemeSettings({ settings, columns, lang, text, disabled, problems = {}, onChange }: SettingsFormProps) {
  const styles = useStyles();
  const set = (change: Partial<GradeSettings>) => onChange({ ...settings, ...change });
  const labelsText = settings.labels.join(", ");
  const [draft, setDraft] = React.useState(labelsText);
  React.useEffect(() => setDraft(labelsText), [labelsText]);
  // New labels keep the scheme's numbers when their count still fits it; only a new count resets them.
  const setLabels = (labels: string[]) => {
    if (labels.length === 0 || labels.join(", ") === labelsText) return setDraft(labelsText);
    const keeps = settings.scheme.kind === "rules" || labelCount(settings.scheme) === labels.length;
    set({ labels, scheme: keeps ? settings.scheme : defaultScheme(settings.scheme.kind, labels) });
  };
  const schemeNames: Record<SchemeKind, string> = {
    shares: text.schemeShares,
    pareto: text.schemePareto,
    cutoffs: text.schemeCutoffs,
    rules: text.schemeRules,
  };
  return (
    <div className={styles.form}>
      <Field label={text.scheme}>
        <Dropdown
          className={styles.fill}
          disabled={disabled}
          value={schemeNames[settings.scheme.kind]}
          selectedOptions={[settings.scheme.kind]}
          onOptionSelect={(_, d) => set({ scheme: defaultScheme(d.optionValue as SchemeKind, settings.labels, valueColumnByName(columns) ?? columns[0]) })}
        >
          {(Object.keys(schemeNames) as SchemeKind[]).map((kind) => (
            <Option key={kind} value={kind}>
              {schemeNames[kind]}
            </Option>
          ))}
        </Dropdown>
      </Field>
      {settings.scheme.kind !== "rules" && (
        <Field label={text.labels} hint={text.labelsCustom} validationState={problems.labels ? "error" : "none"} validationMessage={problems.labels}>
          <Combobox
            className={styles.fill}
            freeform
            disabled={disabled}
            value={draft}
            selectedOptions={[labelsText]}
            onChange={(e) => setDraft(e.currentTarget.value)}
            onBlur={() => setLabels(parseLabels(draft))}
            onKeyDown={(e) => e.key === "Enter" && setLabels(parseLabels(draft))}
            onOptionSelect={(_, d) => d.optionValue && setLabels(d.optionValue.split(", "))}
          >
            {LABEL_PRESETS[lang].map((preset) => (
              <Option key={preset.join(", ")} value={preset.join(", ")}>
                {preset.join(", ")}
              </Option>
            ))}
          </Combobox>
        </Field>
      )}
      <SchemeEditor
        scheme={settings.scheme}
        labels={settings.labels}
        valueColumn={settings.valueColumn ?? ""}
        columns={columns}
        text={text}
        disabled={disabled}
        valueProblem={problems.valueColumn}
        onScheme={(scheme) => set({ scheme })}
        onValueColumn={(column) => set({ valueColumn: column || undefined })}
      />
    </div>
  );
}

/** Where customers come from and the method, which tables, blanks, period, strategy, risk, Why and output mode: the "More options" section. */
export function MoreOptions({ settings, index, columns, lang, text, disabled, problems = {}, onChange }: SettingsFormProps) {
  const styles = useStyles();
  const set = (change: Partial<GradeSettings>) => onChange({ ...settings, ...change });
  const names = sources(index);

  const tablePicker = (label: string, value: string | undefined, key: "weights" | "customers") => {
    const found = index ? locateTable(index, key) : undefined;
    const convention = !found ? text.byConvention : "code" in found ? text.notFound : text.foundAs(found.table ?? found.sheet, found.table ? "table" : "sheet");
    return (
      <Field label={label}>
        <Dropdown
          className={styles.fill}
          disabled={disabled}
          value={value || convention}
          selectedOptions={[value ?? CONVENTION]}
          onOptionSelect={(_, d) => set({ [key]: d.optionValue || undefined })}
        >
          <Option value={CONVENTION} text={convention}>
            {convention}
          </Option>
          {names.map((name) => (
            <Option key={name} value={name}>
              {name}
            </Option>
          ))}
        </Dropdown>
      </Field>
    );
  };

  return (
    <div className={styles.form}>
      <MethodOptions settings={settings} index={index} columns={columns} sources={names} lang={lang} text={text} disabled={disabled} onChange={onChange} />
      {settings.method?.kind !== "rfm" && tablePicker(text.weightsTable, settings.weights, "weights")}
      {tablePicker(text.customersTable, settings.customers, "customers")}
      {settings.scheme.kind !== "pareto" && (
        <ColumnPicker
          label={text.valueColumn}
          value={settings.valueColumn ?? ""}
          columns={columns}
          auto={text.valueAuto}
          text={text}
          disabled={disabled}
          problem={problems.valueColumn}
          onPick={(column) => set({ valueColumn: column || undefined })}
        />
      )}
      <Field label={text.missing}>
        <RadioGroup disabled={disabled} value={settings.missing} onChange={(_, d) => set({ missing: d.value as GradeSettings["missing"] })}>
          <Radio value="exclude" label={text.missingExclude} />
          <Radio value="zero" label={text.missingZero} />
        </RadioGroup>
      </Field>
      <Field label={text.period} hint={text.periodHint}>
        <Input
          className={styles.fill}
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
      <Checkbox disabled={disabled} checked={settings.strategy !== undefined} label={text.strategy} onChange={(_, d) => set({ strategy: d.checked ? {} : undefined })} />
      {settings.strategy && (
        <ColumnPicker
          label={text.growthColumn}
          hint={text.growthHint}
          value={settings.strategy.growthColumn ?? ""}
          columns={columns}
          auto={text.growthAuto}
          text={text}
          disabled={disabled}
          problem={problems.growthColumn}
          onPick={(column) => set({ strategy: { ...settings.strategy, growthColumn: column || undefined } })}
        />
      )}
      <Checkbox disabled={disabled} checked={settings.risk === true} label={text.risk} onChange={(_, d) => set({ risk: d.checked === true || undefined })} />
      {/* The command line refuses --explain with a method; here the box stays, unticked and disabled, with why. */}
      <Field hint={settings.method ? text.explainMethodHint : undefined}>
        <Checkbox
          disabled={disabled || !!settings.method}
          checked={settings.explain === true && !settings.method}
          label={text.explainColumn}
          onChange={(_, d) => set({ explain: d.checked === true || undefined })}
        />
      </Field>
      {/* Principal-component weights fill the weight table (--weights-from pca); RFM has none, so the box says why. */}
      <Field hint={settings.method?.kind === "rfm" ? text.pcaWeightsRfmHint : text.pcaWeightsHint}>
        <Checkbox
          disabled={disabled || settings.method?.kind === "rfm"}
          checked={settings.weightsFrom !== undefined && settings.method?.kind !== "rfm"}
          label={text.pcaWeights}
          onChange={(_, d) => set({ weightsFrom: d.checked === true ? { method: "pca", replace: false } : undefined })}
        />
      </Field>
      <Field label={text.mode} hint={settings.mode === "formulas" ? text.modeFormulasNote : undefined}>
        <RadioGroup disabled={disabled} value={settings.mode} onChange={(_, d) => set({ mode: d.value as GradeSettings["mode"] })}>
          <Radio value="values" label={text.modeValues} />
          <Radio value="formulas" label={text.modeFormulas} />
        </RadioGroup>
      </Field>
    </div>
  );
}
