import { getPrisma, type Prisma } from "@/lib/db";
import { pageOf, pageQuery } from "@/lib/services/pagination";
import { getChannelOrThrow } from "./channel-fields";

/** A channel's deliveries, newest first (cursor paging); another organization's channel is not found. */
export async function listAlertDeliveries(input: { orgId: string; channelId: string; limit: number; cursor?: string }, prisma?: Prisma) {
  const db = prisma ?? (await getPrisma());
  await getChannelOrThrow(db, input.orgId, input.channelId);
  const q = pageQuery(input);
  const rows = await db.alertDelivery.findMany({ where: { channelId: input.channelId, organizationId: input.orgId, ...q.where }, orderBy: q.orderBy, take: q.take });
  return pageOf(rows, input.limit);
}
