// "Who moved": two graded periods of the Tier history sheet compared, as the matrix of customers from each
// tier before to each tier after (with New and Lost), and the counts of upgraded, downgraded, new and
// lost customers. The same migrateWorkbook as `tiers migrate`, so the Migration sheet is written too.

import * as React from "react";
import {
  Button,
  Dropdown,
  Field,
  MessageBar,
  MessageBarBody,
  Option,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { Migration } from "../engine/migration";
import { gradedPeriods, migrateWorkbook } from "../workbook/features/migrate";
import type { Lang, Problem, WorkbookBackend } from "../workbook/types";
import type { Strings } from "./strings";
import { failureText } from "./failureText";

const useStyles = makeStyles({
  panel: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  row: { display: "flex", gap: tokens.spacingHorizontalM, flexWrap: "wrap", alignItems: "end" },
  picker: { flex: "1 1 8em", minWidth: 0 },
  fill: { minWidth: 0, width: "100%" },
  scroll: { overflowX: "auto", maxWidth: "100%" },
  number: { textAlign: "right", justifyContent: "flex-end", fontVariantNumeric: "tabular-nums" },
  h2: { margin: 0 },
});

export interface MigrationPanelProps {
  backend: WorkbookBackend;
  lang: Lang;
  text: Strings;
  /** Changes after every grading run, so the periods are read again. */
  generation: number;
  disabled?: boolean;
}

type Shown = { kind: "none" } | { kind: "done"; migration: Migration; sheet: string } | { kind: "problems"; problems: Problem[] } | { kind: "failed"; message: string };

export function MigrationPanel({ backend, lang, text, generation, disabled }: MigrationPanelProps) {
  const styles = useStyles();
  const [periods, setPeriods] = React.useState<string[]>([]);
  const [from, setFrom] = React.useState<string>();
  const [to, setTo] = React.useState<string>();
  const [shown, setShown] = React.useState<Shown>({ kind: "none" });
  const [working, setWorking] = React.useState(false);
  const known = React.useRef("");
  const number = new Intl.NumberFormat(lang);

  React.useEffect(() => {
    let live = true;
    gradedPeriods(backend).then(
      (found) => {
        if (!live) return;
        // The last two periods graded, the usual question: what changed since last time. A newly graded
        // period moves the choice on to it; the analyst's own choice stands while the periods stay.
        const key = found.join("\u0000");
        if (key !== known.current) {
          known.current = key;
          setFrom(found[found.length - 2]);
          setTo(found[found.length - 1]);
        }
        setPeriods(found);
      },
      () => live && setPeriods([]),
    );
    return () => {
      live = false;
    };
  }, [backend, generation]);

  if (periods.length < 2) return null;

  const show = async () => {
    if (!from || !to) return;
    setWorking(true);
    try {
      const outcome = await migrateWorkbook(backend, { from, to, lang });
      if (outcome.ok) setShown({ kind: "done", migration: outcome.migration, sheet: outcome.plan.sheets[0]?.name ?? "" });
      else setShown({ kind: "problems", problems: outcome.problems });
    } catch (error) {
      setShown({ kind: "failed", message: failureText(error, lang) });
    } finally {
      setWorking(false);
    }
  };

  const picker = (label: string, value: string | undefined, set: (v: string) => void) => (
    <Field label={label} className={styles.picker}>
      <Dropdown className={styles.fill} value={value ?? ""} selectedOptions={value ? [value] : []} onOptionSelect={(_, d) => d.optionValue && set(d.optionValue)} disabled={disabled || working}>
        {periods.map((p) => (
          <Option key={p} value={p}>
            {p}
          </Option>
        ))}
      </Dropdown>
    </Field>
  );

  return (
    <section className={styles.panel} aria-label={text.migration}>
      <Text as="h2" size={400} weight="semibold" className={styles.h2}>
        {text.migration}
      </Text>
      <Text size={200}>{text.migrationHint}</Text>
      <div className={styles.row}>
        {picker(text.fromPeriod, from, setFrom)}
        {picker(text.toPeriod, to, setTo)}
        <Button disabled={disabled || working || !from || !to || from === to} onClick={() => void show()}>
          {text.showMigration}
        </Button>
      </div>
      {shown.kind === "problems" &&
        shown.problems.map((problem, i) => (
          <MessageBar key={i} intent="error">
            <MessageBarBody>{problem.message[lang]}</MessageBarBody>
          </MessageBar>
        ))}
      {shown.kind === "failed" && (
        <MessageBar intent="error">
          <MessageBarBody>{text.migrationFailed(shown.message)}</MessageBarBody>
        </MessageBar>
      )}
      {shown.kind === "done" && (
        <>
          <div className={styles.scroll}>
          <Table size="extra-small" aria-label={text.migration}>
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{text.beforeAfter}</TableHeaderCell>
                {[...shown.migration.tiers, text.lostCustomers].map((t) => (
                  <TableHeaderCell key={t}>{t}</TableHeaderCell>
                ))}
              </TableRow>
            </TableHeader>
            <TableBody>
              {shown.migration.counts.map((row, i) => (
                <TableRow key={i}>
                  <TableCell>{i < shown.migration.tiers.length ? shown.migration.tiers[i] : text.newCustomers}</TableCell>
                  {row.map((count, j) => (
                    <TableCell key={j} className={styles.number}>
                      {number.format(count)}
                    </TableCell>
                  ))}
                </TableRow>
              ))}
            </TableBody>
          </Table>
          </div>
          <Text>
            {text.moved(shown.migration.upgraded.length, shown.migration.downgraded.length, shown.migration.new.length, shown.migration.lost.length)}{" "}
            {text.migrationWritten(shown.sheet)}
          </Text>
        </>
      )}
    </section>
  );
}
