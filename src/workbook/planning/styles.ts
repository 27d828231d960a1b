// How the add-in's cells and charts look, decided once for every plan: header and title looks, number
// formats, the tier colours, heat maps, the pyramid charts' presentation. The executors translate these into Office.js calls or styles.xml; they choose none of their own.

import type { CellLook, HeatMap, PyramidLook, TierStyle } from "../types";

/** A header row: bold, with a thin line under it. */
export const HEADER_LOOK: Readonly<CellLook> = Object.freeze({ bold: true, bottomBorder: true });
/** A sheet's title: bold, 14 points. */
export const TITLE_LOOK: Readonly<CellLook> = Object.freeze({ bold: true, size: 14 });

export const SCORE_FORMAT = "0.00";
export const RANK_FORMAT = "0";
export const TEXT_FORMAT = "@";
export const SHARE_FORMAT = "0.0%";
export const COUNT_FORMAT = "#,##0";
export const VALUE_FORMAT = "#,##0.##";
export const WEIGHT_FORMAT = "0.0000";

/**
 * A pyramid: bars close together (30% of a bar's width) so they read as one shape, centred by a
 * hidden spacer, the best tier on top, labels in the bars; no legend and no value axis, whose numbers
 * would count the spacer.
 */
export const PYRAMID_LOOK: Readonly<PyramidLook> = Object.freeze({
  gapWidth: 30,
  hideSpacer: true,
  firstOnTop: true,
  legend: false,
  valueAxis: false,
  labelPosition: "Center",
});

/** Conditional-formatting colours by tier position, best first (Excel's good / neutral / bad palette). */
const TIER_COLOURS: { fill: string; font: string }[] = [
  { fill: "#C6EFCE", font: "#006100" },
  { fill: "#DDEBF7", font: "#1F4E78" },
  { fill: "#FFEB9C", font: "#9C5700" },
  { fill: "#EDEDED", font: "#404040" },
  { fill: "#FFC7CE", font: "#9C0006" },
];

/** Heat maps run from white at the minimum to Excel's own red (#F8696B) at the maximum. */
const HEAT_MAP_COLOURS = { low: "#FFFFFF", high: "#F8696B" } as const;

/** A heat map over an A1 range, in the plan's colours. */
export function heatMap(range: string): HeatMap {
  return { range, ...HEAT_MAP_COLOURS };
}

/** One conditional-format style per tier label, best first. */
export function tierStyles(labels: string[]): TierStyle[] {
  return labels.map((label, i) => ({ label, ...TIER_COLOURS[Math.min(i, TIER_COLOURS.length - 1)] }));
}
