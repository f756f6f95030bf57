import type { AlertChannel } from "@/generated/prisma/client";
import { getPrisma, type Prisma } from "@/lib/db";
import { encryptSecret } from "@/lib/crypto";
import type { Severity } from "@/lib/scanner/types";
import { recordAuditEvent, type Actor } from "../audit/record-audit-event";
import { ServiceError } from "../errors";
import type { SubscribableTrigger } from "./alert-triggers";
import { assertChannelDomains, channelSnapshot, checkChannelUrl, displayUrl, newSigningSecret } from "./channel-fields";

export interface AlertChannelInput {
  name: string;
  kind: "webhook" | "slack" | "email";
  url?: string;
  email?: string;
  triggers: SubscribableTrigger[];
  domainIds?: string[];
  minSeverity?: Severity | null;
  tlsExpiryDays?: number;
  enabled?: boolean;
}

/** A new channel; a webhook gets a signing secret, returned here once and never again. */
export async function createAlertChannel(actor: Actor, input: AlertChannelInput, prisma?: Prisma): Promise<{ channel: AlertChannel; secret: string | null }> {
  const db = prisma ?? (await getPrisma());
  if (input.kind === "email") {
    if (!input.email) throw new ServiceError("invalid_params", "email: required for an e-mail channel.", { issues: [{ path: ["email"], message: "Required.", code: "custom" }] });
  } else {
    if (!input.url) throw new ServiceError("invalid_params", "url: required for a webhook or Slack channel.", { issues: [{ path: ["url"], message: "Required.", code: "custom" }] });
    await checkChannelUrl(input.url, "url");
  }
  const secret = input.kind === "webhook" ? newSigningSecret() : null;
  return db.$transaction(async (tx) => {
    await assertChannelDomains(tx, actor.orgId, input.domainIds ?? []);
    const channel = await tx.alertChannel.create({
      data: {
        organizationId: actor.orgId,
        name: input.name,
        kind: input.kind,
        urlEncrypted: input.kind === "email" || !input.url ? null : encryptSecret(input.url),
        urlDisplay: input.kind === "email" || !input.url ? null : displayUrl(input.url),
        email: input.kind === "email" ? (input.email ?? null) : null,
        secretEncrypted: secret ? encryptSecret(secret) : null,
        triggers: [...new Set(input.triggers)],
        domainIds: [...new Set(input.domainIds ?? [])],
        minSeverity: input.minSeverity ?? null,
        tlsExpiryDays: input.tlsExpiryDays ?? 14,
        enabled: input.enabled ?? true,
      },
    });
    await recordAuditEvent(tx, actor, { action: "alert_channel.create", targetType: "alert_channel", targetId: channel.id, after: channelSnapshot(channel) });
    return { channel, secret };
  });
}
