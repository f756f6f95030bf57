import { requireMembership, type MembershipContext } from "@/lib/auth/session";
import { scopesForRole } from "@/lib/http/session-caller";
import { hasScope } from "@/lib/services/api-keys/scopes";
import type { RequiredScope } from "@/lib/api/scopes";
import type { Actor } from "@/lib/services/audit/record-audit-event";
import { isServiceError } from "@/lib/services/errors";
import type { ActionResult } from "@/components/findings/action-result";

/**
 * The dashboard's version of the API's authorization: an active membership (else redirect / not found),
 * then the scope the same call needs over the API, judged from the member's role exactly as a session
 * caller's would be. Returns the services' Actor.
 */
export async function dashboardActor(
  orgSlug: string,
  scope: RequiredScope,
): Promise<{ ok: true; actor: Actor; ctx: MembershipContext } | { ok: false; error: string }> {
  const ctx = await requireMembership(orgSlug);
  if (!hasScope(scopesForRole(ctx.membership.role), scope)) {
    return { ok: false, error: "Your role in this organization does not allow this change." };
  }
  return { ok: true, ctx, actor: { orgId: ctx.organization.id, userId: ctx.user.id, apiKeyId: null, requestId: null } };
}

/** Turns a business-rule failure into a message for the form; anything else is a bug and propagates. */
export function serviceFailure(err: unknown): ActionResult<never> {
  if (isServiceError(err)) return { ok: false, error: err.message };
  throw err;
}
