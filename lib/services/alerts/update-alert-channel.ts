import type { AlertChannel } from "@/generated/prisma/client";
import { getPrisma, type Prisma, type PrismaNS } from "@/lib/db";
import { encryptSecret } from "@/lib/crypto";
import { recordAuditEvent, type Actor } from "../audit/record-audit-event";
import { ServiceError } from "../errors";
import type { AlertChannelInput } from "./create-alert-channel";
import { assertChannelDomains, channelSnapshot, checkChannelUrl, displayUrl, getChannelOrThrow } from "./channel-fields";

export type AlertChannelPatch = Partial<Omit<AlertChannelInput, "kind">>;

export async function updateAlertChannel(actor: Actor, input: { channelId: string; patch: AlertChannelPatch }, prisma?: Prisma): Promise<AlertChannel> {
  const db = prisma ?? (await getPrisma());
  const p = input.patch;
  if (p.url !== undefined) await checkChannelUrl(p.url, "url");
  return db.$transaction(async (tx) => {
    const before = await getChannelOrThrow(tx, actor.orgId, input.channelId);
    if (p.url !== undefined && before.kind === "email") throw new ServiceError("invalid_params", "url: an e-mail channel has no URL.", { issues: [{ path: ["url"], message: "Not for e-mail channels.", code: "custom" }] });
    if (p.email !== undefined && before.kind !== "email") throw new ServiceError("invalid_params", "email: only e-mail channels have an address.", { issues: [{ path: ["email"], message: "Only for e-mail channels.", code: "custom" }] });
    if (p.domainIds) await assertChannelDomains(tx, actor.orgId, p.domainIds);
    const data: PrismaNS.AlertChannelUpdateInput = {};
    if (p.name !== undefined) data.name = p.name;
    if (p.url !== undefined) {
      data.urlEncrypted = encryptSecret(p.url);
      data.urlDisplay = displayUrl(p.url);
    }
    if (p.email !== undefined) data.email = p.email;
    if (p.triggers !== undefined) data.triggers = [...new Set(p.triggers)];
    if (p.domainIds !== undefined) data.domainIds = [...new Set(p.domainIds)];
    if (p.minSeverity !== undefined) data.minSeverity = p.minSeverity;
    if (p.tlsExpiryDays !== undefined) data.tlsExpiryDays = p.tlsExpiryDays;
    if (p.enabled !== undefined) data.enabled = p.enabled;
    const after = await tx.alertChannel.update({ where: { id: before.id }, data });
    await recordAuditEvent(tx, actor, { action: "alert_channel.update", targetType: "alert_channel", targetId: before.id, before: channelSnapshot(before), after: channelSnapshot(after) });
    return after;
  });
}
