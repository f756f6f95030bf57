import type { z } from "zod";
import type { Finding, FindingInstance } from "@/generated/prisma/client";
import type { findingInstanceSchema, findingSchema } from "@/lib/api/contract/findings";

const SUBJECT_KINDS = ["asset", "site", "page", "element"] as const;
type SubjectKind = (typeof SUBJECT_KINDS)[number];
const subjectKind = (k: string | null): SubjectKind | null => (SUBJECT_KINDS as readonly string[]).includes(k ?? "") ? (k as SubjectKind) : null;

/** The API's finding shape (lib/api/contract) plus the triage fields. */
export function serializeFinding(f: Finding): z.input<typeof findingSchema> {
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
    subject_kind: subjectKind(f.subjectKind),
    subject: f.subject,
    instances_count: f.instancesCount,
    pages_count: f.pagesCount,
    accepted_until: f.acceptedUntil?.toISOString() ?? null,
    status: f.status,
    assignee_id: f.assigneeId,
    first_seen_at: f.firstSeenAt.toISOString(),
    last_seen_at: f.lastSeenAt.toISOString(),
    last_scan_id: f.lastScanId,
    resolved_at: f.resolvedAt?.toISOString() ?? null,
    resolution: f.resolution,
    regression: f.regression,
    regressed_at: f.regressedAt?.toISOString() ?? null,
    regression_count: f.regressionCount,
  };
}

export function serializeFindingInstance(i: FindingInstance): z.input<typeof findingInstanceSchema> {
  return {
    id: i.id,
    finding_id: i.findingId,
    url: i.url,
    selector: i.selector || null,
    asset: i.asset || null,
    snippet: i.snippet,
    last_scan_id: i.lastScanId,
    first_seen_at: i.firstSeenAt.toISOString(),
    last_seen_at: i.lastSeenAt.toISOString(),
  };
}
