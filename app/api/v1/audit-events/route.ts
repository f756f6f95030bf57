import { defineRoute } from "@/lib/http/define-route";
import { listAuditEventsContract } from "@/lib/api/contract/audit-events";
import { auditFiltersFromQuery, serializeAuditEvent } from "@/lib/api/serializers/audit-event";
import { listAuditEvents } from "@/lib/services/audit/list-audit-events";

export const GET = defineRoute(listAuditEventsContract, async ({ actor, query }) => {
  const page = await listAuditEvents({ orgId: actor.orgId, filters: auditFiltersFromQuery(query), limit: query.limit, cursor: query.cursor });
  return { items: page.items.map(serializeAuditEvent), nextCursor: page.nextCursor };
});
