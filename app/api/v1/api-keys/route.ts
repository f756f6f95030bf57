import { defineRoute } from "@/lib/http/define-route";
import { createApiKeyContract, listApiKeysContract } from "@/lib/api/contract/api-keys";
import { serializeApiKey } from "@/lib/api/serializers/api-key";
import { issueApiKey } from "@/lib/services/api-keys/issue-api-key";
import { listApiKeys } from "@/lib/services/api-keys/list-api-keys";

export const GET = defineRoute(listApiKeysContract, async ({ actor, query }) => {
  const page = await listApiKeys({ orgId: actor.orgId, limit: query.limit, cursor: query.cursor });
  return { items: page.items.map(serializeApiKey), nextCursor: page.nextCursor };
});

export const POST = defineRoute(createApiKeyContract, async ({ actor, caller, body }) => {
  const { apiKey, rawKey } = await issueApiKey(actor, caller.scopes, {
    name: body.name,
    scopes: body.scopes,
    expiresAt: body.expires_at ? new Date(body.expires_at) : undefined,
  });
  return { ...serializeApiKey(apiKey), key: rawKey };
});
