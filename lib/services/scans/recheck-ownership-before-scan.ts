import { getPrisma, type Prisma } from "@/lib/db";
import { recheckDomainVerification } from "../verification/recheck-domain-verification";
import { endScanUnsuccessfully } from "./fail-scan";

/**
 * A scheduled scan looks for the domain's ownership proof again before it loads a page, as Google Search
 * Console re-verifies: the scheduler itself stays a fast database pass (it has to keep up with very many
 * domains), and the network check happens here, in the scan's own job. A proof that is gone unverifies the
 * domain and ends the scan as failed with everything it reserved refunded, so the period costs nothing.
 * Manual and API scans were just accepted by a verified domain and are not re-checked.
 */
export async function recheckOwnershipBeforeScan(
  input: { scanId: string; now?: Date },
  prisma?: Prisma,
): Promise<{ proceed: boolean; reason?: string }> {
  const db = prisma ?? (await getPrisma());
  const scan = await db.scan.findUnique({ where: { id: input.scanId }, select: { organizationId: true, domainId: true, trigger: true } });
  if (!scan) return { proceed: false };
  if (scan.trigger !== "schedule") return { proceed: true };
  const outcome = await recheckDomainVerification({ orgId: scan.organizationId, domainId: scan.domainId, now: input.now }, db);
  if (outcome.status === "confirmed" || outcome.status === "inconclusive") return { proceed: true };
  const reason = `domain_not_verified: ${outcome.reason ?? "the domain is not verified."}`;
  await endScanUnsuccessfully({ scanId: input.scanId, status: "failed", error: reason, now: input.now }, db);
  return { proceed: false, reason };
}
