// When a provider says "slow down": parse its rate-limit headers into a wait. GitHub sends `Retry-After`
// (secondary limits) or `X-RateLimit-Remaining: 0` with `X-RateLimit-Reset` (epoch seconds); GitLab sends
// `Retry-After` and `RateLimit-Reset` (epoch seconds); Sentry `X-Sentry-Rate-Limit-Remaining`/`-Reset` (epoch
// seconds); Jira and Linear send `Retry-After`.

/** Milliseconds to wait before the next call, or null when the response does not ask for a pause. */
export function rateLimitWaitMs(status: number, headers: Headers, now: number = Date.now()): number | null {
  const retryAfter = headers.get("retry-after");
  const remaining = headers.get("x-ratelimit-remaining") ?? headers.get("ratelimit-remaining") ?? headers.get("x-sentry-rate-limit-remaining");
  const reset = headers.get("x-ratelimit-reset") ?? headers.get("ratelimit-reset") ?? headers.get("x-sentry-rate-limit-reset");
  const limited = status === 429 || (status === 403 && (retryAfter !== null || remaining === "0"));
  if (!limited) return null;
  if (retryAfter !== null) {
    const secs = Number(retryAfter);
    if (Number.isFinite(secs) && secs >= 0) return Math.ceil(secs * 1000);
    const at = Date.parse(retryAfter);
    if (Number.isFinite(at)) return Math.max(0, at - now);
  }
  if (reset !== null && /^\d+$/.test(reset)) return Math.max(0, Number(reset) * 1000 - now);
  // A 429 without a hint: GitHub's documented advice for secondary limits is to wait at least a minute.
  return 60_000;
}

/**
 * `X-RateLimit-Remaining: 0` on a successful answer: the next call would be refused, so wait for the reset
 * before making it instead of spending a request on a 403.
 */
export function exhaustedUntil(headers: Headers): number | null {
  const remaining = headers.get("x-ratelimit-remaining") ?? headers.get("ratelimit-remaining") ?? headers.get("x-sentry-rate-limit-remaining");
  const reset = headers.get("x-ratelimit-reset") ?? headers.get("ratelimit-reset") ?? headers.get("x-sentry-rate-limit-reset");
  if (remaining !== "0" || reset === null || !/^\d+$/.test(reset)) return null;
  return Number(reset) * 1000;
}
