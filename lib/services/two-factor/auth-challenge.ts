import { randomToken, sha256Hex } from "@/lib/crypto";
import type { Prisma } from "@/lib/db";

// A sign-in step (or passkey enrolment) in progress. The browser holds the raw token; the row holds its hash,
// who it is for and, for WebAuthn, the challenge the authenticator must sign. No session exists until the row
// is consumed by the last step.
export type ChallengePurpose = "sign-in" | "passkey-sign-in" | "passkey-registration" | "step-up";

export const CHALLENGE_TTL_SECONDS = 5 * 60;
/** Wrong codes allowed against one pending sign-in before it is thrown away. */
export const MAX_CHALLENGE_FAILURES = 5;

const hash = (token: string) => sha256Hex(`auth-challenge:${token}`);

export async function createAuthChallenge(
  db: Prisma,
  input: { purpose: ChallengePurpose; userId?: string | null; webauthnChallenge?: string | null; ttlSeconds?: number },
): Promise<string> {
  const token = randomToken(32);
  const now = Date.now();
  // Expired rows of anyone: cheap to sweep here, where new ones are made.
  if (Math.random() < 0.05) await db.authChallenge.deleteMany({ where: { expiresAt: { lt: new Date(now) } } });
  await db.authChallenge.create({
    data: {
      tokenHash: hash(token),
      purpose: input.purpose,
      userId: input.userId ?? null,
      webauthnChallenge: input.webauthnChallenge ?? null,
      expiresAt: new Date(now + (input.ttlSeconds ?? CHALLENGE_TTL_SECONDS) * 1000),
    },
  });
  return token;
}

export interface AuthChallengeRow {
  id: string;
  purpose: ChallengePurpose;
  userId: string | null;
  webauthnChallenge: string | null;
  failedAttempts: number;
}

export async function findAuthChallenge(db: Prisma, token: string, purposes: ChallengePurpose[]): Promise<AuthChallengeRow | null> {
  if (typeof token !== "string" || token.length < 16 || token.length > 200) return null;
  const row = await db.authChallenge.findUnique({ where: { tokenHash: hash(token) } });
  if (!row || row.expiresAt <= new Date() || !purposes.includes(row.purpose as ChallengePurpose)) return null;
  return { id: row.id, purpose: row.purpose as ChallengePurpose, userId: row.userId, webauthnChallenge: row.webauthnChallenge, failedAttempts: row.failedAttempts };
}

export async function setWebauthnChallenge(db: Prisma, id: string, challenge: string): Promise<void> {
  await db.authChallenge.updateMany({ where: { id }, data: { webauthnChallenge: challenge } });
}

/** Uses the challenge up: true for exactly one caller, so a token can never start two sessions. */
export async function consumeAuthChallenge(db: Prisma, id: string): Promise<boolean> {
  const { count } = await db.authChallenge.deleteMany({ where: { id } });
  return count === 1;
}

/** Counts a wrong answer; the challenge is discarded at MAX_CHALLENGE_FAILURES. */
export async function recordChallengeFailure(db: Prisma, id: string): Promise<void> {
  const row = await db.authChallenge.update({ where: { id }, data: { failedAttempts: { increment: 1 } }, select: { failedAttempts: true } }).catch(() => null);
  if (row && row.failedAttempts >= MAX_CHALLENGE_FAILURES) await db.authChallenge.deleteMany({ where: { id } });
}
