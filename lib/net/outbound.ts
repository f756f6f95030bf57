// The server's outbound policy, in one place: every URL a customer gives us (scan targets, ownership proofs,
// webhook endpoints, integration base URLs) is reached through lib/net/ssrf.ts with the same rule — public
// addresses only, unless PLUMB_ALLOW_PRIVATE_TARGETS=1 (everything) or the exact origin is listed in
// PLUMB_PRIVATE_TARGET_ALLOWLIST. Redirects are followed by hand and every hop is checked again.
import { env } from "@/lib/env";
import { sampleSiteOrigin } from "./sample-site-origin";
import { assertPublicHost, effectivePort, safeFetch, SafeFetchError, type PrivateOrigin, type SafeFetchOptions, type SafeFetchResponse, type TargetPolicy } from "./ssrf";

/**
 * What the server may reach, from the environment — plus the exact origin of the bundled sample site this
 * process serves on loopback (lib/sample-site), the one private origin trusted without configuration.
 */
export function serverTargetPolicy(): Required<TargetPolicy> {
  const e = env();
  const sample = sampleSiteOrigin();
  const extra: PrivateOrigin[] = [];
  if (sample) {
    const u = new URL(sample);
    extra.push({ scheme: "http", hostname: u.hostname, port: effectivePort(u) });
  }
  return { allowPrivate: e.PLUMB_ALLOW_PRIVATE_TARGETS, allowedPrivateOrigins: [...e.PLUMB_PRIVATE_TARGET_ALLOWLIST, ...extra] };
}

export type OutboundFetchOptions = Omit<SafeFetchOptions, keyof TargetPolicy>;

/**
 * THE way to fetch a customer-supplied URL (webhooks, integrations, anything new): SSRF-guarded on every
 * redirect hop, DNS pinned, time- and size-capped. Throws SsrfError for a private target, SafeFetchError for
 * network failures; never for HTTP statuses. Pass `maxRedirects: 0` for webhooks (a redirect is an answer).
 */
export function fetchCustomerUrl(url: string, opts: OutboundFetchOptions = {}): Promise<SafeFetchResponse> {
  return safeFetch(url, { ...opts, ...serverTargetPolicy() });
}

/**
 * Checks a customer-supplied URL when it is saved (a webhook endpoint, an integration base URL), so a bad one
 * is refused at once with a clear error; fetchCustomerUrl checks again at every use (DNS may change).
 */
export async function assertCustomerUrlAllowed(url: string): Promise<void> {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new SafeFetchError(`Invalid URL: ${url}`, "invalid_url");
  }
  if (u.protocol !== "http:" && u.protocol !== "https:") throw new SafeFetchError(`Unsupported scheme ${u.protocol}`, "invalid_url");
  await assertPublicHost(u.hostname, { ...serverTargetPolicy(), scheme: u.protocol, port: effectivePort(u) });
}
