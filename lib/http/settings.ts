import type { RateLimitSpec } from "@/lib/api/define-contract";
import { env } from "@/lib/env";

export function defaultCallerRateLimit(): RateLimitSpec {
  return { by: "caller", limit: env().PLUMB_API_RATE_LIMIT_PER_MINUTE, windowSeconds: 60 };
}
