// Results -> findings. Observations of the same rule on the same page template with the same key/selector
// become one finding listing every URL. The fingerprint never depends on changing text, so a fixed finding
// that comes back later has the same fingerprint (a regression).
import { createHash } from "node:crypto";
import { pathTemplate } from "./crawl/url";
import type { CheckResult, Finding, Severity } from "./types";
import { SEVERITIES } from "./types";

export const MAX_URLS_PER_FINDING = 100;

/** The host a fingerprint is bound to: lower-case, without a leading "www." (apex and www are one site). */
export function fingerprintHost(target: string): string {
  let host: string;
  try {
    host = new URL(target).hostname;
  } catch {
    host = target;
  }
  return host.toLowerCase().replace(/^www\./, "").replace(/\.$/, "");
}

/** Site-wide results (siteWide, or reported on the origin root with a key) fingerprint on the site, not a page. */
function locationOf(r: CheckResult): string {
  if (r.siteWide) return "*";
  return pathTemplate(r.url);
}

export function fingerprint(host: string, r: Pick<CheckResult, "pillar" | "rule" | "key" | "selector">, location: string): string {
  const discriminator = r.key ?? r.selector ?? "";
  return createHash("sha256").update([host, r.pillar, r.rule, location, discriminator].join("\u0000")).digest("hex");
}

const RANK: Record<Severity, number> = Object.fromEntries(SEVERITIES.map((s, i) => [s, i])) as Record<Severity, number>;

export function worseSeverity(a: Severity, b: Severity): Severity {
  return RANK[a] <= RANK[b] ? a : b;
}

export function dedupe(results: CheckResult[], target: string): Finding[] {
  const host = fingerprintHost(target);
  const byFp = new Map<string, Finding>();
  for (const r of results) {
    const fp = fingerprint(host, r, locationOf(r));
    const existing = byFp.get(fp);
    if (!existing) {
      const f: Finding = {
        pillar: r.pillar,
        rule: r.rule,
        severity: r.severity,
        title: r.title,
        description: r.description,
        url: r.url,
        urls: [r.url],
        fix: r.fix,
        fingerprint: fp,
      };
      if (r.evidence !== undefined) f.evidence = r.evidence;
      if (r.selector !== undefined) f.selector = r.selector;
      if (r.key !== undefined) f.key = r.key;
      byFp.set(fp, f);
      continue;
    }
    existing.severity = worseSeverity(existing.severity, r.severity);
    if (!existing.urls.includes(r.url) && existing.urls.length < MAX_URLS_PER_FINDING) existing.urls.push(r.url);
    if (existing.evidence === undefined && r.evidence !== undefined) existing.evidence = r.evidence;
  }
  return sortFindings([...byFp.values()]);
}

export function sortFindings(findings: Finding[]): Finding[] {
  return findings.sort(
    (a, b) => RANK[a.severity] - RANK[b.severity] || b.urls.length - a.urls.length || a.pillar.localeCompare(b.pillar) || a.rule.localeCompare(b.rule) || a.url.localeCompare(b.url),
  );
}
