import { getPrisma, type Prisma } from "@/lib/db";
import { recordAuditEvent } from "../audit/record-audit-event";
import { lockOrganizationForCredits } from "../credits/lock-organization";

/**
 * Ends a re-check that could not run (no page loaded, the check errored, the job gave up) and gives its
 * credit back. Guarded on pending/running, so it happens once; the finding is left as it was.
 */
export async function failRecheck(input: { verificationId: string; error: string; now?: Date }, prisma?: Prisma): Promise<{ changed: boolean; refunded: number }> {
  const db = prisma ?? (await getPrisma());
  const now = input.now ?? new Date();
  return db.$transaction(async (tx) => {
    const v = await tx.verification.findUnique({ where: { id: input.verificationId } });
    if (!v) return { changed: false, refunded: 0 };
    const moved = await tx.verification.updateMany({
      where: { id: v.id, status: { in: ["pending", "running"] } },
      data: {
        status: "failed",
        error: input.error.slice(0, 2_000),
        result: "Could not re-check: nothing was charged.",
        finishedAt: now,
        durationMs: v.startedAt ? now.getTime() - v.startedAt.getTime() : null,
      },
    });
    if (moved.count === 0) return { changed: false, refunded: 0 };
    const refund = v.creditsReserved - v.creditsCharged;
    if (refund > 0) {
      await lockOrganizationForCredits(tx, v.organizationId);
      await tx.creditLedger.create({ data: { organizationId: v.organizationId, amount: refund, reason: "recheck_refund", note: `verification:${v.id}` } });
    }
    await recordAuditEvent(tx, { orgId: v.organizationId, userId: null, apiKeyId: null, requestId: null }, {
      action: "verification.finish",
      targetType: "verification",
      targetId: v.id,
      metadata: { finding_id: v.findingId, status: "failed", error: input.error.slice(0, 500), refunded: Math.max(refund, 0) },
    });
    return { changed: true, refunded: Math.max(refund, 0) };
  });
}
