import { getPrisma, type Prisma } from "@/lib/db";
import { sha256Hex } from "@/lib/crypto";
import { hashPassword } from "@/lib/auth/password";
import { ServiceError } from "../errors";
import { looksLikeToken } from "./issue-user-token";
import { passwordSchema } from "./password-policy";

export type ResetPasswordResult = { status: "reset"; userId: string; email: string } | { status: "invalid" } | { status: "expired" };

/** Whether a reset link can still be used (for the page that asks for the new password). */
export async function checkPasswordResetToken(input: { token: string }, prisma?: Prisma): Promise<"valid" | "invalid" | "expired"> {
  if (!looksLikeToken(input.token)) return "invalid";
  const db = prisma ?? (await getPrisma());
  const row = await db.userToken.findUnique({ where: { tokenHash: sha256Hex(input.token) }, include: { user: { select: { email: true } } } });
  if (!row || row.purpose !== "password_reset" || row.usedAt || row.user.email !== row.email) return "invalid";
  return row.expiresAt <= new Date() ? "expired" : "valid";
}

/**
 * Sets a new password with a reset link: once, within the hour, under the password policy. In the same
 * transaction every session of the account is deleted (a session is only valid while its row exists), so
 * whoever was signed in — possibly the person the reset is meant to lock out — is signed out everywhere.
 * The link reached the account's mailbox, so the address counts as verified. Throws
 * ServiceError("invalid_params") for a password the policy refuses (the link stays usable).
 */
export async function resetPassword(input: { token: string; password: string }, prisma?: Prisma): Promise<ResetPasswordResult> {
  const password = passwordSchema.safeParse(input.password);
  if (!password.success) {
    throw new ServiceError("invalid_params", password.error.issues.map((i) => i.message).join(" "), { issues: password.error.issues });
  }
  if (!looksLikeToken(input.token)) return { status: "invalid" };
  const db = prisma ?? (await getPrisma());
  const passwordHash = await hashPassword(password.data);
  return db.$transaction(async (tx) => {
    const row = await tx.userToken.findUnique({ where: { tokenHash: sha256Hex(input.token) }, include: { user: { select: { email: true, emailVerified: true } } } });
    if (!row || row.purpose !== "password_reset" || row.usedAt || row.user.email !== row.email) return { status: "invalid" as const };
    if (row.expiresAt <= new Date()) return { status: "expired" as const };
    const used = await tx.userToken.updateMany({ where: { id: row.id, usedAt: null }, data: { usedAt: new Date() } });
    if (used.count === 0) return { status: "invalid" as const };
    await tx.user.update({
      where: { id: row.userId },
      data: { passwordHash, ...(row.user.emailVerified ? {} : { emailVerified: new Date() }) },
    });
    // Other reset links mailed earlier must not work after this one.
    await tx.userToken.deleteMany({ where: { userId: row.userId, purpose: "password_reset", usedAt: null } });
    await tx.session.deleteMany({ where: { userId: row.userId } });
    return { status: "reset" as const, userId: row.userId, email: row.email };
  });
}
