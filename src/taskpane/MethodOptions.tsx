// The methods of issue 16 in "More options": where the customers come from (the customer table, or an
// Orders table aggregated as of an analysis date), the method (weighted score, RFM segments, k-means
// clusters) and its settings. Everything is GradeSettings' own fields (orders, method), the options
// the command line's --orders, --as-of, --scheme rfm|kmeans:k, --bins and --rfm-columns set.

import * as React from "react";
import { Dropdown, Field, Input, Option, Radio, RadioGroup, makeStyles, tokens } from "@fluentui/react-components";
import type { GradeSettings } from "../workbook/run";
import type { MethodSetting } from "../workbook/settings";
import { ORDER_TABLE_NAMES, locateAny } from "../workbook/features/fromOrders";
import { rfmColumns } from "../workbook/features/methodRun";
import { dateSerial } from "../workbook/features/overrides";
import type { Lang, WorkbookIndex } from "../workbook/types";
import { ColumnPicker } from "./SchemeEditor";
import type { Strings } from "./strings";

const useStyles = makeStyles({
  form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  fill: { minWidth: 0, width: "100%" },
});

type MethodKind = "score" | MethodSetting["kind"];

const DAY_MS = 86_400_000;
const EPOCH = Date.UTC(1899, 11, 30);

/**
 * An Excel serial day as yyyy-mm-dd (the date input's value).
 *
 * @example isoDate(39082) // "2006-12-31"
 */
export function isoDate(serial: number): string {
  return new Date(EPOCH + serial * DAY_MS).toISOString().slice(0, 10);
}

/**
 * A date input's yyyy-mm-dd as an Excel serial day; undefined for an empty or impossible date.
 *
 * @example serialOf("2006-12-31") // 39082
 * @example serialOf("2006-02-30") // undefined
 */
export function serialOf(text: string): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const time = Date.UTC(y, mo - 1, d);
  const back = new Date(time);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return undefined;
  return Math.round((time - EPOCH) / DAY_MS);
}

/** The method's name as the first screen says it. */
export function methodName(settings: GradeSettings, text: Strings): string | undefined {
  if (!settings.method) return undefined;
  return settings.method.kind === "rfm" ? text.methodRfm : text.methodKmeans;
}

export interface MethodOptionsProps {
  settings: GradeSettings;
  index?: WorkbookIndex;
  /** The customer table's headers (for RFM's three measure columns). */
  columns: string[];
  /** Names to pick an Orders table from: tables, then sheets. */
  sources: string[];
  lang: Lang;
  text: Strings;
  disabled?: boolean;
  onChange(settings: GradeSettings): void;
}

const BINS = [2, 3, 4, 5, 6, 7, 8, 9];
const KS = ["auto", 2, 3, 4, 5, 6, 7, 8] as const;

export function MethodOptions({ settings, index, columns, sources, lang, text, disabled, onChange }: MethodOptionsProps) {
  const styles = useStyles();
  const set = (change: Partial<GradeSettings>) => onChange({ ...settings, ...change });
  const method = settings.method;
  const kind: MethodKind = method?.kind ?? "score";
  const kinds: Record<MethodKind, string> = { score: text.methodScore, rfm: text.methodRfm, kmeans: text.methodKmeans };
  const orders = settings.orders;

  // The date is typed in a field that may hold a half-typed date; only a real date reaches the settings.
  const shownDate = orders ? isoDate(orders.asOf) : "";
  const [draftDate, setDraftDate] = React.useState(shownDate);
  React.useEffect(() => setDraftDate(shownDate), [shownDate]);

  const found = index ? locateAny(index, "orders", ORDER_TABLE_NAMES) : undefined;
  const ordersAuto = !found ? text.ordersAuto : "code" in found ? text.notFound : text.foundAs(found.table ?? found.sheet, found.table ? "table" : "sheet");

  const autoColumns = rfmColumns(columns, undefined, lang);
  const pickMeasure = (k: number, column: string) => {
    if (method?.kind !== "rfm") return;
    const chosen = [...(method.columns ?? autoColumns)] as [string, string, string];
    chosen[k] = column || autoColumns[k];
    const same = chosen.every((c, i) => c === autoColumns[i]);
    set({ method: { ...method, columns: same ? undefined : chosen } });
  };
  const measureLabels = [text.rfmRecency, text.rfmFrequency, text.rfmMonetary];

  return (
    <div className={styles.form}>
      <Field label={text.source}>
        <RadioGroup
          disabled={disabled}
          value={orders ? "orders" : "customers"}
          onChange={(_, d) => set({ orders: d.value === "orders" ? { asOf: dateSerial(settings.now) } : undefined })}
        >
          <Radio value="customers" label={text.sourceCustomers} />
          <Radio value="orders" label={text.sourceOrders} />
        </RadioGroup>
      </Field>
      {orders && (
        <>
          <Field label={text.ordersTable}>
            <Dropdown
              className={styles.fill}
              disabled={disabled}
              value={orders.table || ordersAuto}
              selectedOptions={[orders.table ?? ""]}
              onOptionSelect={(_, d) => set({ orders: { ...orders, table: d.optionValue || undefined } })}
            >
              <Option value="" text={ordersAuto}>
                {ordersAuto}
              </Option>
              {sources.map((name) => (
                <Option key={name} value={name}>
                  {name}
                </Option>
              ))}
            </Dropdown>
          </Field>
          <Field label={text.asOf} hint={text.asOfHint}>
            <Input
              className={styles.fill}
              type="date"
              disabled={disabled}
              value={draftDate}
              onChange={(_, d) => {
                setDraftDate(d.value);
                const serial = serialOf(d.value);
                if (serial !== undefined && serial !== orders.asOf) set({ orders: { ...orders, asOf: serial } });
              }}
            />
          </Field>
        </>
      )}
      <Field label={text.method}>
        <Dropdown
          className={styles.fill}
          disabled={disabled}
          value={kinds[kind]}
          selectedOptions={[kind]}
          onOptionSelect={(_, d) => {
            const next = d.optionValue as MethodKind;
            if (next === kind) return;
            set({ method: next === "rfm" ? { kind: "rfm", bins: 5 } : next === "kmeans" ? { kind: "kmeans", k: "auto" } : undefined });
          }}
        >
          {(Object.keys(kinds) as MethodKind[]).map((k) => (
            <Option key={k} value={k}>
              {kinds[k]}
            </Option>
          ))}
        </Dropdown>
      </Field>
      {method?.kind === "rfm" && (
        <>
          {!orders &&
            measureLabels.map((label, k) => (
              <ColumnPicker
                key={label}
                label={label}
                value={method.columns?.[k] ?? ""}
                columns={columns}
                auto={text.rfmAuto(autoColumns[k])}
                text={text}
                disabled={disabled}
                onPick={(column) => pickMeasure(k, column)}
              />
            ))}
          <Field label={text.bins}>
            <Dropdown
              className={styles.fill}
              disabled={disabled}
              value={String(method.bins)}
              selectedOptions={[String(method.bins)]}
              onOptionSelect={(_, d) => set({ method: { ...method, bins: Number(d.optionValue) } })}
            >
              {BINS.map((b) => (
                <Option key={b} value={String(b)}>
                  {String(b)}
                </Option>
              ))}
            </Dropdown>
          </Field>
        </>
      )}
      {method?.kind === "kmeans" && (
        <Field label={text.clusters}>
          <Dropdown
            className={styles.fill}
            disabled={disabled}
            value={method.k === "auto" ? text.clustersAuto : String(method.k)}
            selectedOptions={[String(method.k)]}
            onOptionSelect={(_, d) => set({ method: { kind: "kmeans", k: d.optionValue === "auto" ? "auto" : Number(d.optionValue) } })}
          >
            {KS.map((k) => (
              <Option key={k} value={String(k)} text={k === "auto" ? text.clustersAuto : String(k)}>
                {k === "auto" ? text.clustersAuto : String(k)}
              </Option>
            ))}
          </Dropdown>
        </Field>
      )}
    </div>
  );
}
