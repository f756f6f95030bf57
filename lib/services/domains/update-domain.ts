import { getPrisma } from "@/lib/db";
import type { Pillar, ScanSchedule } from "@/generated/prisma/enums";
import { recordAuditEvent, type Actor } from "../audit/record-audit-event";
import { ServiceError } from "../errors";
import { nextScheduledAt } from "./next-scheduled-at";
import { MAX_MAX_PAGES } from "../scans/scan-defaults";
import { bumpDomainResultVersion } from "../domain-result/result-version";

export interface UpdateDomainInput {
  schedule?: ScanSchedule;
  schedulePillars?: Pillar[];
  directoryEnabled?: boolean;
  directoryShowFindings?: boolean;
  pageCount?: number;
  organizationName?: string | null;
  description?: string | null;
}

/** Changes a domain's schedule, page count and directory listing. A changed schedule restarts its clock from now. */
export async function updateDomain(actor: Actor, domainId: string, input: UpdateDomainInput) {
  if (input.pageCount !== undefined && (!Number.isInteger(input.pageCount) || input.pageCount < 1 || input.pageCount > MAX_MAX_PAGES)) {
    throw new ServiceError("invalid_params", `page_count must be an integer from 1 to ${MAX_MAX_PAGES}.`);
  }
  const db = await getPrisma();
  return db.$transaction(async (tx) => {
    const domain = await tx.domain.findFirst({ where: { id: domainId, organizationId: actor.orgId } });
    if (!domain) throw new ServiceError("not_found", "Domain not found.");
    const scheduleChanged = input.schedule !== undefined && input.schedule !== domain.schedule;
    const updated = await tx.domain.update({
      where: { id: domain.id },
      data: {
        ...(input.schedule !== undefined ? { schedule: input.schedule } : {}),
        ...(scheduleChanged ? { nextScheduledAt: nextScheduledAt(input.schedule!) } : {}),
        ...(input.schedulePillars !== undefined ? { schedulePillars: [...new Set(input.schedulePillars)] } : {}),
        ...(input.directoryEnabled !== undefined ? { directoryEnabled: input.directoryEnabled } : {}),
        ...(input.directoryShowFindings !== undefined ? { directoryShowFindings: input.directoryShowFindings } : {}),
        ...(input.pageCount !== undefined ? { pageCount: input.pageCount } : {}),
        ...(input.organizationName !== undefined ? { organizationName: input.organizationName || null } : {}),
        ...(input.description !== undefined ? { description: input.description || null } : {}),
      },
    });
    await recordAuditEvent(tx, actor, {
      action: "domain.update",
      targetType: "domain",
      targetId: domain.id,
      metadata: { fields: Object.keys(input).filter((k) => input[k as keyof UpdateDomainInput] !== undefined) },
    });
    return updated;
  }).finally(bumpDomainResultVersion);
}
