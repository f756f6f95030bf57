import { getPrisma, type Prisma } from "@/lib/db";
import { recordAuditEvent } from "../audit/record-audit-event";
import { assertOwner } from "./request-organization-deletion";

/** Cancels a pending organization deletion (owners only). "not_pending" when nothing was scheduled. */
export async function cancelOrganizationDeletion(
  input: { orgId: string; userId: string; requestId?: string | null },
  prisma?: Prisma,
): Promise<{ status: "canceled" | "not_pending" }> {
  const db = prisma ?? (await getPrisma());
  await assertOwner(db, input);
  return db.$transaction(async (tx) => {
    const res = await tx.organization.updateMany({
      where: { id: input.orgId, deletionScheduledFor: { not: null } },
      data: { deletionRequestedAt: null, deletionScheduledFor: null },
    });
    if (res.count === 0) return { status: "not_pending" as const };
    await recordAuditEvent(
      tx,
      { orgId: input.orgId, userId: input.userId, apiKeyId: null, requestId: input.requestId ?? null },
      { action: "organization.deletion_cancel", targetType: "organization", targetId: input.orgId },
    );
    return { status: "canceled" as const };
  });
}
