import { z } from "zod";
import { defineContract } from "../define-contract";
import { apiScopeSchema } from "../scopes";
import { idParam, paginationQuery, timestamp } from "../schemas/common";

export const apiKeySchema = z
  .object({
    id: z.string(),
    name: z.string(),
    prefix: z.string().meta({ description: "The key's first characters, to recognise it in lists." }),
    scopes: z.array(apiScopeSchema),
    created_at: timestamp,
    expires_at: timestamp.nullable(),
    last_used_at: timestamp.nullable().meta({ description: "Updated at most once a minute." }),
    revoked_at: timestamp.nullable(),
  })
  .meta({ id: "ApiKey" });

export const createdApiKeySchema = apiKeySchema
  .extend({ key: z.string().meta({ description: "The raw key, `plumb_…`. Shown only in this response: store it now." }) })
  .meta({ id: "CreatedApiKey" });

export const createApiKeyBody = z.object({
  name: z.string().trim().min(1).max(100),
  scopes: z.array(apiScopeSchema).min(1).max(20).meta({ description: "`all` grants every scope. You can only grant scopes you hold." }),
  expires_at: z.iso.datetime({ offset: true }).optional().meta({ description: "Optional expiry (ISO-8601, in the future)." }),
});

export const createApiKeyContract = defineContract({
  id: "api-keys.create",
  method: "POST",
  path: "/api/v1/api-keys",
  summary: "Create an API key",
  description: "Returns the raw key once. Only its SHA-256 hash is stored.",
  tags: ["api-keys"],
  auth: "key-or-session",
  scope: "keys:write",
  body: createApiKeyBody,
  response: { kind: "json", schema: createdApiKeySchema },
  status: 201,
});

export const listApiKeysContract = defineContract({
  id: "api-keys.list",
  method: "GET",
  path: "/api/v1/api-keys",
  summary: "List API keys",
  description: "Newest first, revoked keys included (with `revoked_at`).",
  tags: ["api-keys"],
  auth: "key-or-session",
  scope: "keys:write",
  query: paginationQuery,
  response: { kind: "list", item: apiKeySchema },
});

export const revokeApiKeyContract = defineContract({
  id: "api-keys.revoke",
  method: "DELETE",
  path: "/api/v1/api-keys/{id}",
  summary: "Revoke an API key",
  description:
    "The key stops working at once. Revoking a revoked key changes nothing. A caller may only revoke keys " +
    "whose scopes it holds itself (a `keys:write` key cannot revoke an `all` key): otherwise 403 `forbidden`.",
  tags: ["api-keys"],
  auth: "key-or-session",
  scope: "keys:write",
  params: idParam,
  response: { kind: "json", schema: apiKeySchema },
});
