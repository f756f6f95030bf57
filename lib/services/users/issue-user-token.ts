import type { PrismaNS } from "@/lib/db";
import { randomToken, sha256Hex } from "@/lib/crypto";

/**
 * A fresh single-use link token for a user (inside the caller's transaction). Earlier unused tokens of the
 * same purpose stop working: only the latest e-mail's link counts. Returns the raw token, which goes into the
 * e-mail and nowhere else; the database keeps its SHA-256.
 */
export async function issueUserToken(
  tx: PrismaNS.TransactionClient,
  input: { userId: string; email: string; purpose: "email_verification" | "password_reset" | "account_deletion_cancel"; ttlMs: number },
): Promise<string> {
  await tx.userToken.deleteMany({ where: { userId: input.userId, purpose: input.purpose, usedAt: null } });
  const token = randomToken(32, "base64url");
  await tx.userToken.create({
    data: {
      userId: input.userId,
      purpose: input.purpose,
      email: input.email,
      tokenHash: sha256Hex(token),
      expiresAt: new Date(Date.now() + input.ttlMs),
    },
  });
  return token;
}

/** Link tokens are 43 base64url characters; anything else is not worth a database lookup. */
export function looksLikeToken(value: unknown): value is string {
  return typeof value === "string" && /^[A-Za-z0-9_-]{20,128}$/.test(value);
}
