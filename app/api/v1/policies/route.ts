import { defineRoute } from "@/lib/http/define-route";
import { createPolicyContract, listPoliciesContract } from "@/lib/api/contract/policies";
import { serializePolicy } from "@/lib/api/serializers/policy";
import { createPolicy } from "@/lib/services/policies/create-policy";
import { listPolicies } from "@/lib/services/policies/list-policies";

export const GET = defineRoute(listPoliciesContract, async ({ actor, query }) => ({
  items: (await listPolicies({ orgId: actor.orgId, kind: query.kind })).map(serializePolicy),
  nextCursor: null,
}));

export const POST = defineRoute(createPolicyContract, async ({ actor, body }) =>
  serializePolicy(
    await createPolicy(actor, {
      name: body.name,
      description: body.description,
      kind: body.kind,
      rules: body.rules,
      enabled: body.enabled,
      position: body.position,
      domainId: body.domain_id,
    }),
  ),
);
