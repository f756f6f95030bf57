import { getPrisma, type Prisma } from "@/lib/db";
import { markVerificationLost } from "./mark-verification-lost";
import { runOwnershipChecks } from "./run-ownership-checks";
import type { VerificationMethodName } from "./verification-instructions";

/**
 * How long a verified domain keeps its verification while its proof cannot be checked at all (site down,
 * DNS failing). A proof that is plainly gone (the page answers without the tag, no TXT record, no file, a
 * redirect to another host) loses it at once.
 */
export const VERIFICATION_GRACE_MS = 7 * 24 * 60 * 60 * 1000;

export type RecheckStatus = "confirmed" | "lost" | "inconclusive" | "not_verified";

export interface RecheckOutcome {
  status: RecheckStatus;
  method?: VerificationMethodName;
  /** why the proof was not found (one line per method); absent when confirmed */
  reason?: string;
}

/**
 * Re-verification, as Google Search Console does it: looks for the verified domain's proof again. Found: the
 * check is recorded. Gone: the domain becomes unverified (markVerificationLost). Unreachable: kept verified
 * until VERIFICATION_GRACE_MS after the proof was last seen. Runs before every scheduled scan and from the
 * daily re-verification job (inngest/functions/reverify-domains.ts).
 */
export async function recheckDomainVerification(
  input: { orgId: string; domainId: string; now?: Date },
  prisma?: Prisma,
): Promise<RecheckOutcome> {
  const db = prisma ?? (await getPrisma());
  const domain = await db.domain.findFirst({ where: { id: input.domainId, organizationId: input.orgId } });
  if (!domain?.verifiedAt) return { status: "not_verified" };
  const result = await runOwnershipChecks({ domain, preferred: domain.verificationMethod });
  const now = input.now ?? new Date();
  const reason = result.reasons.join("\n");
  if (result.method) {
    await db.domain.updateMany({
      where: { id: domain.id, verifiedAt: { not: null } },
      data: { verificationCheckedAt: now, verificationConfirmedAt: now, verificationMethod: result.method },
    });
    return { status: "confirmed", method: result.method };
  }
  const lastSeen = domain.verificationConfirmedAt ?? domain.verifiedAt;
  if (result.inconclusive && now.getTime() - lastSeen.getTime() < VERIFICATION_GRACE_MS) {
    await db.domain.updateMany({ where: { id: domain.id, verifiedAt: { not: null } }, data: { verificationCheckedAt: now } });
    return { status: "inconclusive", reason };
  }
  const why = result.inconclusive
    ? `The ownership proof could not be checked since ${lastSeen.toISOString()}:\n${reason}`
    : `The ownership proof is gone:\n${reason}`;
  const lost = await markVerificationLost({ orgId: domain.organizationId, domainId: domain.id, reason: why, now }, db);
  return lost ? { status: "lost", reason: why } : { status: "not_verified" };
}
