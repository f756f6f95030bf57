import { z } from "zod";
import type { RateLimitSpec } from "@/lib/api/define-contract";

// API tuning knobs, read once. (Candidates to move into lib/env's schema.)
const schema = z.object({
  // Requests per minute per API key (or per session user and organization).
  PLUMB_API_RATE_LIMIT_PER_MINUTE: z.preprocess((v) => (v === "" ? undefined : v), z.coerce.number().int().min(1).default(600)),
});

let cached: z.output<typeof schema> | undefined;

function settings() {
  cached ??= schema.parse(process.env);
  return cached;
}

export function defaultCallerRateLimit(): RateLimitSpec {
  return { by: "caller", limit: settings().PLUMB_API_RATE_LIMIT_PER_MINUTE, windowSeconds: 60 };
}
