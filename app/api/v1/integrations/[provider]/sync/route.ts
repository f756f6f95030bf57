import { defineRoute } from "@/lib/http/define-route";
import { syncIntegrationContract } from "@/lib/api/contract/integrations";
import { requestIntegrationSync } from "@/lib/services/integrations/request-integration-sync";

export const POST = defineRoute(syncIntegrationContract, async ({ actor, params, body }) => {
  const r = await requestIntegrationSync(actor, { provider: params.provider, findingIds: body?.finding_ids });
  return { integration_id: r.integrationId, queued: r.queued, added: r.added };
});
