// One place that turns a provider's HTTP failure into a ProviderError with a message an organization can act
// on. Provider bodies are hostile: only a short, single-line excerpt of their own error text is kept.
import { ProviderError } from "@/lib/integrations/provider";

/** Seconds or an HTTP date, as in RFC 9110 §10.2.3; undefined when absent or unparseable. */
export function parseRetryAfterMs(value: string | null | undefined, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const v = value.trim();
  if (/^\d+$/.test(v)) return Number(v) * 1000;
  const at = Date.parse(v);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

export function excerpt(text: unknown, max = 200): string {
  const s = typeof text === "string" ? text : "";
  const one = s.replace(/[\u0000-\u001f\u007f]+/g, " ").replace(/\s+/g, " ").trim();
  return one.length > max ? `${one.slice(0, max - 1)}…` : one;
}

export function providerErrorFromStatus(
  provider: string,
  status: number,
  opts: { retryAfter?: string | null; detail?: string; rateLimited?: boolean } = {},
): ProviderError {
  const detail = opts.detail ? ` (${excerpt(opts.detail)})` : "";
  const retryAfterMs = parseRetryAfterMs(opts.retryAfter);
  if (status === 429 || opts.rateLimited) {
    return new ProviderError("rate_limited", `${provider} is rate-limiting Plumb; the sync will continue when it allows.`, { status, retryAfterMs });
  }
  if (status === 401) {
    return new ProviderError("unauthorized", `${provider} refused the credentials: the token was revoked or has expired. Reconnect with a new token.`, { status });
  }
  if (status === 403) {
    return new ProviderError("forbidden", `${provider} says the token lacks a permission Plumb needs${detail}. Check the scopes listed in the setup.`, { status });
  }
  if (status === 404) {
    return new ProviderError("not_found", `${provider} could not find the configured project or item, or the token cannot see it${detail}.`, { status });
  }
  if (status === 400 || status === 409 || status === 422) {
    return new ProviderError("validation", `${provider} refused what Plumb sent${detail}.`, { status });
  }
  if (status >= 500) {
    return new ProviderError("server", `${provider} had a server error (HTTP ${status}); Plumb will retry.`, { status, retryAfterMs });
  }
  return new ProviderError("invalid_response", `${provider} answered with an unexpected HTTP ${status}${detail}.`, { status });
}

/** A ProviderError raised by ctx.fetch (SSRF refusal, long rate-limit pause) that an SDK wrapped in its own error. */
export function providerErrorInChain(err: unknown): ProviderError | null {
  let e: unknown = err;
  for (let depth = 0; e && depth < 6; depth++) {
    if (e instanceof ProviderError) return e;
    e = (e as { cause?: unknown }).cause;
  }
  return null;
}

/** Network-level failures (DNS, refused, timeout, SSRF guard) that never produced an HTTP status. */
export function providerNetworkError(provider: string, err: unknown): ProviderError {
  const inner = providerErrorInChain(err);
  if (inner) return inner;
  const msg = err instanceof Error ? err.message : String(err);
  return new ProviderError("network", `Plumb could not reach ${provider}: ${excerpt(msg)}`);
}
