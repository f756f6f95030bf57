import { defineRoute } from "@/lib/http/define-route";
import { testIntegrationContract } from "@/lib/api/contract/integrations";
import { testIntegration } from "@/lib/services/integrations/test-integration";

export const POST = defineRoute(testIntegrationContract, async ({ actor, params }) => testIntegration(actor, { provider: params.provider }));
