import type { AlertDelivery } from "@/generated/prisma/client";
import { getPrisma, type Prisma } from "@/lib/db";
import { randomToken } from "@/lib/crypto";
import { flushOutbox } from "@/lib/jobs/outbox";
import { recordAuditEvent, type Actor } from "../audit/record-audit-event";
import { ServiceError } from "../errors";
import { getChannelOrThrow } from "./channel-fields";
import { emitAlert } from "./emit-alert";

/** Queues a test alert to one channel (each press is its own event) and returns its delivery row. */
export async function sendTestAlert(actor: Actor, input: { channelId: string }, prisma?: Prisma): Promise<AlertDelivery> {
  const db = prisma ?? (await getPrisma());
  const eventKey = `test:${randomToken(8)}`;
  const delivery = await db.$transaction(async (tx) => {
    const channel = await getChannelOrThrow(tx, actor.orgId, input.channelId);
    if (!channel.enabled) throw new ServiceError("conflict", "The channel is disabled: enable it to send a test.");
    await emitAlert(tx, { orgId: actor.orgId, trigger: "test", eventKey, channelId: channel.id, data: { channel_id: channel.id, channel_name: channel.name } });
    await recordAuditEvent(tx, actor, { action: "alert_channel.test", targetType: "alert_channel", targetId: channel.id });
    return tx.alertDelivery.findUniqueOrThrow({ where: { channelId_eventKey: { channelId: channel.id, eventKey } } });
  });
  await flushOutbox();
  return delivery;
}
