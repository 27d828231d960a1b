// What the pane shows before writing: every problem once, with its cell as a link that selects it
// (the cell is not repeated in the words), and the indicators with their global weights.

import * as React from "react";
import { Link, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, makeStyles, tokens } from "@fluentui/react-components";
import { textOf } from "../text";
import type { Inspection } from "../workbook/run";
import type { Lang, Problem } from "../workbook/types";
import type { Strings } from "./strings";

const useStyles = makeStyles({
  stack: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS, overflowWrap: "anywhere" },
  number: { textAlign: "right", justifyContent: "flex-end", fontVariantNumeric: "tabular-nums" },
  table: { tableLayout: "auto" },
});

/** "Customers!B7", or the sheet alone when the problem concerns the whole sheet. */
export function problemPlace(problem: Problem): string {
  if (!problem.sheet) return "";
  return problem.cell ? `${problem.sheet}!${problem.cell}` : problem.sheet;
}

/**
 * A problem's words without the place they start with ("Customers!D3: " / "客户!D3："), for a line that
 * shows the place as its own link.
 *
 * @example problemWords({ sheet: "Customers", cell: "D3", message: { "en-US": "Customers!D3: Enter a number." } }, "en-US") // "Enter a number."
 */
export function problemWords(problem: Pick<Problem, "sheet" | "cell" | "message">, lang: Lang): string {
  const message = problem.message[lang];
  if (!problem.sheet && !problem.cell) return message;
  const colon = textOf(lang).problemWords.locationEnd;
  const at = message.indexOf(colon);
  if (at < 0) return message;
  const head = message.slice(0, at);
  const names = [problem.sheet, problem.cell].filter(Boolean);
  return names.every((name) => head.includes(name)) || head.replace(/'/g, "").includes(problem.sheet) ? message.slice(at + colon.length) : message;
}

export function ProblemList({ problems, lang, text, onSelect, label }: { problems: Problem[]; lang: Lang; text: Strings; onSelect?(sheet: string, cell: string): void; label: string }) {
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
              {place ? textOf(lang).problemWords.locationEnd : ""}
              <Text>{place ? problemWords(p, lang) : p.message[lang]}</Text>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

export function IndicatorTable({ inspection, lang, text }: { inspection: Inspection; lang: Lang; text: Strings }) {
  const styles = useStyles();
  const weight = new Intl.NumberFormat(lang, { style: "percent", maximumFractionDigits: 1 });
  return (
    <Table size="small" aria-label={text.indicators} className={styles.table}>
      <TableHeader>
        <TableRow>
          <TableHeaderCell>{text.indicator}</TableHeaderCell>
          <TableHeaderCell>{text.dimension}</TableHeaderCell>
          <TableHeaderCell className={styles.number}>{text.globalWeight}</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {inspection.indicators.map((ind) => (
          <TableRow key={ind.name}>
            <TableCell>{ind.name}</TableCell>
            <TableCell>{ind.dimension ?? ""}</TableCell>
            <TableCell className={styles.number}>{weight.format(ind.globalWeight)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
