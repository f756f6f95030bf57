import { getSessionUser, resolveMembership } from "@/lib/auth/session";
import { listUserOrganizations } from "@/lib/services/organizations/list-user-organizations";
import type { MemberRole } from "@/generated/prisma/enums";
import { API_SCOPES } from "@/lib/api/scopes";
import { ForbiddenError, InvalidParamsError, NotFoundError } from "./errors";
import type { Caller } from "./caller";

// Dashboard sessions calling /api/v1. A user may belong to several organizations, so a session call names
// the one it acts in with the `X-Plumb-Org` header (organization id or slug). Without the header the
// user's only organization is used; a user with several gets 422 asking for the header (guessing one
// could write into the wrong organization). Naming an organization the user is not an active member of
// answers 404, as for any other organization's resource.
export const ORG_HEADER = "x-plumb-org";
const ORG_HEADER_DISPLAY = "X-Plumb-Org";

const READ_SCOPES = API_SCOPES.filter((s) => s.endsWith(":read"));

/** Owners and admins may do everything; members everything but managing API keys; viewers only read. */
export function scopesForRole(role: MemberRole): string[] {
  switch (role) {
    case "owner":
    case "admin":
      return ["*"];
    case "member":
      return API_SCOPES.filter((s) => s !== "all" && s !== "keys:write");
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

export async function resolveSessionCaller(req: Request): Promise<Caller | null> {
  const user = await getSessionUser();
  if (!user) return null;
  assertSameOrigin(req);
  const wanted = req.headers.get(ORG_HEADER)?.trim();
  if (!wanted) {
    const orgs = await listUserOrganizations(user.id);
    if (orgs.length === 0) throw new ForbiddenError("You are not a member of any organization.");
    if (orgs.length > 1) {
      throw new InvalidParamsError(`You belong to several organizations: name one with the ${ORG_HEADER_DISPLAY} header (id or slug).`, [
        { path: ["headers", ORG_HEADER_DISPLAY], message: "Required when the user has several organizations", code: "custom" },
      ]);
    }
    return { kind: "session", orgId: orgs[0].id, userId: user.id, apiKeyId: null, scopes: scopesForRole(orgs[0].role) };
  }
  // Ids (cuid) and slugs live in different shapes but the same header: try the id, then the slug.
  let found = await resolveMembership({ id: wanted });
  if (found.status !== "ok") found = await resolveMembership({ slug: wanted });
  if (found.status === "unauthenticated") return null;
  if (found.status !== "ok") throw new NotFoundError("Organization");
  return { kind: "session", orgId: found.organization.id, userId: user.id, apiKeyId: null, scopes: scopesForRole(found.membership.role) };
}
