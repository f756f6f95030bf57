import { defineRoute } from "@/lib/http/define-route";
import { listAlertDeliveriesContract } from "@/lib/api/contract/alert-channels";
import { serializeAlertDelivery } from "@/lib/api/serializers/alert-channel";
import { listAlertDeliveries } from "@/lib/services/alerts/list-alert-deliveries";

export const GET = defineRoute(listAlertDeliveriesContract, async ({ actor, params, query }) => {
  const page = await listAlertDeliveries({ orgId: actor.orgId, channelId: params.id, limit: query.limit, cursor: query.cursor });
  return { items: page.items.map(serializeAlertDelivery), nextCursor: page.nextCursor };
});
