import { defineRoute } from "@/lib/http/define-route";
import { listIntegrationsContract } from "@/lib/api/contract/integrations";
import { serializeIntegration } from "@/lib/api/serializers/integration";
import { listIntegrations } from "@/lib/services/integrations/list-integrations";

export const GET = defineRoute(listIntegrationsContract, async ({ actor }) => {
  const rows = await listIntegrations({ orgId: actor.orgId });
  return { items: rows.map((r) => serializeIntegration(r.provider, r.row, r.links)), nextCursor: null };
});
