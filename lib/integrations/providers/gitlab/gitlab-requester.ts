// gitbeaker's requester, rebuilt on the framework's ctx.fetch: @gitbeaker/rest's own requester calls the global
// fetch (no SSRF guard, no shared rate-limit gate) and retries 429/502 ten times on its own. This one keeps
// gitbeaker's request building (createRequesterFn: snake_case bodies, bracketed array queries, the auth
// header) and sends every request through ctx.fetch, once; a refusal becomes a ProviderError in plain words.
import { createRequesterFn, type RequestHandlerFn, type ResponseBodyTypes } from "@gitbeaker/requester-utils";
import { ProviderError, type ProviderContext } from "@/lib/integrations/provider";
import { excerpt, providerErrorFromStatus, providerNetworkError } from "@/lib/integrations/shared/http-failure";

/** GitLab's error bodies: `{ message: "404 Project Not Found" }`, `{ message: { title: ["can't be blank"] } }`, `{ error: "…" }`. */
function gitlabDetail(text: string): string {
  try {
    const j = JSON.parse(text) as { message?: unknown; error?: unknown; error_description?: unknown };
    const m = j.message ?? j.error_description ?? j.error;
    if (typeof m === "string") return m;
    if (m && typeof m === "object") {
      return Object.entries(m as Record<string, unknown>)
        .slice(0, 5)
        .map(([k, v]) => `${k} ${Array.isArray(v) ? v.filter((x) => typeof x === "string").join(", ") : typeof v === "string" ? v : ""}`.trim())
        .join("; ");
    }
  } catch {
    // not JSON: fall through to the raw excerpt
  }
  return text;
}

export function gitlabRequesterFn(ctx: ProviderContext<unknown>) {
  const handler: RequestHandlerFn = async (endpoint, options = {}) => {
    const o = options as { prefixUrl?: string; searchParams?: string; method?: string; headers?: Record<string, string>; body?: unknown; signal?: AbortSignal };
    const base = o.prefixUrl ? (o.prefixUrl.endsWith("/") ? o.prefixUrl : `${o.prefixUrl}/`) : undefined;
    const url = new URL(endpoint, base);
    url.search = o.searchParams ?? "";
    let res: Response;
    try {
      res = await ctx.fetch(url, { method: o.method ?? "GET", headers: o.headers, body: typeof o.body === "string" ? o.body : undefined, signal: o.signal });
    } catch (err) {
      throw providerNetworkError("GitLab", err);
    }
    const text = await res.text();
    if (!res.ok) throw providerErrorFromStatus("GitLab", res.status, { retryAfter: res.headers.get("retry-after"), detail: excerpt(gitlabDetail(text)) });
    const headers = Object.fromEntries(res.headers.entries());
    const type = (res.headers.get("content-type") ?? "").split(";")[0]!.trim();
    let body: ResponseBodyTypes = null;
    if (res.status !== 204 && text) {
      if (type === "application/json") {
        try {
          body = JSON.parse(text) as ResponseBodyTypes;
        } catch {
          throw new ProviderError("invalid_response", "GitLab answered with JSON Plumb could not read.");
        }
      } else body = text;
    }
    return { body, headers, status: res.status };
  };
  return createRequesterFn((_service, reqOpts) => Promise.resolve(reqOpts), handler);
}
