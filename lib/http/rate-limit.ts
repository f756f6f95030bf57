import type { Prisma } from "@/lib/db";
import { consumeRateLimit, type RateLimitState } from "@/lib/services/rate-limits/consume-rate-limit";
import { RateLimitedError } from "./errors";

// The HTTP face of the shared fixed-window limits (lib/services/rate-limits/consume-rate-limit.ts): headers and
// the 429.

export type { RateLimitState };

export function rateLimitHeaders(s: RateLimitState): Record<string, string> {
  return {
    "X-RateLimit-Limit": String(s.limit),
    "X-RateLimit-Remaining": String(s.remaining),
    "X-RateLimit-Reset": String(s.resetAt),
  };
}

/** Counts one hit on `key`; throws 429 (with Retry-After and X-RateLimit-*) once the window's limit is used. */
export async function hitRateLimit(db: Prisma, key: string, limit: number, windowSeconds: number): Promise<RateLimitState> {
  const { allowed, ...state } = await consumeRateLimit(db, key, limit, windowSeconds);
  if (!allowed) throw new RateLimitedError(state.retryAfter, rateLimitHeaders(state));
  return state;
}
