// The fetch the OpenAI SDK uses: every request goes through the server's SSRF guard (OPENAI_BASE_URL is
// operator-configured and may point anywhere), DNS-pinned, size-capped, without following redirects.
import { fetchCustomerUrl } from "@/lib/net/outbound";
import { SafeFetchError } from "@/lib/net/ssrf";

const MAX_RESPONSE_BYTES = 2_000_000;

function headerRecord(h: HeadersInit | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  new Headers(h).forEach((v, k) => {
    out[k] = v;
  });
  return out;
}

/** Error the SDK recognises as a timeout (it checks `name === "AbortError"`), so it retries and reports it as one. */
class AbortLikeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "AbortError";
  }
}

export function guardedFetch(timeoutMs: number) {
  return async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const url = typeof input === "string" ? input : input instanceof URL ? input.toString() : input.url;
    const body = typeof init?.body === "string" ? init.body : init?.body == null ? undefined : String(init.body);
    try {
      const res = await fetchCustomerUrl(url, {
        method: init?.method ?? "GET",
        headers: headerRecord(init?.headers),
        body,
        timeoutMs,
        maxBytes: MAX_RESPONSE_BYTES,
        maxRedirects: 0,
        signal: init?.signal ?? undefined,
      });
      const headers = new Headers();
      for (const [k, v] of Object.entries(res.headers)) {
        // The body is already decoded and whole.
        if (k === "content-encoding" || k === "content-length" || k === "transfer-encoding") continue;
        headers.set(k, v.split("\n").join(", "));
      }
      const nullBody = res.status === 204 || res.status === 304;
      return new Response(nullBody ? null : res.body, { status: res.status, headers });
    } catch (err) {
      if (err instanceof SafeFetchError && (err.code === "timeout" || err.code === "aborted")) throw new AbortLikeError(err.message);
      throw err;
    }
  };
}
