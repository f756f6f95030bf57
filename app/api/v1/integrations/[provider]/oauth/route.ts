import { defineRoute } from "@/lib/http/define-route";
import { startIntegrationOAuthContract } from "@/lib/api/contract/integrations";
import { startIntegrationOAuth } from "@/lib/services/integrations/start-integration-oauth";

export const POST = defineRoute(startIntegrationOAuthContract, async ({ actor, params, body }) => {
  const r = await startIntegrationOAuth(actor, { provider: params.provider, baseUrl: body?.base_url, returnTo: body?.return_to });
  return { authorize_url: r.authorizeUrl };
});
