import { getPrisma, type Prisma } from "@/lib/db";
import { recordAuditEvent, type Actor } from "../audit/record-audit-event";
import { channelSnapshot, getChannelOrThrow } from "./channel-fields";

export async function deleteAlertChannel(actor: Actor, input: { channelId: string }, prisma?: Prisma): Promise<{ id: string }> {
  const db = prisma ?? (await getPrisma());
  return db.$transaction(async (tx) => {
    const before = await getChannelOrThrow(tx, actor.orgId, input.channelId);
    await tx.alertChannel.delete({ where: { id: before.id } });
    await recordAuditEvent(tx, actor, { action: "alert_channel.delete", targetType: "alert_channel", targetId: before.id, before: channelSnapshot(before) });
    return { id: before.id };
  });
}
