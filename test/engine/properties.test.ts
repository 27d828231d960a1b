// Invariants of the method, checked on random tables (fast-check). Small runs: n <= 50 customers.
import fc from "fast-check";
import { grade } from "../../src/engine/grade";
import { columnStats, indicatorPoints, pointsOf } from "../../src/engine/points";
import { rankEq, rankOf } from "../../src/engine/rank";
import { paretoTierOf, paretoTiers } from "../../src/engine/tiers";
import type { Direction, GradeInput, Indicator, ScoringRule, TierScheme } from "../../src/engine/types";

const RUNS = { numRuns: 100 };

interface Table {
  columns: number[][];
  indicators: Indicator[];
}

const bands = [
  { threshold: 10, points: 30 },
  { threshold: 50, points: 70 },
  { threshold: 90, points: 100 },
];

/** k indicators (1..4) over n customers (1..50), values 0..100 so that every rule, raw included, applies. */
function table(values: fc.Arbitrary<number>, scorings: ScoringRule[] = ["minmax", "percentile", "bands", "raw"]): fc.Arbitrary<Table> {
  return fc.integer({ min: 1, max: 50 }).chain((n) =>
    fc
      .array(
        fc.record({
          column: fc.array(values, { minLength: n, maxLength: n }),
          scoring: fc.constantFrom(...scorings),
          direction: fc.constantFrom<Direction>("higher", "lower"),
          weight: fc.integer({ min: 1, max: 10 }),
        }),
        { minLength: 1, maxLength: 4 },
      )
      .map((specs) => ({
        columns: specs.map((s) => s.column),
        indicators: specs.map((s, j) => ({
          name: `i${j}`,
          weight: s.weight,
          direction: s.direction,
          scoring: s.scoring,
          bands: s.scoring === "bands" ? bands : undefined,
          column: `i${j}`,
        })),
      })),
  );
}

const anyValue = fc.double({ min: 0, max: 100, noNaN: true });
const someTies = fc.integer({ min: 0, max: 20 }).map((x) => x * 5);

function input(t: Table, scheme: TierScheme = { kind: "shares", shares: [0.2, 0.3, 0.5] }, labels = ["A", "B", "C"]): GradeInput {
  const n = t.columns[0].length;
  return {
    ids: Array.from({ length: n }, (_, i) => `c${i}`),
    indicatorValues: t.columns.map((c) => Float64Array.from(c)),
    weightTable: { dimensions: [], indicators: t.indicators },
    scheme,
    labels,
    missing: "exclude",
  };
}

describe("properties of the grading method", () => {
  it("keeps every score within 0..100", () => {
    // Normalised weights add up to 1 only up to rounding (e.g. 3/7 + 4/7), so a perfect customer
    // can score 100 plus a few ulps: hence the 1e-9.
    fc.assert(
      fc.property(table(anyValue), (t) => {
        for (const s of grade(input(t)).score) {
          expect(s).toBeGreaterThanOrEqual(0);
          expect(s).toBeLessThanOrEqual(100 + 1e-9);
        }
      }),
      RUNS,
    );
  });

  it("never lowers a score when a customer improves on a higher-is-better indicator", () => {
    fc.assert(
      fc.property(
        table(anyValue, ["minmax", "percentile", "bands"]),
        fc.nat(),
        fc.double({ min: 0, max: 100, noNaN: true }),
        (t, pick, raise) => {
          t.indicators[0].direction = "higher";
          const n = t.columns[0].length;
          const i = pick % n;
          const before = grade(input(t)).score[i];
          t.columns[0][i] += raise;
          const after = grade(input(t)).score[i];
          // Exact: points are monotone in x, and rounding of monotone operations keeps the order.
          expect(after).toBeGreaterThanOrEqual(before);
        },
      ),
      RUNS,
    );
  });

  it("gives a better score a tier at least as good, by shares and by cut-offs", () => {
    fc.assert(
      fc.property(table(someTies), (t) => {
        for (const [scheme, labels] of [
          [{ kind: "shares", shares: [0.2, 0.3, 0.5] }, ["A", "B", "C"]],
          [{ kind: "cutoffs", cutoffs: [85, 70, 50] }, ["A", "B", "C", "D"]],
        ] as [TierScheme, string[]][]) {
          const { score, tier } = grade(input(t, scheme, labels));
          // Sorted by score, best first, the tiers must never go back up.
          const byScore = [...score.keys()].sort((a, b) => score[b] - score[a]);
          const broken = byScore.some(
            (a, k) => k > 0 && (tier[a] < tier[byScore[k - 1]] || (score[a] === score[byScore[k - 1]] && tier[a] !== tier[byScore[k - 1]])),
          );
          expect(broken).toBe(false);
        }
      }),
      RUNS,
    );
  });

  it("does not care about the order of the rows", () => {
    fc.assert(
      fc.property(
        table(someTies).chain((t) =>
          fc.tuple(fc.constant(t), fc.shuffledSubarray([...t.columns[0].keys()], { minLength: t.columns[0].length })),
        ),
        fc.array(fc.double({ min: -10, max: 1000, noNaN: true }), { minLength: 50, maxLength: 50 }),
        ([t, order], valueColumn) => {
          const n = t.columns[0].length;
          const value = Float64Array.from(valueColumn.slice(0, n), (v, i) => (i === 0 ? Math.abs(v) + 1e6 : v));
          for (const scheme of [{ kind: "shares", shares: [0.2, 0.3, 0.5] }, { kind: "pareto", cutoffs: [0.8, 0.95] }] as TierScheme[]) {
            const original = grade({ ...input(t, scheme), value });
            const shuffledTable: Table = { ...t, columns: t.columns.map((c) => order.map((i) => c[i])) };
            const shuffled = grade({ ...input(shuffledTable, scheme), ids: order.map((i) => `c${i}`), value: Float64Array.from(order, (i) => value[i]) });
            order.forEach((from, to) => {
              expect(Object.is(shuffled.score[to], original.score[from])).toBe(true);
              expect(shuffled.rank[to]).toBe(original.rank[from]);
              expect(shuffled.tier[to]).toBe(original.tier[from]);
            });
            expect(shuffled.pyramid).toEqual(original.pyramid);
          }
        },
      ),
      RUNS,
    );
  });

  it("does not care about the unit of a minmax column: exactly, when the scaling is exact", () => {
    // Integers times an integer factor stay exact, so (cx - c·min) / (c·max - c·min) is the same
    // correctly rounded quotient: the bits, ranks and tiers cannot change.
    fc.assert(
      fc.property(table(fc.integer({ min: 0, max: 1000 }), ["minmax"]), fc.integer({ min: 2, max: 10000 }), (t, factor) => {
        const original = grade(input(t));
        const scaled = grade(input({ ...t, columns: t.columns.map((c, j) => (j === 0 ? c.map((x) => x * factor) : c)) }));
        expect(Array.from(scaled.score)).toEqual(Array.from(original.score));
        expect(Array.from(scaled.tier)).toEqual(Array.from(original.tier));
      }),
      RUNS,
    );
  });

  it("does not care about the unit of a minmax column: within rounding, for any positive factor", () => {
    // c·x, c·min and c·max are each rounded, so points can move by a few ulps (here < 1e-9);
    // ranks of customers tied before could then split, which is why only scores are compared.
    // Values are kept to 6 decimals: a subnormal such as 5e-324 would underflow to 0 when scaled.
    const sixDecimals = anyValue.map((x) => Math.round(x * 1e6) / 1e6);
    fc.assert(
      fc.property(table(sixDecimals, ["minmax"]), fc.double({ min: 1e-3, max: 1e6, noNaN: true }), (t, factor) => {
        const original = grade(input(t));
        const scaled = grade(input({ ...t, columns: t.columns.map((c) => c.map((x) => x * factor)) }));
        original.score.forEach((s, i) => expect(Math.abs(scaled.score[i] - s)).toBeLessThan(1e-9));
      }),
      RUNS,
    );
  });

  it("gives per-cell and whole-column points, ranks and Pareto classes with the same bits", () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.constant(NaN), fc.integer({ min: 0, max: 3 })), {
          minLength: 1,
          maxLength: 50,
        }),
        (values) => {
          const stats = columnStats(values);
          for (const scoring of ["minmax", "percentile"] as ScoringRule[]) {
            for (const direction of ["higher", "lower"] as Direction[]) {
              const column = indicatorPoints(values, scoring, direction);
              values.forEach((x, i) => expect(Object.is(pointsOf(x, stats, scoring, direction), column[i])).toBe(true));
            }
          }
          const ranks = rankEq(values);
          values.forEach((x, i) => expect(rankOf(x, values)).toBe(ranks[i]));
          const positive = values.map((x) => Math.abs(x));
          if (positive.some((x) => x > 0)) {
            const classes = paretoTiers(positive, [0.8, 0.95]);
            positive.forEach((x, i) => expect(paretoTierOf(x, positive, [0.8, 0.95])).toBe(classes[i]));
          }
        },
      ),
      RUNS,
    );
  });
});
