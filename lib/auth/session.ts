import { cache } from "react";
import { getServerSession } from "next-auth";
import { notFound, redirect } from "next/navigation";
import { connection } from "next/server";
import { getPrisma } from "@/lib/db";
import { findActiveMembership } from "@/lib/services/organizations/find-membership";
import type { OrgRef } from "@/lib/services/organizations/org-ref";
import { authOptions } from "./options";

export interface SessionUser {
  id: string;
  email: string;
  name: string | null;
}

/**
 * The signed-in user, or null. The JWT only proves who signed in; the user is read fresh from the database
 * so a deleted account stops working at once. Memoised per request (React cache).
 */
export const getSessionUser = cache(async (): Promise<SessionUser | null> => {
  // Request-time only: during `next build` this stops prerendering before secrets or the database are touched.
  await connection();
  const session = await getServerSession(authOptions());
  const id = session?.user?.id;
  if (!id) return null;
  const prisma = await getPrisma();
  return prisma.user.findUnique({ where: { id }, select: { id: true, email: true, name: true } });
});

type Membership = NonNullable<Awaited<ReturnType<typeof findActiveMembership>>>;

export interface MembershipContext {
  user: SessionUser;
  organization: Membership["organization"];
  membership: Membership["membership"];
}

export type MembershipResolution =
  | ({ status: "ok" } & MembershipContext)
  | { status: "unauthenticated" }
  | { status: "not_found" };

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
  const found = await findActiveMembership(user.id, kind === "slug" ? { slug: value } : { id: value });
  if (!found) return { status: "not_found" };
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
  const { user, organization, membership } = result;
  return { user, organization, membership };
}

function signInPath(callbackPath?: string): string {
  return callbackPath ? `/sign-in?callbackUrl=${encodeURIComponent(callbackPath)}` : "/sign-in";
}
