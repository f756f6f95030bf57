// @linear/sdk's typed operations (LinearSdk: the same documents and models LinearClient uses) with Plumb's own
// transport: the request goes through ctx.fetch (SSRF-guarded, rate-limited, counted) instead of the global
// fetch LinearClient hard-wires, and Linear's errors (GraphQL `errors[].extensions.code`, HTTP status,
// X-RateLimit-Requests-Reset) become ProviderErrors in plain words.
import { LinearSdk } from "@linear/sdk";
import { print, type DocumentNode } from "graphql";
import { z } from "zod";
import { ProviderError, type ProviderContext } from "@/lib/integrations/provider";
import { excerpt, parseRetryAfterMs, providerErrorFromStatus, providerNetworkError } from "@/lib/integrations/shared/http-failure";

const responseSchema = z.object({
  data: z.record(z.string(), z.unknown()).nullable().optional(),
  errors: z.array(z.object({ message: z.string().optional(), extensions: z.object({ code: z.string().optional(), type: z.string().optional(), userPresentableMessage: z.string().optional() }).passthrough().optional() })).optional(),
});

function authorization(ctx: ProviderContext<unknown>): string {
  const c = ctx.credential;
  // Personal API keys are sent as they are; OAuth access tokens as bearer tokens (Linear's documented forms).
  return c.type === "oauth" ? `Bearer ${c.accessToken}` : c.token;
}

function rateLimitWaitMs(headers: Headers): number | undefined {
  const retry = parseRetryAfterMs(headers.get("retry-after"));
  if (retry !== undefined) return retry;
  const reset = Number(headers.get("x-ratelimit-requests-reset") ?? headers.get("x-ratelimit-complexity-reset"));
  return Number.isFinite(reset) && reset > 0 ? Math.max(0, reset - Date.now()) : undefined;
}

export function linearSdk(ctx: ProviderContext<unknown>): LinearSdk {
  return new LinearSdk(async <Data, Variables extends Record<string, unknown>>(doc: DocumentNode | string, variables?: Variables): Promise<Data> => {
    const query = typeof doc === "string" ? doc : print(doc);
    let res: Response;
    try {
      res = await ctx.fetch(ctx.apiBaseUrl, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: authorization(ctx) },
        body: JSON.stringify({ query, variables }),
      });
    } catch (err) {
      throw providerNetworkError("Linear", err);
    }
    const text = await res.text();
    let parsed: z.infer<typeof responseSchema> | undefined;
    try {
      const r = responseSchema.safeParse(JSON.parse(text));
      parsed = r.success ? r.data : undefined;
    } catch {
      parsed = undefined;
    }
    const first = parsed?.errors?.[0];
    const code = first?.extensions?.code ?? "";
    const message = first?.extensions?.userPresentableMessage ?? first?.message ?? excerpt(text);
    if (code === "RATELIMITED" || res.status === 429) {
      throw new ProviderError("rate_limited", "Linear is rate-limiting Plumb; the sync will continue when it allows.", { status: res.status, retryAfterMs: rateLimitWaitMs(res.headers) });
    }
    if (code === "AUTHENTICATION_ERROR" || res.status === 401) throw providerErrorFromStatus("Linear", 401);
    if (code === "FORBIDDEN" || res.status === 403) throw providerErrorFromStatus("Linear", 403, { detail: message });
    if (res.status >= 500) throw providerErrorFromStatus("Linear", res.status, { retryAfter: res.headers.get("retry-after") });
    if (first) throw new ProviderError("validation", `Linear refused what Plumb sent (${excerpt(message)}).`, { status: res.status });
    if (!res.ok) throw providerErrorFromStatus("Linear", res.status, { detail: message });
    if (!parsed?.data) throw new ProviderError("invalid_response", "Linear answered without data.");
    return parsed.data as Data;
  });
}
