import type { Finding } from "@/generated/prisma/client";
import type { Pillar, Severity } from "@/lib/scanner/types";

export const FINDING_STATUSES = ["open", "in_progress", "resolved", "accepted_risk", "false_positive"] as const;
export type FindingStatus = (typeof FINDING_STATUSES)[number];

/** DESIGN.md §2's finding shape plus the triage fields the API exposes. */
export interface FindingJson {
  id: string;
  domain_id: string;
  pillar: Pillar;
  rule: string;
  severity: Severity;
  severity_overridden: boolean;
  title: string;
  description: string;
  url: string;
  urls: string[];
  evidence: string | null;
  selector: string | null;
  fix: string;
  fingerprint: string;
  status: FindingStatus;
  assignee_id: string | null;
  first_seen_at: string;
  last_seen_at: string;
  last_scan_id: string | null;
  resolved_at: string | null;
  regression: boolean;
  regressed_at: string | null;
  regression_count: number;
}

export function presentFinding(f: Finding): FindingJson {
  return {
    id: f.id,
    domain_id: f.domainId,
    pillar: f.pillar,
    rule: f.rule,
    severity: f.severity,
    severity_overridden: f.severityOverride !== null,
    title: f.title,
    description: f.description,
    url: f.url,
    urls: f.urls,
    evidence: f.evidence,
    selector: f.selector,
    fix: f.fix,
    fingerprint: f.fingerprint,
    status: f.status,
    assignee_id: f.assigneeId,
    first_seen_at: f.firstSeenAt.toISOString(),
    last_seen_at: f.lastSeenAt.toISOString(),
    last_scan_id: f.lastScanId,
    resolved_at: f.resolvedAt?.toISOString() ?? null,
    regression: f.regression,
    regressed_at: f.regressedAt?.toISOString() ?? null,
    regression_count: f.regressionCount,
  };
}
