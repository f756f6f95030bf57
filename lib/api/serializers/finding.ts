import type { z } from "zod";
import type { Finding } from "@/generated/prisma/client";
import type { findingSchema } from "@/lib/api/contract/findings";

/** DESIGN.md §2's finding shape plus the triage fields. */
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
