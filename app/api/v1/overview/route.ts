import { getOverviewContract } from "@/lib/api/contract/overview";
import { serializeOverview } from "@/lib/api/serializers/overview";
import { defineRoute } from "@/lib/http/define-route";
import { getOverview } from "@/lib/services/overview/get-overview";

export const GET = defineRoute(getOverviewContract, async ({ actor, query }) =>
  serializeOverview(await getOverview({ orgId: actor.orgId, range: Number(query.range) as 30 | 90 | 365, trendDomainId: query.domain_id })),
);
