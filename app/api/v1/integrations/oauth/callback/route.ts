import { defineRoute } from "@/lib/http/define-route";
import { integrationOAuthCallbackContract } from "@/lib/api/contract/integrations";
import { appUrl } from "@/lib/services/mail/app-url";
import { completeIntegrationOAuth } from "@/lib/services/integrations/complete-integration-oauth";


export const GET = defineRoute(integrationOAuthCallbackContract, async ({ query }) => {
  const outcome = await completeIntegrationOAuth(query);
  const target = outcome.returnTo ?? (outcome.orgSlug ? `/o/${outcome.orgSlug}/settings/integrations` : "/");
  const url = new URL(appUrl(target));
  url.searchParams.set(outcome.ok ? "connected" : "oauth_error", outcome.ok ? (outcome.provider ?? "") : outcome.message);
  return new Response(null, { status: 303, headers: { location: url.toString(), "cache-control": "no-store" } });
});
