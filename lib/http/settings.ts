import type { RateLimitSpec } from "@/lib/api/define-contract";
import { env } from "@/lib/env";

/** How long an unfinished Idempotency-Key claim blocks retries (see lib/http/idempotency.ts). */
export function idempotencyLeaseMs(): number {
  return env().PLUMB_IDEMPOTENCY_LEASE_SECONDS * 1000;
}

export function defaultCallerRateLimit(): RateLimitSpec {
  return { by: "caller", limit: env().PLUMB_API_RATE_LIMIT_PER_MINUTE, windowSeconds: 60 };
}
