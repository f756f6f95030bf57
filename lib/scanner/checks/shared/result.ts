// Small helpers every check uses to build results: one place for evidence capping, secret masking and
// collapsing a problem seen on every page into one site-wide result.
import type { CheckDefinition, CheckResult, PageArtifacts, Severity } from "../../types";

export const EVIDENCE_MAX = 2000;

/** Evidence is hostile text from the scanned site: cap it (rendering escapes it). */
export function capEvidence(text: string | undefined, max = EVIDENCE_MAX): string | undefined {
  if (text === undefined) return undefined;
  if (text.length <= max) return text;
  return `${text.slice(0, max - 1)}…`;
}

/** Never echo a secret in full: keep enough to recognise it (first 4 + last 4), hide the rest. */
export function maskSecret(secret: string): string {
  if (secret.length <= 12) return `${secret.slice(0, 2)}${"*".repeat(Math.max(secret.length - 2, 4))}`;
  return `${secret.slice(0, 4)}${"*".repeat(Math.min(secret.length - 8, 24))}${secret.slice(-4)}`;
}

export interface FailInput {
  url: string;
  description: string;
  fix: string;
  title?: string;
  severity?: Severity;
  evidence?: string;
  selector?: string;
  key?: string;
}

/** A result carrying the definition's rule, pillar, default severity and title unless overridden. */
export function fail(def: Pick<CheckDefinition, "rule" | "pillar" | "severity" | "title">, input: FailInput): CheckResult {
  const result: CheckResult = {
    rule: def.rule,
    pillar: def.pillar,
    severity: input.severity ?? def.severity,
    title: input.title ?? def.title,
    description: input.description,
    fix: input.fix,
    url: input.url,
  };
  const evidence = capEvidence(input.evidence);
  if (evidence !== undefined) result.evidence = evidence;
  if (input.selector !== undefined) result.selector = input.selector;
  if (input.key !== undefined) result.key = input.key;
  return result;
}

/** Pages we can judge: the navigation produced a response. */
export function analyzablePages(pages: PageArtifacts[]): PageArtifacts[] {
  return pages.filter((p) => p.status !== null);
}

/** The URL a site-wide finding is reported on: the origin's root. */
export function originUrl(origin: string): string {
  return `${origin.replace(/\/+$/, "")}/`;
}

/**
 * Runs a per-page evaluation over every analyzable page. A key that fails on every page collapses into
 * one result reported on the origin (one finding for a site-wide header problem); a key that fails on
 * some pages only stays per page so the finding lists exactly those URLs.
 */
export function collapseSiteWide(
  origin: string,
  pages: PageArtifacts[],
  perPage: (page: PageArtifacts) => CheckResult[],
): CheckResult[] | "n/a" {
  const judged = analyzablePages(pages);
  if (judged.length === 0) return "n/a";
  const byKey = new Map<string, { results: CheckResult[]; pages: Set<string> }>();
  for (const page of judged) {
    for (const r of perPage(page)) {
      const k = r.key ?? "";
      const entry = byKey.get(k) ?? { results: [], pages: new Set<string>() };
      entry.results.push(r);
      entry.pages.add(page.url);
      byKey.set(k, entry);
    }
  }
  const out: CheckResult[] = [];
  for (const entry of byKey.values()) {
    if (judged.length > 1 && entry.pages.size === judged.length) {
      const first = entry.results[0];
      const note = `Seen on all ${judged.length} scanned pages.`;
      out.push({
        ...first,
        url: originUrl(origin),
        evidence: capEvidence(first.evidence ? `${first.evidence}\n${note}` : note),
      });
    } else {
      out.push(...entry.results);
    }
  }
  return out;
}

export function listPreview(items: string[], max = 10): string {
  const shown = items.slice(0, max);
  const more = items.length > max ? `\n… and ${items.length - max} more` : "";
  return shown.join("\n") + more;
}
