import { defineRoute } from "@/lib/http/define-route";
import { simulatePolicyContract } from "@/lib/api/contract/policies";
import { serializePolicySimulation } from "@/lib/api/serializers/policy";
import { simulatePolicy } from "@/lib/services/policies/simulate-policy";

export const POST = defineRoute(simulatePolicyContract, async ({ actor, body }) =>
  serializePolicySimulation(await simulatePolicy({ orgId: actor.orgId, draft: { kind: body.draft.kind, rules: body.draft.rules, domainId: body.draft.domain_id } })),
);
