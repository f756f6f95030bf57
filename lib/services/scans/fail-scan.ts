import { getPrisma, type Prisma } from "@/lib/db";
import { recordAuditEvent, type Actor } from "../audit/record-audit-event";
import { refundScanCredits } from "../credits/refund-scan-credits";
import { signalScanChanged } from "./scan-signals";
import { enqueueJob, flushOutbox } from "@/lib/jobs/outbox";

const MAX_ERROR_LENGTH = 2_000;

/**
 * Ends a queued or running scan as failed or canceled and refunds what it reserved but did not spend.
 * The status guard in the update makes this exactly-once: a second call (a retried step, a cancel racing
 * the failure handler, a scan that already succeeded) changes nothing and refunds nothing.
 */
export async function endScanUnsuccessfully(
  input: {
    scanId: string;
    orgId?: string;
    status: "failed" | "canceled";
    error?: string | null;
    now?: Date;
    /** who ended it, for the audit log (a person canceling); job failures are not audited */
    audit?: { actor: Actor; action: string };
  },
  prisma?: Prisma,
): Promise<{ changed: boolean; refunded: number }> {
  const db = prisma ?? (await getPrisma());
  const now = input.now ?? new Date();
  const result = await db.$transaction(async (tx) => {
    const scan = await tx.scan.findFirst({
      where: { id: input.scanId, ...(input.orgId ? { organizationId: input.orgId } : {}) },
    });
    if (!scan) return { changed: false, refunded: 0 };
    const moved = await tx.scan.updateMany({
      where: { id: scan.id, status: { in: ["queued", "running"] } },
      data: {
        status: input.status,
        error: input.error ? input.error.slice(0, MAX_ERROR_LENGTH) : null,
        finishedAt: now,
        durationMs: scan.startedAt ? now.getTime() - scan.startedAt.getTime() : null,
      },
    });
    if (moved.count === 0) return { changed: false, refunded: 0 };
    await signalScanChanged({ scanId: scan.id }, tx); // delivered at commit
    const refunded = await refundScanCredits(tx, {
      orgId: scan.organizationId,
      scanId: scan.id,
      reserved: scan.creditsReserved,
      charged: scan.creditsCharged,
      note: input.status === "canceled" ? "Scan canceled" : "Scan failed",
    });
    if (input.audit) {
      await recordAuditEvent(tx, input.audit.actor, {
        action: input.audit.action,
        targetType: "scan",
        targetId: scan.id,
        metadata: { refunded },
        before: { status: scan.status },
        after: { status: input.status },
      });
    }
    if (input.status === "failed") {
      // The scan has settled (as failed): the scan-settled function sends its alerts. Same event id as a
      // success would use, so a scan settles once.
      await enqueueJob(tx, { event: "plumb/scan.settled", data: { scanId: scan.id, organizationId: scan.organizationId }, key: `scan-settled:${scan.id}` });
    }
    return { changed: true, refunded, failed: input.status === "failed" };
  });
  if (result.changed && "failed" in result && result.failed) await flushOutbox();
  return { changed: result.changed, refunded: result.refunded };
}

export function failScan(input: { scanId: string; error: string; now?: Date }, prisma?: Prisma) {
  return endScanUnsuccessfully({ ...input, status: "failed" }, prisma);
}
