import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/lib/db";
import { createTestDatabase } from "@/test/support/db";
import { createUserWithOrg } from "@/lib/services/users/create-user-with-org";
import type { Actor } from "../audit/record-audit-event";
import { findActiveMembership } from "../organizations/find-membership";
import { acceptInvitation } from "../invitations/accept-invitation";
import { latestMailTo, tokenFromLink } from "@/test/support/mail";
import { changeMemberRole } from "./change-member-role";
import { inviteMember } from "./invite-member";
import { removeMember } from "./remove-member";

describe("members: invitations, roles, removal", () => {
  let db: Database;
  let owner: Awaited<ReturnType<typeof createUserWithOrg>>;
  let asOwner: Actor;
  const actorOf = (userId: string): Actor => ({ orgId: owner.organization.id, userId, apiKeyId: null, requestId: null });

  beforeAll(async () => {
    db = await createTestDatabase();
    owner = await createUserWithOrg({ email: "owner@example.com", password: "password-o", orgName: "Owner Co" }, db.prisma);
    asOwner = actorOf(owner.user.id);
  });
  afterAll(async () => db?.close());

  // The invitee signs up, then accepts with the link from the invitation e-mail.
  async function signUpInvitee(email: string) {
    const u = await createUserWithOrg({ email, password: "password-x", orgName: `${email} org` }, db.prisma);
    const mail = await latestMailTo(db.prisma, email, "invitation");
    await acceptInvitation({ token: tokenFromLink(mail.text, "invite"), userId: u.user.id }, db.prisma);
    return u;
  }

  it("an invitation is a pending membership that becomes active when the invitee accepts its link", async () => {
    const invite = await inviteMember(asOwner, { email: "  New.Person@Example.com ", role: "member" }, db.prisma);
    expect(invite).toMatchObject({ status: "pending", invitedEmail: "new.person@example.com", userId: null, role: "member" });
    await expect(inviteMember(asOwner, { email: "new.person@example.com", role: "viewer" }, db.prisma)).rejects.toMatchObject({ code: "conflict" });

    const u = await signUpInvitee("new.person@example.com");
    const m = await findActiveMembership({ userId: u.user.id, org: { id: owner.organization.id } }, db.prisma);
    expect(m?.membership.role).toBe("member");
    // The link works once; inviting an active member is a conflict.
    const mail = await latestMailTo(db.prisma, "new.person@example.com", "invitation");
    await expect(acceptInvitation({ token: tokenFromLink(mail.text, "invite"), userId: u.user.id }, db.prisma)).rejects.toMatchObject({ code: "not_found" });
    await expect(inviteMember(asOwner, { email: "new.person@example.com", role: "viewer" }, db.prisma)).rejects.toMatchObject({ code: "conflict" });
    const audit = await db.prisma.auditEvent.findFirst({ where: { action: "member.invite", targetId: invite.id } });
    expect(audit?.metadata).toEqual({ email: "new.person@example.com", role: "member" });
  });

  it("members and viewers cannot manage; admins cannot touch owners; invalid emails are refused", async () => {
    const viewerInvite = await inviteMember(asOwner, { email: "viewer@example.com", role: "viewer" }, db.prisma);
    const viewer = await signUpInvitee("viewer@example.com");
    const adminInvite = await inviteMember(asOwner, { email: "admin@example.com", role: "admin" }, db.prisma);
    const admin = await signUpInvitee("admin@example.com");
    const ownerMembership = owner.membership.id;

    await expect(inviteMember(actorOf(viewer.user.id), { email: "x@example.com", role: "viewer" }, db.prisma)).rejects.toMatchObject({ code: "forbidden" });
    await expect(changeMemberRole(actorOf(viewer.user.id), { membershipId: adminInvite.id, role: "viewer" }, db.prisma)).rejects.toMatchObject({ code: "forbidden" });
    await expect(inviteMember(asOwner, { email: "not-an-email", role: "viewer" }, db.prisma)).rejects.toMatchObject({ code: "invalid_params" });

    const asAdmin = actorOf(admin.user.id);
    await expect(changeMemberRole(asAdmin, { membershipId: ownerMembership, role: "member" }, db.prisma)).rejects.toMatchObject({ code: "forbidden" });
    await expect(changeMemberRole(asAdmin, { membershipId: viewerInvite.id, role: "owner" }, db.prisma)).rejects.toMatchObject({ code: "forbidden" });
    await expect(removeMember(asAdmin, { membershipId: ownerMembership }, db.prisma)).rejects.toMatchObject({ code: "forbidden" });
    await expect(inviteMember(asAdmin, { email: "boss@example.com", role: "owner" }, db.prisma)).rejects.toMatchObject({ code: "forbidden" });

    // An admin manages members and viewers.
    expect((await changeMemberRole(asAdmin, { membershipId: viewerInvite.id, role: "member" }, db.prisma)).role).toBe("member");
    await removeMember(asAdmin, { membershipId: viewerInvite.id }, db.prisma);
    expect(await findActiveMembership({ userId: viewer.user.id, org: { id: owner.organization.id } }, db.prisma)).toBeNull();
  });

  it("the last owner can be neither demoted nor removed; with a second owner both work", async () => {
    const duo = await createUserWithOrg({ email: "duo@example.com", password: "password-d", orgName: "Duo" }, db.prisma);
    const asDuo: Actor = { orgId: duo.organization.id, userId: duo.user.id, apiKeyId: null, requestId: null };
    await expect(changeMemberRole(asDuo, { membershipId: duo.membership.id, role: "admin" }, db.prisma)).rejects.toMatchObject({ code: "conflict" });
    await expect(removeMember(asDuo, { membershipId: duo.membership.id }, db.prisma)).rejects.toMatchObject({ code: "conflict" });

    const second = await inviteMember(asDuo, { email: "second.owner@example.com", role: "owner" }, db.prisma);
    // A pending owner is no owner yet: still the last one.
    await expect(changeMemberRole(asDuo, { membershipId: duo.membership.id, role: "admin" }, db.prisma)).rejects.toMatchObject({ code: "conflict" });
    const u = await signUpInvitee("second.owner@example.com");
    expect((await changeMemberRole(asDuo, { membershipId: duo.membership.id, role: "admin" }, db.prisma)).role).toBe("admin");
    // The new owner, now the only one, is protected in turn.
    const asSecond: Actor = { ...asDuo, userId: u.user.id };
    await expect(removeMember(asSecond, { membershipId: second.id }, db.prisma)).rejects.toMatchObject({ code: "conflict" });
  });

  it("withdraws a pending invitation and refuses another organization's membership", async () => {
    const solo = await createUserWithOrg({ email: "solo@example.com", password: "password-s", orgName: "Solo" }, db.prisma);
    const other = await createUserWithOrg({ email: "other@example.com", password: "password-z", orgName: "Other" }, db.prisma);
    const asSolo: Actor = { orgId: solo.organization.id, userId: solo.user.id, apiKeyId: null, requestId: null };
    const invite = await inviteMember(asSolo, { email: "maybe@example.com", role: "viewer" }, db.prisma);
    await expect(removeMember(asSolo, { membershipId: other.membership.id }, db.prisma)).rejects.toMatchObject({ code: "not_found" });
    await removeMember(asSolo, { membershipId: invite.id }, db.prisma);
    expect(await db.prisma.membership.findUnique({ where: { id: invite.id } })).toBeNull();
    expect(await db.prisma.auditEvent.count({ where: { action: "member.invite_withdraw", targetId: invite.id } })).toBe(1);
  });
});
