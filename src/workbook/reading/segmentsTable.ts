// The Segments / 细分 table of the RFM scheme (issue 16 §2): one segment per row, inclusive score
// ranges of R, F and M; the first row a customer matches wins, the rest are "Others". Written
// pre-filled with R's rfm package defaults when a workbook has none.

import { defaultRfmSegments } from "../../engine/rfm";
import { textOf } from "../../text";
import type { RfmSegment } from "../../engine/rfm";
import { boxAddress, cellAddress } from "./address";
import { cellText, isBlank, readNumber } from "./cells";
import { headerKey } from "./headers";
import { problem } from "./problems";
import type { Block, CellOut, CellValue, Lang, Problem } from "../types";

/** The seven columns, each with its English and Chinese header (the first two are what the sheet is written with). */
export const SEGMENT_HEADERS: readonly { key: keyof RfmSegment; names: readonly string[] }[] = [
  { key: "name", names: ["Segment", "细分", "Segment name", "细分名称"] },
  { key: "rLow", names: ["R low", "R下限"] },
  { key: "rHigh", names: ["R high", "R上限"] },
  { key: "fLow", names: ["F low", "F下限"] },
  { key: "fHigh", names: ["F high", "F上限"] },
  { key: "mLow", names: ["M low", "M下限"] },
  { key: "mHigh", names: ["M high", "M上限"] },
];

/**
 * The segments a Segments / 细分 block holds, in its row order (first match wins). The header row is
 * the block's first non-blank row and needs all seven columns (SEGMENT_HEADERS, either language);
 * other columns (a description) are kept out of the way. Fully blank rows are skipped. A bound must be
 * a whole number from 1 to `bins` and a low bound not above its high bound; a row without a name is
 * named by its row ("Segment 5"). Never throws: `segments` is returned only when there is no error.
 *
 * @example
 * // Segments!A1:G2 = [["细分","R下限","R上限","F下限","F上限","M下限","M上限"], ["冠军",5,5,5,5,5,5]]
 * parseSegmentsTable(block, 5).segments // [{ name: "冠军", rLow: 5, rHigh: 5, fLow: 5, fHigh: 5, mLow: 5, mHigh: 5 }]
 */
export function parseSegmentsTable(block: Block, bins = 5): { segments?: RfmSegment[]; problems: Problem[] } {
  const { sheet, box, values } = block;
  const problems: Problem[] = [];
  const blankRow = (row: CellValue[] | undefined) => !row || row.every((v) => isBlank(v ?? null));
  let headerIndex = 0;
  while (headerIndex < values.length && blankRow(values[headerIndex])) headerIndex++;
  if (headerIndex >= values.length || box.columns === 0) {
    return { problems: [problem("table-empty", sheet, box.rows > 0 && box.columns > 0 ? boxAddress(box) : "", { role: "segments" })] };
  }
  const headers = values[headerIndex].map((v) => cellText(v ?? null));
  const headerRange = boxAddress({ top: box.top + headerIndex, left: box.left, rows: 1, columns: box.columns });
  const columns = SEGMENT_HEADERS.map(({ names }) => {
    const keys = new Set(names.map(headerKey));
    return headers.findIndex((h) => keys.has(headerKey(h)));
  });
  columns.forEach((c, k) => {
    if (c < 0) {
      problems.push(problem("segments-header-missing", sheet, headerRange, { column: SEGMENT_HEADERS[k].names[0], headers: headers.filter((h) => h !== "").join(", ") }));
    }
  });
  if (problems.length > 0) return { problems };

  const segments: RfmSegment[] = [];
  for (let r = headerIndex + 1; r < values.length; r++) {
    const row = values[r];
    if (blankRow(row)) continue;
    const name = cellText(row[columns[0]] ?? null) || `Segment ${segments.length + 1}`;
    const bounds: number[] = [];
    for (let k = 1; k < 7; k++) {
      const cell = row[columns[k]];
      const x = readNumber(cell);
      if (typeof x !== "number" || !Number.isInteger(x) || x < 1 || x > bins) {
        problems.push(problem("segment-bound", sheet, cellAddress(box.top + r, box.left + columns[k]), { value: cellText(cell ?? null), bins }));
        bounds.push(NaN);
      } else bounds.push(x);
    }
    for (let k = 0; k < 6; k += 2) {
      if (bounds[k] > bounds[k + 1]) {
        problems.push(
          problem("segment-bounds-crossed", sheet, `${cellAddress(box.top + r, box.left + columns[k + 1])}:${cellAddress(box.top + r, box.left + columns[k + 2])}`, {
            low: bounds[k],
            high: bounds[k + 1],
          }),
        );
      }
    }
    const [rLow, rHigh, fLow, fHigh, mLow, mHigh] = bounds;
    segments.push({ name, rLow, rHigh, fLow, fHigh, mLow, mHigh });
  }
  if (problems.length > 0) return { problems };
  return { segments, problems };
}

/**
 * A default segment's name in `lang`, by R rfm's name (src/engine/rfm.ts): the text catalogue's
 * (output.rfmSegments), or R's name for one it does not know.
 *
 * @example segmentName("Champions", "zh-CN") // "重要价值客户"
 */
export function segmentName(name: string, lang: Lang): string {
  const names: Record<string, string> = textOf(lang).output.rfmSegments;
  return names[name] ?? name;
}

/**
 * The rows of a new Segments / 细分 sheet: the header row in the workbook's language, then R's rfm
 * package's default segments in their order (names in Chinese under zh-CN), on the scale of `bins`
 * scores (defaultRfmSegments), so that the next run with the same bins reads them back without a problem.
 *
 * @example defaultSegmentRows("zh-CN")[1] // ["重要价值客户", 5, 5, 5, 5, 5, 5]
 */
export function defaultSegmentRows(lang: Lang, bins = 5): CellOut[][] {
  const header = SEGMENT_HEADERS.map(({ names }) => (lang === "zh-CN" ? names[1] : names[0]));
  return [
    header,
    ...defaultRfmSegments(bins).map((s) => [segmentName(s.name, lang), s.rLow, s.rHigh, s.fLow, s.fHigh, s.mLow, s.mHigh]),
  ];
}
