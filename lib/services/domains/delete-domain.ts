import { getPrisma } from "@/lib/db";
import { recordAuditEvent, type Actor } from "../audit/record-audit-event";
import { ServiceError } from "../errors";
import { bumpDomainResultVersion } from "../domain-result/result-version";

/** Deletes a domain with its scans, findings and share links (cascade). The audit event outlives it. */
export async function deleteDomain(actor: Actor, domainId: string): Promise<{ id: string }> {
  const db = await getPrisma();
  return db.$transaction(async (tx) => {
    const domain = await tx.domain.findFirst({ where: { id: domainId, organizationId: actor.orgId }, select: { id: true, host: true } });
    if (!domain) throw new ServiceError("not_found", "Domain not found.");
    await tx.domain.delete({ where: { id: domain.id } });
    await recordAuditEvent(tx, actor, { action: "domain.delete", targetType: "domain", targetId: domain.id, metadata: { host: domain.host } });
    return { id: domain.id };
  }).finally(bumpDomainResultVersion);
}
