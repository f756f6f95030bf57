// The `cloudflare` SDK pointed at the integration's API base URL (default https://api.cloudflare.com/client/v4)
// with ctx.fetch as its fetch, so every call is SSRF-guarded, rate-limited and counted. The SDK's own retries
// (429 and 5xx, honouring Retry-After) stay on, capped at two.
import Cloudflare, { APIConnectionError, APIError } from "cloudflare";
import { credentialSecret, ProviderError, type ProviderContext } from "@/lib/integrations/provider";
import { excerpt, providerErrorFromStatus, providerErrorInChain, providerNetworkError } from "@/lib/integrations/shared/http-failure";

export function cloudflareClient(ctx: ProviderContext<unknown>): Cloudflare {
  return new Cloudflare({
    apiToken: credentialSecret(ctx.credential),
    apiKey: null,
    apiEmail: null,
    userServiceKey: null,
    baseURL: ctx.apiBaseUrl.replace(/\/+$/, ""),
    fetch: ctx.fetch,
    maxRetries: 2,
    timeout: 30_000,
  });
}

export function toCloudflareError(err: unknown): ProviderError {
  const inner = providerErrorInChain(err);
  if (inner) return inner;
  if (err instanceof APIConnectionError) return providerNetworkError("Cloudflare", err.cause ?? err);
  if (err instanceof APIError && typeof err.status === "number") {
    const detail = (err.errors ?? []).map((e) => `${e.code ?? ""} ${e.message ?? ""}`.trim()).join("; ");
    return providerErrorFromStatus("Cloudflare", err.status, { retryAfter: err.headers?.get("retry-after"), detail: excerpt(detail) });
  }
  return providerNetworkError("Cloudflare", err);
}

export async function callCloudflare<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    throw toCloudflareError(err);
  }
}
