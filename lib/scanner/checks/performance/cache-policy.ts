// First-party static assets without a usable browser-cache policy. Third-party assets are left out: the
// site owner cannot change their headers. Two defects:
//  - no policy at all (no Cache-Control max-age, no Expires): every repeat visit revalidates or refetches,
//    at the mercy of heuristic caching;
//  - a fingerprinted file (name carries a content hash, so it can never change) cached for less than a day.
// A deliberate `no-store` is respected (private or generated content).
import type { CheckDefinition, CheckResult, NetworkRequest, Severity } from "../../types";
import { fail } from "../shared/result";
import { header, urlWithoutQuery } from "../shared/web";
import { formatBytes, isFreshSuccess, KiB, wireBytes } from "./format";

const STATIC_TYPES = new Set(["script", "stylesheet", "font", "image", "media"]);
const DAY = 86400;

/** Seconds the browser may reuse the response, null when the headers say nothing about freshness. */
export function cacheLifetime(headers: Record<string, string>): { ttl: number | null; noStore: boolean } {
  const cc = (header(headers, "cache-control") ?? "").toLowerCase();
  if (/\bno-store\b/.test(cc)) return { ttl: 0, noStore: true };
  if (/\bno-cache\b/.test(cc)) return { ttl: 0, noStore: false };
  const maxAge = /\bmax-age\s*=\s*"?(\d+)/.exec(cc);
  if (maxAge) return { ttl: Number(maxAge[1]), noStore: false };
  const expires = header(headers, "expires");
  if (expires !== undefined) {
    const exp = Date.parse(expires);
    if (Number.isNaN(exp)) return { ttl: 0, noStore: false }; // invalid Expires (e.g. "0") means already expired
    const date = Date.parse(header(headers, "date") ?? "");
    const now = Number.isNaN(date) ? Date.now() : date;
    return { ttl: Math.max(0, Math.round((exp - now) / 1000)), noStore: false };
  }
  return { ttl: null, noStore: false };
}

/** A file name carrying a content hash (main.3f9a2c1b.js, app-BxY1_2kL.css) or a version query (?v=3a4b5c). */
export function looksFingerprinted(url: string): boolean {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  const file = u.pathname.split("/").pop() ?? "";
  const stem = file.replace(/\.[A-Za-z0-9]+$/, "");
  // webpack/esbuild emit hex hashes; Vite/Rollup emit 8-char base64url ones (mixed case with digits).
  const hashy = (t: string) =>
    (/^[a-f0-9]{8,}$/i.test(t) && /\d/.test(t)) || (/^[A-Za-z0-9_]{8,}$/.test(t) && /\d/.test(t) && /[a-z]/.test(t) && /[A-Z]/.test(t));
  if (stem.split(/[.-]/).some(hashy)) return true;
  for (const [k, v] of u.searchParams) {
    if (/^(v|ver|version|h|hash|rev|cb)$/i.test(k) && /^[A-Za-z0-9._-]{6,}$/.test(v)) return true;
  }
  return false;
}

function ttlText(ttl: number | null): string {
  if (ttl === null) return "no cache policy";
  if (ttl === 0) return "not cached (no-cache / max-age=0)";
  if (ttl < 3600) return `cached ${Math.round(ttl / 60)} min`;
  return `cached ${Math.round(ttl / 3600)} h`;
}

export const cachePolicy: CheckDefinition = {
  rule: "perf-cache-policy",
  pillar: "performance",
  severity: "low",
  weight: 3,
  title: "Static assets without an efficient cache policy",
  scope: "page",
  run(ctx) {
    const page = ctx.page;
    if (!page || page.status === null || page.status >= 400) return "n/a";
    const statics = page.requests.filter((r) => STATIC_TYPES.has(r.resourceType) && !r.thirdParty && isFreshSuccess(r) && /^https?:/.test(r.url));
    if (statics.length === 0) return "n/a";
    const bad: { r: NetworkRequest; ttl: number | null }[] = [];
    for (const r of statics) {
      const { ttl, noStore } = cacheLifetime(r.responseHeaders);
      if (noStore) continue;
      if (ttl === null) bad.push({ r, ttl });
      else if (ttl < DAY && looksFingerprinted(r.url)) bad.push({ r, ttl });
    }
    if (bad.length === 0) return [];
    const bytes = bad.reduce((n, b) => n + wireBytes(b.r), 0);
    // Every repeat view re-downloads (or at best revalidates) these bytes; past 200 KiB that is a
    // noticeable share of a typical page.
    const severity: Severity = bytes > 200 * KiB ? "medium" : "low";
    const host = (() => {
      try {
        return new URL(page.finalUrl || page.url).host;
      } catch {
        return "";
      }
    })();
    const result: CheckResult = fail(cachePolicy, {
      url: page.url,
      severity,
      description: `${bad.length} static asset${bad.length > 1 ? "s" : ""} (${formatBytes(bytes)}) ${bad.length > 1 ? "have" : "has"} no usable cache lifetime, so returning visitors download them again (or wait for a revalidation round trip) on every page view.`,
      fix: "Send Cache-Control: public, max-age=31536000, immutable for fingerprinted build assets (file names with a content hash), and at least max-age=86400 plus an ETag for other static files.",
      evidence: bad
        .sort((a, b) => wireBytes(b.r) - wireBytes(a.r))
        .slice(0, 15)
        .map((b) => `${ttlText(b.ttl)}  ${formatBytes(wireBytes(b.r))}  ${urlWithoutQuery(b.r.url)}`)
        .join("\n"),
      key: host,
      siteWide: true,
    });
    return [result];
  },
};
