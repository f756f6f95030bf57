import { getFindingContract, updateFindingContract } from "@/lib/api/contract/findings";
import { serializeFinding } from "@/lib/api/serializers/finding";
import { defineRoute } from "@/lib/http/define-route";
import { getFinding } from "@/lib/services/findings/get-finding";
import { updateFinding } from "@/lib/services/findings/update-finding";

export const GET = defineRoute(getFindingContract, async ({ actor, params }) =>
  serializeFinding(await getFinding({ orgId: actor.orgId, findingId: params.id })),
);

export const PATCH = defineRoute(updateFindingContract, async ({ actor, params, body }) =>
  serializeFinding(
    await updateFinding(actor, {
      findingId: params.id,
      patch: {
        status: body.status,
        severity: body.severity,
        assigneeId: body.assignee_id,
        justification: body.justification,
        acceptedUntil: body.accepted_until ? new Date(body.accepted_until) : undefined,
      },
    }),
  ),
);
