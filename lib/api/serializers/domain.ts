import type { z } from "zod";
import type { domainSchema } from "@/lib/api/contract/domains";
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
    verify_token: d.verifyToken,
    verification: verificationInstructions(d),
    schedule: d.schedule,
    schedule_pillars: d.schedulePillars,
    next_scheduled_at: d.nextScheduledAt?.toISOString() ?? null,
    directory_enabled: d.directoryEnabled,
    organization_name: d.organizationName,
    description: d.description,
    last_scan_id: d.lastScanId,
    last_score: d.lastScore,
    last_grade: d.lastGrade,
    created_at: d.createdAt.toISOString(),
    updated_at: d.updatedAt.toISOString(),
  };
}
