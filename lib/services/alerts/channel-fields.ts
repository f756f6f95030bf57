import type { AlertChannel } from "@/generated/prisma/client";
import type { PrismaNS } from "@/lib/db";
import { assertCustomerUrlAllowed } from "@/lib/net/outbound";
import { SafeFetchError, SsrfError } from "@/lib/net/ssrf";
import { randomToken } from "@/lib/crypto";
import { ServiceError } from "../errors";

/** A webhook signing secret: `whsec_` + 32 random bytes. Shown once; stored encrypted (it signs every body). */
export function newSigningSecret(): string {
  return `whsec_${randomToken(32, "base64url")}`;
}

/** The URL as lists show it: scheme and host, the path hidden (a Slack webhook's path is its credential). */
export function displayUrl(url: string): string {
  const u = new URL(url);
  return `${u.protocol}//${u.host}${u.pathname.length > 1 ? "/…" : "/"}`;
}

/** Refuses, at save time, URLs the SSRF guard would refuse at delivery (private, loopback, metadata…). */
export async function checkChannelUrl(url: string, path: string): Promise<void> {
  try {
    await assertCustomerUrlAllowed(url);
  } catch (err) {
    if (err instanceof SsrfError || err instanceof SafeFetchError) {
      throw new ServiceError("invalid_params", `${path}: ${err.message}`, { issues: [{ path: [path], message: err.message, code: "custom" }] });
    }
    throw err;
  }
}

export async function assertChannelDomains(tx: PrismaNS.TransactionClient, orgId: string, domainIds: string[]): Promise<void> {
  if (domainIds.length === 0) return;
  const found = await tx.domain.count({ where: { organizationId: orgId, id: { in: domainIds } } });
  if (found !== new Set(domainIds).size) {
    throw new ServiceError("invalid_params", "domain_ids: a domain is not in this organization.", { issues: [{ path: ["domain_ids"], message: "Unknown domain.", code: "custom" }] });
  }
}

/** What the audit log keeps of a channel: never its URL's path or its secret. */
export function channelSnapshot(c: AlertChannel): PrismaNS.InputJsonObject {
  return {
    name: c.name,
    kind: c.kind,
    url: c.urlDisplay,
    email: c.email,
    triggers: c.triggers,
    domain_ids: c.domainIds,
    min_severity: c.minSeverity,
    tls_expiry_days: c.tlsExpiryDays,
    enabled: c.enabled,
  };
}

export async function getChannelOrThrow(db: PrismaNS.TransactionClient, orgId: string, channelId: string): Promise<AlertChannel> {
  const c = await db.alertChannel.findFirst({ where: { id: channelId, organizationId: orgId } });
  if (!c) throw new ServiceError("not_found", "Alert channel not found.");
  return c;
}
