// What the pane shows before writing anything: customers, indicators with global weights, and every
// problem with its cell as a link that selects the cell.

import * as React from "react";
import {
  Link,
  MessageBar,
  MessageBarBody,
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
import type { Inspection } from "../workbook/run";
import type { Lang, Problem } from "../workbook/types";
import type { Strings } from "./strings";

const useStyles = makeStyles({
  stack: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
});

export interface InspectionViewProps {
  inspection: Inspection;
  lang: Lang;
  text: Strings;
  onSelect?(sheet: string, cell: string): void;
}

/** "Customers!B7", or the sheet alone when the problem concerns the whole sheet. */
export function problemPlace(problem: Problem): string {
  if (!problem.sheet) return "";
  return problem.cell ? `${problem.sheet}!${problem.cell}` : problem.sheet;
}

function ProblemList({ problems, lang, text, onSelect, label }: { problems: Problem[]; lang: Lang; text: Strings; onSelect?: InspectionViewProps["onSelect"]; label: string }) {
  const styles = useStyles();
  if (problems.length === 0) return null;
  return (
    <section aria-label={label} className={styles.stack}>
      <Text weight="semibold">{label}</Text>
      <ul className={styles.list}>
        {problems.map((p, i) => {
          const place = problemPlace(p);
          return (
            <li key={i}>
              {place && onSelect ? (
                <Link aria-label={text.goToCell(place)} onClick={() => onSelect(p.sheet, p.cell)}>
                  {place}
                </Link>
              ) : (
                place && <Text weight="semibold">{place}</Text>
              )}
              {place ? " — " : ""}
              <Text>{p.message[lang]}</Text>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

export function InspectionView({ inspection, lang, text, onSelect }: InspectionViewProps) {
  const styles = useStyles();
  const number = new Intl.NumberFormat(lang);
  const weight = new Intl.NumberFormat(lang, { style: "percent", maximumFractionDigits: 1 });
  const errors = inspection.problems.filter((p) => p.severity === "error");
  const warnings = inspection.problems.filter((p) => p.severity === "warning");
  return (
    <div className={styles.stack}>
      <Text>
        {text.customers}: <Text weight="semibold">{number.format(inspection.customers)}</Text>
        {inspection.excluded > 0 && (
          <>
            {" · "}
            {text.excluded}: <Text weight="semibold">{number.format(inspection.excluded)}</Text>
          </>
        )}
      </Text>
      {inspection.indicators.length > 0 && (
        <Table size="small" aria-label={text.indicators}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{text.indicator}</TableHeaderCell>
              <TableHeaderCell>{text.dimension}</TableHeaderCell>
              <TableHeaderCell>{text.globalWeight}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {inspection.indicators.map((ind) => (
              <TableRow key={ind.name}>
                <TableCell>{ind.name}</TableCell>
                <TableCell>{ind.dimension ?? ""}</TableCell>
                <TableCell>{weight.format(ind.globalWeight)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {errors.length > 0 && (
        <MessageBar intent="error">
          <MessageBarBody>{text.errorsBlock}</MessageBarBody>
        </MessageBar>
      )}
      <ProblemList problems={errors} lang={lang} text={text} onSelect={onSelect} label={text.problems} />
      <ProblemList problems={warnings} lang={lang} text={text} onSelect={onSelect} label={text.warnings} />
      {inspection.problems.length === 0 && <Text>{text.noProblems}</Text>}
    </div>
  );
}
