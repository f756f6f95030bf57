import { getPrisma } from "@/lib/db";
import { recordAuditEvent, type Actor } from "../audit/record-audit-event";
import { ServiceError } from "../errors";
import { createApiKey } from "./create-api-key";
import { ALL_SCOPES, parseScopes, scopesBeyond } from "./scopes";

export interface IssueApiKeyInput {
  name: string;
  /** API form: "all" or "<resource>:read|write". */
  scopes: string[];
  expiresAt?: Date;
}

/**
 * A new key for the actor's organization. A key can never grant more than its grantor holds (`grantorScopes`,
 * stored form): otherwise a `keys:write` key could mint itself an `all` key.
 */
export async function issueApiKey(actor: Actor, grantorScopes: readonly string[], input: IssueApiKeyInput) {
  let scopes: string[];
  try {
    scopes = parseScopes(input.scopes);
  } catch (err) {
    throw new ServiceError("invalid_params", (err as Error).message);
  }
  const beyond = scopesBeyond(grantorScopes, scopes);
  if (beyond.length) {
    throw new ServiceError("forbidden", `You cannot grant scopes you do not hold: ${beyond.map((s) => (s === ALL_SCOPES ? "all" : s)).join(", ")}.`);
  }
  if (input.expiresAt && input.expiresAt.getTime() <= Date.now()) {
    throw new ServiceError("invalid_params", "expires_at must be in the future.", {
      issues: [{ code: "custom", path: ["expires_at"], message: "Must be in the future", input: undefined }],
    });
  }
  const db = await getPrisma();
  const created = await createApiKey(
    { orgId: actor.orgId, name: input.name, scopes, createdById: actor.userId ?? undefined, expiresAt: input.expiresAt },
    db,
  );
  // createApiKey runs on the client, not a transaction; the audit row follows it (never the raw key).
  await recordAuditEvent(db, actor, {
    action: "api_key.create",
    targetType: "api_key",
    targetId: created.apiKey.id,
    metadata: { name: created.apiKey.name, scopes: created.apiKey.scopes, prefix: created.apiKey.prefix },
  });
  return created;
}
