import { defineRoute } from "@/lib/http/define-route";
import { connectIntegrationContract } from "@/lib/api/contract/integrations";
import { serializeIntegration } from "@/lib/api/serializers/integration";
import { openWebhookSecret } from "@/lib/integrations/credentials";
import { connectIntegration } from "@/lib/services/integrations/connect-integration";
import { providerOf } from "@/lib/services/integrations/integration-context";

export const POST = defineRoute(connectIntegrationContract, async ({ actor, params, body }) => {
  const row = await connectIntegration(actor, {
    provider: params.provider,
    credential: { type: "token", token: body.token, ...(body.email ? { email: body.email } : {}) },
    baseUrl: body.base_url,
    config: body.config,
  });
  const provider = providerOf(params.provider);
  return { ...serializeIntegration(provider, row), webhook_secret: provider.verifyWebhook ? openWebhookSecret(row) : null };
});
