import { requireMembership } from "@/lib/auth/session";
import type { Actor } from "@/lib/services/audit/record-audit-event";
import { isServiceError } from "@/lib/services/errors";
import { hasRole } from "@/lib/services/organizations/roles";

export interface ActionFailure {
  ok: false;
  code: string;
  message: string;
  details?: Record<string, unknown>;
}

/**
 * The actor for a dashboard write: the same rule as the API (scopesForRole) — viewers only read. Resolves
 * the organization from the slug on every call; a server action is a public endpoint and trusts nothing.
 */
export async function requireWriter(orgSlug: string): Promise<{ actor: Actor; failure?: undefined } | { failure: ActionFailure }> {
  const { user, organization, membership } = await requireMembership(orgSlug);
  if (!hasRole(membership.role, "member")) {
    return { failure: { ok: false, code: "forbidden", message: "Viewers can look but not change anything. Ask an admin for the member role." } };
  }
  return { actor: { orgId: organization.id, userId: user.id, apiKeyId: null, requestId: null } };
}

/** A service's business-rule failure as a message for the form; anything else is a bug and is rethrown. */
export function failure(err: unknown): ActionFailure {
  if (isServiceError(err)) return { ok: false, code: err.code, message: err.message, details: err.details };
  throw err;
}
