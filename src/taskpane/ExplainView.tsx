// Why this tier, after grading: the analyst types part of a customer ID and picks the customer from a
// page of matches (the search runs where the grading ran, in the worker for the web page; at most
// MATCH_LIMIT options are ever drawn, so 100,000 customers do not freeze the pane), then sees each
// indicator's contribution (global weight × points) as a bar, the contributions adding up to the score,
// the gap to the next tier up and the one indicator whose change alone closes it (engine/explain.ts).

import * as React from "react";
import { Combobox, Field, Option, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { Lang } from "../workbook/types";
import type { CustomerExplanation, CustomerMatches } from "./explainData";
import type { Strings } from "./strings";

const useStyles = makeStyles({
  stack: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, minWidth: 0 },
  fill: { minWidth: 0, width: "100%" },
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  row: { display: "flex", justifyContent: "space-between", gap: tokens.spacingHorizontalS, minWidth: 0 },
  name: { minWidth: 0, overflowWrap: "anywhere" },
  number: { fontVariantNumeric: "tabular-nums", whiteSpace: "nowrap" },
  track: { height: "8px", borderRadius: tokens.borderRadiusSmall, backgroundColor: tokens.colorNeutralBackground3, overflow: "hidden" },
  bar: {
    height: "100%",
    backgroundColor: tokens.colorBrandBackground,
    "@media (forced-colors: active)": { backgroundColor: "Highlight", forcedColorAdjust: "none" },
  },
  total: { borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`, paddingTop: tokens.spacingVerticalXS },
});

export interface ExplainSource {
  find(query: string): Promise<CustomerMatches>;
  explain(index: number): Promise<CustomerExplanation | null>;
}

export interface ExplainViewProps {
  source: ExplainSource;
  /** How many customers the grading had. */
  customers: number;
  lang: Lang;
  text: Strings;
}

/** How long typing must pause before the search runs. */
const SEARCH_AFTER_MS = 150;

export function ExplainView({ source, customers, lang, text }: ExplainViewProps) {
  const styles = useStyles();
  const [query, setQuery] = React.useState("");
  const [found, setFound] = React.useState<CustomerMatches>();
  const [picked, setPicked] = React.useState<{ id: string; explanation: CustomerExplanation | null }>();
  const number = React.useMemo(() => new Intl.NumberFormat(lang, { minimumFractionDigits: 2, maximumFractionDigits: 2 }), [lang]);
  const plain = React.useMemo(() => new Intl.NumberFormat(lang, { maximumFractionDigits: 4 }), [lang]);
  const percent = React.useMemo(() => new Intl.NumberFormat(lang, { style: "percent", maximumFractionDigits: 0 }), [lang]);

  // A newer search wins; the first page of customers is there before anything is typed.
  React.useEffect(() => {
    let live = true;
    const timer = setTimeout(() => {
      source.find(query).then((matches) => live && setFound(matches), () => undefined);
    }, query === "" ? 0 : SEARCH_AFTER_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [source, query]);

  const pick = (index: number, id: string) => {
    setQuery(id);
    source.explain(index).then((explanation) => setPicked({ id, explanation }), () => undefined);
  };

  // The options are drawn again only when the matches change, not at each key typed.
  const options = React.useMemo(
    () =>
      found?.matches.map((m) => (
        <Option key={m.index} value={String(m.index)}>
          {m.id}
        </Option>
      )),
    [found],
  );
  const shown = found?.matches.length ?? 0;
  const count = new Intl.NumberFormat(lang);
  const hint =
    found && found.total === 0
      ? text.explainNoMatch
      : found && found.total > shown
        ? text.explainMore(shown, count.format(found.total))
        : text.explainPickHint(count.format(customers));
  const e = picked?.explanation;

  return (
    <div className={styles.stack}>
      <Field label={text.explainPick} hint={hint}>
        <Combobox
          className={styles.fill}
          freeform
          // Below the field or above it, as tall as the room there, as wide as the field: 50 options
          // must not flip the list to the field's side, beyond a 270 px pane's edge.
          positioning={{ position: "below", align: "start", fallbackPositions: ["above"], autoSize: "height", matchTargetSize: "width" }}
          value={query}
          selectedOptions={e ? [String(e.index)] : []}
          onChange={(event) => setQuery(event.currentTarget.value)}
          onOptionSelect={(_, d) => d.optionValue !== undefined && pick(Number(d.optionValue), d.optionText ?? "")}
        >
          {options}
        </Combobox>
      </Field>
      {picked && !e && <Text>{text.explainLeftOut(picked.id)}</Text>}
      {e && (
        <section className={styles.stack} aria-label={text.explainTier(e.id, e.tier, number.format(e.score))}>
          <Text weight="semibold">{text.explainTier(e.id, e.tier, number.format(e.score))}</Text>
          <Text size={200}>{text.explainBars}</Text>
          <ul className={styles.list}>
            {e.contributions.map((c) => {
              const share = e.score > 0 ? c.value / e.score : 0;
              return (
                <li key={c.name} className={styles.stack} data-contribution={c.value}>
                  <div className={styles.row}>
                    <Text className={styles.name}>{c.name}</Text>
                    <Text className={styles.number}>{number.format(c.value)}</Text>
                  </div>
                  <div className={styles.track} role="img" aria-label={`${c.name}: ${text.explainBar(percent.format(share))}`}>
                    <div className={styles.bar} style={{ width: `${Math.max(0, Math.min(1, share)) * 100}%` }} />
                  </div>
                </li>
              );
            })}
            <li className={`${styles.row} ${styles.total}`}>
              <Text weight="semibold">{text.explainTotal}</Text>
              <Text weight="semibold" className={styles.number} data-score={e.score}>
                {number.format(e.score)}
              </Text>
            </li>
          </ul>
          {e.gap === undefined ? (
            // The top tier, or tiers not decided by the score (Pareto, rules): the engine's own sentence.
            <Text>{e.text[lang === "zh-CN" ? "zh" : "en"]}</Text>
          ) : (
            <>
              <Text data-gap={e.gap}>{text.explainGap(number.format(e.gap), e.nextTier ?? "")}</Text>
              <Text>{e.close ? text.explainClose(e.close.name, e.close.change, plain.format(e.close.from), plain.format(e.close.to)) : text.explainNoClose}</Text>
            </>
          )}
        </section>
      )}
    </div>
  );
}
