import { getPrisma, type Prisma } from "@/lib/db";
import { sha256Hex } from "@/lib/crypto";
import { looksLikeToken } from "./issue-user-token";

export type VerifyEmailResult = { status: "verified"; userId: string; email: string } | { status: "invalid" } | { status: "expired" };

/**
 * Uses an e-mail verification link: once, before it expires, and only while the account still has the
 * address the link was sent to. Marks the address verified.
 */
export async function verifyEmail(input: { token: string }, prisma?: Prisma): Promise<VerifyEmailResult> {
  if (!looksLikeToken(input.token)) return { status: "invalid" };
  const db = prisma ?? (await getPrisma());
  return db.$transaction(async (tx) => {
    const row = await tx.userToken.findUnique({ where: { tokenHash: sha256Hex(input.token) }, include: { user: { select: { email: true, emailVerified: true } } } });
    if (!row || row.purpose !== "email_verification" || row.usedAt || row.user.email !== row.email) return { status: "invalid" as const };
    if (row.expiresAt <= new Date()) return { status: "expired" as const };
    // Guarded on usedAt: of two clicks racing, one wins.
    const used = await tx.userToken.updateMany({ where: { id: row.id, usedAt: null }, data: { usedAt: new Date() } });
    if (used.count === 0) return { status: "invalid" as const };
    if (!row.user.emailVerified) await tx.user.update({ where: { id: row.userId }, data: { emailVerified: new Date() } });
    return { status: "verified" as const, userId: row.userId, email: row.email };
  });
}
