import type { z } from "zod";
import type { apiKeySchema } from "@/lib/api/contract/api-keys";
import { scopesToApi } from "@/lib/api/scopes";

interface ApiKeyRow {
  id: string;
  name: string;
  prefix: string;
  scopes: string[];
  createdAt: Date;
  expiresAt: Date | null;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

export function serializeApiKey(k: ApiKeyRow): z.input<typeof apiKeySchema> {
  return {
    id: k.id,
    name: k.name,
    prefix: k.prefix,
    scopes: scopesToApi(k.scopes) as z.input<typeof apiKeySchema>["scopes"],
    created_at: k.createdAt.toISOString(),
    expires_at: k.expiresAt?.toISOString() ?? null,
    last_used_at: k.lastUsedAt?.toISOString() ?? null,
    revoked_at: k.revokedAt?.toISOString() ?? null,
  };
}
