import type { AlertChannel } from "@/generated/prisma/client";
import { getPrisma, type Prisma } from "@/lib/db";
import { encryptSecret } from "@/lib/crypto";
import { recordAuditEvent, type Actor } from "../audit/record-audit-event";
import { ServiceError } from "../errors";
import { getChannelOrThrow, newSigningSecret } from "./channel-fields";

/** A new signing secret for a webhook channel, returned once; the old one stops signing at once. */
export async function rollAlertChannelSecret(actor: Actor, input: { channelId: string }, prisma?: Prisma): Promise<{ channel: AlertChannel; secret: string }> {
  const db = prisma ?? (await getPrisma());
  return db.$transaction(async (tx) => {
    const before = await getChannelOrThrow(tx, actor.orgId, input.channelId);
    if (before.kind !== "webhook") throw new ServiceError("invalid_params", "Only webhook channels have a signing secret.", { issues: [{ path: ["id"], message: "Not a webhook channel.", code: "custom" }] });
    const secret = newSigningSecret();
    const channel = await tx.alertChannel.update({ where: { id: before.id }, data: { secretEncrypted: encryptSecret(secret) } });
    await recordAuditEvent(tx, actor, { action: "alert_channel.roll_secret", targetType: "alert_channel", targetId: before.id });
    return { channel, secret };
  });
}
