import { listFindingInstancesContract } from "@/lib/api/contract/findings";
import { serializeFindingInstance } from "@/lib/api/serializers/finding";
import { defineRoute } from "@/lib/http/define-route";
import { listFindingInstances } from "@/lib/services/findings/list-finding-instances";

export const GET = defineRoute(listFindingInstancesContract, async ({ actor, params, query }) => {
  const page = await listFindingInstances({ orgId: actor.orgId, findingId: params.id, limit: query.limit, cursor: query.cursor });
  return { items: page.items.map(serializeFindingInstance), nextCursor: page.nextCursor };
});
