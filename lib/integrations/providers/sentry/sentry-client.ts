// A small typed client for the few Sentry endpoints Plumb calls, over the framework's ctx.fetch, every answer
// validated with zod. Not @sentry/api (Sentry's generated client): at the time of writing it is a 0.1.0 first
// release, licensed FSL-1.1 (source-available, not an OSI licence like Plumb's MIT), its generated declarations
// repeat operation names (several `listAProject`, `listATag`, …), its schema has no issue-comment endpoint (the
// one write Plumb makes), and its types are compile-time only, so every answer would need zod here anyway.
import type { z } from "zod";
import { ProviderError, credentialSecret, type ProviderContext } from "@/lib/integrations/provider";
import { excerpt, providerErrorFromStatus, providerNetworkError } from "@/lib/integrations/shared/http-failure";

/** Sentry's error bodies: `{ "detail": "…" }`, or field errors `{ "text": ["This field is required."] }`. */
function sentryDetail(text: string): string {
  try {
    const j = JSON.parse(text) as Record<string, unknown>;
    if (typeof j.detail === "string") return j.detail;
    return Object.entries(j)
      .slice(0, 5)
      .map(([k, v]) => `${k}: ${Array.isArray(v) ? v.filter((x) => typeof x === "string").join(", ") : ""}`)
      .join("; ");
  } catch {
    return text;
  }
}

export interface SentryPage<T> {
  data: T;
  /** The cursor of the next page when Sentry says it has results (`Link: <…>; rel="next"; results="true"; cursor="…"`). */
  nextCursor: string | null;
}

function nextCursor(link: string | null): string | null {
  if (!link) return null;
  for (const part of link.split(",")) {
    if (/rel="next"/.test(part) && /results="true"/.test(part)) return /cursor="([^"]{1,200})"/.exec(part)?.[1] ?? null;
  }
  return null;
}

export async function sentryRequest<S extends z.ZodType>(
  ctx: ProviderContext<unknown>,
  schema: S,
  path: string,
  opts: { method?: "GET" | "POST"; query?: Record<string, string | string[]>; body?: unknown } = {},
): Promise<SentryPage<z.infer<S>>> {
  const url = new URL(`${ctx.apiBaseUrl.replace(/\/+$/, "")}${path}`);
  for (const [k, v] of Object.entries(opts.query ?? {})) for (const one of Array.isArray(v) ? v : [v]) url.searchParams.append(k, one);
  let res: Response;
  try {
    res = await ctx.fetch(url, {
      method: opts.method ?? "GET",
      headers: { authorization: `Bearer ${credentialSecret(ctx.credential)}`, accept: "application/json", ...(opts.body !== undefined ? { "content-type": "application/json" } : {}) },
      body: opts.body !== undefined ? JSON.stringify(opts.body) : undefined,
    });
  } catch (err) {
    throw providerNetworkError("Sentry", err);
  }
  const text = await res.text();
  if (!res.ok) throw providerErrorFromStatus("Sentry", res.status, { retryAfter: res.headers.get("retry-after"), detail: excerpt(sentryDetail(text)) });
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new ProviderError("invalid_response", "Sentry answered with something that is not JSON.");
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw new ProviderError("invalid_response", `Sentry answered ${path.split("?")[0]!.replace(/\/\d+\//g, "/…/")} in a shape Plumb could not read.`);
  return { data: parsed.data, nextCursor: nextCursor(res.headers.get("link")) };
}
