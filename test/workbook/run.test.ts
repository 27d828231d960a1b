import { defaultSettings, gradeWorkbook, inspectWorkbook } from "../../src/workbook/run";
import type { GradeSettings } from "../../src/workbook/run";
import type { CellValue } from "../../src/workbook/types";
import { migrateWorkbook } from "../../src/workbook/features/migrate";
import { MemoryWorkbook } from "../support/memoryWorkbook";

const NOW = new Date(2026, 10, 22, 9, 30);

// Sales 100..500 and complaints 4..0: both give minmax points 0, 25, 50, 75, 100, so the scores are
// 0, 25, 50, 75 and 100 whatever the weights, and a reader can check every number by hand.
function fiveCustomers(extraHeader?: string): MemoryWorkbook {
  const customers: CellValue[][] = [
    ["Customer ID", "Name", "Sales", "Complaints"],
    ["C1", "Alpha", 100, 4],
    ["C2", "Beta", 200, 3],
    ["C3", "=HYPERLINK(\"http://x\")", 300, 2],
    ["C4", "+1-2", 400, 1],
    ["C5", "Epsilon", 500, 0],
  ];
  if (extraHeader) customers.forEach((row, i) => row.push(i === 0 ? extraHeader : "x"));
  return new MemoryWorkbook({
    Weights: [
      ["Indicator", "Weight", "Direction"],
      ["Sales", 0.6, "higher"],
      ["Complaints", 0.4, "lower"],
    ],
    Customers: customers,
  });
}

function settings(overrides: Partial<GradeSettings> = {}): GradeSettings {
  return { ...defaultSettings("en-US", NOW), ...overrides };
}

describe("a grading run", () => {
  test("writes Score, Rank and Tier right of the customer table: 20/30/50 of five customers is A, B, C, C, C", async () => {
    const book = fiveCustomers();
    const outcome = await gradeWorkbook(book, settings());
    expect(outcome.ok).toBe(true);
    expect([book.cell("Customers", "E1"), book.cell("Customers", "F1"), book.cell("Customers", "G1")]).toEqual([
      "Score",
      "Rank",
      "Tier",
    ]);
    const column = (letter: string) => [2, 3, 4, 5, 6].map((row) => book.cell("Customers", `${letter}${row}`));
    expect(column("E")).toEqual([0, 25, 50, 75, 100]);
    expect(column("F")).toEqual([5, 4, 3, 2, 1]);
    // n = 5: rank <= 0.2 * 5 = 1 is A, rank <= 0.5 * 5 = 2.5 is B, the rest C.
    expect(column("G")).toEqual(["C", "C", "C", "B", "A"]);
  });

  test("writes the tier summary with counts and shares per tier", async () => {
    const book = fiveCustomers();
    await gradeWorkbook(book, settings());
    expect(book.cell("Tier summary", "A4")).toBe("A");
    expect(book.cell("Tier summary", "B4")).toBe(1);
    expect(book.cell("Tier summary", "C6")).toBeCloseTo(0.6, 12);
    expect(book.charts.get("Tier summary")).toHaveLength(2);
  });

  test("writes the headers and the summary in Chinese when the run's language is zh-CN", async () => {
    const book = fiveCustomers();
    await gradeWorkbook(book, settings({ lang: "zh-CN" }));
    expect(book.cell("Customers", "E1")).toBe("得分");
    expect(book.cell("Customers", "G1")).toBe("等级");
    expect(book.sheets.has("分级汇总")).toBe(true);
  });

  test("a re-run replaces exactly what the first run wrote", async () => {
    const book = fiveCustomers();
    await gradeWorkbook(book, settings());
    const first = JSON.stringify([...book.sheets.entries()]);
    const again = await gradeWorkbook(book, settings());
    expect(again.ok).toBe(true);
    expect(JSON.stringify([...book.sheets.entries()])).toBe(first);
    expect(book.cell("Customers", "H1")).toBeNull();
  });

  test("a re-run in the other language replaces the old headers instead of adding columns", async () => {
    const book = fiveCustomers();
    await gradeWorkbook(book, settings());
    await gradeWorkbook(book, settings({ lang: "zh-CN" }));
    expect(book.cell("Customers", "E1")).toBe("得分");
    expect(book.cell("Customers", "H1")).toBeNull();
    expect(book.sheets.has("Tier summary")).toBe(false);
  });

  test("a user column named like an output stops the run and nothing is written", async () => {
    const book = fiveCustomers("Tier");
    const outcome = await gradeWorkbook(book, settings());
    expect(outcome.ok).toBe(false);
    const collision = outcome.inspection.problems.find((p) => p.code === "output-collision");
    expect(collision).toMatchObject({ sheet: "Customers", cell: "E1", severity: "error" });
    expect(book.executed).toBe(0);
    expect(book.cell("Customers", "E2")).toBe("x");
  });

  test("a user sheet named like the summary sheet stops the run", async () => {
    const book = fiveCustomers();
    book.sheets.set("Tier summary", [["my notes"]]);
    const outcome = await gradeWorkbook(book, settings());
    expect(outcome.ok).toBe(false);
    expect(outcome.inspection.problems.map((p) => p.code)).toContain("output-sheet-collision");
    expect(book.cell("Tier summary", "A1")).toBe("my notes");
  });

  test("inspection shows customers and global weights before anything is written", async () => {
    const book = fiveCustomers();
    const inspection = await inspectWorkbook(book, settings());
    expect(inspection.ok).toBe(true);
    expect(inspection.customers).toBe(5);
    expect(inspection.indicators.map((i) => [i.name, i.globalWeight])).toEqual([
      ["Sales", 0.6],
      ["Complaints", 0.4],
    ]);
    expect(book.executed).toBe(0);
  });

  test("a cancelled run writes nothing", async () => {
    const book = fiveCustomers();
    const controller = new AbortController();
    controller.abort();
    await expect(gradeWorkbook(book, settings(), undefined, controller.signal)).rejects.toMatchObject({ name: "AbortError" });
    expect(book.executed).toBe(0);
  });

  test("a customer with a blank indicator is left out, listed and gets blank outputs", async () => {
    const book = fiveCustomers();
    book.sheets.get("Customers")![2][2] = null;
    const outcome = await gradeWorkbook(book, settings());
    expect(outcome.ok).toBe(true);
    expect(book.cell("Customers", "G3")).toBeNull();
    expect(outcome.inspection.excluded).toBe(1);
    expect(outcome.inspection.problems.map((p) => p.code)).toContain("customers-excluded");
  });

  test("pareto needs a value column and names it when it is missing", async () => {
    const book = fiveCustomers();
    const outcome = await gradeWorkbook(
      book,
      settings({ scheme: { kind: "pareto", cutoffs: [0.8, 0.95] }, valueColumn: "Revenue" }),
    );
    expect(outcome.ok).toBe(false);
    expect(outcome.inspection.problems.map((p) => p.code)).toContain("value-column-missing");
  });

  test("pareto by sales: 500 + 400 of 1,500 is 60 %, so C3 (held above it: 60 % < 80 %) is still A", async () => {
    const book = fiveCustomers();
    await gradeWorkbook(book, settings({ scheme: { kind: "pareto", cutoffs: [0.8, 0.95] }, valueColumn: "Sales" }));
    const tiers = [2, 3, 4, 5, 6].map((row) => book.cell("Customers", `G${row}`));
    // Larger than C2 (200): 1,200 / 1,500 = 80 %, not < 80 %, so B; larger than C1: 1,400 / 1,500 = 93 % -> B.
    expect(tiers).toEqual(["B", "B", "A", "A", "A"]);
  });

  test("a label count that does not fit the scheme is a problem, not a crash", async () => {
    const book = fiveCustomers();
    const outcome = await gradeWorkbook(book, settings({ labels: ["A", "B"] }));
    expect(outcome.ok).toBe(false);
    expect(outcome.inspection.problems.map((p) => p.code)).toContain("label-count");
  });
});

describe("grading period after period", () => {
  function setSales(book: MemoryWorkbook, sales: number[]): void {
    const rows = book.sheets.get("Customers")!;
    sales.forEach((value, i) => (rows[i + 1][2] = value));
  }

  test("each period adds its rows to Tier history, and re-grading a period replaces only that period's rows", async () => {
    const book = fiveCustomers();
    await gradeWorkbook(book, settings({ period: "2026-Q1" }));
    setSales(book, [500, 400, 300, 200, 100]);
    await gradeWorkbook(book, settings({ period: "2026-Q2" }));
    const history = () => book.sheets.get("Tier history")!.slice(1).map((row) => `${row[0]} ${row[1]} ${row[4]}`);
    expect(history()).toEqual([
      "C1 2026-Q1 C",
      "C2 2026-Q1 C",
      "C3 2026-Q1 C",
      "C4 2026-Q1 B",
      "C5 2026-Q1 A",
      "C1 2026-Q2 A",
      "C2 2026-Q2 B",
      "C3 2026-Q2 C",
      "C4 2026-Q2 C",
      "C5 2026-Q2 C",
    ]);
    // Q2 again with C1 back to the bottom: Q1's rows are untouched, Q2's are replaced.
    setSales(book, [100, 400, 300, 200, 500]);
    await gradeWorkbook(book, settings({ period: "2026-Q2" }));
    expect(history().slice(0, 5)).toEqual(["C1 2026-Q1 C", "C2 2026-Q1 C", "C3 2026-Q1 C", "C4 2026-Q1 B", "C5 2026-Q1 A"]);
    expect(history().filter((row) => row.includes("Q2"))).toHaveLength(5);
    expect(history()).toContain("C5 2026-Q2 A");
  });

  test("a run without a period keeps the Tier history sheet as it was", async () => {
    const book = fiveCustomers();
    await gradeWorkbook(book, settings({ period: "2026-09" }));
    const before = JSON.stringify(book.sheets.get("Tier history"));
    await gradeWorkbook(book, settings());
    expect(JSON.stringify(book.sheets.get("Tier history"))).toBe(before);
  });

  test("a user's own Tier history sheet blocks a run with a period and is never overwritten", async () => {
    const book = fiveCustomers();
    book.sheets.set("Tier history", [["my diary"]]);
    const withPeriod = await gradeWorkbook(book, settings({ period: "2026" }));
    expect(withPeriod.ok).toBe(false);
    expect(withPeriod.inspection.problems.find((p) => p.code === "output-sheet-collision")?.sheet).toBe("Tier history");
    const withoutPeriod = await gradeWorkbook(book, settings());
    expect(withoutPeriod.ok).toBe(true);
    expect(book.cell("Tier history", "A1")).toBe("my diary");
  });

  test("the add-in never writes a sheet named History (Excel reserves it); a user's one is neither read nor touched", async () => {
    const book = fiveCustomers();
    book.sheets.set("History", [["Customer ID", "Period", "Score", "Rank", "Tier"], ["C1", "1999", 1, 1, "A"]]);
    const outcome = await gradeWorkbook(book, settings({ period: "2026" }));
    expect(outcome.ok).toBe(true);
    expect(book.sheets.get("History")).toEqual([["Customer ID", "Period", "Score", "Rank", "Tier"], ["C1", "1999", 1, 1, "A"]]);
    expect(book.sheets.get("Tier history")!.slice(1).map((row) => row[1])).toEqual(["2026", "2026", "2026", "2026", "2026"]);
    const state = await book.readState();
    expect(state?.sheets).toContain("Tier history");
    expect(state?.sheets).not.toContain("History");
  });
});

describe("acting on the grades", () => {
  test("strategy by tier and growth: A is a key customer; C grows with 15 % growth and is served cheaper with 2 %", async () => {
    const book = fiveCustomers();
    const rows = book.sheets.get("Customers")!;
    const growth = [0.15, 0.02, null, 0.3, 0.5];
    rows.forEach((row, i) => row.push(i === 0 ? "YoY growth" : growth[i - 1]));
    const outcome = await gradeWorkbook(book, settings({ strategy: {} }));
    expect(outcome.ok).toBe(true);
    expect(book.cell("Customers", "F1")).toBe("Score");
    expect(book.cell("Customers", "I1")).toBe("Strategy");
    const strategy = (row: number) => String(book.cell("Customers", `I${row}`));
    expect(strategy(6)).toMatch(/^Key customer/); // C5, tier A
    expect(strategy(2)).toMatch(/^Grow/); // C1, tier C, growth 15 % >= 10 %
    expect(strategy(3)).toMatch(/^Lower the cost/); // C2, tier C, growth 2 %
    expect(strategy(4)).toMatch(/^Lower the cost/); // C3, blank growth: no evidence of potential
    // The table is written once for the analyst to edit, and read from then on.
    expect(book.cell("Strategies", "A1")).toBe("Tier");
    book.sheets.get("Strategies")!.forEach((row) => {
      if (row[0] === "C" && row[1] === "no") row[2] = "Call twice a year";
    });
    await gradeWorkbook(book, settings({ strategy: {} }));
    expect(strategy(3)).toBe("Call twice a year");
  });

  test("risk by the first matching rule, and the watch list holds the top key customers and every high risk", async () => {
    const book = fiveCustomers();
    book.sheets.get("Customers")![1][3] = 6; // C1: 6 complaints
    const outcome = await gradeWorkbook(book, settings({ risk: true }));
    expect(outcome.ok).toBe(true);
    const risk = [2, 3, 4, 5, 6].map((row) => book.cell("Customers", `H${row}`));
    // Complaints 6, 3, 2, 1, 0: >= 5 is high, >= 2 is medium, else low.
    expect(risk).toEqual(["high", "medium", "medium", "low", "low"]);
    const watch = book.sheets.get("Watch list")!.slice(1).map((row) => `${row[0]} ${row[6]}`);
    expect(watch).toEqual(["C5 Top key customer", "C1 High risk: Complaints >= 5"]);
    expect(book.cell("Risk rules", "B2")).toBe("Complaints");
  });

  test("a risk rule naming a column the table lacks is a problem at its cell", async () => {
    const book = fiveCustomers();
    book.sheets.set("Risk rules", [
      ["Risk", "Column", "Condition", "Value"],
      ["high", "Overdue days", ">", 90],
    ]);
    const outcome = await gradeWorkbook(book, settings({ risk: true }));
    expect(outcome.ok).toBe(false);
    expect(outcome.inspection.problems.find((p) => p.code === "rule-column-missing")).toMatchObject({
      sheet: "Risk rules",
      cell: "B2",
    });
  });
});

describe("special grading", () => {
  const overridesSheet = (rows: CellValue[][]) => [["Customer ID", "Tier", "Reason", "Date", "By", "Expires"], ...rows];

  test("an override wins over the computed tier, which stays visible beside it with the reason", async () => {
    const book = fiveCustomers();
    book.sheets.set("Overrides", overridesSheet([["C1", "A", "Major contract", "2026-11-01", "Li", null]]));
    const outcome = await gradeWorkbook(book, settings({ period: "2026-Q4" }));
    expect(outcome.ok).toBe(true);
    expect(book.cell("Customers", "G1")).toBe("Tier");
    expect(book.cell("Customers", "G2")).toBe("A"); // C1 computed C, overridden to A
    expect(book.cell("Customers", "H2")).toBe("C");
    expect(book.cell("Customers", "I2")).toBe("Major contract · Li");
    // The summary counts the final tiers: C5 and C1 in A.
    expect(book.cell("Tier summary", "B4")).toBe(2);
    expect(book.sheets.get("Tier history")![1][6]).toBe("yes");
    expect(book.sheets.get("Audit log")!.slice(1).map((row) => `${row[1]} ${row[2]} ${row[3]}`)).toEqual(["C1 added A"]);
  });

  test("an expired override no longer applies, and the audit log only grows", async () => {
    const book = fiveCustomers();
    book.sheets.set("Overrides", overridesSheet([["C2", "B", "Default risk cleared", "2026-10-01", "Wang", "2026-11-30"]]));
    await gradeWorkbook(book, settings());
    expect(book.cell("Customers", "G3")).toBe("B");
    const log = () => book.sheets.get("Audit log")!.slice(1).map((row) => `${row[1]} ${row[2]}`);
    expect(log()).toEqual(["C2 added"]);
    await gradeWorkbook(book, settings()); // nothing changed: nothing logged
    expect(log()).toEqual(["C2 added"]);
    await gradeWorkbook(book, settings({ now: new Date(2026, 11, 1) })); // 1 December: expired
    expect(book.cell("Customers", "G3")).toBe("C");
    expect(log()).toEqual(["C2 added", "C2 expired"]);
    book.sheets.set("Overrides", overridesSheet([]));
    await gradeWorkbook(book, settings({ now: new Date(2026, 11, 1) }));
    expect(log()).toEqual(["C2 added", "C2 expired"]);
  });

  test("removing an override is logged as removed", async () => {
    const book = fiveCustomers();
    book.sheets.set("Overrides", overridesSheet([["C3", "A", "Strategic", null, "Li", null]]));
    await gradeWorkbook(book, settings());
    book.sheets.set("Overrides", overridesSheet([]));
    await gradeWorkbook(book, settings());
    expect(book.sheets.get("Audit log")!.slice(1).map((row) => `${row[1]} ${row[2]}`)).toEqual(["C3 added", "C3 removed"]);
    expect(book.cell("Customers", "G4")).toBe("C");
  });

  test("an override of an unknown customer or tier is a problem at its cell", async () => {
    const book = fiveCustomers();
    book.sheets.set("Overrides", overridesSheet([["C9", "A", "", null, "", null], ["C1", "Z", "", null, "", null]]));
    const outcome = await gradeWorkbook(book, settings());
    expect(outcome.ok).toBe(false);
    const cells = outcome.inspection.problems.filter((p) => p.sheet === "Overrides").map((p) => `${p.code} ${p.cell}`);
    expect(cells).toEqual(["override-unknown-customer A2", "override-unknown-tier B3"]);
  });
});

describe("migration between periods", () => {
  test("two quarters: who moved, who is new, who left; rows and columns add up to each period's tiers", async () => {
    const book = fiveCustomers();
    await gradeWorkbook(book, settings({ period: "Q1" }));
    // Q2: C1 leaves, C6 arrives at the top, and the order of the rest reverses.
    const rows = book.sheets.get("Customers")!;
    rows.splice(1, 1);
    rows.push(["C6", "Zeta", 600, 0]);
    rows.slice(1, 5).forEach((row, i) => (row[2] = [500, 400, 300, 200][i]));
    const outcome = await gradeWorkbook(book, settings({ period: "Q2" }));
    expect(outcome.ok).toBe(true);
    const moved = await migrateWorkbook(book, { from: "Q1", to: "Q2", lang: "en-US" });
    if (!moved.ok) throw new Error(JSON.stringify(moved.problems));
    const m = moved.migration;
    expect(m.tiers).toEqual(["A", "B", "C"]);
    expect(m.new).toEqual(["C6"]);
    expect(m.lost).toEqual(["C1"]);
    const history = book.sheets.get("Tier history")!.slice(1);
    const tierOf = (id: string, period: string) => history.find((r) => r[0] === id && r[1] === period)?.[4];
    for (const id of m.upgraded) expect(["A", "B", "C"].indexOf(tierOf(id, "Q2") as string)).toBeLessThan(["A", "B", "C"].indexOf(tierOf(id, "Q1") as string));
    for (const id of m.downgraded) expect(["A", "B", "C"].indexOf(tierOf(id, "Q2") as string)).toBeGreaterThan(["A", "B", "C"].indexOf(tierOf(id, "Q1") as string));
    const count = (period: string, tier: string) => history.filter((r) => r[1] === period && r[4] === tier).length;
    m.tiers.forEach((tier, i) => {
      expect(m.counts[i].reduce((s, x) => s + x, 0)).toBe(count("Q1", tier));
      expect(m.counts.reduce((s, row) => s + row[i], 0)).toBe(count("Q2", tier));
    });
    expect(book.cell("Migration", "A1")).toBe("Tier migration from Q1 to Q2");
    // The migration is the add-in's: a later grading keeps it, and the grading columns stay where they were.
    await gradeWorkbook(book, settings({ period: "Q2" }));
    expect(book.sheets.has("Migration")).toBe(true);
    expect(book.cell("Customers", "G1")).toBe("Tier");
  });

  test("a period that was never graded is named with the periods there are, and nothing is written", async () => {
    const book = fiveCustomers();
    await gradeWorkbook(book, settings({ period: "2026-Q1" }));
    const moved = await migrateWorkbook(book, { from: "2026-Q1", to: "2026-Q2", lang: "en-US" });
    expect(moved.ok).toBe(false);
    if (moved.ok) return;
    expect(moved.problems[0].code).toBe("period-not-graded");
    expect(moved.problems[0].message["en-US"]).toContain("2026-Q1");
    expect(book.sheets.has("Migration")).toBe(false);
  });
});
