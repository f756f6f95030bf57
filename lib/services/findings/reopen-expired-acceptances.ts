import type { Prisma } from "@/lib/db";

/**
 * Re-opens accepted risks whose `acceptedUntil` has passed, across organizations (maintenance). Each gets a
 * history entry by the system ("expired"), so the drawer shows when and why it came back.
 */
export async function reopenExpiredAcceptances(db: Prisma, input: { now?: Date } = {}): Promise<{ reopened: number }> {
  const now = input.now ?? new Date();
  return db.$transaction(async (tx) => {
    const due = await tx.finding.findMany({
      where: { status: "accepted_risk", acceptedUntil: { lte: now } },
      select: { id: true, organizationId: true, acceptedUntil: true },
      take: 5_000,
    });
    if (due.length === 0) return { reopened: 0 };
    const ids = due.map((f) => f.id);
    // Guarded on the status again: a person may have changed it meanwhile.
    const { count } = await tx.finding.updateMany({
      where: { id: { in: ids }, status: "accepted_risk", acceptedUntil: { lte: now } },
      data: { status: "open", acceptedUntil: null },
    });
    await tx.findingEvent.createMany({
      data: due.map((f) => ({
        findingId: f.id,
        organizationId: f.organizationId,
        actorId: null,
        kind: "expired",
        fromStatus: "accepted_risk" as const,
        toStatus: "open" as const,
        justification: `The accepted risk expired on ${f.acceptedUntil?.toISOString().slice(0, 10)}.`,
        acceptedUntil: f.acceptedUntil,
        createdAt: now,
      })),
    });
    // The audit log shows the system re-opening each one (the actor is Plumb, no user, no key).
    await tx.auditEvent.createMany({
      data: due.map((f) => ({
        organizationId: f.organizationId,
        action: "finding.acceptance_expired",
        targetType: "finding",
        targetId: f.id,
        before: { status: "accepted_risk", accepted_until: f.acceptedUntil?.toISOString() ?? null },
        after: { status: "open" },
        createdAt: now,
      })),
    });
    return { reopened: count };
  });
}
