import { bulkUpdateFindingsContract } from "@/lib/api/contract/findings";
import { defineRoute } from "@/lib/http/define-route";
import { bulkUpdateFindings } from "@/lib/services/findings/bulk-update-findings";

export const POST = defineRoute(bulkUpdateFindingsContract, async ({ actor, body }) =>
  bulkUpdateFindings(actor, {
    ids: body.ids,
    status: body.status,
    severity: body.severity,
    justification: body.justification,
    acceptedUntil: body.accepted_until ? new Date(body.accepted_until) : undefined,
  }),
);
