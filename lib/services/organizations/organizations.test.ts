import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/lib/db";
import { createTestDatabase } from "@/test/support/db";
import { createUserWithOrg } from "@/lib/services/users/create-user-with-org";
import { findActiveMembership } from "./find-membership";
import { listUserOrganizations } from "./list-user-organizations";
import { listOrganizationMembers } from "./list-members";
import { getOrgOverview } from "./org-overview";
import { hasRole } from "./roles";
import { createOrganization } from "./create-organization";

describe("organization membership lookups", () => {
  let db: Database;
  let alice: Awaited<ReturnType<typeof createUserWithOrg>>;
  let bob: Awaited<ReturnType<typeof createUserWithOrg>>;

  beforeAll(async () => {
    db = await createTestDatabase();
    alice = await createUserWithOrg({ email: "alice@example.com", password: "password-a", orgName: "Zeta Labs" }, db.prisma);
    bob = await createUserWithOrg({ email: "bob@example.com", password: "password-b", orgName: "Alpha Works" }, db.prisma);
    // Bob also belongs to Alice's organization, as a viewer; Carol is invited there but has not joined.
    await db.prisma.membership.create({ data: { organizationId: alice.organization.id, userId: bob.user.id, role: "viewer" } });
    await db.prisma.membership.create({
      data: { organizationId: alice.organization.id, invitedEmail: "carol@example.com", role: "member", status: "pending" },
    });
  });
  afterAll(async () => db?.close());

  it("finds a member's membership by slug or by id", async () => {
    const bySlug = await findActiveMembership({ userId: alice.user.id, org: { slug: alice.organization.slug } }, db.prisma);
    expect(bySlug?.organization.id).toBe(alice.organization.id);
    expect(bySlug?.membership.role).toBe("owner");
    const byId = await findActiveMembership({ userId: bob.user.id, org: { id: alice.organization.id } }, db.prisma);
    expect(byId?.membership.role).toBe("viewer");
  });

  it("answers null for another organization and for one that does not exist", async () => {
    expect(await findActiveMembership({ userId: alice.user.id, org: { slug: bob.organization.slug } }, db.prisma)).toBeNull();
    expect(await findActiveMembership({ userId: alice.user.id, org: { slug: "no-such-org" } }, db.prisma)).toBeNull();
    expect(await findActiveMembership({ userId: alice.user.id, org: { id: bob.organization.id } }, db.prisma)).toBeNull();
  });

  it("grants nothing to a pending membership", async () => {
    const dave = await createUserWithOrg({ email: "dave@example.com", password: "password-d", orgName: "Dave Co" }, db.prisma);
    await db.prisma.membership.create({
      data: { organizationId: bob.organization.id, userId: dave.user.id, role: "member", status: "pending" },
    });
    expect(await findActiveMembership({ userId: dave.user.id, org: { slug: bob.organization.slug } }, db.prisma)).toBeNull();
    expect((await listUserOrganizations(dave.user.id, db.prisma)).map((o) => o.slug)).toEqual([dave.organization.slug]);
  });

  it("lists a user's organizations alphabetically with their role (the switcher)", async () => {
    expect(await listUserOrganizations(bob.user.id, db.prisma)).toEqual([
      { id: bob.organization.id, name: "Alpha Works", slug: bob.organization.slug, role: "owner" },
      { id: alice.organization.id, name: "Zeta Labs", slug: alice.organization.slug, role: "viewer" },
    ]);
  });

  it("lists members owners first, with pending invitations by their invited email", async () => {
    const members = await listOrganizationMembers(alice.organization.id, db.prisma);
    expect(members.map((m) => [m.email, m.role, m.status])).toEqual([
      ["alice@example.com", "owner", "active"],
      ["carol@example.com", "member", "pending"],
      ["bob@example.com", "viewer", "active"],
    ]);
  });

  it("counts only the organization's own rows in the overview", async () => {
    await db.prisma.domain.create({ data: { organizationId: bob.organization.id, host: "alpha.example", verifyToken: "t1" } });
    await db.prisma.domain.create({
      data: { organizationId: bob.organization.id, host: "beta.example", verifyToken: "t2", verifiedAt: new Date() },
    });
    expect(await getOrgOverview(bob.organization.id, db.prisma)).toEqual({
      domains: 2,
      verifiedDomains: 1,
      scans: 0,
      openFindings: 0,
      reports: 0,
    });
    expect((await getOrgOverview(alice.organization.id, db.prisma)).domains).toBe(0);
  });

  it("orders roles owner > admin > member > viewer", () => {
    expect(hasRole("owner", "admin")).toBe(true);
    expect(hasRole("admin", "admin")).toBe(true);
    expect(hasRole("member", "admin")).toBe(false);
    expect(hasRole("viewer", "member")).toBe(false);
  });
});

describe("createOrganization", () => {
  let db: Database;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => db?.close());

  it("adds an organization owned by the user, with the next free slug, to their switcher", async () => {
    const erin = await createUserWithOrg({ email: "erin@example.com", password: "password-e", orgName: "Acme" }, db.prisma);
    const { organization, membership } = await createOrganization({ userId: erin.user.id, name: "  Acme  " }, db.prisma);
    expect(organization).toMatchObject({ name: "Acme", slug: "acme-2" });
    expect(membership).toMatchObject({ userId: erin.user.id, role: "owner", status: "active" });
    expect((await listUserOrganizations(erin.user.id, db.prisma)).map((o) => o.slug)).toEqual(["acme", "acme-2"]);
  });

  it("refuses an empty name", async () => {
    const fay = await createUserWithOrg({ email: "fay@example.com", password: "password-f", orgName: "Fay" }, db.prisma);
    await expect(createOrganization({ userId: fay.user.id, name: "   " }, db.prisma)).rejects.toMatchObject({ code: "invalid_params" });
  });
});
