// The `--json` report and the Finding shape of DESIGN.md §2 (shared by the API and exports).
import type { Finding, Pillar, ScanResult, Severity } from "../types";

export interface FindingJson {
  id: string;
  pillar: Pillar;
  rule: string;
  severity: Severity;
  title: string;
  description: string;
  url: string;
  urls: string[];
  evidence: string | null;
  selector?: string;
  fix: string;
  fingerprint: string;
  status: string;
  first_seen_at: string;
  last_seen_at: string;
}

export interface JsonReport {
  target: string;
  started_at: string;
  finished_at: string;
  pages: { url: string; status: number | null; error?: string }[];
  scores: Partial<Record<Pillar, number>>;
  score: number;
  grade: string;
  security_grade?: string;
  findings: FindingJson[];
}

/** A scanner Finding in the public shape; the CLI has no database, so id derives from the fingerprint. */
export function findingToJson(f: Finding, seenAt: string, extra: { id?: string; status?: string; first_seen_at?: string } = {}): FindingJson {
  const out: FindingJson = {
    id: extra.id ?? f.fingerprint.slice(0, 16),
    pillar: f.pillar,
    rule: f.rule,
    severity: f.severity,
    title: f.title,
    description: f.description,
    url: f.url,
    urls: f.urls,
    evidence: f.evidence ?? null,
    fix: f.fix,
    fingerprint: f.fingerprint,
    status: extra.status ?? "open",
    first_seen_at: extra.first_seen_at ?? seenAt,
    last_seen_at: seenAt,
  };
  if (f.selector !== undefined) out.selector = f.selector;
  return out;
}

export function toJsonReport(result: ScanResult): JsonReport {
  const report: JsonReport = {
    target: result.target,
    started_at: result.started_at,
    finished_at: result.finished_at,
    pages: result.pages,
    scores: result.scores,
    score: result.score,
    grade: result.grade,
    findings: result.findings.map((f) => findingToJson(f, result.finished_at)),
  };
  if (result.security_grade) report.security_grade = result.security_grade;
  return report;
}

export function renderJson(result: ScanResult): string {
  return `${JSON.stringify(toJsonReport(result), null, 2)}\n`;
}
