// Core lab metrics of one page load. Thresholds are the published "good" / "poor" boundaries (web.dev
// Core Web Vitals and Lighthouse's metric scoring): above "good" is worth fixing (medium), above "poor"
// users feel it on every visit (high). Score weights follow Lighthouse's performance category
// (TBT 30, LCP 25, CLS 25, FCP 10) with TTFB, which Lighthouse only diagnoses, at 10.
import type { CheckDefinition, PageArtifacts, PerformanceArtifact } from "../../types";
import { fail } from "../shared/result";
import { formatMs } from "./format";

interface MetricSpec {
  rule: string;
  title: string;
  metric: keyof Pick<PerformanceArtifact, "ttfb" | "fcp" | "lcp" | "cls" | "tbt">;
  name: string;
  good: number;
  poor: number;
  weight: number;
  format: (v: number) => string;
  why: string;
  fix: string;
  evidence?: (page: PageArtifacts) => string;
}

function metricCheck(spec: MetricSpec): CheckDefinition {
  const def: CheckDefinition = {
    rule: spec.rule,
    pillar: "performance",
    severity: "medium",
    weight: spec.weight,
    title: spec.title,
    scope: "page",
    run(ctx) {
      const page = ctx.page;
      if (!page || page.status === null || page.status >= 400) return "n/a";
      const value = page.performance[spec.metric];
      if (value === null || !Number.isFinite(value)) return "n/a";
      if (value <= spec.good) return [];
      const severity = value > spec.poor ? "high" : "medium";
      const measured = `${spec.name} ${spec.format(value)} (good ≤ ${spec.format(spec.good)}, poor > ${spec.format(spec.poor)})`;
      return [
        fail(def, {
          url: page.url,
          severity,
          description: `${measured}. ${spec.why}`,
          fix: spec.fix,
          evidence: spec.evidence ? `${measured}\n${spec.evidence(page)}` : measured,
        }),
      ];
    },
  };
  return def;
}

const ms = (v: number) => formatMs(v);

export const ttfb = metricCheck({
  rule: "perf-ttfb",
  title: "Slow server response (time to first byte)",
  metric: "ttfb",
  name: "TTFB",
  good: 800,
  poor: 1800,
  weight: 10,
  format: ms,
  why: "Nothing can render until the first byte of HTML arrives; every other metric inherits this delay.",
  fix: "Cache rendered HTML (CDN or reverse-proxy cache), remove slow work from the request path (database queries, upstream API calls), and serve from a region close to your users.",
  evidence: (p) => (p.redirects.length > 0 ? `Includes ${p.redirects.length} redirect(s) before the document.` : ""),
});

export const fcp = metricCheck({
  rule: "perf-fcp",
  title: "Slow first contentful paint",
  metric: "fcp",
  name: "FCP",
  good: 1800,
  poor: 3000,
  weight: 10,
  format: ms,
  why: "Until the first text or image paints, visitors stare at a blank page and many leave.",
  fix: "Reduce server response time, defer non-critical JavaScript, inline critical CSS and load the rest asynchronously, and use font-display: swap for web fonts.",
});

export const lcp = metricCheck({
  rule: "perf-lcp",
  title: "Slow largest contentful paint",
  metric: "lcp",
  name: "LCP",
  good: 2500,
  poor: 4000,
  weight: 25,
  format: ms,
  why: "LCP marks when the main content becomes visible; it is a Core Web Vital and a Google ranking signal.",
  fix: "Make the largest element (usually the hero image or headline) load first: preload it or add fetchpriority=\"high\", never lazy-load it, serve it in a modern format at the displayed size, and remove render-blocking resources ahead of it.",
});

export const cls = metricCheck({
  rule: "perf-cls",
  title: "Layout shifts while the page loads",
  metric: "cls",
  name: "CLS",
  good: 0.1,
  poor: 0.25,
  weight: 25,
  format: (v) => v.toFixed(3),
  why: "Content that jumps makes people lose their place and click the wrong thing; CLS is a Core Web Vital and a ranking signal.",
  fix: "Reserve space for late content: width/height (or aspect-ratio) on images, iframes and ads, min-height on containers filled by scripts, and font-display with size-adjusted fallback fonts. Never insert content above existing content except in response to user input.",
});

export const tbt = metricCheck({
  rule: "perf-tbt",
  title: "Main thread blocked by long JavaScript tasks",
  metric: "tbt",
  name: "TBT",
  good: 200,
  poor: 600,
  weight: 30,
  format: ms,
  why: "While the main thread runs long tasks the page cannot respond to taps, clicks or typing (it feels frozen; INP suffers).",
  fix: "Split long tasks (yield to the main thread with scheduler.yield() or setTimeout), ship less JavaScript (code-split, drop unused libraries), and defer third-party scripts until after load or interaction.",
  evidence: (p) => {
    const top = [...p.performance.longTasks].sort((a, b) => b.duration - a.duration).slice(0, 5);
    return top.length > 0 ? `Longest tasks: ${top.map((t) => `${Math.round(t.duration)} ms at ${Math.round(t.start)} ms`).join(", ")}` : "";
  },
});

export const metricChecks: CheckDefinition[] = [ttfb, fcp, lcp, cls, tbt];
