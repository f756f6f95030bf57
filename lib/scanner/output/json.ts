// The `--json` report and the API's Finding shape (shared by the API and exports).
import type { DeviceName } from "../devices";
import type { Finding, Pillar, ScanConsentReport, ScanResult, ScanResultPageDevice, Severity, ThirdPartyHost } from "../types";

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
  /** device-dependent findings: the devices whose loads showed it */
  devices?: DeviceName[];
}

export interface JsonReport {
  target: string;
  started_at: string;
  finished_at: string;
  pages: { url: string; status: number | null; error?: string; robots_blocked?: boolean; devices?: ScanResultPageDevice[] }[];
  /** the device profiles the pages were loaded as, primary first */
  devices?: DeviceName[];
  /** more than one device: the performance score of each device's loads */
  device_scores?: Partial<Record<DeviceName, number>>;
  /** URLs found but not scanned, with the reason (robots.txt with --respect-robots, patterns…) */
  skipped_pages?: { url: string; reason: string }[];
  scores: Partial<Record<Pillar, number>>;
  score: number;
  grade: string;
  security_grade?: string;
  /** before/after consent per page (`--consent`): the state before any choice and what Accept / Reject added */
  consent?: ScanConsentReport;
  findings: FindingJson[];
  /** every third-party host contacted, with what its beacons received (names and kinds, never values) */
  third_parties?: ThirdPartyHost[];
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
  if (f.devices?.length) out.devices = f.devices;
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
  if (result.skipped_pages?.length) report.skipped_pages = result.skipped_pages;
  if (result.devices?.length) report.devices = result.devices;
  if (result.device_scores) report.device_scores = result.device_scores;
  if (result.consent) report.consent = result.consent;
  if (result.third_parties) report.third_parties = result.third_parties;
  return report;
}

export function renderJson(result: ScanResult): string {
  return `${JSON.stringify(toJsonReport(result), null, 2)}\n`;
}
