// Performance score, built the way Lighthouse builds its performance category (v10 and later):
//
//   1. each lab metric of a page load is scored 0..1 on a log-normal curve fixed by two control points:
//      the value that scores 0.9 ("p10": the 10th percentile of real sites, good) and the value that scores
//      0.5 (the median, "poor" starts past it). Lighthouse's mobile control points:
//
//        metric  p10 (0.9)   median (0.5)  weight
//        FCP     1 800 ms    3 000 ms      10
//        SI      3 387 ms    5 800 ms      10   (Speed Index; Plumb does not record it, see TTFB below)
//        LCP     2 500 ms    4 000 ms      25
//        TBT       200 ms      600 ms      30
//        CLS       0.1         0.25        25
//
//      TTFB stands in for Speed Index when SI is not measured (it is not, today): web.dev's "good" 800 ms
//      as p10 and its "poor" 1 800 ms as median. On a fast connection both are near 1, so the substitution
//      moves the score little; on a slow server it is the delay every other paint inherits.
//   2. the metric scores are averaged with the weights above (metrics not measured on a page drop out and
//      the remaining weights are renormalised, as Lighthouse does).
//   3. Plumb adds what Lighthouse leaves to diagnostics, with a small weight so the score stays comparable
//      to Lighthouse's (at most 10 of 110 points):
//        page weight   on Lighthouse's total-byte-weight curve (p10 2 667 KiB, median 4 000 KiB), weight 6
//        image waste   bytes of images larger than displayed (2x density), p10 100 KiB, median 500 KiB, weight 4
//
// A scan's performance pillar is the mean of its loaded pages' scores (0..100, rounded).
// Pure: no I/O, usable from the CLI, the server and tests.
import type { PageArtifacts } from "./types";
import { wastedBytes } from "./checks/performance/images";
import { requestFor, wireBytes } from "./checks/performance/format";

export interface CurveControlPoints {
  /** value scoring 0.9 */
  p10: number;
  /** value scoring 0.5 */
  median: number;
}

export const MOBILE_CURVES = {
  fcp: { p10: 1800, median: 3000 },
  si: { p10: 3387, median: 5800 },
  lcp: { p10: 2500, median: 4000 },
  tbt: { p10: 200, median: 600 },
  cls: { p10: 0.1, median: 0.25 },
  ttfb: { p10: 800, median: 1800 },
  bytes: { p10: 2667 * 1024, median: 4000 * 1024 },
  imageWaste: { p10: 100 * 1024, median: 500 * 1024 },
} as const satisfies Record<string, CurveControlPoints>;

/** Lighthouse v10+ performance weights; `ttfb` takes the Speed Index slot when SI is missing. */
export const METRIC_WEIGHTS = { fcp: 10, si: 10, lcp: 25, tbt: 30, cls: 25 } as const;
export const EXTRA_WEIGHTS = { bytes: 6, imageWaste: 4 } as const;

/** Abramowitz & Stegun 7.1.26, the approximation Lighthouse's statistics module uses (error < 1.5e-7). */
function erf(x: number): number {
  const sign = Math.sign(x);
  const ax = Math.abs(x);
  const t = 1 / (1 + 0.3275911 * ax);
  const y = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  return sign * (1 - y * Math.exp(-ax * ax));
}

const INVERSE_ERFC_ONE_FIFTH = 0.9061938024368232;

/**
 * Lighthouse's log-normal score: 0.9 at p10, 0.5 at the median, 1 at zero, towards 0 beyond. Clamped per
 * band like Lighthouse so rounding cannot move a value across a control point.
 */
export function logNormalScore(curve: CurveControlPoints, value: number): number {
  const { p10, median } = curve;
  if (!(median > 0) || !(p10 > 0) || p10 >= median) throw new RangeError("control points need 0 < p10 < median");
  if (!Number.isFinite(value)) return 0;
  if (value <= 0) return 1;
  const xLogRatio = Math.log(Math.max(Number.MIN_VALUE, value / median));
  const p10LogRatio = -Math.log(p10 / median);
  const standardizedX = (xLogRatio * INVERSE_ERFC_ONE_FIFTH) / p10LogRatio;
  const complementaryPercentile = (1 - erf(standardizedX)) / 2;
  if (value <= p10) return Math.max(0.9, Math.min(1, complementaryPercentile));
  if (value <= median) return Math.max(0.5, Math.min(0.8999999999999999, complementaryPercentile));
  return Math.max(0, Math.min(0.49999999999999994, complementaryPercentile));
}

export interface PageMetricInputs {
  fcp: number | null;
  lcp: number | null;
  tbt: number | null;
  cls: number | null;
  ttfb: number | null;
  si?: number | null;
  totalBytes?: number | null;
  imageWasteBytes?: number | null;
}

export interface PerformanceBreakdown {
  /** 0..100 */
  score: number;
  /** each part's 0..1 score and the weight it carried */
  parts: { id: string; value: number; score: number; weight: number }[];
}

/** The 0..100 performance score of one page load, or null when no metric was measured. */
export function scorePerformance(m: PageMetricInputs): PerformanceBreakdown | null {
  const parts: PerformanceBreakdown["parts"] = [];
  const add = (id: string, value: number | null | undefined, curve: CurveControlPoints, weight: number) => {
    if (value === null || value === undefined || !Number.isFinite(value)) return false;
    parts.push({ id, value, score: logNormalScore(curve, value), weight });
    return true;
  };
  add("fcp", m.fcp, MOBILE_CURVES.fcp, METRIC_WEIGHTS.fcp);
  if (!add("si", m.si, MOBILE_CURVES.si, METRIC_WEIGHTS.si)) add("ttfb", m.ttfb, MOBILE_CURVES.ttfb, METRIC_WEIGHTS.si);
  add("lcp", m.lcp, MOBILE_CURVES.lcp, METRIC_WEIGHTS.lcp);
  add("tbt", m.tbt, MOBILE_CURVES.tbt, METRIC_WEIGHTS.tbt);
  add("cls", m.cls, MOBILE_CURVES.cls, METRIC_WEIGHTS.cls);
  if (parts.length === 0) return null;
  add("bytes", m.totalBytes, MOBILE_CURVES.bytes, EXTRA_WEIGHTS.bytes);
  add("imageWaste", m.imageWasteBytes, MOBILE_CURVES.imageWaste, EXTRA_WEIGHTS.imageWaste);
  let num = 0;
  let den = 0;
  for (const p of parts) {
    // Lighthouse rounds each audit score to two decimals before weighting.
    num += Math.round(p.score * 100) / 100 * p.weight;
    den += p.weight;
  }
  return { score: Math.round((num / den) * 100), parts };
}

/** Bytes spent on images beyond what their displayed size needs (at 2x density). */
export function imageWasteBytes(page: PageArtifacts): number {
  let waste = 0;
  const seen = new Set<string>();
  for (const img of page.dom.images) {
    if (seen.has(img.src) || /\.svg(\?|#|$)/i.test(img.src) || img.src.startsWith("data:")) continue;
    seen.add(img.src);
    let bytes = img.bytes ?? 0;
    if (!(bytes > 0)) {
      const r = requestFor(page, img.src);
      bytes = r && r.status !== null && r.status < 400 ? wireBytes(r) : 0;
    }
    if (bytes > 0) waste += wastedBytes(img, bytes);
  }
  return waste;
}

export function pageMetricInputs(page: PageArtifacts): PageMetricInputs {
  const p = page.performance;
  return { fcp: p.fcp, lcp: p.lcp, tbt: p.tbt, cls: p.cls, ttfb: p.ttfb, totalBytes: p.totalBytes, imageWasteBytes: imageWasteBytes(page) };
}

/** A page's performance score, or null when it did not load (or measured nothing). */
export function pagePerformanceScore(page: PageArtifacts): number | null {
  if (page.status === null || page.status >= 400) return null;
  return scorePerformance(pageMetricInputs(page))?.score ?? null;
}

/** The performance pillar of a scan: mean of its loaded pages' scores; null when none could be scored. */
export function sitePerformanceScore(pages: PageArtifacts[]): number | null {
  const scores = pages.map(pagePerformanceScore).filter((s): s is number => s !== null);
  if (scores.length === 0) return null;
  return Math.round(scores.reduce((a, b) => a + b, 0) / scores.length);
}
