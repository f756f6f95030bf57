import { getSessionUser, resolveMembership } from "@/lib/auth/session";
import { listUserOrganizations } from "@/lib/services/organizations/list-user-organizations";
import type { MemberRole } from "@/generated/prisma/enums";
import { API_SCOPES } from "@/lib/api/scopes";
import { ForbiddenError, InvalidParamsError, NotFoundError, TwoFactorRequiredError } from "./errors";
import type { Caller } from "./caller";

// Dashboard sessions calling /api/v1. A user may belong to several organizations, so a session call names
// the one it acts in with the `X-Plumb-Org` header (organization id or slug). Without the header the
// user's only organization is used; a user with several gets 422 asking for the header (guessing one
// could write into the wrong organization). Naming an organization the user is not an active member of
// answers 404, as for any other organization's resource.
export const ORG_HEADER = "x-plumb-org";
const ORG_HEADER_DISPLAY = "X-Plumb-Org";

// The audit log is oversight of the organization itself: who changed what, from which client address (personal
// data of every member), including key and member changes only owners and admins can make. Reading it is theirs.
const OWNER_ADMIN_ONLY = new Set<string>(["all", "keys:write", "members:write", "audit:read"]);
const READ_SCOPES = API_SCOPES.filter((s) => s.endsWith(":read") && !OWNER_ADMIN_ONLY.has(s));

/**
 * Owners and admins may do everything; members everything but managing API keys and members and reading the
 * audit log; viewers read everything but the audit log.
 */
export function scopesForRole(role: MemberRole): string[] {
  switch (role) {
    case "owner":
    case "admin":
      return ["*"];
    case "member":
      // Managing members and invitations stays with owners and admins (the services check the role too).
      return API_SCOPES.filter((s) => !OWNER_ADMIN_ONLY.has(s));
    case "viewer":
      return [...READ_SCOPES];
  }
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Cookies ride along on cross-site requests a browser makes; a state-changing request authenticated by
 * the session cookie must come from our own origin (SameSite=Lax already stops most of these).
 */
function assertSameOrigin(req: Request): void {
  if (SAFE_METHODS.has(req.method)) return;
  const origin = req.headers.get("origin");
  if (!origin) return;
  const host = req.headers.get("x-forwarded-host") ?? req.headers.get("host");
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    throw new ForbiddenError("Cross-origin request refused.");
  }
  if (!host || originHost !== host) throw new ForbiddenError("Cross-origin request refused.");
}

/**
 * The dashboard session behind an API call, or null. getSessionUser accepts the cookie only while its Session
 * row exists (lib/auth/session.ts), so a cookie copied before signing out gets 401 here.
 */
export async function resolveSessionCaller(req: Request): Promise<Caller | null> {
  const user = await getSessionUser();
  if (!user) return null;
  assertSameOrigin(req);
  const wanted = req.headers.get(ORG_HEADER)?.trim();
  if (!wanted) {
    const orgs = await listUserOrganizations(user.id);
    if (orgs.length === 0) throw new ForbiddenError("You are not a member of any organization.");
    if (orgs.length === 1) {
      // Same checks as a named organization (two-factor requirement included).
      const only = await resolveMembership({ id: orgs[0].id });
      if (only.status === "unauthenticated") return null;
      if (only.status === "two_factor_required") throw new TwoFactorRequiredError();
      if (only.status !== "ok") throw new NotFoundError("Organization");
      return { kind: "session", orgId: only.organization.id, userId: user.id, apiKeyId: null, scopes: scopesForRole(only.membership.role) };
    }
    throw new InvalidParamsError(`You belong to several organizations: name one with the ${ORG_HEADER_DISPLAY} header (id or slug).`, [
      { path: ["headers", ORG_HEADER_DISPLAY], message: "Required when the user has several organizations", code: "custom" },
    ]);
  }
  // Ids (cuid) and slugs live in different shapes but the same header: try the id, then the slug.
  let found = await resolveMembership({ id: wanted });
  if (found.status === "not_found") found = await resolveMembership({ slug: wanted });
  if (found.status === "unauthenticated") return null;
  if (found.status === "two_factor_required") throw new TwoFactorRequiredError();
  if (found.status !== "ok") throw new NotFoundError("Organization");
  return { kind: "session", orgId: found.organization.id, userId: user.id, apiKeyId: null, scopes: scopesForRole(found.membership.role) };
}
