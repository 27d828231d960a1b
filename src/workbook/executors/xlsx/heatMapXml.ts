// A heat map as the file stores it: a two-colour scale by conditional formatting rather than fixed
// fills, so the shading follows the numbers when an analyst edits them and Excel, LibreOffice and the
// Excel executor (which adds the same rule through Office.js) all show the same thing.

import { columnName, rangeCorners } from "../../reading/address";

/** The scale's ends as ARGB: white at the range's minimum, Excel's red (#F8696B) at its maximum. */
export const HEAT_MAP_COLOURS = { low: "FFFFFFFF", high: "FFF8696B" } as const;

/**
 * The <conditionalFormatting> elements that shade each A1 range with a white-to-red colour scale, one
 * per range, their rule priorities counting up from `firstPriority`. Ranges may carry "$" and are
 * written without it. Throws on a range that is not A1 on the sheet ("B5:E8" or "C3"; not "Sheet1!B5").
 *
 * @example
 * heatMapXml(["B5:E8"])
 * // '<conditionalFormatting sqref="B5:E8"><cfRule type="colorScale" priority="1"><colorScale><cfvo type="min"/>
 * //  <cfvo type="max"/><color rgb="FFFFFFFF"/><color rgb="FFF8696B"/></colorScale></cfRule></conditionalFormatting>'
 * heatMapXml(["$B$5:$C$6", "B10:C11"], 3) // two elements, priorities 3 and 4
 */
export function heatMapXml(ranges: string[], firstPriority = 1): string {
  return ranges
    .map((range, i) => {
      if (range.includes("!")) throw new SyntaxError(`heatMapXml: "${range}" is not an A1 range on the sheet`);
      const box = rangeCorners(range);
      const topLeft = `${columnName(box.left)}${box.top + 1}`;
      const bottomRight = `${columnName(box.right)}${box.bottom + 1}`;
      const sqref = topLeft === bottomRight ? topLeft : `${topLeft}:${bottomRight}`;
      return (
        `<conditionalFormatting sqref="${sqref}"><cfRule type="colorScale" priority="${firstPriority + i}"><colorScale>` +
        `<cfvo type="min"/><cfvo type="max"/><color rgb="${HEAT_MAP_COLOURS.low}"/><color rgb="${HEAT_MAP_COLOURS.high}"/>` +
        "</colorScale></cfRule></conditionalFormatting>"
      );
    })
    .join("");
}
