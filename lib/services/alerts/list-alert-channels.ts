import type { AlertChannel } from "@/generated/prisma/client";
import { getPrisma, type Prisma } from "@/lib/db";
import { getChannelOrThrow } from "./channel-fields";

export async function listAlertChannels(input: { orgId: string }, prisma?: Prisma): Promise<AlertChannel[]> {
  const db = prisma ?? (await getPrisma());
  return db.alertChannel.findMany({ where: { organizationId: input.orgId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], take: 200 });
}

export async function getAlertChannel(input: { orgId: string; channelId: string }, prisma?: Prisma): Promise<AlertChannel> {
  const db = prisma ?? (await getPrisma());
  return getChannelOrThrow(db, input.orgId, input.channelId);
}
