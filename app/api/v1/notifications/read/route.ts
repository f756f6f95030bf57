import { markNotificationsReadContract } from "@/lib/api/contract/collaboration";
import { defineRoute } from "@/lib/http/define-route";
import { actingUserId } from "@/lib/services/notifications/acting-user";
import { countUnreadNotifications } from "@/lib/services/notifications/list-notifications";
import { markNotificationsRead } from "@/lib/services/notifications/mark-notifications-read";

export const POST = defineRoute(markNotificationsReadContract, async ({ actor, body }) => {
  const userId = await actingUserId(actor);
  const { updated } = await markNotificationsRead({ orgId: actor.orgId, userId, ids: body.ids, all: body.all });
  return { updated, unread: await countUnreadNotifications({ orgId: actor.orgId, userId }) };
});
