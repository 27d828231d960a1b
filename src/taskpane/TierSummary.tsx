// After grading: per tier, customers and value with their shares, and the two pyramids (customers and
// value) in the tiers' own colours, the workbook's (planning/styles.ts tierStyles), each bar labelled with its
// shares ("A · 20 % / 59 %"). The pyramids sit side by side in a wide pane and stack below 400 px;
// under forced colours (Windows high contrast) the bars take the system's Highlight colour.

import * as React from "react";
import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import type { PyramidRow } from "../engine/types";
import { tierStyles } from "../workbook/planning/styles";
import type { Lang } from "../workbook/types";
import type { Strings } from "./strings";

const useStyles = makeStyles({
  stack: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  table: { tableLayout: "auto" },
  // Tight cells and small header text: four columns fit a 270 px pane without breaking a word.
  cell: { paddingLeft: tokens.spacingHorizontalXS, paddingRight: tokens.spacingHorizontalXS },
  head: { paddingLeft: tokens.spacingHorizontalXS, paddingRight: tokens.spacingHorizontalXS, fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200 },
  number: { textAlign: "right", justifyContent: "flex-end", fontVariantNumeric: "tabular-nums" },
  pyramids: {
    display: "flex",
    gap: tokens.spacingHorizontalL,
    "@media (max-width: 400px)": { flexDirection: "column", gap: tokens.spacingVerticalM },
  },
  pyramid: { flex: "1 1 0", minWidth: 0, margin: 0, display: "flex", flexDirection: "column", alignItems: "stretch", gap: tokens.spacingVerticalXXS },
  caption: { textAlign: "center" },
  tierRow: { display: "flex", flexDirection: "column", alignItems: "center" },
  bar: {
    height: "12px",
    minWidth: "4px",
    boxSizing: "border-box",
    borderRadius: tokens.borderRadiusSmall,
    backgroundColor: "var(--tier-fill)",
    border: "1px solid var(--tier-edge)",
    "@media (forced-colors: active)": { backgroundColor: "Highlight", border: "1px solid CanvasText", forcedColorAdjust: "none" },
  },
});

function Pyramid({ title, rows, share, lang, text }: { title: string; rows: PyramidRow[]; share: (r: PyramidRow) => number; lang: Lang; text: Strings }) {
  const styles = useStyles();
  const percent = new Intl.NumberFormat(lang, { style: "percent", maximumFractionDigits: 0 });
  const largest = Math.max(...rows.map(share), 0);
  const colours = tierStyles(rows.map((r) => r.tier));
  return (
    <figure className={styles.pyramid} aria-label={`${text.pyramid}: ${title}`}>
      <Text as="span" weight="semibold" className={styles.caption}>
        {title}
      </Text>
      {rows.map((row, i) => {
        const width = largest > 0 ? Math.max(0, share(row)) / largest : 0;
        const label = text.pyramidLabel(row.tier, percent.format(row.customerShare), percent.format(row.valueShare));
        return (
          <div key={row.tier} className={styles.tierRow}>
            <Text size={200}>{label}</Text>
            <div
              role="img"
              aria-label={text.pyramidBar(row.tier, percent.format(share(row)))}
              className={styles.bar}
              style={{ width: `${Math.round(width * 100)}%`, ["--tier-fill" as string]: colours[i].fill, ["--tier-edge" as string]: colours[i].font }}
            />
          </div>
        );
      })}
    </figure>
  );
}

export interface TierSummaryProps {
  rows: PyramidRow[];
  lang: Lang;
  text: Strings;
  /** The column the value shares come from; undefined when the run used the score. */
  valueColumn?: string;
}

export function TierSummary({ rows, lang, text, valueColumn }: TierSummaryProps) {
  const styles = useStyles();
  const number = new Intl.NumberFormat(lang);
  const percent = new Intl.NumberFormat(lang, { style: "percent", maximumFractionDigits: 1 });
  return (
    <div className={styles.stack}>
      <Table size="small" aria-label={text.summary} className={styles.table}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell className={styles.head}>{text.tier}</TableHeaderCell>
            <TableHeaderCell className={mergeClasses(styles.head, styles.number)}>{text.customers}</TableHeaderCell>
            <TableHeaderCell className={mergeClasses(styles.head, styles.number)}>{text.customerShare}</TableHeaderCell>
            <TableHeaderCell className={mergeClasses(styles.head, styles.number)}>{text.valueShare}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((row) => (
            <TableRow key={row.tier}>
              <TableCell className={styles.cell}>{row.tier}</TableCell>
              <TableCell className={mergeClasses(styles.cell, styles.number)}>{number.format(row.customers)}</TableCell>
              <TableCell className={mergeClasses(styles.cell, styles.number)}>{percent.format(row.customerShare)}</TableCell>
              <TableCell className={mergeClasses(styles.cell, styles.number)}>{percent.format(row.valueShare)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <Text size={200}>{valueColumn ? text.valueIs(valueColumn) : text.valueIsScore}</Text>
      <div className={styles.pyramids}>
        <Pyramid title={text.quantityPyramid} rows={rows} share={(r) => r.customerShare} lang={lang} text={text} />
        <Pyramid title={text.valuePyramid} rows={rows} share={(r) => r.valueShare} lang={lang} text={text} />
      </div>
      <Text size={200}>{text.pyramidLegend}</Text>
    </div>
  );
}
