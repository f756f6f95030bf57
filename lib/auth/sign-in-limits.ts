import { getPrisma, type Prisma } from "@/lib/db";
import { hitRateLimit } from "@/lib/http/rate-limit";
import { RateLimitedError } from "@/lib/http/errors";
import { SIGN_IN_RATE_LIMITED } from "./sign-in-limit-codes";

// Password guessing is slowed per account and per client address. The budgets are generous for people
// (who mistype a few times) and tiny for a script. Counters live in the database (shared by all instances).
const WINDOW_SECONDS = 15 * 60;
const PER_EMAIL = 10;
const PER_IP = 50;

export { SIGN_IN_RATE_LIMITED };

/** Counts one sign-in attempt; throws Error(SIGN_IN_RATE_LIMITED) when the account or the address is over budget. */
export async function countSignInAttempt(email: string, ip: string | undefined, prisma?: Prisma): Promise<void> {
  const db = prisma ?? (await getPrisma());
  try {
    await hitRateLimit(db, `sign-in:email:${email}`, PER_EMAIL, WINDOW_SECONDS);
    if (ip) await hitRateLimit(db, `sign-in:ip:${ip}`, PER_IP, WINDOW_SECONDS);
  } catch (err) {
    if (err instanceof RateLimitedError) throw new Error(SIGN_IN_RATE_LIMITED);
    throw err;
  }
}

/** The client address from next-auth's request headers (the rightmost X-Forwarded-For entry, as in lib/http). */
export function signInClientIp(headers: Record<string, unknown> | undefined): string | undefined {
  const forwarded = headers?.["x-forwarded-for"];
  if (typeof forwarded !== "string") return undefined;
  const entries = forwarded.split(",").map((s) => s.trim()).filter(Boolean);
  const ip = entries[entries.length - 1];
  return ip ? ip.replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/, "$1").slice(0, 64) : undefined;
}
