import { listFindingsContract } from "@/lib/api/contract/findings";
import { serializeFinding } from "@/lib/api/serializers/finding";
import { defineRoute } from "@/lib/http/define-route";
import { listFindings } from "@/lib/services/findings/list-findings";

export const GET = defineRoute(listFindingsContract, async ({ actor, query }) => {
  const page = await listFindings({
    orgId: actor.orgId,
    limit: query.limit,
    cursor: query.cursor,
    domainId: query.domain_id,
    scanId: query.scan_id,
    pillar: query.pillar,
    severity: query.severity,
    status: query.status,
    q: query.q,
    url: query.url,
  });
  return { items: page.items.map(serializeFinding), nextCursor: page.nextCursor };
});
