// How much a page downloads: in total, per resource type and in number of requests.
import type { CheckDefinition, CheckResult, NetworkRequest, ResourceType, Severity } from "../../types";
import { fail } from "../shared/result";
import { urlWithoutQuery } from "../shared/web";
import { formatBytes, KiB, MiB, wireBytes } from "./format";

function largest(requests: NetworkRequest[], n = 5): string {
  return [...requests]
    .sort((a, b) => wireBytes(b) - wireBytes(a))
    .slice(0, n)
    .map((r) => `${formatBytes(wireBytes(r))}  ${urlWithoutQuery(r.url)}`)
    .join("\n");
}

/**
 * Total transfer size. 1,600 KiB is Lighthouse's long-standing payload budget (what a median mobile
 * connection downloads in a few seconds) -> low; above 4,000 KiB Lighthouse scores total-byte-weight as
 * poor (below 0.5) -> medium. Weight alone never makes a page unusable, so it stops at medium.
 */
export const pageWeight: CheckDefinition = {
  rule: "perf-page-weight",
  pillar: "performance",
  severity: "low",
  weight: 5,
  title: "Large total page weight",
  scope: "page",
  run(ctx) {
    const page = ctx.page;
    if (!page || page.status === null || page.status >= 400) return "n/a";
    const total = page.performance.totalBytes;
    if (total <= 1600 * KiB) return [];
    const severity: Severity = total > 4000 * KiB ? "medium" : "low";
    const byType = Object.entries(page.performance.bytesByType)
      .filter(([, b]) => (b ?? 0) > 0)
      .sort((a, b) => (b[1] ?? 0) - (a[1] ?? 0))
      .map(([t, b]) => `${t}: ${formatBytes(b ?? 0)}`)
      .join(", ");
    return [
      fail(pageWeight, {
        url: page.url,
        severity,
        description: `This page downloads ${formatBytes(total)} (budget 1.6 MB). Big pages load slowly on mobile networks and cost visitors on metered data plans.`,
        fix: "Start with the largest resources listed: compress and resize images (WebP/AVIF at displayed size), lazy-load below-the-fold media, split and trim JavaScript bundles, and subset web fonts.",
        evidence: `Total ${formatBytes(total)} in ${page.performance.requestCount} requests\nBy type: ${byType}\nLargest:\n${largest(page.requests)}`,
      }),
    ];
  },
};

interface TypeBudget {
  type: ResourceType;
  label: string;
  low: number;
  medium: number;
  fix: string;
}

/**
 * Per-type budgets (transfer bytes). JavaScript costs far more than its size (parse, compile, execute on
 * the main thread): 500 KiB compressed is roughly the HTTP Archive median for mobile pages, 1 MiB the worst
 * quartile. CSS blocks rendering: 150/400 KiB is several times what a typical site needs. Fonts: more than
 * 300/600 KiB means many unsubsetted families or weights.
 */
const BUDGETS: TypeBudget[] = [
  { type: "script", label: "JavaScript", low: 500 * KiB, medium: MiB, fix: "Code-split by route, remove unused dependencies (check with a bundle analyzer), load third-party widgets on interaction, and serve modern builds without legacy polyfills." },
  { type: "stylesheet", label: "CSS", low: 150 * KiB, medium: 400 * KiB, fix: "Remove unused CSS (purge your framework's utilities), split CSS per page, and inline only the critical above-the-fold rules." },
  { type: "font", label: "Web font", low: 300 * KiB, medium: 600 * KiB, fix: "Serve WOFF2 only, subset fonts to the characters you use, drop unused weights and styles, or use a variable font." },
];

export const bytesByType: CheckDefinition = {
  rule: "perf-bytes-by-type",
  pillar: "performance",
  severity: "low",
  weight: 3,
  title: "Oversized JavaScript, CSS or font payload",
  scope: "page",
  run(ctx) {
    const page = ctx.page;
    if (!page || page.status === null || page.status >= 400) return "n/a";
    const results: CheckResult[] = [];
    for (const b of BUDGETS) {
      const bytes = page.performance.bytesByType[b.type] ?? 0;
      if (bytes <= b.low) continue;
      const severity: Severity = bytes > b.medium ? "medium" : "low";
      results.push(
        fail(bytesByType, {
          url: page.url,
          severity,
          title: `${b.label} payload is ${formatBytes(bytes)}`,
          description: `The page transfers ${formatBytes(bytes)} of ${b.label} (budget ${formatBytes(b.low)}). ${b.type === "script" ? "Every kilobyte of JavaScript must be parsed and executed on the main thread, delaying interactivity on phones." : b.type === "stylesheet" ? "Stylesheets block rendering until they are downloaded and parsed." : "Fonts delay text rendering or cause a visible swap."}`,
          fix: b.fix,
          evidence: `${b.label}: ${formatBytes(bytes)}\nLargest:\n${largest(page.requests.filter((r) => r.resourceType === b.type))}`,
          key: b.type,
        }),
      );
    }
    return results;
  },
};

/**
 * Request count. The HTTP Archive median page makes ~70 requests; above 150 (worst decile territory) each
 * extra request competes for bandwidth and connection slots -> low; above 300 -> medium.
 */
export const requestCount: CheckDefinition = {
  rule: "perf-request-count",
  pillar: "performance",
  severity: "low",
  weight: 1,
  title: "Too many network requests",
  scope: "page",
  run(ctx) {
    const page = ctx.page;
    if (!page || page.status === null || page.status >= 400) return "n/a";
    const count = Math.max(page.performance.requestCount, page.requests.length);
    if (count <= 150) return [];
    const hosts = new Map<string, number>();
    for (const r of page.requests) {
      const h = (() => {
        try {
          return new URL(r.url).host;
        } catch {
          return "other";
        }
      })();
      hosts.set(h, (hosts.get(h) ?? 0) + 1);
    }
    const top = [...hosts.entries()].sort((a, b) => b[1] - a[1]).slice(0, 8).map(([h, n]) => `${n}  ${h}`).join("\n");
    return [
      fail(requestCount, {
        url: page.url,
        severity: count > 300 ? "medium" : "low",
        description: `The page makes ${count} requests (budget 150). Each one competes for bandwidth and connections, and many come from third parties you do not control.`,
        fix: "Bundle small scripts and styles, use CSS or SVG sprites/icons instead of many small images, lazy-load below-the-fold media, and remove third-party tags you no longer need.",
        evidence: `Requests by host:\n${top}`,
      }),
    ];
  },
};

/**
 * Redirect chain before the document: each hop is a full round trip before anything loads. One hop
 * (http -> https, or apex -> www) is normal; two or more is what Lighthouse flags.
 */
export const redirectChain: CheckDefinition = {
  rule: "perf-redirect-chain",
  pillar: "performance",
  severity: "low",
  weight: 3,
  title: "Multiple redirects before the page loads",
  scope: "page",
  run(ctx) {
    const page = ctx.page;
    if (!page || page.status === null) return "n/a";
    if (page.redirects.length < 2) return [];
    return [
      fail(redirectChain, {
        url: page.url,
        description: `Loading ${page.url} goes through ${page.redirects.length} redirects before the final page. Each redirect costs a full network round trip (often 100-300 ms on mobile) before anything can render.`,
        fix: "Link and redirect straight to the final URL (scheme, host and trailing slash included) so the chain is at most one hop.",
        evidence: [...page.redirects.map((h) => `${h.status} ${h.url} -> ${h.location}`), `final: ${page.finalUrl}`].join("\n"),
      }),
    ];
  },
};
