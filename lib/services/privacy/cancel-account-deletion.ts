import { getPrisma, type Prisma } from "@/lib/db";
import { sha256Hex } from "@/lib/crypto";
import { looksLikeToken } from "../users/issue-user-token";

/**
 * Cancels a pending account deletion, either by the mailed single-use link (`token`) or by the signed-in
 * user (`userId`). "invalid" for an unknown, used or expired link, and when nothing is pending.
 */
export async function cancelAccountDeletion(
  input: { token: string; now?: Date } | { userId: string; now?: Date },
  prisma?: Prisma,
): Promise<{ status: "canceled" | "invalid" }> {
  const db = prisma ?? (await getPrisma());
  const now = input.now ?? new Date();
  if ("userId" in input) {
    const res = await db.$transaction(async (tx) => {
      await tx.userToken.deleteMany({ where: { userId: input.userId, purpose: "account_deletion_cancel", usedAt: null } });
      return tx.user.updateMany({
        where: { id: input.userId, deletionScheduledFor: { not: null } },
        data: { deletionRequestedAt: null, deletionScheduledFor: null },
      });
    });
    return { status: res.count > 0 ? "canceled" : "invalid" };
  }
  if (!looksLikeToken(input.token)) return { status: "invalid" };
  return db.$transaction(async (tx) => {
    // Claiming the token with a conditional update makes the link single-use under concurrency too.
    const row = await tx.userToken.findUnique({ where: { tokenHash: sha256Hex(input.token) }, select: { id: true, userId: true, purpose: true } });
    if (!row || row.purpose !== "account_deletion_cancel") return { status: "invalid" as const };
    const claimed = await tx.userToken.updateMany({ where: { id: row.id, usedAt: null, expiresAt: { gt: now } }, data: { usedAt: now } });
    if (claimed.count === 0) return { status: "invalid" as const };
    const res = await tx.user.updateMany({
      where: { id: row.userId, deletionScheduledFor: { not: null } },
      data: { deletionRequestedAt: null, deletionScheduledFor: null },
    });
    return { status: res.count > 0 ? ("canceled" as const) : ("invalid" as const) };
  });
}
