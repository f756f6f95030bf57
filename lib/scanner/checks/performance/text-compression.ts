// Text responses sent without gzip/brotli/zstd. 1,400 bytes is Lighthouse's floor (about one TCP packet:
// below it compression saves no round trip). Findings are grouped per host because compression is one
// server or CDN setting.
import type { CheckDefinition, CheckResult, NetworkRequest } from "../../types";
import { header } from "../shared/web";
import { fail } from "../shared/result";
import { urlWithoutQuery } from "../shared/web";
import { formatBytes, isFreshSuccess, KiB } from "./format";

const MIN_BYTES = 1400;
const TEXT_MIME = /^(text\/|application\/(javascript|x-javascript|ecmascript|json|ld\+json|manifest\+json|xml|xhtml\+xml|rss\+xml|atom\+xml)|image\/svg\+xml)/i;
const TEXT_TYPES = new Set(["document", "stylesheet", "script", "xhr", "fetch"]);

function mimeOf(r: NetworkRequest): string {
  return (r.mimeType ?? header(r.responseHeaders, "content-type") ?? "").split(";")[0].trim().toLowerCase();
}

export function isUncompressedText(r: NetworkRequest): boolean {
  if (!isFreshSuccess(r)) return false;
  const mime = mimeOf(r);
  if (!TEXT_MIME.test(mime) && !(mime === "" && TEXT_TYPES.has(r.resourceType))) return false;
  if (r.bodyBytes < MIN_BYTES) return false;
  const encoding = (header(r.responseHeaders, "content-encoding") ?? "").trim().toLowerCase();
  if (encoding !== "" && encoding !== "identity") return false;
  // The wire size settles it when the header was not captured: a compressed body is far smaller.
  if (r.transferBytes > 0 && r.transferBytes < r.bodyBytes * 0.9) return false;
  return true;
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

export const textCompression: CheckDefinition = {
  rule: "perf-text-compression",
  pillar: "performance",
  severity: "medium",
  weight: 5,
  title: "Text resources served without compression",
  scope: "page",
  run(ctx) {
    const page = ctx.page;
    if (!page || page.status === null || page.status >= 400) return "n/a";
    const byHost = new Map<string, NetworkRequest[]>();
    for (const r of page.requests) {
      if (!isUncompressedText(r)) continue;
      const h = hostOf(r.url);
      byHost.set(h, [...(byHost.get(h) ?? []), r]);
    }
    const results: CheckResult[] = [];
    for (const [host, reqs] of byHost) {
      const bytes = reqs.reduce((n, r) => n + r.bodyBytes, 0);
      const thirdParty = reqs.every((r) => r.thirdParty);
      // gzip typically removes 60-80% of text; under 20 KiB in total the gain is a fraction of a round trip.
      const severity = thirdParty || bytes < 20 * KiB ? "low" : "medium";
      results.push(
        fail(textCompression, {
          url: page.url,
          severity,
          description: `${reqs.length} text response${reqs.length > 1 ? "s" : ""} from ${host} (${formatBytes(bytes)}) ${reqs.length > 1 ? "were" : "was"} sent uncompressed. Gzip or Brotli usually shrinks HTML, CSS, JavaScript and JSON by 60-80%, so this page downloads several times more than it needs to.`,
          fix: thirdParty
            ? `Ask the provider of ${host} to enable compression, or self-host the files behind your own compressed CDN.`
            : "Enable Brotli and gzip for text types (text/html, text/css, application/javascript, application/json, image/svg+xml) in your web server or CDN (e.g. nginx `gzip on; gzip_types …`, or pre-compress build output).",
          evidence: reqs
            .sort((a, b) => b.bodyBytes - a.bodyBytes)
            .slice(0, 15)
            .map((r) => `${formatBytes(r.bodyBytes)}  ${r.mimeType ?? ""}  ${urlWithoutQuery(r.url)}`)
            .join("\n"),
          key: host,
          siteWide: true,
        }),
      );
    }
    return results;
  },
};
