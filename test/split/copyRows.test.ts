// A copy's customer rows are written cell by cell (the view's numberAt and cellAt, read straight from the
// graded table's typed columns): every cell must be what the row made whole holds, whatever the column
// mixes — numbers, texts, blanks, booleans, error values, a number written as text.

import { gradeWorkbook } from "../../src/workbook/run";
import { defaultSettings } from "../../src/workbook/settings";
import { openXlsx } from "../../src/workbook/executors/xlsx";
import { planOwnerCopies } from "../../src/workbook/features/split";
import { viewOf } from "../../src/workbook/lazyArray";
import type { CellOut } from "../../src/workbook/types";
import { buildWorkbook } from "../xlsx/buildWorkbook";
import type { FixtureCell } from "../xlsx/buildWorkbook";

const NOW = new Date(Date.UTC(2026, 11, 2, 9, 0));

/** A Note column mixing every kind of value, and a blank Owner. */
function note(i: number): FixtureCell {
  switch (i % 7) {
    case 0:
      return i * 1.5;
    case 1:
      return `note ${i}`;
    case 2:
      return null;
    case 3:
      return { raw: (ref: string) => `<c r="${ref}" t="b"><v>1</v></c>` };
    case 4:
      return { raw: (ref: string) => `<c r="${ref}" t="e"><v>#N/A</v></c>` };
    case 5:
      return { raw: (ref: string) => `<c r="${ref}" t="inlineStr"><is><t>42</t></is></c>` };
    default:
      return -0.25;
  }
}

test("a copy's rows read cell by cell hold what its rows made whole hold", async () => {
  const rows: FixtureCell[][] = [["Customer ID", "Owner", "Sales", "Complaints", "Note"]];
  for (let i = 0; i < 30; i++) rows.push([`C${i}`, i % 5 === 4 ? null : `Owner ${i % 3}`, 100 + ((i * 37) % 23), i % 4, note(i)]);
  const book = await openXlsx(
    await buildWorkbook([
      { name: "Customers", rows },
      { name: "Weights", rows: [["Indicator", "Weight", "Direction"], ["Sales", 0.6, "higher"], ["Complaints", 0.4, "lower"]] },
    ]),
  );
  const graded = await gradeWorkbook(book, defaultSettings("en-US", NOW));
  if (!graded.ok) throw new Error(graded.inspection.problems.map((p) => p.message["en-US"]).join("\n"));
  const outcome = await planOwnerCopies(await openXlsx(await book.save()), { by: "Owner", lang: "en-US" });
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.problems));
  let checked = 0;
  const kinds = new Set<string>();
  for (const copy of outcome.copies) {
    const customers = copy.plans[0].sheets[0];
    const view = viewOf(customers.blocks[1].values)!;
    expect(view.numberAt && view.cellAt).toBeTruthy();
    for (let k = 0; k < view.length; k++) {
      const made = view.make(k);
      for (let j = 0; j < view.width!; j++) {
        const cell: CellOut = view.cellAt!(k, j);
        expect(cell).toEqual(made[j]);
        const x = view.numberAt!(k, j);
        if (typeof made[j] === "number" && Number.isFinite(made[j])) expect(x).toBe(made[j]);
        else expect(x).toBeNaN();
        kinds.add(made[j] === null ? "blank" : typeof made[j]);
        checked++;
      }
    }
  }
  // Every kind of value went through (an error value is written as its text).
  expect([...kinds].sort()).toEqual(["blank", "boolean", "number", "string"]);
  // The 24 customers with an owner in their owners' copies, all 30 in the company-wide one; 5 columns each.
  expect(checked).toBe((24 + 30) * 5);
});
