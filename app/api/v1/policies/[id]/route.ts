import { defineRoute } from "@/lib/http/define-route";
import { deletePolicyContract, getPolicyContract, updatePolicyContract } from "@/lib/api/contract/policies";
import { serializePolicy } from "@/lib/api/serializers/policy";
import { deletePolicy } from "@/lib/services/policies/delete-policy";
import { getPolicy } from "@/lib/services/policies/get-policy";
import { updatePolicy } from "@/lib/services/policies/update-policy";

export const GET = defineRoute(getPolicyContract, async ({ actor, params }) => serializePolicy(await getPolicy({ orgId: actor.orgId, policyId: params.id })));

export const PATCH = defineRoute(updatePolicyContract, async ({ actor, params, body }) =>
  serializePolicy(
    await updatePolicy(actor, {
      policyId: params.id,
      patch: { name: body.name, description: body.description, enabled: body.enabled, position: body.position, domainId: body.domain_id, rules: body.rules },
    }),
  ),
);

export const DELETE = defineRoute(deletePolicyContract, async ({ actor, params }) => ({ ...(await deletePolicy(actor, { policyId: params.id })), deleted: true as const }));
