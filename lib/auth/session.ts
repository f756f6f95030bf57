import { cache } from "react";
import { getToken } from "next-auth/jwt";
import { cookies, headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { connection } from "next/server";
import { secrets } from "@/lib/env";
import { findActiveSession } from "@/lib/services/sessions/find-active-session";
import { findActiveMembership } from "@/lib/services/organizations/find-membership";
import type { OrgRef } from "@/lib/services/organizations/org-ref";
import { getTwoFactorStatus } from "@/lib/services/two-factor/get-two-factor-status";

export interface SessionUser {
  id: string;
  email: string;
  name: string | null;
}

export interface CurrentSession {
  user: SessionUser;
  /** The Session row's id (for marking "this device" and "sign out everywhere else"). */
  sessionId: string;
}

/**
 * The signed-in user and their session, or null. The JWT only proves which session row it was issued for: the
 * row must still exist and be unexpired (signing out, "sign out everywhere", revoking and a password reset
 * delete rows), and the user is read with it, so a deleted account stops working at once too. One indexed
 * lookup, memoised per request (React cache).
 */
export const getCurrentSession = cache(async (): Promise<CurrentSession | null> => {
  // Request-time only: during `next build` this stops prerendering before secrets or the database are touched.
  await connection();
  const [h, c] = await Promise.all([headers(), cookies()]);
  const req = {
    headers: Object.fromEntries(h.entries()),
    cookies: Object.fromEntries(c.getAll().map((k) => [k.name, k.value])),
  };
  // A malformed or foreign cookie is no session, not an error.
  const token = await getToken({ req: req as unknown as Parameters<typeof getToken>[0]["req"], secret: secrets().nextauthSecret }).catch(() => null);
  const sid = token?.sid;
  if (typeof sid !== "string" || !token?.sub) return null;
  const session = await findActiveSession({ sid });
  if (!session || session.userId !== token.sub) return null;
  return { user: session.user, sessionId: session.id };
});

/** The signed-in user, or null (see getCurrentSession). */
export const getSessionUser = cache(async (): Promise<SessionUser | null> => (await getCurrentSession())?.user ?? null);

/** Whether the user has a second factor (memoised per request: organizations requiring it ask on every page). */
export const userHasSecondFactor = cache(async (userId: string): Promise<boolean> => (await getTwoFactorStatus({ userId })).enabled);

type Membership = NonNullable<Awaited<ReturnType<typeof findActiveMembership>>>;

export interface MembershipContext {
  user: SessionUser;
  organization: Membership["organization"];
  membership: Membership["membership"];
}

export type MembershipResolution =
  | ({ status: "ok" } & MembershipContext)
  | { status: "unauthenticated" }
  | { status: "not_found" }
  /** The organization requires two-factor sign-in and the user has no second factor yet. */
  | { status: "two_factor_required"; organization: Membership["organization"] };

function toRef(org: string | OrgRef): OrgRef {
  return typeof org === "string" ? { slug: org } : org;
}

/**
 * The session user's membership of an organization, without side effects: for route handlers that answer
 * with their own status codes (the API's 401 / 404). A bare string is a slug.
 */
export async function resolveMembership(org: string | OrgRef): Promise<MembershipResolution> {
  const ref = toRef(org);
  return "slug" in ref ? resolveCached("slug", ref.slug) : resolveCached("id", ref.id);
}

// Keyed by primitives so that a layout and its page asking about the same organization share one lookup.
const resolveCached = cache(async (kind: "slug" | "id", value: string): Promise<MembershipResolution> => {
  const user = await getSessionUser();
  if (!user) return { status: "unauthenticated" };
  const found = await findActiveMembership({ userId: user.id, org: kind === "slug" ? { slug: value } : { id: value } });
  if (!found) return { status: "not_found" };
  if (found.organization.requireTwoFactor && !(await userHasSecondFactor(user.id))) {
    return { status: "two_factor_required", organization: found.organization };
  }
  return { status: "ok", user, ...found };
});

/** The signed-in user, or a redirect to the sign-in page (for pages and server actions). */
export async function requireUser(callbackPath?: string): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) redirect(signInPath(callbackPath));
  return user;
}

/**
 * Guards a dashboard page or server action: the signed-in user must be an active member of the organization
 * (a bare string is its slug). Not signed in -> redirect to /sign-in; not a member, or no such
 * organization -> notFound(), so another organization's slug looks exactly like a missing one.
 */
export async function requireMembership(org: string | OrgRef, opts: { callbackPath?: string } = {}): Promise<MembershipContext> {
  const ref = toRef(org);
  const result = await resolveMembership(ref);
  if (result.status === "unauthenticated") {
    redirect(signInPath(opts.callbackPath ?? ("slug" in ref ? `/o/${ref.slug}` : undefined)));
  }
  if (result.status === "not_found") notFound();
  if (result.status === "two_factor_required") redirect(`/account/security?required=${encodeURIComponent(result.organization.slug)}`);
  const { user, organization, membership } = result;
  return { user, organization, membership };
}

function signInPath(callbackPath?: string): string {
  return callbackPath ? `/sign-in?callbackUrl=${encodeURIComponent(callbackPath)}` : "/sign-in";
}
