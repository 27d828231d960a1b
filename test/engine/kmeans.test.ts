import fc from "fast-check";
import { clusterCustomers, kmeans, seededRandom, silhouettes, standardize } from "../../src/engine/kmeans";
import { customerIndicators, serialOfDate } from "../../src/engine/orders";
import { readRfmOrders } from "./rfmData";

function rfmRows(): number[][] {
  const ind = customerIndicators(readRfmOrders(), serialOfDate(2006, 12, 31));
  return ind.ids.map((_, i) => [ind.recencyDays[i], ind.frequency[i], ind.monetary[i]]);
}

describe("seededRandom", () => {
  it("repeats its sequence for a seed and stays in [0, 1)", () => {
    const a = seededRandom(42);
    const b = seededRandom(42);
    const xs = Array.from({ length: 1000 }, () => a());
    expect(Array.from({ length: 1000 }, () => b())).toEqual(xs);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    // roughly uniform: the mean of 1000 draws is within 0.05 of 0.5
    expect(Math.abs(xs.reduce((s, x) => s + x, 0) / 1000 - 0.5)).toBeLessThan(0.05);
    expect(seededRandom(43)()).not.toBe(seededRandom(42)());
  });
});

describe("standardize", () => {
  it("gives sample z-scores, negated for lower-is-better, 0 without spread", () => {
    // column 1: mean 2, s = sqrt(((1-2)² + (3-2)²) / 1) = sqrt 2
    const z = standardize(
      [
        [1, 10, 5],
        [3, 30, 5],
      ],
      ["higher", "lower", "higher"],
    );
    expect(z[0][0]).toBeCloseTo(-1 / Math.SQRT2, 15);
    expect(z[1][0]).toBeCloseTo(1 / Math.SQRT2, 15);
    expect(z[0][1]).toBeCloseTo(1 / Math.SQRT2, 15);
    expect(z[0][2]).toBe(0);
    expect(() => standardize([[1]], ["higher"])).toThrow(RangeError);
    expect(() => standardize([[1], [NaN]], ["higher"])).toThrow("row 2, column 1");
  });
});

describe("kmeans by hand", () => {
  it("finds the two obvious groups", () => {
    const r = kmeans([[0], [1], [10], [11]], 2);
    expect(r.inertia).toBe(1); // 4 × 0.5²
    expect(r.assignment[0]).toBe(r.assignment[1]);
    expect(r.assignment[2]).toBe(r.assignment[3]);
    expect(r.assignment[0]).not.toBe(r.assignment[2]);
    expect(r.centers.map((c) => c[0]).sort((a, b) => a - b)).toEqual([0.5, 10.5]);
  });
  it("is reproducible from its seed, and more starts never do worse", () => {
    const rows = rfmRows().slice(0, 200);
    const z = standardize(rows, ["lower", "higher", "higher"]);
    const a = kmeans(z, 4, { seed: 7, starts: 5 });
    const b = kmeans(z, 4, { seed: 7, starts: 5 });
    expect(Array.from(b.assignment)).toEqual(Array.from(a.assignment));
    expect(b.inertia).toBe(a.inertia);
    // the first 5 of 10 starts are the same 5 starts (one generator), so the best can only improve
    expect(kmeans(z, 4, { seed: 7, starts: 10 }).inertia).toBeLessThanOrEqual(a.inertia);
  });
  it("reaches the exhaustive optimum on ten real customers", () => {
    // Every partition of the first 10 rfm_data_orders customers into 3 non-empty groups (3^10 labelings).
    const z = standardize(rfmRows().slice(0, 10), ["lower", "higher", "higher"]);
    let best = Infinity;
    const label = new Array<number>(10).fill(0);
    for (let code = 0; code < 3 ** 10; code++) {
      let c = code;
      for (let i = 0; i < 10; i++) {
        label[i] = c % 3;
        c = Math.floor(c / 3);
      }
      let inertia = 0;
      let empty = false;
      for (let g = 0; g < 3; g++) {
        const members = z.filter((_, i) => label[i] === g);
        if (members.length === 0) empty = true;
        const mean = [0, 1, 2].map((j) => members.reduce((s, m) => s + m[j], 0) / members.length);
        for (const m of members) inertia += m.reduce((s, x, j) => s + (x - mean[j]) ** 2, 0);
      }
      if (!empty && inertia < best) best = inertia;
    }
    expect(kmeans(z, 3).inertia).toBeCloseTo(best, 10);
  });
  it("computes silhouettes by hand", () => {
    const s = silhouettes([[0], [1], [10], [11]], Int32Array.of(0, 0, 1, 1), 2);
    expect(s[0]).toBeCloseTo((10.5 - 1) / 10.5, 15);
    expect(s[1]).toBeCloseTo((9.5 - 1) / 9.5, 15);
    expect(silhouettes([[0], [1], [5]], Int32Array.of(0, 0, 1), 2)[2]).toBe(0); // alone in its cluster
  });
  it("computes silhouettes as a distance-matrix reference does, on 200 real customers", () => {
    const z = standardize(rfmRows().slice(0, 200), ["lower", "higher", "higher"]);
    const { assignment } = kmeans(z, 4);
    const n = z.length;
    const d = z.map((a) => z.map((b) => Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2])));
    const ours = silhouettes(z, assignment, 4);
    for (let i = 0; i < n; i++) {
      const meanTo = (c: number) => {
        const others = d[i].filter((_, q) => q !== i && assignment[q] === c);
        return others.length === 0 ? NaN : others.reduce((s, x) => s + x, 0) / others.length;
      };
      const a = meanTo(assignment[i]);
      const b = Math.min(...[0, 1, 2, 3].filter((c) => c !== assignment[i]).map(meanTo).filter((x) => x === x));
      const expected = a !== a ? 0 : (b - a) / Math.max(a, b);
      expect(Math.abs(ours[i] - expected)).toBeLessThan(1e-12);
    }
  });

  it("keeps every row in a cluster and inertia equal to the sum over rows", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: -50, max: 50 }), fc.integer({ min: -50, max: 50 })), { minLength: 3, maxLength: 40 }), fc.integer({ min: 1, max: 3 }), (pts, k) => {
        const rows = pts.map(([a, b]) => [a, b]);
        const r = kmeans(rows, k, { starts: 3 });
        let inertia = 0;
        rows.forEach((row, i) => {
          expect(r.assignment[i]).toBeGreaterThanOrEqual(0);
          expect(r.assignment[i]).toBeLessThan(k);
          inertia += (row[0] - r.centers[r.assignment[i]][0]) ** 2 + (row[1] - r.centers[r.assignment[i]][1]) ** 2;
        });
        expect(r.inertia).toBeCloseTo(inertia, 6);
      }),
    );
  });
});

describe("kmeans against SciPy on rfm_data_orders (995 customers)", () => {
  // Best inertia of 20 restarts of scipy.cluster.vq.kmeans2(minit="++", iter=300, seeds 0..19) on the
  // same z-scores: test/reference/kmeans/scipy_inertia.py (numpy 2.4.6, scipy 1.17.1).
  const scipyBest: Record<number, number> = {
    2: 1709.4728291081785,
    3: 1149.697988182911,
    4: 893.3629664238471,
    5: 709.0237805732161,
    6: 624.3097058187866,
  };
  const z = standardize(rfmRows(), ["lower", "higher", "higher"]);
  it.each([2, 3, 4, 5, 6])("k = %i is within 0.1 %% of SciPy's best of 20 restarts", (k) => {
    const ours = kmeans(z, k, { seed: 1, starts: 10 }).inertia;
    expect(ours).toBeLessThanOrEqual(scipyBest[k] * 1.001);
  });
});

describe("clusterCustomers", () => {
  it("numbers clusters by mean score, best first", () => {
    const r = clusterCustomers([[1], [2], [10], [11]], ["higher"], [5, 10, 90, 95], 2);
    expect(Array.from(r.cluster)).toEqual([1, 1, 0, 0]);
    expect(r.labels).toEqual(["Cluster 1", "Cluster 2"]);
    expect(r.profiles.map((p) => [p.size, p.means[0], p.meanScore])).toEqual([
      [2, 10.5, 92.5],
      [2, 1.5, 7.5],
    ]);
  });
  it("chooses k by the best mean silhouette (three separated groups -> 3)", () => {
    const rows: number[][] = [];
    const score: number[] = [];
    for (const [cx, cy, s] of [
      [0, 0, 10],
      [20, 0, 50],
      [0, 20, 90],
    ]) {
      for (let i = 0; i < 10; i++) {
        rows.push([cx + (i % 3) * 0.5, cy + Math.floor(i / 3) * 0.5]);
        score.push(s + i);
      }
    }
    const r = clusterCustomers(rows, ["higher", "higher"], score, "auto");
    expect(r.k).toBe(3);
    expect(r.silhouetteByK.map((s) => s.k)).toEqual([2, 3, 4, 5, 6, 7, 8]);
    const best = Math.max(...r.silhouetteByK.map((s) => s.silhouette));
    expect(r.silhouetteByK.find((s) => s.k === 3)?.silhouette).toBe(best);
    // the group with scores 90..99 is Cluster 1, 10..19 is Cluster 3
    expect(r.cluster[20]).toBe(0);
    expect(r.cluster[0]).toBe(2);
    expect(r.profiles.map((p) => p.size)).toEqual([10, 10, 10]);
  });
});
