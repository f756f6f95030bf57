import { getPrisma, type Prisma } from "@/lib/db";
import { SIGN_IN_RATE_LIMITED } from "./sign-in-limit-codes";

// Password guessing is slowed at three levels, counting failures only (a right password costs nothing):
//  - per (account, client address): PAIR_FREE free failures, then each further attempt from that address
//    must wait a delay that doubles per failure (30 s, 1 min, 2 min … capped at 15 min). Someone mistyping
//    is barely slowed; a script on one address is crawling. Another address is not affected, so an attacker
//    cannot lock the real owner out by guessing from elsewhere;
//  - per account, whatever the address: a much higher ceiling (ACCOUNT_CEILING per hour) for distributed
//    guessing, after which the account refuses passwords until the hour is over;
//  - per client address, whatever the account (password spraying): IP_CEILING per 15 minutes.
// Attempts refused by a limit never test the password and never count. Counters live in the database, so
// every app instance shares them. The client address comes from lib/http/client-ip.ts.
export const PAIR_FREE = 5;
const PAIR_BASE_DELAY_S = 30;
const PAIR_MAX_DELAY_S = 15 * 60;
const PAIR_MEMORY_S = 60 * 60;
export const ACCOUNT_CEILING = 100;
const ACCOUNT_WINDOW_S = 60 * 60;
export const IP_CEILING = 50;
const IP_WINDOW_S = 15 * 60;
// Wrong second-factor codes for one user (whoever holds the password): a 6-digit code must not be brute-forced
// across many pending sign-ins.
export const SECOND_FACTOR_CEILING = 10;
const SECOND_FACTOR_WINDOW_S = 60 * 60;

export { SIGN_IN_RATE_LIMITED };

export class SignInThrottledError extends Error {
  readonly retryAfterSeconds: number;
  constructor(retryAfterSeconds: number) {
    super(SIGN_IN_RATE_LIMITED);
    this.name = "SignInThrottledError";
    this.retryAfterSeconds = Math.max(1, Math.ceil(retryAfterSeconds));
  }
}

export interface SignInSource {
  /** Normalised (trimmed, lower-case) email, known account or not. */
  email: string;
  /** Client address (lib/http/client-ip.ts); "unknown" when there is none. */
  ip: string;
}

const pairKey = (s: SignInSource) => `pair:${s.email}|${s.ip}`;
const accountKey = (s: SignInSource) => `account:${s.email}`;
const ipKey = (s: SignInSource) => `ip:${s.ip}`;
const secondFactorKey = (userId: string) => `second-factor:${userId}`;

/** Delay owed after `failures` failures from one address on one account (0 while within the free ones). */
export function pairDelaySeconds(failures: number): number {
  if (failures < PAIR_FREE) return 0;
  return Math.min(PAIR_MAX_DELAY_S, PAIR_BASE_DELAY_S * 2 ** (failures - PAIR_FREE));
}

async function db(prisma?: Prisma): Promise<Prisma> {
  return prisma ?? (await getPrisma());
}

/** Throws SignInThrottledError when this source may not try a password now. */
export async function assertSignInAllowed(source: SignInSource, prisma?: Prisma, now = new Date()): Promise<void> {
  const p = await db(prisma);
  const rows = await p.signInThrottle.findMany({ where: { key: { in: [pairKey(source), accountKey(source), ipKey(source)] } } });
  const t = now.getTime();
  let wait = 0;
  for (const row of rows) {
    if (row.expiresAt.getTime() <= t) continue;
    if (row.key === accountKey(source) && row.failures >= ACCOUNT_CEILING) wait = Math.max(wait, row.expiresAt.getTime() - t);
    else if (row.key === ipKey(source) && row.failures >= IP_CEILING) wait = Math.max(wait, row.expiresAt.getTime() - t);
    else if (row.key === pairKey(source)) {
      const until = row.lastFailureAt.getTime() + pairDelaySeconds(row.failures) * 1000;
      if (until > t) wait = Math.max(wait, until - t);
    }
  }
  if (wait > 0) throw new SignInThrottledError(wait / 1000);
}

// One atomic upsert per counter. Fixed windows keep their expiry; the pair's memory slides with each failure.
async function bump(p: Prisma, key: string, windowSeconds: number, sliding: boolean, now: Date): Promise<void> {
  const expires = new Date(now.getTime() + windowSeconds * 1000);
  if (sliding) {
    await p.$executeRaw`
      INSERT INTO "SignInThrottle" ("key", "failures", "lastFailureAt", "expiresAt") VALUES (${key}, 1, ${now}, ${expires})
      ON CONFLICT ("key") DO UPDATE SET
        "failures" = CASE WHEN "SignInThrottle"."expiresAt" > ${now} THEN "SignInThrottle"."failures" + 1 ELSE 1 END,
        "lastFailureAt" = ${now},
        "expiresAt" = ${expires}`;
  } else {
    await p.$executeRaw`
      INSERT INTO "SignInThrottle" ("key", "failures", "lastFailureAt", "expiresAt") VALUES (${key}, 1, ${now}, ${expires})
      ON CONFLICT ("key") DO UPDATE SET
        "failures" = CASE WHEN "SignInThrottle"."expiresAt" > ${now} THEN "SignInThrottle"."failures" + 1 ELSE 1 END,
        "lastFailureAt" = ${now},
        "expiresAt" = CASE WHEN "SignInThrottle"."expiresAt" > ${now} THEN "SignInThrottle"."expiresAt" ELSE ${expires} END`;
  }
  // Idle counters are garbage; sweep now and then rather than on every failure.
  if (Math.random() < 0.02) await p.signInThrottle.deleteMany({ where: { expiresAt: { lt: now } } });
}

export async function recordSignInFailure(source: SignInSource, prisma?: Prisma, now = new Date()): Promise<void> {
  const p = await db(prisma);
  await bump(p, pairKey(source), PAIR_MEMORY_S, true, now);
  await bump(p, accountKey(source), ACCOUNT_WINDOW_S, false, now);
  await bump(p, ipKey(source), IP_WINDOW_S, false, now);
}

/** The right password from an address forgives that address's failures on this account (not the others). */
export async function recordSignInSuccess(source: SignInSource, prisma?: Prisma): Promise<void> {
  const p = await db(prisma);
  await p.signInThrottle.deleteMany({ where: { key: pairKey(source) } });
}

export async function assertSecondFactorAllowed(userId: string, prisma?: Prisma, now = new Date()): Promise<void> {
  const p = await db(prisma);
  const row = await p.signInThrottle.findUnique({ where: { key: secondFactorKey(userId) } });
  if (row && row.expiresAt > now && row.failures >= SECOND_FACTOR_CEILING) {
    throw new SignInThrottledError((row.expiresAt.getTime() - now.getTime()) / 1000);
  }
}

export async function recordSecondFactorFailure(userId: string, prisma?: Prisma, now = new Date()): Promise<void> {
  await bump(await db(prisma), secondFactorKey(userId), SECOND_FACTOR_WINDOW_S, false, now);
}
