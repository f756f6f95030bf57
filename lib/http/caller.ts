import type { Prisma } from "@/lib/db";
import { hashApiKey, API_KEY_PREFIX } from "@/lib/services/api-keys/generate-api-key";
import { hasScope } from "@/lib/services/api-keys/scopes";
import type { RequiredScope } from "@/lib/api/scopes";
import { ForbiddenError, UnauthorizedError } from "./errors";
import { resolveSessionCaller } from "./session-caller";

// Who is calling, resolved once per request: an API key (bound to one organization, with scopes) or a
// dashboard session (a user acting within one of their organizations, see session-caller.ts).

export interface Caller {
  kind: "api_key" | "session";
  orgId: string;
  userId: string | null;
  apiKeyId: string | null;
  /** Stored form: "*" grants everything. */
  scopes: string[];
}

// last_used_at is informational; writing it on every request would turn every read into a write.
const TOUCH_INTERVAL_MS = 60_000;

async function resolveApiKey(db: Prisma, raw: string): Promise<Caller> {
  if (!raw.startsWith(API_KEY_PREFIX)) throw new UnauthorizedError("Invalid API key.");
  const key = await db.apiKey.findUnique({ where: { hash: hashApiKey(raw) } });
  if (!key) throw new UnauthorizedError("Invalid API key.");
  if (key.revokedAt) throw new UnauthorizedError("This API key has been revoked.");
  const now = new Date();
  if (key.expiresAt && key.expiresAt <= now) throw new UnauthorizedError("This API key has expired.");
  if (!key.lastUsedAt || now.getTime() - key.lastUsedAt.getTime() > TOUCH_INTERVAL_MS) {
    // Conditional so concurrent requests of one key write once per interval.
    await db.apiKey.updateMany({
      where: { id: key.id, OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: new Date(now.getTime() - TOUCH_INTERVAL_MS) } }] },
      data: { lastUsedAt: now },
    });
  }
  // The key, not its creator, is the actor: the creator may have left the organization since.
  return { kind: "api_key", orgId: key.organizationId, userId: null, apiKeyId: key.id, scopes: key.scopes };
}

/** Resolves the caller or throws 401; then 403 when it lacks `scope`. */
export async function resolveCaller(db: Prisma, req: Request, scope: RequiredScope | undefined): Promise<Caller> {
  const authorization = req.headers.get("authorization");
  let caller: Caller;
  if (authorization) {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
    if (!match) throw new UnauthorizedError("Malformed Authorization header: expected Bearer plumb_….");
    caller = await resolveApiKey(db, match[1]);
  } else {
    const session = await resolveSessionCaller(req);
    if (!session) throw new UnauthorizedError();
    caller = session;
  }
  if (scope && !hasScope(caller.scopes, scope)) {
    throw new ForbiddenError(
      caller.kind === "api_key" ? `This API key lacks the ${scope} scope.` : `Your role in this organization does not allow ${scope}.`,
    );
  }
  return caller;
}
