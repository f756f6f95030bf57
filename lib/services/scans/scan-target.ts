import type { Domain } from "@/generated/prisma/client";
import { serverTargetPolicy } from "@/lib/net/outbound";
import type { TargetPolicy } from "@/lib/net/ssrf";

/** The origin a domain is scanned at: its scheme and host (with port), as verified. */
export function domainOrigin(domain: Pick<Domain, "scheme" | "host">): string {
  return `${domain.scheme}://${domain.host}`;
}

/**
 * The server only reaches private/loopback addresses when the operator opted in (SSRF guard): all of them
 * (PLUMB_ALLOW_PRIVATE_TARGETS) or exact origins (PLUMB_PRIVATE_TARGET_ALLOWLIST). Spread into scanner options.
 */
export function scanTargetPolicy(): Required<TargetPolicy> {
  return serverTargetPolicy();
}

/** One spelling per page URL, so the crawler's, the checks' and the stored URLs compare equal. */
export function normalizePageUrl(url: string): string {
  try {
    const u = new URL(url);
    u.hash = "";
    return u.href;
  } catch {
    return url;
  }
}
