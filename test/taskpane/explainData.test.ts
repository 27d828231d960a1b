// The explain view's data: the search over the graded customers (a page of matches, prefix first) and
// one customer's explanation, taken from a real grading of a real .xlsx through run.ts and engine/explain.ts.

import { GradedCustomers, MATCH_LIMIT, paneOutcome } from "../../src/taskpane/explainData";
import { defaultSettings, gradeWorkbook } from "../../src/workbook/run";
import { openXlsx } from "../../src/workbook/executors/xlsx";
import { buildWorkbook, smallCustomerSheets } from "../xlsx/buildWorkbook";

const NOW = new Date(2026, 0, 31);

describe("GradedCustomers.find", () => {
  const none = () => [];
  test("IDs that start with the query first, then those that contain it, in table order; case- and width-insensitive", () => {
    const graded = new GradedCustomers(["AC1", "C10", "x", "c1", "Ｃ１２"], [], [], none);
    expect(graded.find("c1")).toEqual({
      matches: [
        { index: 1, id: "C10" },
        { index: 3, id: "c1" },
        { index: 4, id: "Ｃ１２" },
        { index: 0, id: "AC1" },
      ],
      total: 4,
    });
    expect(graded.find("zz")).toEqual({ matches: [], total: 0 });
  });

  test("100,000 customers: a page of MATCH_LIMIT matches and the total, never all of them", () => {
    const ids = Array.from({ length: 100_000 }, (_, i) => `C${i + 1}`);
    const graded = new GradedCustomers(ids, [], [], none);
    const all = graded.find("");
    expect(all.total).toBe(100_000);
    expect(all.matches).toHaveLength(MATCH_LIMIT);
    const some = graded.find("C9999");
    // C9999 and C99990..C99999 start with it.
    expect(some.total).toBe(11);
    expect(some.matches[0]).toEqual({ index: 9998, id: "C9999" });
  });
});

describe("paneOutcome and explainOne on a real grading", () => {
  test("the explanation is the engine's: contributions by indicator adding up to the score, the gap, the closing change", async () => {
    const book = await openXlsx(await buildWorkbook(smallCustomerSheets()));
    const settings = { ...defaultSettings("en-US", NOW), scheme: { kind: "cutoffs" as const, cutoffs: [70, 40] } };
    const outcome = await gradeWorkbook(book, settings);
    if (!outcome.ok) throw new Error("the small workbook has problems");
    const { shown, graded } = paneOutcome(outcome);
    expect(shown).toMatchObject({ ok: true, explained: 5 });
    // Nothing but plain data crosses to the page.
    expect(() => structuredClone(shown)).not.toThrow();
    expect(graded).toBeDefined();
    // By hand: Sales 500..100 (0.6, minmax), Complaints 0..4 (0.4, lower): C3 = 0.6·50 + 0.4·50 = 50, B (40..70);
    // A needs 70: 20 points; Sales would need 50 + 20/0.6 = 83.3 points = 433.3 (+44.4 %), Complaints 50 + 50 = 100 points = 0 (−100 %).
    const c3 = graded!.explainOne(2)!;
    expect(c3.id).toBe("C3");
    expect(c3.tier).toBe("B");
    expect(c3.contributions.map((c) => c.name)).toEqual(["Sales", "Complaints"]);
    expect(c3.contributions[0].value).toBeCloseTo(30, 9);
    expect(c3.contributions[1].value).toBeCloseTo(20, 9);
    expect(c3.contributions.reduce((s, c) => s + c.value, 0)).toBe(c3.score);
    expect(c3.gap).toBeCloseTo(20, 9);
    expect(c3.nextTier).toBe("A");
    expect(c3.close?.name).toBe("Sales");
    expect(c3.close?.to).toBeCloseTo(433.33333, 4);
    expect(c3.close?.change).toBe("+45 %");
    // The same numbers as the engine's own explanation of the same run.
    expect(outcome.explain!()[2]!.contributions).toEqual(c3.contributions.map((c) => c.value));
    expect(() => structuredClone(c3)).not.toThrow();
    const top = graded!.explainOne(0)!;
    expect(top.gap).toBeUndefined();
    expect(top.text.en).toBe("A: the top tier");
  });

  test("a left-out customer has no explanation; a method's tiers (k-means) are not explained", async () => {
    const sheets = smallCustomerSheets();
    sheets[0].rows[2][3] = null;
    const book = await openXlsx(await buildWorkbook(sheets));
    const outcome = await gradeWorkbook(book, defaultSettings("en-US", NOW));
    if (!outcome.ok) throw new Error("problems");
    const { graded } = paneOutcome(outcome);
    expect(graded!.explainOne(1)).toBeNull();
    const clustered = await gradeWorkbook(await openXlsx(await buildWorkbook(smallCustomerSheets())), { ...defaultSettings("en-US", NOW), method: { kind: "kmeans", k: 2 } });
    if (!clustered.ok) throw new Error("problems");
    const made = paneOutcome(clustered);
    expect(made.graded).toBeUndefined();
    expect(made.shown).not.toHaveProperty("explained");
  });
});
