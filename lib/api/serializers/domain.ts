import type { z } from "zod";
import type { domainDetailSchema, domainSchema } from "@/lib/api/contract/domains";
import type { DomainResult } from "@/lib/services/domain-result/compose";
import { serializeDomainResult } from "./domain-result";
import type { Domain } from "@/generated/prisma/client";
import { domainOrigin, verificationInstructions } from "@/lib/services/verification/verification-instructions";

export function serializeDomain(d: Domain): z.input<typeof domainSchema> {
  return {
    id: d.id,
    hostname: d.host,
    scheme: d.scheme,
    url: domainOrigin(d),
    verified: d.verifiedAt !== null,
    verified_at: d.verifiedAt?.toISOString() ?? null,
    verification_method: d.verificationMethod,
    verification_checked_at: d.verificationCheckedAt?.toISOString() ?? null,
    verification_lost_at: d.verificationLostAt?.toISOString() ?? null,
    verification_lost_reason: d.verificationLostReason,
    verify_token: d.verifyToken,
    verification: verificationInstructions(d),
    schedule: d.schedule,
    schedule_pillars: d.schedulePillars,
    next_scheduled_at: d.nextScheduledAt?.toISOString() ?? null,
    directory_enabled: d.directoryEnabled,
    directory_show_findings: d.directoryShowFindings,
    page_count: d.pageCount,
    organization_name: d.organizationName,
    description: d.description,
    last_scan_id: d.lastScanId,
    last_score: d.lastScore,
    last_grade: d.lastGrade,
    created_at: d.createdAt.toISOString(),
    updated_at: d.updatedAt.toISOString(),
  };
}

/** GET /domains/{id}: the domain with its composed result; last_score/last_grade come from the composition. */
export function serializeDomainDetail(d: Domain, result: DomainResult): z.input<typeof domainDetailSchema> {
  return {
    ...serializeDomain(d),
    last_scan_id: result.lastScanId ?? d.lastScanId,
    last_score: result.score,
    last_grade: result.grade,
    result: serializeDomainResult(result),
  };
}
