import { ProviderError } from "../../provider";

/** GitHub's documented error body: { message, documentation_url, errors?: [{ resource, field, code, message? }] }. */
function githubMessage(data: unknown): string {
  if (typeof data !== "object" || data === null) return "";
  const d = data as { message?: unknown; errors?: unknown };
  const msg = typeof d.message === "string" ? d.message.slice(0, 300) : "";
  const details = Array.isArray(d.errors)
    ? d.errors
        .slice(0, 5)
        .map((e: unknown) => {
          if (typeof e !== "object" || e === null) return "";
          const x = e as { field?: unknown; code?: unknown; message?: unknown };
          return [x.field, x.code, x.message].filter((v) => typeof v === "string").join(" ").slice(0, 200);
        })
        .filter(Boolean)
    : [];
  return details.length ? `${msg} (${details.join("; ")})` : msg;
}

export function toProviderError(err: unknown): ProviderError {
  if (err instanceof ProviderError) return err;
  // @octokit/request's RequestError (name "HttpError"), checked by shape: the class is a transitive dependency.
  const http = err as Error & { status?: unknown; response?: { data?: unknown } };
  if (err instanceof Error && http.name === "HttpError" && typeof http.status === "number") {
    if (err.cause instanceof ProviderError) return err.cause;
    const status = http.status;
    const msg = githubMessage(http.response?.data);
    switch (true) {
      case status === 401:
        return new ProviderError("unauthorized", "GitHub refused the token (revoked or expired): reconnect GitHub.", { status });
      case status === 403:
        return new ProviderError("forbidden", `GitHub refused the request: the token lacks a permission${msg ? ` (${msg})` : ""}.`, { status });
      case status === 404:
        return new ProviderError("not_found", "GitHub answered 404: the repository or issue does not exist, or the token cannot see it.", { status });
      case status === 410:
        return new ProviderError("not_found", "GitHub answered 410: issues are disabled or the issue was deleted.", { status });
      case status === 422 || status === 400:
        return new ProviderError("validation", `GitHub refused the issue: ${msg || "validation failed"}.`, { status });
      case status === 429:
        return new ProviderError("rate_limited", "GitHub's rate limit was reached.", { status, retryAfterMs: 60_000 });
      case status >= 500:
        return new ProviderError("server", `GitHub had an internal error (${status}); Plumb will retry.`, { status });
      default:
        return new ProviderError("invalid_response", `GitHub answered ${status}${msg ? `: ${msg}` : ""}.`, { status });
    }
  }
  return new ProviderError("network", err instanceof Error ? err.message.slice(0, 300) : "Unknown error talking to GitHub.");
}
