import { defineRoute } from "@/lib/http/define-route";
import { exportAuditEventsContract } from "@/lib/api/contract/audit-events";
import { auditFiltersFromQuery } from "@/lib/api/serializers/audit-event";
import { exportAuditEventsCsv } from "@/lib/services/audit/export-audit-events-csv";

export const GET = defineRoute(exportAuditEventsContract, async ({ actor, query }) => {
  const stream = await exportAuditEventsCsv(actor, { filters: auditFiltersFromQuery(query) });
  const day = new Date().toISOString().slice(0, 10);
  return new Response(stream, {
    status: 200,
    headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="plumb-audit-${day}.csv"`, "cache-control": "no-store" },
  });
});
