// A heat map as the file stores it: a two-colour scale by conditional formatting rather than fixed
// fills, so the shading follows the numbers when an analyst edits them and Excel, LibreOffice and the
// Excel executor (which adds the same rule through Office.js) all show the same thing.

import { columnName, rangeCorners } from "../../reading/address";
import type { HeatMap } from "../../types";

/** "#F8696B" -> "FFF8696B": the file's ARGB for the plan's colour, opaque. */
function argb(colour: string): string {
  return `FF${colour.replace(/^#/, "").toUpperCase()}`;
}

/**
 * The <conditionalFormatting> elements that shade each heat map's range with its two-colour scale, one
 * per map, their rule priorities counting up from `firstPriority`. Ranges may carry "$" and are
 * written without it. Throws on a range that is not A1 on the sheet ("B5:E8" or "C3"; not "Sheet1!B5").
 *
 * @example
 * heatMapXml([{ range: "B5:E8", low: "#FFFFFF", high: "#F8696B" }])
 * // '<conditionalFormatting sqref="B5:E8"><cfRule type="colorScale" priority="1"><colorScale><cfvo type="min"/>
 * //  <cfvo type="max"/><color rgb="FFFFFFFF"/><color rgb="FFF8696B"/></colorScale></cfRule></conditionalFormatting>'
 * heatMapXml([heatMap("$B$5:$C$6"), heatMap("B10:C11")], 3) // two elements, priorities 3 and 4
 */
export function heatMapXml(maps: HeatMap[], firstPriority = 1): string {
  return maps
    .map(({ range, low, high }, i) => {
      if (range.includes("!")) throw new SyntaxError(`heatMapXml: "${range}" is not an A1 range on the sheet`);
      const box = rangeCorners(range);
      const topLeft = `${columnName(box.left)}${box.top + 1}`;
      const bottomRight = `${columnName(box.right)}${box.bottom + 1}`;
      const sqref = topLeft === bottomRight ? topLeft : `${topLeft}:${bottomRight}`;
      return (
        `<conditionalFormatting sqref="${sqref}"><cfRule type="colorScale" priority="${firstPriority + i}"><colorScale>` +
        `<cfvo type="min"/><cfvo type="max"/><color rgb="${argb(low)}"/><color rgb="${argb(high)}"/>` +
        "</colorScale></cfRule></conditionalFormatting>"
      );
    })
    .join("");
}
