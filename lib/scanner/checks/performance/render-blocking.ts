// Resources that hold back the first paint. Chromium's renderBlocking flag (when gather has it) decides
// whether a request blocked; a synchronous script only counts when it sits in <head>, because a script at
// the end of <body> blocks the parser below it but not the first paint of what came before.
import type { CheckDefinition, CheckResult, NetworkRequest, PageArtifacts, Severity } from "../../types";
import { fail } from "../shared/result";
import { parseUrl, urlWithoutQuery } from "../shared/web";
import { formatBytes, formatMs, KiB, requestFor, wireBytes } from "./format";

/** The serialized <head> of the page (dom.html is the DOM after load, capped). */
function headHtml(page: PageArtifacts): string {
  const html = page.dom.html;
  const end = html.search(/<\/head\s*>|<body[\s>]/i);
  return end >= 0 ? html.slice(0, end) : "";
}

/** Whether the head markup references this URL (attribute values may be relative and &-escaped). */
function headReferences(head: string, url: string): boolean {
  const u = parseUrl(url);
  if (!u) return false;
  const needles = [u.href, `${u.pathname}${u.search}`, u.pathname].filter((n) => n.length > 1);
  return needles.some((n) => head.includes(n) || head.includes(n.replace(/&/g, "&amp;")));
}

const JS_TYPES = /^(text|application)\/(x-)?(javascript|ecmascript)$|^$/i;

/** Synchronous external scripts in <head> that the browser had to fetch and run before painting. */
export function blockingScripts(page: PageArtifacts): { url: string; request?: NetworkRequest }[] {
  const head = headHtml(page);
  const out: { url: string; request?: NetworkRequest }[] = [];
  for (const s of page.dom.scripts) {
    if (!s.src || s.inline || s.async || s.defer) continue;
    if (!JS_TYPES.test((s.type ?? "").trim())) continue; // module scripts are deferred; other types never run
    const request = requestFor(page, s.src);
    // Never fetched (nomodule in a modern browser, a blocked URL): it cannot have held back the paint.
    if (!request && page.requests.length > 0) continue;
    if (request?.renderBlocking === false) continue;
    if (!headReferences(head, s.src)) continue;
    if (request && (request.status === null || request.status >= 400)) continue; // a broken script is another problem
    out.push({ url: s.src, request });
  }
  return out;
}

/** Media that can never match on a screen at load: those stylesheets download without blocking. */
function nonBlockingMedia(media: string | undefined): boolean {
  if (!media) return false;
  const m = media.trim().toLowerCase();
  return m === "print" || m === "speech" || m === "none" || m === "not all" || m.startsWith("print ") || m.startsWith("print,");
}

export function blockingStylesheets(page: PageArtifacts): { url: string; request?: NetworkRequest }[] {
  const out: { url: string; request?: NetworkRequest }[] = [];
  for (const l of page.dom.stylesheets) {
    if (!l.href || nonBlockingMedia(l.media)) continue;
    const request = requestFor(page, l.href);
    // Never fetched (rel="alternate stylesheet", disabled): not blocking.
    if (!request && page.requests.length > 0) continue;
    if (request?.renderBlocking === false) continue;
    if (request && (request.status === null || request.status >= 400)) continue;
    out.push({ url: l.href, request });
  }
  return out;
}

function describeRequest(url: string, r: NetworkRequest | undefined): string {
  if (!r) return urlWithoutQuery(url);
  return `${urlWithoutQuery(url)}  ${formatBytes(wireBytes(r))}, ${formatMs(Math.max(0, r.endTime - r.startTime))}`;
}

export const renderBlockingScripts: CheckDefinition = {
  rule: "perf-render-blocking-script",
  pillar: "performance",
  severity: "medium",
  weight: 5,
  title: "Synchronous script in <head> blocks rendering",
  scope: "page",
  run(ctx) {
    const page = ctx.page;
    if (!page || page.status === null || page.status >= 400) return "n/a";
    const results: CheckResult[] = [];
    for (const { url, request } of blockingScripts(page)) {
      const thirdParty = request?.thirdParty ?? false;
      // A tiny first-party script (theme or feature flags read before paint) costs one round trip; a
      // large or third-party one adds its download, a new connection and its execution to every first paint.
      const small = request !== undefined && !thirdParty && wireBytes(request) < 10 * KiB;
      const severity: Severity = small ? "low" : "medium";
      results.push(
        fail(renderBlockingScripts, {
          url: page.url,
          severity,
          description: `${thirdParty ? "A third-party" : "A"} script is loaded synchronously in <head> (no async or defer). The browser stops parsing and cannot paint anything until it is downloaded and executed${thirdParty ? ", and a slow or down third party freezes your page" : ""}.`,
          fix: 'Add defer (keeps execution order, runs after parsing) or async (independent scripts such as analytics) to the <script> tag, or move it to the end of <body>. Use type="module" for modern bundles (deferred by default).',
          evidence: describeRequest(url, request),
          key: urlWithoutQuery(url),
          siteWide: true,
        }),
      );
    }
    return results;
  },
};

/**
 * Render-blocking CSS. One or two stylesheets are how the web works, so this fires on a budget: more than
 * 100 KiB of blocking CSS (low; > 250 KiB medium) or more than 4 blocking stylesheets (each a request, on
 * a possibly new connection, before first paint).
 */
export const renderBlockingCss: CheckDefinition = {
  rule: "perf-render-blocking-css",
  pillar: "performance",
  severity: "low",
  weight: 3,
  title: "Too much render-blocking CSS",
  scope: "page",
  run(ctx) {
    const page = ctx.page;
    if (!page || page.status === null || page.status >= 400) return "n/a";
    const sheets = blockingStylesheets(page);
    if (sheets.length === 0) return [];
    const bytes = sheets.reduce((n, s) => n + (s.request ? wireBytes(s.request) : 0), 0);
    const thirdParty = sheets.filter((s) => s.request?.thirdParty).length;
    if (bytes <= 100 * KiB && sheets.length <= 4) return [];
    const severity: Severity = bytes > 250 * KiB ? "medium" : "low";
    return [
      fail(renderBlockingCss, {
        url: page.url,
        severity,
        description: `${sheets.length} stylesheet${sheets.length > 1 ? "s" : ""} (${formatBytes(bytes)}${thirdParty > 0 ? `, ${thirdParty} from third parties` : ""}) must download before the first paint (budget: 4 files, 100 KB). On a mobile connection that is a blank screen for every extra round trip and kilobyte.`,
        fix: "Inline the critical above-the-fold CSS, load the rest with <link rel=\"preload\" as=\"style\"> or media=\"print\" onload swap, merge small stylesheets, self-host third-party CSS (e.g. Google Fonts) and remove unused rules.",
        evidence: sheets.map((s) => describeRequest(s.url, s.request)).join("\n"),
      }),
    ];
  },
};
