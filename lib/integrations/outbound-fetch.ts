// The fetch every provider SDK is given (octokit's `request.fetch`, gitbeaker's requester, jira.js, …):
// WHATWG `fetch` on top of lib/net/outbound.ts, so a self-hosted base URL (GitHub Enterprise, GitLab
// self-managed) is SSRF-checked after DNS on every call, exactly like a scan target. It also keeps each
// integration within the provider's rate limit: it waits out Retry-After / X-RateLimit-Reset (short waits
// inline; long ones become a retryable ProviderError so the job retries later instead of holding a worker).
import { fetchCustomerUrl } from "@/lib/net/outbound";
import { SafeFetchError, SsrfError } from "@/lib/net/ssrf";
import { ProviderError, type ProviderCallStats } from "./provider";
import { exhaustedUntil, rateLimitWaitMs } from "./rate-limit";

/** Longest pause taken inside a request; longer ones are handed back to the job's retry. */
export const MAX_INLINE_WAIT_MS = 30_000;
const MAX_RATE_LIMIT_RETRIES = 3;
/** Provider answers are data we parse, never downloads: 5 MB is far above any page of 100 issues. */
const MAX_RESPONSE_BYTES = 5_000_000;
const TIMEOUT_MS = 20_000;
const NULL_BODY_STATUSES = new Set([101, 204, 205, 304]);

export interface OutboundFetchOptions {
  stats: ProviderCallStats;
  /** Shared by every call of one integration (the rate-limit pause is per integration). */
  limiter?: RateLimitGate;
  sleep?: (ms: number) => Promise<void>;
}

/** Per-integration pause: when one call learns the limit is exhausted, the next calls wait too. */
export class RateLimitGate {
  private until = 0;
  block(untilMs: number): void {
    this.until = Math.max(this.until, untilMs);
  }
  waitMs(now: number = Date.now()): number {
    return Math.max(0, this.until - now);
  }
}

const defaultSleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

function headersRecord(h: HeadersInit | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  new Headers(h).forEach((v, k) => {
    out[k] = v;
  });
  return out;
}

async function bodyText(body: BodyInit | null | undefined): Promise<string | undefined> {
  if (body === undefined || body === null) return undefined;
  if (typeof body === "string") return body;
  return await new Response(body).text();
}

export function outboundFetch(opts: OutboundFetchOptions): typeof fetch {
  const sleep = opts.sleep ?? defaultSleep;
  const gate = opts.limiter ?? new RateLimitGate();
  const guarded = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const req = input instanceof Request ? input : undefined;
    const url = req ? req.url : input.toString();
    const method = (init?.method ?? req?.method ?? "GET").toUpperCase();
    const headers = headersRecord(init?.headers ?? req?.headers);
    const body = init?.body !== undefined ? await bodyText(init.body) : req && method !== "GET" && method !== "HEAD" ? await req.text() : undefined;
    for (let attempt = 0; ; attempt++) {
      const pause = gate.waitMs();
      if (pause > 0) {
        if (pause > MAX_INLINE_WAIT_MS) throw new ProviderError("rate_limited", `The provider's rate limit is exhausted; retrying in ${Math.ceil(pause / 1000)} s.`, { retryAfterMs: pause });
        opts.stats.rateLimitWaits++;
        opts.stats.rateLimitWaitMs += pause;
        await sleep(pause);
      }
      opts.stats.calls++;
      let res;
      try {
        res = await fetchCustomerUrl(url, {
          method,
          headers,
          body,
          timeoutMs: TIMEOUT_MS,
          maxBytes: MAX_RESPONSE_BYTES,
          // An API answers; it does not send us elsewhere. Same-origin redirects (a renamed repository) are fine.
          checkRedirect: (from, to) => (from.origin === to.origin ? null : `Refused a redirect from ${from.origin} to another origin`),
          signal: init?.signal ?? undefined,
        });
      } catch (err) {
        if (err instanceof SsrfError) throw new ProviderError("network", `Refused: ${err.host} is a private address (set PLUMB_PRIVATE_TARGET_ALLOWLIST to allow a self-hosted server on your network).`);
        if (err instanceof SafeFetchError) throw new ProviderError("network", `Could not reach the provider: ${err.message}`);
        throw err;
      }
      if (res.truncated) throw new ProviderError("invalid_response", `The provider's answer exceeded ${MAX_RESPONSE_BYTES} bytes.`);
      const resHeaders = new Headers();
      for (const [k, v] of Object.entries(res.headers)) for (const part of v.split("\n")) resHeaders.append(k, part);
      const wait = rateLimitWaitMs(res.status, resHeaders);
      if (wait !== null) {
        gate.block(Date.now() + wait);
        if (attempt < MAX_RATE_LIMIT_RETRIES && wait <= MAX_INLINE_WAIT_MS) continue;
        throw new ProviderError("rate_limited", `The provider's rate limit was reached; retrying in ${Math.ceil(wait / 1000)} s.`, { status: res.status, retryAfterMs: wait });
      }
      const exhausted = exhaustedUntil(resHeaders);
      if (exhausted !== null) gate.block(exhausted);
      return new Response(NULL_BODY_STATUSES.has(res.status) ? null : res.body, { status: res.status, headers: resHeaders });
    }
  };
  return guarded as typeof fetch;
}
