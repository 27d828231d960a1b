import fc from "fast-check";
import { customerIndicators, serialOfDate } from "../../src/engine/orders";
import {
  DEFAULT_RFM_SEGMENTS,
  defaultRfmSegments,
  quantileType7,
  rfmBinScores,
  rfmBreaks,
  rfmAnalysis,
  rfmHeatmap,
  rfmScores,
  rfmSegmentOf,
  rfmSegmentSummary,
  seqProbabilities,
} from "../../src/engine/rfm";
import { readRfmOrders } from "./rfmData";
import { PUBLISHED_SEGMENT_SUMMARY } from "../reference/rfm/vignette";

describe("quantileType7 (R's quantile, type 7)", () => {
  it("interpolates between order statistics", () => {
    // R: quantile(c(1, 2, 3, 4), 0.5) = 2.5; quantile(c(10, 20), 0.2) = 12; quantile(1:5, 0.2) = 1.8
    expect(quantileType7(Float64Array.of(1, 2, 3, 4), 0.5)).toBe(2.5);
    expect(quantileType7(Float64Array.of(10, 20), 0.2)).toBe(12);
    expect(quantileType7(Float64Array.of(1, 2, 3, 4, 5), 0.2)).toBe(1.8);
    expect(quantileType7(Float64Array.of(7), 0.3)).toBe(7);
    expect(quantileType7(Float64Array.of(1, 2, 3), 0)).toBe(1);
    expect(quantileType7(Float64Array.of(1, 2, 3), 1)).toBe(3);
  });
  it("uses R's sequence of probabilities", () => {
    expect(seqProbabilities(5)).toEqual([0, 0.2, 0.4, 0.6000000000000001, 0.8, 1]);
    expect(seqProbabilities(4)).toEqual([0, 0.25, 0.5, 0.75, 1]);
  });
});

describe("rfmBreaks and rfmBinScores (the package's bins(): quantiles plus 1)", () => {
  it("adds 1 to each interior quantile", () => {
    // quantiles of 1..5 at 0.2, 0.4, 0.6, 0.8 are 1.8, 2.6, 3.4, 4.2
    expect(rfmBreaks([5, 4, 3, 2, 1], 5).map((x) => Number(x.toFixed(12)))).toEqual([2.8, 3.6, 4.4, 5.2]);
  });
  it("scores [lower, upper) intervals, recency reversed", () => {
    expect(Array.from(rfmBinScores([1, 2, 3, 4, 5], 5, false).scores)).toEqual([1, 1, 2, 3, 4]);
    expect(Array.from(rfmBinScores([1, 2, 3, 4, 5], 5, true).scores)).toEqual([5, 5, 4, 3, 2]);
    // thresholds of one's own are used as given: [10, 30), [30, 60), [60, 91)
    const own = rfmBinScores([10, 40, 90, 30], [30, 60], true);
    expect(Array.from(own.scores)).toEqual([3, 2, 1, 2]);
    expect(own.lower).toEqual([10, 30, 60]);
    expect(own.upper).toEqual([30, 60, 91]);
  });
  it("rejects what R would silently get wrong", () => {
    expect(() => rfmBinScores([1, 2], [5, 3], false)).toThrow("ascending");
    expect(() => rfmBreaks([1, 2], 1)).toThrow(RangeError);
    expect(() => rfmBreaks([1, NaN], 5)).toThrow("value 2 is not a number");
  });
  it("keeps every score in 1..bins, frequency and monetary never decreasing with the value", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 50 }), { minLength: 1, maxLength: 60 }), fc.integer({ min: 2, max: 7 }), (xs, bins) => {
        const { scores } = rfmBinScores(xs, bins, false);
        const rev = rfmBinScores(xs, bins, true).scores;
        for (let i = 0; i < xs.length; i++) {
          expect(scores[i]).toBeGreaterThanOrEqual(1);
          expect(scores[i]).toBeLessThanOrEqual(bins);
          expect(rev[i]).toBe(bins + 1 - scores[i]);
          for (let j = 0; j < xs.length; j++) if (xs[i] < xs[j]) expect(scores[i]).toBeLessThanOrEqual(scores[j]);
        }
      }),
    );
  });
});

describe("rfmScores, rfmSegmentOf, rfmSegmentSummary, rfmHeatmap by hand", () => {
  it("computes 100R + 10F + M", () => {
    // recency [10, 200, 40], 3 bins: quantiles at 1/3, 2/3 are 30 and 93.33 -> breaks 31, 94.33
    // frequency [5, 1, 3]: quantiles 2.33, 3.67 -> breaks 3.33, 4.67: 3 orders still scores 1
    // monetary [500, 20, 90]: quantiles 66.67, 226.67 -> breaks 67.67, 227.67
    expect(Array.from(rfmScores([10, 200, 40], [5, 1, 3], [500, 20, 90], 3).score)).toEqual([333, 111, 212]);
  });
  it("puts each customer in the first matching segment, the rest in Others", () => {
    const seg = rfmSegmentOf(Int32Array.of(5, 1, 4, 2), Int32Array.of(5, 1, 4, 1), Int32Array.of(5, 1, 4, 5), DEFAULT_RFM_SEGMENTS);
    // 555 Champions; 111 Lost; 444 Potential Loyalist (also Loyal Customers: first match wins); 215 none
    expect(Array.from(seg)).toEqual([0, 9, 1, -1]);
    expect(rfmSegmentSummary(seg, [9, 1, 5, 2], [900, 10, 400, 60], DEFAULT_RFM_SEGMENTS)).toEqual([
      { segment: "Champions", customers: 1, orders: 9, revenue: 900, aov: 100 },
      { segment: "Potential Loyalist", customers: 1, orders: 5, revenue: 400, aov: 80 },
      { segment: "Lost", customers: 1, orders: 1, revenue: 10, aov: 10 },
      { segment: "Others", customers: 1, orders: 2, revenue: 60, aov: 30 },
    ]);
  });
  it("rejects a segment whose bounds are crossed", () => {
    expect(() => rfmSegmentOf([1], [1], [1], [{ name: "x", rLow: 3, rHigh: 2, fLow: 1, fHigh: 5, mLow: 1, mHigh: 5 }])).toThrow('segment 1 ("x")');
  });
  it("counts the R x F heat map", () => {
    const h = rfmHeatmap(Int32Array.of(1, 2, 2), Int32Array.of(1, 1, 2), [10, 20, 40], 2, 2);
    expect(h.count).toEqual([
      [1, 0],
      [1, 1],
    ]);
    expect(h.mean).toEqual([
      [10, NaN],
      [20, 40],
    ]);
  });
});

describe("R's rfm vignette on rfm_data_orders, analysis date 2006-12-31", () => {
  // Source: the package's vignette "RFM - Introduction" (rsquaredacademy/rfm,
  // docs/articles/rfm-introduction.html, rfm 0.3.0.9000, rendered 2024-02-26), which runs
  // rfm_table_order(rfm_data_orders, customer_id, order_date, revenue, as.Date("2006-12-31")),
  // rfm_segment() with the default segment table and rfm_segment_summary(). See test/reference/rfm/README.md.
  const orders = readRfmOrders();
  const ind = customerIndicators(orders, serialOfDate(2006, 12, 31));
  const rfm = rfmScores(ind.recencyDays, ind.frequency, ind.monetary);
  const segment = rfmSegmentOf(rfm.r, rfm.f, rfm.m, DEFAULT_RFM_SEGMENTS);

  it("scores the vignette's first ten customers as published", () => {
    // customer_id, rfm_score, recency_score, frequency_score, monetary_score, segment
    const published: [string, number, number, number, number, string][] = [
      ["Abbey O'Reilly", 343, 3, 4, 3, "Potential Loyalist"],
      ["Add Senger", 412, 4, 1, 2, "New Customers"],
      ["Aden Lesch", 323, 3, 2, 3, "Loyal Customers"],
      ["Aden Murphy", 544, 5, 4, 4, "Potential Loyalist"],
      ["Admiral Senger", 433, 4, 3, 3, "Potential Loyalist"],
      ["Agness O'Keefe", 555, 5, 5, 5, "Champions"],
      ["Aileen Barton", 555, 5, 5, 5, "Champions"],
      ["Ailene Hermann", 355, 3, 5, 5, "Potential Loyalist"],
      ["Aiyanna Bruen", 321, 3, 2, 1, "About To Sleep"],
      ["Akeelah Walsh", 445, 4, 4, 5, "Potential Loyalist"],
    ];
    for (const [id, score, r, f, m, seg] of published) {
      const i = ind.ids.indexOf(id);
      expect([id, rfm.score[i], rfm.r[i], rfm.f[i], rfm.m[i], DEFAULT_RFM_SEGMENTS[segment[i]].name]).toEqual([id, score, r, f, m, seg]);
    }
  });

  it("uses the thresholds the package documents for this data", () => {
    // rfm_table_order's own example passes these as custom thresholds: recency_bins = c(115, 181,
    // 297, 482), frequency_bins = c(4, 5, 6, 8), monetary_bins = c(256, 382, 506, 666) - the rounded
    // default breaks. Ours, unrounded: quantile + 1.
    expect(rfm.thresholds.recency.lower.slice(1).map((x) => Number(x.toFixed(6)))).toEqual([115, 181, 297.4, 482]);
    expect(rfm.thresholds.frequency.lower.slice(1)).toEqual([4, 5, 6, 8]);
    expect(rfm.thresholds.monetary.lower.slice(1).map((x) => Number(x.toFixed(6)))).toEqual([255.8, 382, 506.4, 666]);
  });

  it("reproduces the published segment summary exactly", () => {
    const summary = rfmSegmentSummary(segment, ind.frequency, ind.monetary, DEFAULT_RFM_SEGMENTS);
    const byName = Object.fromEntries(summary.map((s) => [s.segment, [s.customers, s.orders, s.revenue]]));
    // rfm_segment_summary(segments): segment, customers, orders, revenue (aov printed rounded)
    expect(byName).toEqual(PUBLISHED_SEGMENT_SUMMARY);
    // The printed aov column: 82.9, 103., 118., 100., 89.9, 95.8, 80.0, 87.6, 92.6, 152.
    const aov = Object.fromEntries(summary.map((s) => [s.segment, s.aov]));
    expect(aov["About To Sleep"].toPrecision(3)).toBe("82.9");
    expect(aov["Need Attention"].toPrecision(3)).toBe("80.0");
    expect(aov["Promising"].toPrecision(3)).toBe("152");
  });
});

describe("rfmAnalysis", () => {
  it("puts scores, segments, the summary and the heat map together", () => {
    // scores 333, 111, 212 (see "computes 100R + 10F + M"): 333 is Potential Loyalist (R 3-5, F 3-5,
    // M 2-5), 111 Lost, 212 matches no row before About To Sleep (R 2-3, F 1-3, M 1-4).
    const a = rfmAnalysis([10, 200, 40], [5, 1, 3], [500, 20, 90], 3, DEFAULT_RFM_SEGMENTS);
    expect(a.segmentName).toEqual(["Potential Loyalist", "Lost", "About To Sleep"]);
    expect(a.heatmap.count).toEqual([
      [1, 0, 0],
      [1, 0, 0],
      [0, 0, 1],
    ]);
    expect(a.summary.map((s) => s.segment)).toEqual(["Potential Loyalist", "About To Sleep", "Lost"]);
  });
  it("counts all 995 vignette customers in the heat map", () => {
    const ind = customerIndicators(readRfmOrders(), serialOfDate(2006, 12, 31));
    const a = rfmAnalysis(ind.recencyDays, ind.frequency, ind.monetary, 5, DEFAULT_RFM_SEGMENTS);
    expect(a.heatmap.count.flat().reduce((s, c) => s + c, 0)).toBe(995);
    expect(a.segmentName.filter((s) => s === "Champions").length).toBe(35);
  });
});

describe("defaultRfmSegments (R's default table carried onto another number of bins)", () => {
  test("5 bins give the package's table; 3 and 9 bins by hand; every bound within 1..bins and low <= high", () => {
    expect(defaultRfmSegments(5)).toEqual(DEFAULT_RFM_SEGMENTS);
    // Champions 5..5 -> 3..3; Potential Loyalist R 3..5 -> 2..3, M 2..5 -> 1..3; Lost R 1..1 -> 1..1.
    const three = defaultRfmSegments(3);
    expect(three[0]).toEqual({ name: "Champions", rLow: 3, rHigh: 3, fLow: 3, fHigh: 3, mLow: 3, mHigh: 3 });
    expect(three[1]).toEqual({ name: "Potential Loyalist", rLow: 2, rHigh: 3, fLow: 2, fHigh: 3, mLow: 1, mHigh: 3 });
    expect(three[three.length - 1]).toEqual({ name: "Lost", rLow: 1, rHigh: 1, fLow: 1, fHigh: 3, mLow: 1, mHigh: 3 });
    // Champions on 9 bins: the top fifth of the scale, scores 8 and 9.
    expect(defaultRfmSegments(9)[0]).toMatchObject({ rLow: 8, rHigh: 9 });
    for (let bins = 2; bins <= 9; bins++) {
      for (const s of defaultRfmSegments(bins)) {
        for (const [low, high] of [[s.rLow, s.rHigh], [s.fLow, s.fHigh], [s.mLow, s.mHigh]]) {
          expect(low).toBeGreaterThanOrEqual(1);
          expect(high).toBeLessThanOrEqual(bins);
          expect(low).toBeLessThanOrEqual(high);
        }
      }
    }
    expect(() => defaultRfmSegments(1)).toThrow(RangeError);
  });
});
