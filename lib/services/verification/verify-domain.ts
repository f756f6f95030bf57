import { getPrisma } from "@/lib/db";
import { recordAuditEvent, type Actor } from "../audit/record-audit-event";
import { getDomainOrThrow } from "../domains/get-domain";
import { runOwnershipChecks } from "./run-ownership-checks";
import type { VerificationMethodName } from "./verification-instructions";
import { bumpDomainResultVersion } from "../domain-result/result-version";

export interface VerifyOutcome {
  verified: boolean;
  method?: VerificationMethodName;
  reason?: string;
}

/**
 * Tries the meta tag, the DNS TXT record and the well-known file, in that order, and records the first that
 * proves ownership. An already verified domain stays verified without fetching anything.
 */
export async function verifyDomain(actor: Actor, domainId: string) {
  const domain = await getDomainOrThrow({ orgId: actor.orgId, domainId });
  if (domain.verifiedAt && domain.verificationMethod) {
    return { outcome: { verified: true, method: domain.verificationMethod } as VerifyOutcome, domain };
  }
  const { method, reasons } = await runOwnershipChecks({ domain });
  const db = await getPrisma();
  if (!method) {
    await recordAuditEvent(db, actor, {
      action: "domain.verify_failed",
      targetType: "domain",
      targetId: domain.id,
      metadata: { reasons },
    });
    return { outcome: { verified: false, reason: reasons.join("\n") } as VerifyOutcome, domain };
  }
  const verified = await db.$transaction(async (tx) => {
    const now = new Date();
    // A fresh proof also clears a previous "verification lost" (the banner goes away; the audit log keeps it).
    const updated = await tx.domain.update({
      where: { id: domain.id },
      data: {
        verifiedAt: now,
        verificationMethod: method,
        verificationCheckedAt: now,
        verificationConfirmedAt: now,
        verificationLostAt: null,
        verificationLostReason: null,
      },
    });
    await recordAuditEvent(tx, actor, { action: "domain.verify", targetType: "domain", targetId: domain.id, metadata: { method } });
    return updated;
  });
  bumpDomainResultVersion();
  return { outcome: { verified: true, method } as VerifyOutcome, domain: verified };
}
