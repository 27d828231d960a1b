import fc from "fast-check";
import { changeWords, explainGrade } from "../../src/engine/explain";
import { explanationText } from "../../src/workbook/explainWords";
import { grade } from "../../src/engine/grade";
import { columnStats, pointsOf } from "../../src/engine/points";
import type { GradeInput, Indicator, TierScheme } from "../../src/engine/types";

const sales: Indicator = { name: "Sales", weight: 0.6, direction: "higher", scoring: "minmax", column: "Sales" };
const visits: Indicator = { name: "Visits", weight: 0.4, direction: "higher", scoring: "minmax", column: "Visits" };

function input(values: number[][], indicators: Indicator[], scheme: TierScheme, labels: string[]): GradeInput {
  return {
    ids: values[0].map((_, i) => `c${i + 1}`),
    indicatorValues: values.map((v) => Float64Array.from(v)),
    weightTable: { dimensions: [], indicators },
    scheme,
    labels,
    missing: "exclude",
  };
}

describe("explainGrade by hand", () => {
  it("explains cut-off tiers: contributions, gap, the cheapest indicator", () => {
    // Sales 0..100 (weight 0.6), visits 0..10 (weight 0.4), A at 50.
    const inp = input(
      [
        [0, 20, 100],
        [10, 5, 0],
      ],
      [sales, visits],
      { kind: "cutoffs", cutoffs: [50] },
      ["A", "B"],
    );
    const res = grade(inp);
    const ex = explainGrade(inp, res);
    // c2: sales 20 -> 20 points, visits 5 -> 50 points; score 12 + 20 = 32, gap 18.
    // Sales needs 20 + 18/0.6 = 50 points = 50 (+150 %); visits 50 + 18/0.4 = 95 points = 9.5 (+90 %).
    const c2 = ex[1]!;
    expect(c2.contributions).toEqual([12, 20]);
    expect(c2.score).toBe(32);
    expect(c2.gap).toBe(18);
    expect(c2.target).toBe(50);
    expect(c2.nextTier).toBe(0);
    expect(c2.close?.name).toBe("Visits");
    expect(c2.close?.to).toBeCloseTo(9.5, 12);
    expect(c2.close?.relative).toBeCloseTo(0.9, 12);
    // The engine gives the reason as a code with its numbers rounded for reading; the words are the catalogue's.
    expect(c2.reason).toEqual({ code: "gap", label: "B", next: "A", gap: "18.0", close: { indicator: "Visits", change: "+90 %" } });
    expect(explanationText(c2, "en-US")).toBe("B: 18.0 points below A; Visits +90 % would close it");
    expect(explanationText(c2, "zh-CN")).toBe("B：比 A 低 18.0 分；Visits +90 % 即可升级");
    // c1: sales 0, visits 10: score 40, gap 10; visits is at 100 points already; sales needs
    // 10/0.6 = 16.67 points = 16.67 from 0 (no percentage from 0).
    expect(ex[0]!.close?.name).toBe("Sales");
    expect(explanationText(ex[0]!, "en-US")).toBe("B: 10.0 points below A; Sales +16.7 would close it");
    // c3: 60 points, A
    expect(ex[2]!.reason).toEqual({ code: "top-tier", label: "A" });
    expect(explanationText(ex[2]!, "en-US")).toBe("A: the top tier");
    expect(explanationText(ex[2]!, "zh-CN")).toBe("A：已是最高一级");
  });

  it("says when no single indicator can close the gap", () => {
    // A at 90: c2 (32) needs 58 more: sales would need 20 + 96.7 > 100 points, visits 50 + 145 > 100.
    const inp = input(
      [
        [0, 20, 100],
        [10, 5, 0],
      ],
      [sales, visits],
      { kind: "cutoffs", cutoffs: [90] },
      ["A", "B"],
    );
    const ex = explainGrade(inp, grade(inp));
    expect(ex[1]!.close).toBeUndefined();
    expect(explanationText(ex[1]!, "en-US")).toBe("B: 58.0 points below A; no single indicator can close it");
    expect(explanationText(ex[1]!, "zh-CN")).toBe("B：比 A 低 58.0 分；单个指标无法补足");
  });

  it("uses the lowest score of the next tier under shares, and lower-is-better indicators", () => {
    // One indicator, days overdue (lower is better), minmax over 0..40; 5 customers, shares 20/80:
    // points 100, 75, 50, 25, 0 -> A is c1 alone (rank 1 ≤ 1); c2 is B, 25 points below 100.
    const overdue: Indicator = { name: "Overdue days", weight: 1, direction: "lower", scoring: "minmax", column: "o" };
    const inp = input([[0, 10, 20, 30, 40]], [overdue], { kind: "shares", shares: [0.2, 0.8] }, ["A", "B"]);
    const ex = explainGrade(inp, grade(inp));
    expect(ex[1]!.target).toBe(100);
    expect(ex[1]!.gap).toBe(25);
    expect(ex[1]!.close?.to).toBe(0);
    expect(explanationText(ex[1]!, "en-US")).toBe("B: 25.0 points below A; Overdue days −100 % would close it");
  });

  it("passes another customer's value under percentile and picks the threshold under bands", () => {
    const pct: Indicator = { name: "Orders", weight: 0.5, direction: "higher", scoring: "percentile", column: "o" };
    const band: Indicator = {
      name: "Years",
      weight: 0.5,
      direction: "higher",
      scoring: "bands",
      column: "y",
      bands: [
        { threshold: 0, points: 0 },
        { threshold: 2, points: 50 },
        { threshold: 5, points: 100 },
      ],
    };
    // Orders 10, 20, 30, 40, 50 -> 0, 25, 50, 75, 100 points; years all 1 -> 0 points. Cut-off 30.
    const inp = input(
      [
        [10, 20, 30, 40, 50],
        [1, 1, 1, 1, 1],
      ],
      [pct, band],
      { kind: "cutoffs", cutoffs: [30] },
      ["A", "B"],
    );
    const ex = explainGrade(inp, grade(inp));
    // c2: 12.5 points, gap 17.5. Orders needs 25 + 35 = 60 points -> 3 of 4 others below: pass 40
    // (+100 %, strictly more: shown +101 %); years needs 35 points -> band at 2 (50 points): +100 %.
    const c2 = ex[1]!;
    expect(c2.score).toBe(12.5);
    expect(c2.close?.name).toBe("Years");
    expect(c2.close?.to).toBe(2);
    // c3: 25 points, gap 5: orders needs 50 + 10 = 60 points -> pass 40 (+33.3 %, strict -> 34 %);
    // years 10 points -> the band at 2 (+100 %).
    const c3 = ex[2]!;
    expect(c3.close?.name).toBe("Orders");
    expect(c3.close?.to).toBe(40);
    expect(c3.close?.strict).toBe(true);
    expect(explanationText(c3, "en-US")).toBe("B: 5.0 points below A; Orders +34 % would close it");
  });

  it("does not explain tiers that the score does not decide, nor excluded customers", () => {
    const inp: GradeInput = {
      ...input([[1, 2, NaN]], [{ ...sales, weight: 1 }], { kind: "pareto", cutoffs: [0.8] }, ["A", "B"]),
      value: Float64Array.of(10, 90, 5),
    };
    const ex = explainGrade(inp, grade(inp));
    expect(ex[2]).toBeNull();
    expect(explanationText(ex[0]!, "en-US")).toBe("B: tiered by cumulative value, not by score");
    expect(ex[0]!.gap).toBeUndefined();
  });
});

describe("explainGrade properties", () => {
  const scoring = fc.constantFrom<Indicator["scoring"]>("minmax", "percentile", "raw");
  it("contributions add up to the score bit for bit, and the proposed change closes the gap", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(scoring, fc.constantFrom<"higher" | "lower">("higher", "lower"), fc.double({ min: 0.01, max: 1, noNaN: true })), { minLength: 1, maxLength: 4 }),
        fc.integer({ min: 2, max: 25 }),
        fc.integer(),
        fc.boolean(),
        (specs, n, seed, byShares) => {
          let s = seed;
          const rand = () => ((s = (Math.imul(s, 1103515245) + 12345) | 0) >>> 0) / 4294967296;
          const indicators: Indicator[] = specs.map(([sc, dir, w], j) => ({ name: `I${j}`, weight: w, direction: dir, scoring: sc, column: `I${j}` }));
          // coarse values half the time, so ties (shared ranks, repeated percentile values) are common
          const coarse = rand() < 0.5;
          const values = indicators.map(() => Array.from({ length: n }, () => (coarse ? Math.round(rand() * 10) * 10 : Math.round(rand() * 1000) / 10)));
          const scheme: TierScheme = byShares ? { kind: "shares", shares: [0.2, 0.3, 0.5] } : { kind: "cutoffs", cutoffs: [70, 40] };
          const inp = input(values, indicators, scheme, ["A", "B", "C"]);
          const res = grade(inp);
          const ex = explainGrade(inp, res);
          ex.forEach((e, i) => {
            if (!e) return;
            let sum = 0;
            for (const c of e.contributions) sum += c;
            expect(sum).toBe(res.score[i]);
            if (!e.close || e.gap === undefined) return;
            const j = e.close.indicator;
            const column = inp.indicatorValues[j];
            const stats = columnStats(column, { sorted: true });
            let to = e.close.to;
            if (e.close.strict) to += (indicators[j].direction === "higher" ? 1 : -1) * 1e-6 * Math.max(1, Math.abs(to));
            // percentile counts among the others: the customer's own value replaced
            const moved = Float64Array.from(column);
            moved[i] = to;
            const p = indicators[j].scoring === "percentile" ? pointsOf(to, columnStats(moved, { sorted: true }), "percentile", indicators[j].direction) : pointsOf(to, stats, indicators[j].scoring, indicators[j].direction);
            expect(p).toBeGreaterThanOrEqual(e.close.pointsNeeded - 1e-9);
            const newScore = e.score + res.weights[j] * (p - res.points[j][i]);
            expect(newScore).toBeGreaterThanOrEqual((e.target as number) - 1e-9);
          });
        },
      ),
      {
        numRuns: 200,
        // Found by this property in CI: a raw, lower-is-better indicator needing -1.4e-14 points (a rounding
        // error) was proposed the value 100.00000000000001, which is no raw value at all.
        examples: [[[["minmax", "higher", 0.13052918061955118], ["raw", "lower", 0.08486958475821584]], 7, 1474399239, true]],
      },
    );
  });
});

describe("changeWords", () => {
  const base = { indicator: 0, name: "Sales", pointsNeeded: 60 };
  it("rounds up, so the words never understate the change", () => {
    expect(changeWords({ ...base, from: 100, to: 117.2, strict: false, change: 17.2, relative: 0.172 })).toBe("+18 %");
    expect(changeWords({ ...base, from: 100, to: 120, strict: false, change: 20, relative: 0.2 })).toBe("+20 %");
    expect(changeWords({ ...base, from: 100, to: 120, strict: true, change: 20, relative: 0.2 })).toBe("+21 %"); // must pass 120
    expect(changeWords({ ...base, from: 50, to: 40, strict: false, change: -10, relative: 0.2 })).toBe("−20 %");
    expect(changeWords({ ...base, from: 1000, to: 1004, strict: false, change: 4, relative: 0.004 })).toBe("+0.4 %");
    expect(changeWords({ ...base, from: 0, to: 3.33, strict: false, change: 3.33, relative: Infinity })).toBe("+3.33");
    expect(changeWords({ ...base, from: 0, to: 16.666666, strict: false, change: 16.666666, relative: Infinity })).toBe("+16.7");
  });
});
