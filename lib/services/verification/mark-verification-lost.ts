import { bumpDomainResultVersion } from "../domain-result/result-version";
import { getPrisma, type Prisma } from "@/lib/db";
import { recordAuditEvent, type Actor } from "../audit/record-audit-event";
import { emitAlert } from "../alerts/emit-alert";
import { flushOutbox } from "@/lib/jobs/outbox";

export interface MarkVerificationLostInput {
  orgId: string;
  domainId: string;
  /** why, as shown to the owners (the failed checks, one per line) */
  reason: string;
  now?: Date;
  /** who noticed; default: the system (scheduled re-verification) */
  actor?: Actor;
}

/**
 * "Verification lost": the domain's ownership proof is gone, so it becomes unverified — scans are refused
 * with `domain_not_verified` until an owner verifies again — and the loss is recorded (when, why, audit
 * event `domain.verification_lost`) for the banner on the domain pages.
 *
 * This is the one place a domain loses its verification: the `verification.lost` alert is emitted here, in
 * the same transaction (one per loss, keyed by the moment it was lost). Returns the updated domain, or null when it was not verified anymore
 * (another check got there first), so a notification is sent once.
 */
export async function markVerificationLost(input: MarkVerificationLostInput, prisma?: Prisma) {
  const db = prisma ?? (await getPrisma());
  const now = input.now ?? new Date();
  const reason = input.reason.slice(0, 2000);
  const actor = input.actor ?? { orgId: input.orgId, userId: null, apiKeyId: null, requestId: null };
  return db.$transaction(async (tx) => {
    const current = await tx.domain.findFirst({ where: { id: input.domainId, organizationId: input.orgId } });
    if (!current?.verifiedAt) return null;
    const changed = await tx.domain.updateMany({
      where: { id: current.id, verifiedAt: current.verifiedAt },
      data: {
        verifiedAt: null,
        verificationMethod: null,
        verificationCheckedAt: now,
        verificationLostAt: now,
        verificationLostReason: reason,
      },
    });
    if (changed.count === 0) return null;
    await recordAuditEvent(tx, actor, {
      action: "domain.verification_lost",
      targetType: "domain",
      targetId: current.id,
      metadata: {
        host: current.host,
        method: current.verificationMethod,
        verified_at: current.verifiedAt.toISOString(),
        reason,
      },
      before: { verified_at: current.verifiedAt.toISOString(), method: current.verificationMethod },
      after: { verified_at: null, lost_at: now.toISOString() },
    });
    await emitAlert(tx, {
      orgId: input.orgId,
      trigger: "verification.lost",
      eventKey: `verification-lost:${current.id}:${now.getTime()}`,
      domainId: current.id,
      data: { domain_id: current.id, host: current.host, reason, lost_at: now.toISOString() },
      now,
    });
    return tx.domain.findUniqueOrThrow({ where: { id: current.id } });
    // The directory lists verified domains only: the public result changes with the verification.
  }).finally(bumpDomainResultVersion).then(async (domain) => {
    if (domain) await flushOutbox();
    return domain;
  });
}
