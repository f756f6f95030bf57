import { getPrisma } from "@/lib/db";
import { env } from "@/lib/env";
import { recordAuditEvent, type Actor } from "../audit/record-audit-event";
import { getDomainOrThrow } from "../domains/get-domain";
import { checkDnsTxt, checkMetaTag, checkWellKnownFile, type CheckOutcome } from "./ownership-checks";
import type { VerificationMethodName } from "./verification-instructions";

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
  const domain = await getDomainOrThrow(actor.orgId, domainId);
  if (domain.verifiedAt && domain.verificationMethod) {
    return { outcome: { verified: true, method: domain.verificationMethod } as VerifyOutcome, domain };
  }
  const allowPrivate = env().PLUMB_ALLOW_PRIVATE_TARGETS;
  const checks: [VerificationMethodName, () => Promise<CheckOutcome>][] = [
    ["meta", () => checkMetaTag(domain, { allowPrivate })],
    ["dns", () => checkDnsTxt(domain)],
    ["file", () => checkWellKnownFile(domain, { allowPrivate })],
  ];
  const reasons: string[] = [];
  let method: VerificationMethodName | undefined;
  for (const [name, run] of checks) {
    const result = await run();
    if (result.ok) {
      method = name;
      break;
    }
    reasons.push(result.reason);
  }

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
    const updated = await tx.domain.update({ where: { id: domain.id }, data: { verifiedAt: new Date(), verificationMethod: method } });
    await recordAuditEvent(tx, actor, { action: "domain.verify", targetType: "domain", targetId: domain.id, metadata: { method } });
    return updated;
  });
  return { outcome: { verified: true, method } as VerifyOutcome, domain: verified };
}
