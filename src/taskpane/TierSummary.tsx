// After grading: per tier, customers and value with their shares, and a small pyramid of each drawn
// with Fluent tokens (bars centred, widths by share, the best tier on top).

import * as React from "react";
import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { PyramidRow } from "../engine/types";
import type { Lang } from "../workbook/types";
import type { Strings } from "./strings";

const useStyles = makeStyles({
  stack: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  pyramids: { display: "flex", gap: tokens.spacingHorizontalL },
  pyramid: { flex: 1, display: "flex", flexDirection: "column", alignItems: "center", gap: tokens.spacingVerticalXXS },
  bar: {
    backgroundColor: tokens.colorBrandBackground,
    color: tokens.colorNeutralForegroundOnBrand,
    minWidth: tokens.spacingHorizontalXS,
    borderRadius: tokens.borderRadiusSmall,
    textAlign: "center",
    overflow: "visible",
    whiteSpace: "nowrap",
    paddingTop: tokens.spacingVerticalXXS,
    paddingBottom: tokens.spacingVerticalXXS,
  },
});

function Pyramid({ title, rows, share, lang, text }: { title: string; rows: PyramidRow[]; share: (r: PyramidRow) => number; lang: Lang; text: Strings }) {
  const styles = useStyles();
  const percent = new Intl.NumberFormat(lang, { style: "percent", maximumFractionDigits: 1 });
  const largest = Math.max(...rows.map(share), 0);
  return (
    <figure className={styles.pyramid} aria-label={`${text.pyramid}: ${title}`}>
      <Text weight="semibold">{title}</Text>
      {rows.map((row) => {
        const width = largest > 0 ? Math.max(0, share(row)) / largest : 0;
        return (
          <div
            key={row.tier}
            role="img"
            aria-label={text.pyramidBar(row.tier, percent.format(share(row)))}
            className={styles.bar}
            style={{ width: `${Math.round(width * 100)}%` }}
          >
            <Text size={200}>{row.tier}</Text>
          </div>
        );
      })}
    </figure>
  );
}

export function TierSummary({ rows, lang, text }: { rows: PyramidRow[]; lang: Lang; text: Strings }) {
  const styles = useStyles();
  const number = new Intl.NumberFormat(lang);
  const percent = new Intl.NumberFormat(lang, { style: "percent", maximumFractionDigits: 1 });
  return (
    <section className={styles.stack} aria-label={text.summary}>
      <Table size="small" aria-label={text.summary}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell>{text.tier}</TableHeaderCell>
            <TableHeaderCell>{text.customers}</TableHeaderCell>
            <TableHeaderCell>{text.customerShare}</TableHeaderCell>
            <TableHeaderCell>{text.valueShare}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((row) => (
            <TableRow key={row.tier}>
              <TableCell>{row.tier}</TableCell>
              <TableCell>{number.format(row.customers)}</TableCell>
              <TableCell>{percent.format(row.customerShare)}</TableCell>
              <TableCell>{percent.format(row.valueShare)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <div className={styles.pyramids}>
        <Pyramid title={text.quantityPyramid} rows={rows} share={(r) => r.customerShare} lang={lang} text={text} />
        <Pyramid title={text.valuePyramid} rows={rows} share={(r) => r.valueShare} lang={lang} text={text} />
      </div>
    </section>
  );
}
