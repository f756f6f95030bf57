import { describe, expect, it } from "vitest";
import { EXTRA_WEIGHTS, METRIC_WEIGHTS, MOBILE_CURVES, logNormalScore, scorePerformance } from "./perf-score";

describe("logNormalScore (Lighthouse's metric curve)", () => {
  // Lighthouse's published mobile control points (v10+): p10 scores 0.9, the median 0.5.
  const published: [string, { p10: number; median: number }][] = [
    ["FCP", { p10: 1800, median: 3000 }],
    ["SI", { p10: 3387, median: 5800 }],
    ["LCP", { p10: 2500, median: 4000 }],
    ["TBT", { p10: 200, median: 600 }],
    ["CLS", { p10: 0.1, median: 0.25 }],
  ];

  it.each(published)("%s scores 0.9 at p10 and 0.5 at the median", (name, curve) => {
    const key = name.toLowerCase() as "fcp" | "si" | "lcp" | "tbt" | "cls";
    expect(MOBILE_CURVES[key]).toEqual(curve);
    expect(logNormalScore(curve, curve.p10)).toBeCloseTo(0.9, 6);
    expect(logNormalScore(curve, curve.median)).toBeCloseTo(0.5, 6);
  });

  it("is 1 at zero, decreasing, and near 0 far beyond the median", () => {
    const c = MOBILE_CURVES.lcp;
    expect(logNormalScore(c, 0)).toBe(1);
    let prev = 1;
    for (let v = 100; v <= 20_000; v += 100) {
      const s = logNormalScore(c, v);
      expect(s).toBeLessThanOrEqual(prev);
      prev = s;
    }
    expect(logNormalScore(c, 20_000)).toBeLessThan(0.01);
    // Lighthouse's own reference values for LCP (mobile): 1 s ≈ 1.0, 3 s ≈ 0.75, 6 s ≈ 0.13.
    expect(logNormalScore(c, 1000)).toBeGreaterThan(0.99);
    expect(logNormalScore(c, 3000)).toBeCloseTo(0.75, 1);
    expect(logNormalScore(c, 6000)).toBeCloseTo(0.13, 1);
  });

  it("refuses control points that do not define a curve", () => {
    expect(() => logNormalScore({ p10: 5, median: 5 }, 1)).toThrow(RangeError);
    expect(() => logNormalScore({ p10: 0, median: 5 }, 1)).toThrow(RangeError);
  });
});

describe("scorePerformance", () => {
  it("uses Lighthouse's v10 weights (TBT 30, LCP 25, CLS 25, FCP 10, SI 10) plus page weight and image waste", () => {
    expect(METRIC_WEIGHTS).toEqual({ fcp: 10, si: 10, lcp: 25, tbt: 30, cls: 25 });
    expect(EXTRA_WEIGHTS.bytes + EXTRA_WEIGHTS.imageWaste).toBeLessThanOrEqual(10);
  });

  it("scores every metric at its median as 50 and at p10 as 90", () => {
    const atMedian = scorePerformance({ fcp: 3000, si: 5800, lcp: 4000, tbt: 600, cls: 0.25, ttfb: null });
    expect(atMedian?.score).toBe(50);
    const atP10 = scorePerformance({ fcp: 1800, si: 3387, lcp: 2500, tbt: 200, cls: 0.1, ttfb: null });
    expect(atP10?.score).toBe(90);
  });

  it("a fast page scores 100; the same page at 6 MB with wasted images loses points for it", () => {
    const fast = { fcp: 300, lcp: 400, tbt: 0, cls: 0, ttfb: 20 };
    expect(scorePerformance({ ...fast, totalBytes: 200_000, imageWasteBytes: 0 })?.score).toBe(100);
    const heavy = scorePerformance({ ...fast, totalBytes: 6.2 * 1024 * 1024, imageWasteBytes: 3 * 1024 * 1024 });
    expect(heavy?.score).toBeLessThan(93);
    expect(heavy?.score).toBeGreaterThanOrEqual(90);
  });

  it("renormalises over what was measured, and is null when nothing was", () => {
    expect(scorePerformance({ fcp: null, lcp: null, tbt: null, cls: null, ttfb: null })).toBeNull();
    const onlyTbt = scorePerformance({ fcp: null, lcp: null, tbt: 600, cls: null, ttfb: null });
    expect(onlyTbt?.score).toBe(50);
    // TTFB fills the Speed Index slot when SI is missing.
    expect(scorePerformance({ fcp: null, lcp: null, tbt: null, cls: null, ttfb: 1800 })?.parts).toEqual([{ id: "ttfb", value: 1800, score: expect.closeTo(0.5, 6), weight: 10 }]);
  });
});
