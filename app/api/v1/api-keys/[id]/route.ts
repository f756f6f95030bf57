import { defineRoute } from "@/lib/http/define-route";
import { revokeApiKeyContract } from "@/lib/api/contract/api-keys";
import { serializeApiKey } from "@/lib/api/serializers/api-key";
import { revokeApiKey } from "@/lib/services/api-keys/revoke-api-key";

export const DELETE = defineRoute(revokeApiKeyContract, async ({ actor, caller, params }) =>
  serializeApiKey(await revokeApiKey(actor, { keyId: params.id, callerScopes: caller.scopes })),
);
