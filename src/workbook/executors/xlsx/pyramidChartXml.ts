// A PyramidChart as a DrawingML chart part. No npm package writes a chart into an existing workbook
// (docs/ENVIRONMENT.md), so the part is written here: a stacked horizontal bar whose first series is a
// spacer, so the visible bars are centred and stack into a pyramid. How it looks is the plan's
// (PyramidChart.look), written as the elements of ECMA-376 Part 1 §21.2 that say the same.

import type { CellOut, PyramidChart } from "../../types";
import { absoluteRange } from "../../reading/address";
import { escapeXml } from "./xmlText";

const C15 = "http://schemas.microsoft.com/office/drawing/2012/chart";
const BAR_COLOUR = "4472C4";

/** Cached values make the chart right before any recalculation (LibreOffice and Excel both draw from them). */
function stringCache(values: CellOut[], element = "c:strCache"): string {
  const points = values
    .map((value, i) => (value === null || typeof value === "object" ? "" : `<c:pt idx="${i}"><c:v>${escapeXml(String(value))}</c:v></c:pt>`))
    .join("");
  return `<${element}><c:ptCount val="${values.length}"/>${points}</${element}>`;
}

function numberCache(values: CellOut[]): string {
  const points = values
    .map((value, i) => (typeof value === "number" && Number.isFinite(value) ? `<c:pt idx="${i}"><c:v>${value}</c:v></c:pt>` : ""))
    .join("");
  return `<c:numCache><c:formatCode>General</c:formatCode><c:ptCount val="${values.length}"/>${points}</c:numCache>`;
}

/** "#C6EFCE" -> "C6EFCE" (a:srgbClr takes six hex digits); the series colour for anything else. */
function srgb(colour: string): string {
  const hex = colour.replace(/^#/, "").toUpperCase();
  return /^[0-9A-F]{6}$/.test(hex) ? hex : BAR_COLOUR;
}

function series(index: number, name: string, body: string): string {
  return `<c:ser><c:idx val="${index}"/><c:order val="${index}"/><c:tx><c:v>${escapeXml(name)}</c:v></c:tx>${body}</c:ser>`;
}

/** The plan's label positions as c:dLblPos values (ST_DLblPos). */
const LABEL_POSITION: Record<PyramidChart["look"]["labelPosition"], string> = { Center: "ctr", InsideEnd: "inEnd", InsideBase: "inBase" };

/**
 * The chart part (xl/charts/chartN.xml) of a pyramid, drawn as `chart.look` says (categories reversed
 * by orientation maxMin, the spacer with no fill, the gap width, legend, value axis, label position),
 * the values with data labels from the `labels` cells (Excel 2013+ "value from cells", with the value
 * itself as the fallback other programs show), each tier's bar in its colour, and hidden cells plotted
 * (plotVisOnly 0: the helper columns are hidden).
 * `cells` gives the values the plan writes in a range of the chart's sheet, for the cached points.
 *
 * @example
 * // Tiers in A4:A6, spacer in F4:F6, customers in B4:B6, labels in H4:H6 of "Tier summary":
 * // pyramidChartXml(chart, "Tier summary", lookup) contains "<c:f>'Tier summary'!$A$4:$A$6</c:f>"
 */
export function pyramidChartXml(chart: PyramidChart, sheet: string, cells: (range: string) => CellOut[]): string {
  const categories = absoluteRange(sheet, chart.categories);
  const spacer = absoluteRange(sheet, chart.spacer);
  const values = absoluteRange(sheet, chart.values);
  const labels = absoluteRange(sheet, chart.labels);
  const category = `<c:cat><c:strRef><c:f>${escapeXml(categories)}</c:f>${stringCache(cells(chart.categories))}</c:strRef></c:cat>`;
  const numbers = (range: string, local: string) =>
    `<c:val><c:numRef><c:f>${escapeXml(range)}</c:f>${numberCache(cells(local))}</c:numRef></c:val>`;

  const look = chart.look;
  const spacerSeries = series(
    0,
    "",
    `${look.hideSpacer ? "<c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr>" : ""}<c:invertIfNegative val="0"/>${category}${numbers(spacer, chart.spacer)}`,
  );
  const dataLabels =
    "<c:dLbls><c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr>" +
    `<c:dLblPos val="${LABEL_POSITION[look.labelPosition]}"/>` +
    '<c:showLegendKey val="0"/><c:showVal val="1"/><c:showCatName val="0"/>' +
    '<c:showSerName val="0"/><c:showPercent val="0"/><c:showBubbleSize val="0"/>' +
    `<c:extLst><c:ext uri="{CE6537A1-D6FC-4f65-9D91-7224C49458BB}" xmlns:c15="${C15}">` +
    '<c15:showDataLabelsRange val="1"/><c15:showLeaderLines val="0"/></c:ext></c:extLst></c:dLbls>';
  const labelRange =
    `<c:extLst><c:ext uri="{02D57815-91ED-43cb-92C2-25804820EDAC}" xmlns:c15="${C15}">` +
    `<c15:datalabelsRange><c15:f>${escapeXml(labels)}</c15:f>${stringCache(cells(chart.labels), "c15:dlblRangeCache")}` +
    "</c15:datalabelsRange></c:ext></c:extLst>";
  // One data point per tier in the tier's colour; CT_BarSer puts c:dPt after invertIfNegative, before dLbls.
  const points = chart.colours
    .map(
      (colour, i) =>
        `<c:dPt><c:idx val="${i}"/><c:invertIfNegative val="0"/><c:bubble3D val="0"/>` +
        `<c:spPr><a:solidFill><a:srgbClr val="${srgb(colour)}"/></a:solidFill></c:spPr></c:dPt>`,
    )
    .join("");
  const valueSeries = series(
    1,
    chart.seriesName,
    `<c:spPr><a:solidFill><a:srgbClr val="${BAR_COLOUR}"/></a:solidFill></c:spPr><c:invertIfNegative val="0"/>` +
      `${points}${dataLabels}${category}${numbers(values, chart.values)}${labelRange}`,
  );

  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" ' +
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" ' +
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
    '<c:roundedCorners val="0"/><c:chart>' +
    `<c:title><c:tx><c:rich><a:bodyPr/><a:p><a:r><a:t>${escapeXml(chart.title)}</a:t></a:r></a:p></c:rich></c:tx>` +
    '<c:overlay val="0"/></c:title><c:autoTitleDeleted val="0"/>' +
    '<c:plotArea><c:layout/><c:barChart><c:barDir val="bar"/><c:grouping val="stacked"/><c:varyColors val="0"/>' +
    spacerSeries +
    valueSeries +
    `<c:gapWidth val="${look.gapWidth}"/><c:overlap val="100"/><c:axId val="500001"/><c:axId val="500002"/></c:barChart>` +
    `<c:catAx><c:axId val="500001"/><c:scaling><c:orientation val="${look.firstOnTop ? "maxMin" : "minMax"}"/></c:scaling><c:delete val="0"/>` +
    '<c:axPos val="l"/><c:numFmt formatCode="General" sourceLinked="0"/><c:majorTickMark val="none"/>' +
    '<c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/><c:crossAx val="500002"/><c:crosses val="autoZero"/>' +
    '<c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>' +
    `<c:valAx><c:axId val="500002"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="${look.valueAxis ? 0 : 1}"/>` +
    '<c:axPos val="b"/><c:numFmt formatCode="General" sourceLinked="1"/><c:majorTickMark val="none"/>' +
    '<c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/><c:crossAx val="500001"/><c:crosses val="autoZero"/>' +
    '<c:crossBetween val="between"/></c:valAx></c:plotArea>' +
    // CT_Chart: c:legend after c:plotArea, before c:plotVisOnly; without it there is no legend.
    (look.legend ? '<c:legend><c:legendPos val="r"/><c:overlay val="0"/></c:legend>' : "") +
    '<c:plotVisOnly val="0"/><c:dispBlanksAs val="gap"/></c:chart></c:chartSpace>'
  );
}

/**
 * The drawing part (xl/drawings/drawingN.xml) that places charts on a sheet, one anchor per chart,
 * each pointing to its chart part through the relationship id given.
 *
 * @example
 * drawingXml([{ anchor: { row: 2, column: 9, rows: 15, columns: 6 }, relationshipId: "rId1" }])
 * // contains "<xdr:from><xdr:col>9</xdr:col>"
 */
export function drawingXml(charts: { anchor: PyramidChart["anchor"]; relationshipId: string; title?: string }[]): string {
  const anchors = charts
    .map(({ anchor, relationshipId, title }, i) => {
      const marker = (tag: string, row: number, column: number) =>
        `<xdr:${tag}><xdr:col>${column}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:${tag}>`;
      return (
        '<xdr:twoCellAnchor editAs="oneCell">' +
        marker("from", anchor.row, anchor.column) +
        marker("to", anchor.row + anchor.rows, anchor.column + anchor.columns) +
        `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${i + 2}" name="${escapeXml(title ?? `Chart ${i + 1}`)}"/>` +
        "<xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>" +
        '<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>' +
        '<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart">' +
        '<c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" ' +
        `xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="${relationshipId}"/>` +
        "</a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>"
      );
    })
    .join("");
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" ' +
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">' +
    anchors +
    "</xdr:wsDr>"
  );
}
