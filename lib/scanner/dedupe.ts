// Results -> findings. A finding is one problem to fix: (domain, rule, subject), where the subject is what has
// to change (lib/scanner/subject.ts). Every result becomes an instance of its finding (page, element or
// asset, snippet). The fingerprint never depends on changing text, so a fixed finding that comes back later
// has the same fingerprint (a regression).
import { subjectFingerprint, subjectKey, subjectKindOf } from "./subject";
import type { CheckResult, Finding, FindingInstance, Severity } from "./types";
import { SEVERITIES } from "./types";
import { normalizeDevices } from "./devices";

export const MAX_URLS_PER_FINDING = 100;
export const MAX_INSTANCES_PER_FINDING = 500;
export const SNIPPET_MAX = 500;

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

/** A result's finding fingerprint on `host`. */
export function fingerprint(host: string, r: Pick<CheckResult, "pillar" | "rule" | "key" | "selector" | "url">): string {
  return subjectFingerprint(host, r.pillar, r.rule, subjectKey(subjectKindOf(r.rule), r));
}

const RANK: Record<Severity, number> = Object.fromEntries(SEVERITIES.map((s, i) => [s, i])) as Record<Severity, number>;

export function worseSeverity(a: Severity, b: Severity): Severity {
  return RANK[a] <= RANK[b] ? a : b;
}

export function capSnippet(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  return text.length > SNIPPET_MAX ? `${text.slice(0, SNIPPET_MAX - 1)}…` : text;
}

function instanceOf(r: CheckResult, kind: Finding["subjectKind"]): FindingInstance {
  const i: FindingInstance = { url: r.url };
  if (r.selector !== undefined) i.selector = r.selector;
  if (kind === "asset" && r.key !== undefined) i.asset = r.key;
  const snippet = capSnippet(r.evidence);
  if (snippet !== undefined) i.snippet = snippet;
  return i;
}

const instanceKey = (i: FindingInstance) => `${i.url}\u0000${i.selector ?? ""}\u0000${i.asset ?? ""}`;

export function dedupe(results: CheckResult[], target: string): Finding[] {
  const host = fingerprintHost(target);
  const byFp = new Map<string, { finding: Finding; seen: Set<string> }>();
  for (const r of results) {
    const kind = subjectKindOf(r.rule);
    const subject = subjectKey(kind, r);
    const fp = subjectFingerprint(host, r.pillar, r.rule, subject);
    const instance = instanceOf(r, kind);
    const entry = byFp.get(fp);
    if (!entry) {
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
        subjectKind: kind,
        subject,
        instances: [instance],
        instanceCount: 1,
      };
      if (r.evidence !== undefined) f.evidence = r.evidence;
      if (r.selector !== undefined) f.selector = kind === "element" ? subject : r.selector;
      if (r.key !== undefined) f.key = r.key;
      if (r.device) f.devices = [r.device];
      byFp.set(fp, { finding: f, seen: new Set([instanceKey(instance)]) });
      continue;
    }
    const existing = entry.finding as Finding & { instances: FindingInstance[]; instanceCount: number };
    existing.severity = worseSeverity(existing.severity, r.severity);
    if (!existing.urls.includes(r.url) && existing.urls.length < MAX_URLS_PER_FINDING) existing.urls.push(r.url);
    if (existing.evidence === undefined && r.evidence !== undefined) existing.evidence = r.evidence;
    if (r.device && !existing.devices?.includes(r.device)) existing.devices = normalizeDevices([...(existing.devices ?? []), r.device]);
    const k = instanceKey(instance);
    if (!entry.seen.has(k)) {
      entry.seen.add(k);
      existing.instanceCount += 1;
      if (existing.instances.length < MAX_INSTANCES_PER_FINDING) existing.instances.push(instance);
    }
  }
  return sortFindings([...byFp.values()].map((e) => e.finding));
}

export function sortFindings(findings: Finding[]): Finding[] {
  return findings.sort(
    (a, b) => RANK[a.severity] - RANK[b.severity] || b.urls.length - a.urls.length || a.pillar.localeCompare(b.pillar) || a.rule.localeCompare(b.rule) || a.url.localeCompare(b.url),
  );
}
