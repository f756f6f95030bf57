// What a finding is about: the one thing a team has to change. Results of the same rule on the same subject
// are one finding, whatever page, device or consent state they were seen in; each observation becomes an
// instance. Pure: the CLI, the server and the regrouping data migration classify the same way.
import { createHash } from "node:crypto";
import { pathTemplate } from "./crawl/url";
import type { CheckResult, Pillar } from "./types";

export const SUBJECT_KINDS = ["asset", "site", "page", "element"] as const;
/**
 * - asset: a file, cookie, response header, third-party host or probed path (`CheckResult.key`) — the same
 *   script on six pages is one finding;
 * - site: the rule alone (a missing canonical/description/title is a template fix: one finding listing pages);
 * - page: the page's path template (/blog/1 and /blog/2 are one), plus the key when the check sets one;
 * - element: the page-independent element pattern (an axe target without nth-child and generated ids).
 */
export type SubjectKind = (typeof SUBJECT_KINDS)[number];

const SITE = new Set([
  "a11y-zoom-disabled",
  "seo-title-missing",
  "seo-meta-description-missing",
  "seo-canonical-missing",
  "seo-h1-missing",
  "seo-viewport",
  "seo-html-lang",
]);

const PAGE = new Set([
  "a11y-heading-order",
  "seo-title-length",
  "seo-meta-description-length",
  "seo-h1-multiple",
  "seo-canonical-conflict",
  "seo-canonical-invalid",
  "seo-canonical-cross-origin",
  "seo-noindex",
  "seo-page-status",
  "seo-link-text",
  "seo-hreflang",
  "seo-tap-targets",
  "seo-content-width",
  "perf-ttfb",
  "perf-fcp",
  "perf-lcp",
  "perf-cls",
  "perf-tbt",
  "perf-page-weight",
  "perf-bytes-by-type",
  "perf-request-count",
  "perf-redirect-chain",
  "password-form-insecure",
]);

/**
 * The subject kind each rule declares. axe rules are about elements; the rules above are site- or
 * page-level; every other check (headers, cookies, trackers, files, scripts, images, hosts) names its asset
 * in `key`. A new check that fits none of these must be added to SITE or PAGE (a test lists every rule).
 */
export function subjectKindOf(rule: string): SubjectKind {
  if (rule.startsWith("axe-")) return "element";
  if (SITE.has(rule)) return "site";
  if (PAGE.has(rule)) return "page";
  return "asset";
}

// ids and classes that look generated (hashes, counters, CSS-in-JS suffixes) differ page to page.
const GENERATED = /[-_]?(?:[0-9a-f]{6,}|\d{2,}|[a-z]*\d+[a-z\d]*[A-Z][A-Za-z\d]*|[A-Za-z]{1,3}\d[A-Za-z\d]{3,})$/;

function generated(name: string): boolean {
  if (/^\d/.test(name)) return true;
  if (/^(?:css|sc|jsx|svelte|emotion|styled)-[A-Za-z0-9]+$/.test(name)) return true;
  if (/^:r[0-9a-z]+:$/.test(name)) return true;
  return GENERATED.test(name) && /\d/.test(name);
}

/**
 * A selector that names the same element on every page: positional pseudo-classes dropped, generated ids and
 * classes dropped, whitespace collapsed. `main > div:nth-child(3) > img` and `main > div:nth-child(5) > img`
 * are one pattern.
 */
export function normalizeSelector(selector: string): string {
  let s = selector.trim().replace(/\s+/g, " ");
  s = s.replace(/:(?:nth-child|nth-of-type|nth-last-child|nth-last-of-type)\([^)]*\)/g, "");
  s = s.replace(/:(?:first|last|only)-(?:child|of-type)/g, "");
  s = s.replace(/#((?:\\.|[\w-])+)/g, (m, id: string) => (generated(id.replace(/\\/g, "")) ? "" : m));
  s = s.replace(/\[id=(["']?)([^\]"']*)\1\]/g, (m, _q, id: string) => (generated(id) ? "" : m));
  s = s.replace(/\.((?:\\.|[\w-])+)/g, (m, cls: string) => (generated(cls.replace(/\\/g, "")) ? "" : m));
  // A compound emptied by the removals ("#x4f2a" alone) still stands for "an element": keep the structure.
  const parts = s.trim().split(/\s*([>+~ ])\s*/);
  s = parts.map((part, i) => (i % 2 === 1 ? (part === " " ? " " : ` ${part} `) : part || "*")).join("");
  return s.slice(0, 500) || "*";
}

function withoutQuery(url: string): string {
  const i = url.search(/[?#]/);
  return i < 0 ? url : url.slice(0, i);
}

type SubjectInput = Pick<CheckResult, "rule" | "url" | "key" | "selector">;

/** The subject key: the stable text (never counts or values) that, with the rule, identifies the finding. */
export function subjectKey(kind: SubjectKind, r: SubjectInput): string {
  switch (kind) {
    case "site":
      return r.key ?? "";
    case "asset":
      return r.key ?? (r.selector ? normalizeSelector(r.selector) : withoutQuery(r.url));
    case "page":
      return r.key ? `${pathTemplate(r.url)} ${r.key}` : pathTemplate(r.url);
    case "element":
      return normalizeSelector(r.selector ?? r.key ?? "");
  }
}

/** sha256 of (domain, pillar, rule, subject key): stable across scans as long as the subject is. */
export function subjectFingerprint(host: string, pillar: Pillar, rule: string, key: string): string {
  return createHash("sha256").update([host, pillar, rule, key].join("\u0000")).digest("hex");
}
