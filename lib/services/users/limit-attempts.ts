import type { Prisma } from "@/lib/db";
import { consumeRateLimit } from "../rate-limits/consume-rate-limit";

/**
 * Counts one attempt against a fixed-window budget shared by every instance (the RateLimitBucket table).
 * Returns the seconds to wait when the budget is spent, else null.
 */
export async function limitAttempts(db: Prisma, key: string, limit: number, windowSeconds: number): Promise<number | null> {
  const state = await consumeRateLimit(db, key, limit, windowSeconds);
  return state.allowed ? null : state.retryAfter;
}
