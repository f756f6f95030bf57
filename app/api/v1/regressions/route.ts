import { listRegressionsContract } from "@/lib/api/contract/regressions";
import { serializeFinding } from "@/lib/api/serializers/finding";
import { defineRoute } from "@/lib/http/define-route";
import { listRegressions } from "@/lib/services/regressions/list-regressions";

export const GET = defineRoute(listRegressionsContract, async ({ actor, query }) => {
  const page = await listRegressions({ orgId: actor.orgId, limit: query.limit, cursor: query.cursor, domainId: query.domain_id });
  return { items: page.items.map(serializeFinding), nextCursor: page.nextCursor };
});
