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
  /** one finding per site for (rule, key) whatever page it was seen on (see CheckResult) */
  siteWide?: boolean;
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
  if (input.siteWide) result.siteWide = true;
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

export function listPreview(items: string[], max = 10): string {
  const shown = items.slice(0, max);
  const more = items.length > max ? `\n… and ${items.length - max} more` : "";
  return shown.join("\n") + more;
}
