import { assertCustomerUrlAllowed } from "@/lib/net/outbound";
import { SafeFetchError, SsrfError } from "@/lib/net/ssrf";
import { ServiceError } from "../errors";

/**
 * A self-hosted API base URL (GitHub Enterprise, GitLab self-managed) goes through the same SSRF rule as a
 * scan target when it is saved; every call checks again after DNS (lib/integrations/outbound-fetch.ts).
 */
export async function checkBaseUrl(baseUrl: string): Promise<string> {
  const trimmed = baseUrl.trim().replace(/\/+$/, "");
  try {
    const u = new URL(trimmed);
    if (u.username || u.password) throw new ServiceError("invalid_params", "The base URL must not contain credentials.");
    if (u.search || u.hash) throw new ServiceError("invalid_params", "The base URL must not have a query or fragment.");
  } catch (err) {
    if (err instanceof ServiceError) throw err;
    throw new ServiceError("invalid_params", "The base URL is not a valid URL.");
  }
  try {
    await assertCustomerUrlAllowed(trimmed);
  } catch (err) {
    if (err instanceof SsrfError) throw new ServiceError("invalid_params", `${err.host} is a private address: Plumb refuses it (an operator can allow it with PLUMB_PRIVATE_TARGET_ALLOWLIST).`);
    if (err instanceof SafeFetchError) throw new ServiceError("invalid_params", `The base URL cannot be used: ${err.message}`);
    throw err;
  }
  return trimmed;
}
