import type { Prisma } from "@/lib/db";
import { RateLimitedError } from "./errors";

// Fixed-window counters in the RateLimitBucket table, so several app instances share one budget. One
// atomic upsert per request: it starts a new window or increments the current one and returns the count.

export interface RateLimitState {
  limit: number;
  remaining: number;
  /** Epoch seconds when the window resets (GitHub's X-RateLimit-Reset convention). */
  resetAt: number;
  retryAfter: number;
}

export function rateLimitHeaders(s: RateLimitState): Record<string, string> {
  return {
    "X-RateLimit-Limit": String(s.limit),
    "X-RateLimit-Remaining": String(s.remaining),
    "X-RateLimit-Reset": String(s.resetAt),
  };
}

/** Counts one hit on `key`; throws 429 (with Retry-After and X-RateLimit-*) once the window's limit is used. */
export async function hitRateLimit(db: Prisma, key: string, limit: number, windowSeconds: number): Promise<RateLimitState> {
  const now = Date.now();
  const windowMs = windowSeconds * 1000;
  const windowStart = new Date(Math.floor(now / windowMs) * windowMs);
  const resetMs = windowStart.getTime() + windowMs;
  const rows = await db.$queryRaw<{ count: number }[]>`
    INSERT INTO "RateLimitBucket" ("key", "count", "windowStart", "expiresAt")
    VALUES (${key}, 1, ${windowStart}, ${new Date(resetMs)})
    ON CONFLICT ("key") DO UPDATE SET
      "count" = CASE WHEN "RateLimitBucket"."windowStart" = EXCLUDED."windowStart"
                     THEN "RateLimitBucket"."count" + 1 ELSE 1 END,
      "windowStart" = EXCLUDED."windowStart",
      "expiresAt" = EXCLUDED."expiresAt"
    RETURNING "count"`;
  const count = Number(rows[0]?.count ?? 1);
  // Old windows of idle keys are only garbage; sweep them now and then rather than on every request.
  if (Math.random() < 0.01) {
    await db.rateLimitBucket.deleteMany({ where: { expiresAt: { lt: new Date(now - windowMs) } } });
  }
  const state: RateLimitState = {
    limit,
    remaining: Math.max(0, limit - count),
    resetAt: Math.ceil(resetMs / 1000),
    retryAfter: Math.max(1, Math.ceil((resetMs - now) / 1000)),
  };
  if (count > limit) throw new RateLimitedError(state.retryAfter, rateLimitHeaders(state));
  return state;
}
