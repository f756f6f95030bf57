import type { Prisma } from "@/lib/db";
import { randomToken } from "@/lib/crypto/random-token";
import { createUserWithOrg } from "@/lib/services/users/create-user-with-org";
import { isServiceError } from "@/lib/services/errors";
import { seedSampleDomain } from "./sample-site";

export const DEMO_EMAIL = "demo@plumb.local";
export const DEMO_ORG_NAME = "Demo";

export type DemoSeedResult =
  /** Created now: the password exists only in this value (it is hashed in the database). */
  | { created: true; email: string; password: string; orgSlug: string; orgId: string; userId: string; sampleDomainId?: string }
  | { created: false; reason: "database-not-empty" };

/**
 * On a first start (no user at all) creates the demo organization and its owner with a random password, so
 * a newcomer can sign in at once. Never runs again once anybody exists, so it cannot resurrect a demo account
 * an operator deleted, nor add one next to real users. With `sampleOrigin` (the bundled sample site this
 * process serves) the organization also gets that site as a verified domain.
 */
export async function seedDemo(prisma: Prisma, opts: { sampleOrigin?: string } = {}): Promise<DemoSeedResult> {
  if ((await prisma.user.count()) > 0) return { created: false, reason: "database-not-empty" };
  const password = randomToken(12, "base64url");
  try {
    const { organization, user } = await createUserWithOrg({ email: DEMO_EMAIL, password, orgName: DEMO_ORG_NAME, name: "Demo user" }, prisma);
    const sample = opts.sampleOrigin ? await seedSampleDomain({ orgId: organization.id, origin: opts.sampleOrigin }, prisma) : undefined;
    return { created: true, email: DEMO_EMAIL, password, orgSlug: organization.slug, orgId: organization.id, userId: user.id, sampleDomainId: sample?.domainId };
  } catch (err) {
    // Another instance seeded at the same moment (PostgreSQL with several servers).
    if (isServiceError(err) && err.code === "conflict") return { created: false, reason: "database-not-empty" };
    throw err;
  }
}
