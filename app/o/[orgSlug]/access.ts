import { requireMembership, type MembershipContext } from "@/lib/auth/session";
import { actionClientIp } from "@/lib/http/action-ip";
import { scopesForRole } from "@/lib/http/session-caller";
import type { RequiredScope } from "@/lib/api/scopes";
import { hasScope } from "@/lib/services/api-keys/scopes";
import type { Actor } from "@/lib/services/audit/record-audit-event";
import type { MemberRole } from "@/generated/prisma/enums";
import { hasRole } from "@/lib/services/organizations/roles";

// The dashboard's one authorization rule, for every page that shows or hides a control and every server
// action or route that changes something. The dashboard does what the API does for the same member: a scope
// is judged from the member's role exactly as for a session caller of the API (scopesForRole in
// lib/http/session-caller.ts). What the API has no scope for (the organization's own settings, branding, its
// mail, its export) names the least role instead.

/** What a page or action needs: an API scope, or at least a role. */
export type DashboardNeed = RequiredScope | { role: MemberRole };

/** Whether a member with `role` may do `need`. */
export function roleAllows(role: MemberRole, need: DashboardNeed): boolean {
  return typeof need === "string" ? hasScope(scopesForRole(role), need) : hasRole(role, need.role);
}

const VIEWER_DENIED = "Viewers can look but not change anything. Ask an admin for the member role.";
const ROLE_DENIED = "Your role in this organization does not allow this change.";

export type DashboardAuthorization =
  | { ok: true; actor: Actor; ctx: MembershipContext; can: (need: DashboardNeed) => boolean }
  | { ok: false; code: "forbidden"; error: string };

/**
 * For server actions and dashboard routes: an active membership of the organization (else the sign-in page or
 * a 404, from requireMembership), then `need`. Resolves the organization from the slug on every call — a
 * server action is a public endpoint and trusts nothing from the page. Returns the services' Actor, or a
 * `forbidden` failure with a message for the person (`denied`, or one fitting the role).
 */
export async function authorizeDashboard(orgSlug: string, need: DashboardNeed, opts: { denied?: string } = {}): Promise<DashboardAuthorization> {
  const ctx = await requireMembership(orgSlug);
  const role = ctx.membership.role;
  if (!roleAllows(role, need)) {
    return { ok: false, code: "forbidden", error: opts.denied ?? (role === "viewer" && typeof need === "string" && need.endsWith(":write") ? VIEWER_DENIED : ROLE_DENIED) };
  }
  const actor: Actor = { orgId: ctx.organization.id, userId: ctx.user.id, apiKeyId: null, requestId: null, ip: await actionClientIp() };
  return { ok: true, ctx, actor, can: (n) => roleAllows(role, n) };
}
