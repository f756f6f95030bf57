import type { PrismaNS } from "@/lib/db";
import { enqueueJob } from "@/lib/jobs/outbox";

/**
 * Called by the scan's finding writes (same transaction) for findings that were resolved because their issue
 * was closed upstream and that the scan still sees: the writes reopened them without a regression; this adds
 * the history note and queues a sync of each linked integration, which reopens the upstream issue once.
 */
export async function reopenClaimedUpstream(tx: PrismaNS.TransactionClient, input: { findingIds: string[]; scanId: string }): Promise<void> {
  const findings = await tx.finding.findMany({ where: { id: { in: input.findingIds } }, select: { id: true, organizationId: true } });
  await tx.findingEvent.createMany({
    data: findings.map((f) => ({
      findingId: f.id,
      organizationId: f.organizationId,
      actorId: null,
      kind: "status",
      fromStatus: "resolved" as const,
      toStatus: "open" as const,
      justification: "Reopened: its issue was closed upstream, but the latest scan still sees the problem (not counted as a regression).",
    })),
  });
  const links = await tx.integrationLink.findMany({ where: { findingId: { in: input.findingIds }, externalId: { not: null } }, select: { integrationId: true, organizationId: true }, distinct: ["integrationId"] });
  for (const l of links) {
    await enqueueJob(tx, { event: "plumb/integration.sync", data: { integrationId: l.integrationId, organizationId: l.organizationId }, key: `integration-sync:${l.integrationId}:scan:${input.scanId}` });
  }
}
