// Prepare for sharing on a sheet written with a namespace prefix (Open XML SDK): TIERS formulas are
// found in <x:c><x:f> and turned into their values in the same prefix.

import { shareSheetXml, ShareReport } from "../../src/workbook/executors/xlsx/share";

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

function report(): ShareReport {
  return { toValues: [], toNative: [], unresolved: [], leftAsIs: [], addinRemoved: false, aboutSheet: "About" };
}

test("a prefixed sheet's TIERS formulas become their values, written with the sheet's prefix", () => {
  const xml =
    `<x:worksheet xmlns:x="${MAIN}"><x:sheetData><x:row r="2">` +
    '<x:c r="C2"><x:f>_xldudf_TIERS_CUSTOMERRANK(B2,$B$2:$B$6)</x:f><x:v>3</x:v></x:c>' +
    '<x:c r="D2" t="str"><x:f>_xldudf_TIERS_CUSTOMERTIER(B2,$B$2:$B$6)</x:f><x:v>B</x:v></x:c>' +
    '<x:c r="E2"><x:f>SUM(B2:B6)</x:f><x:v>15</x:v></x:c>' +
    "</x:row></x:sheetData></x:worksheet>";
  const seen = report();
  const out = shareSheetXml(xml, "Customers", "values", seen);
  expect(out).toBe(
    `<x:worksheet xmlns:x="${MAIN}"><x:sheetData><x:row r="2">` +
      '<x:c r="C2"><x:v>3</x:v></x:c>' +
      '<x:c r="D2" t="inlineStr"><x:is><x:t>B</x:t></x:is></x:c>' +
      '<x:c r="E2"><x:f>SUM(B2:B6)</x:f><x:v>15</x:v></x:c>' +
      "</x:row></x:sheetData></x:worksheet>",
  );
  expect(seen.toValues.map((cell) => cell.cell)).toEqual(["C2", "D2"]);
});

test("a TIERS formula's text result becomes a text exactly as it was, dollar signs and spaces included", () => {
  const xml =
    `<worksheet xmlns="${MAIN}"><sheetData><row r="2">` +
    '<c r="D2" t="str"><f>_xldudf_TIERS_CUSTOMERTIER(B2,$B$2:$B$6)</f><v>A$&amp;$$ </v></c>' +
    "</row></sheetData></worksheet>";
  const out = shareSheetXml(xml, "Customers", "values", report());
  expect(out).toContain('<c r="D2" t="inlineStr"><is><t xml:space="preserve">A$&amp;$$ </t></is></c>');
});
