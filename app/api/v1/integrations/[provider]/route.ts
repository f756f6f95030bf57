import { defineRoute } from "@/lib/http/define-route";
import { deleteIntegrationContract, getIntegrationContract, updateIntegrationContract } from "@/lib/api/contract/integrations";
import { serializeIntegration } from "@/lib/api/serializers/integration";
import { disconnectIntegration } from "@/lib/services/integrations/disconnect-integration";
import { providerOf } from "@/lib/services/integrations/integration-context";
import { listIntegrations } from "@/lib/services/integrations/list-integrations";
import { updateIntegration } from "@/lib/services/integrations/update-integration";

export const GET = defineRoute(getIntegrationContract, async ({ actor, params }) => {
  const provider = providerOf(params.provider);
  const entry = (await listIntegrations({ orgId: actor.orgId })).find((r) => r.provider.id === provider.id);
  return serializeIntegration(provider, entry?.row ?? null, entry?.links);
});

export const PATCH = defineRoute(updateIntegrationContract, async ({ actor, params, body }) => {
  const row = await updateIntegration(actor, { provider: params.provider, config: body.config, baseUrl: body.base_url });
  return serializeIntegration(providerOf(params.provider), row);
});

export const DELETE = defineRoute(deleteIntegrationContract, async ({ actor, params }) => {
  const row = await disconnectIntegration(actor, { provider: params.provider });
  return serializeIntegration(providerOf(params.provider), row);
});
