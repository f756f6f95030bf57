import { listNotificationsContract } from "@/lib/api/contract/collaboration";
import { serializeNotification } from "@/lib/api/serializers/collaboration";
import { defineRoute } from "@/lib/http/define-route";
import { actingUserId } from "@/lib/services/notifications/acting-user";
import { listNotifications } from "@/lib/services/notifications/list-notifications";

export const GET = defineRoute(listNotificationsContract, async ({ actor, query }) => {
  const userId = await actingUserId(actor);
  const page = await listNotifications({ orgId: actor.orgId, userId, limit: query.limit, cursor: query.cursor, unreadOnly: query.unread === "true" });
  return { items: page.items.map(serializeNotification), nextCursor: page.nextCursor };
});
