// Accounts and e-mail against the real database and a real SMTP server on loopback: invitations, sign-up
// verification, password reset, the password policy, the sign-up limit and the owners' mail listing.
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ParsedMail } from "mailparser";
import type { Database } from "@/lib/db";
import { resetEnv } from "@/lib/env";
import { sha256Hex } from "@/lib/crypto";
import { verifyPassword } from "@/lib/auth/password";
import { createTestDatabase } from "@/test/support/db";
import { latestMailTo, recipient, startSmtpServer, tokenFromLink, type TestSmtpServer } from "@/test/support/mail";
import { createUserWithOrg } from "@/lib/services/users/create-user-with-org";
import { inviteMember } from "@/lib/services/members/invite-member";
import { acceptInvitation } from "@/lib/services/invitations/accept-invitation";
import { declineInvitation } from "@/lib/services/invitations/decline-invitation";
import { findInvitation } from "@/lib/services/invitations/find-invitation";
import { resendInvitation } from "@/lib/services/invitations/resend-invitation";
import { deliverMail, MailDeliveryError } from "@/lib/services/mail/deliver-mail";
import { listOrganizationMail } from "@/lib/services/mail/list-organization-mail";
import { listUnsentMail } from "@/lib/services/mail/list-unsent-mail";
import { queueMail } from "@/lib/services/mail/queue-mail";
import { signUp } from "@/lib/services/users/sign-up";
import { verifyEmail } from "@/lib/services/users/verify-email";
import { requestPasswordReset } from "@/lib/services/users/request-password-reset";
import { resetPassword } from "@/lib/services/users/reset-password";
import { isCommonPassword, passwordProblem } from "@/lib/services/users/password-policy";
import type { Actor } from "@/lib/services/audit/record-audit-event";

const HOUR = 60 * 60 * 1000;

describe("accounts and e-mail", () => {
  let db: Database;
  let smtp: TestSmtpServer;
  let owner: Awaited<ReturnType<typeof createUserWithOrg>>;
  let asOwner: Actor;
  let ipCounter = 0;
  const nextIp = () => `198.51.100.${++ipCounter}`;

  beforeAll(async () => {
    smtp = await startSmtpServer();
    process.env.SMTP_URL = smtp.url;
    process.env.PLUMB_MAIL_FROM = "Plumb Test <plumb@example.test>";
    process.env.NEXTAUTH_URL = "http://plumb.example.test";
    resetEnv();
    db = await createTestDatabase();
    owner = await createUserWithOrg({ email: "owner@example.test", password: "owner-password-1", orgName: "Mail Co" }, db.prisma);
    asOwner = { orgId: owner.organization.id, userId: owner.user.id, apiKeyId: null, requestId: null };
  });
  afterAll(async () => {
    delete process.env.SMTP_URL;
    resetEnv();
    await db?.close();
    await smtp?.close();
  });

  /** Delivers the newest mail to `to` through the real SMTP server and returns what the server received. */
  async function deliverLatest(to: string, template?: string): Promise<ParsedMail> {
    const queued = await latestMailTo(db.prisma, to, template);
    expect(await deliverMail({ mailId: queued.id }, db.prisma)).toEqual({ status: "sent" });
    return smtp.waitFor((m) => recipient(m) === to && m.subject === queued.subject && !smtp.messages.slice(0, -1).includes(m));
  }

  async function user(email: string, password = "a-long-password-1") {
    return createUserWithOrg({ email, password, orgName: `${email} org` }, db.prisma);
  }

  it("invitations are e-mailed over SMTP with a link whose token is stored only as a hash", async () => {
    const invite = await inviteMember(asOwner, { email: "Invitee@Example.test", role: "member" }, db.prisma);
    const mail = await deliverLatest("invitee@example.test", "invitation");
    expect(mail.from?.text).toContain("plumb@example.test");
    expect(mail.subject).toBe("Invitation to join Mail Co on Plumb");
    expect(mail.text).toContain("expires in 7 days");
    const token = tokenFromLink(mail.text ?? "", "invite");
    expect(mail.text).toContain(`http://plumb.example.test/invite/${token}`);
    expect(mail.html).toContain(`/invite/${token}`);
    const row = await db.prisma.membership.findUniqueOrThrow({ where: { id: invite.id } });
    expect(row.inviteTokenHash).toBe(sha256Hex(token));
    expect(JSON.stringify(row)).not.toContain(token);
    expect(row.inviteExpiresAt!.getTime() - Date.now()).toBeGreaterThan(7 * 24 * HOUR - 60_000);
    expect(row.inviteExpiresAt!.getTime() - Date.now()).toBeLessThanOrEqual(7 * 24 * HOUR);
    // The stored body is encrypted, and the row records the delivery.
    const stored = await db.prisma.mailMessage.findFirstOrThrow({ where: { to: "invitee@example.test" } });
    expect(stored.textEncrypted).not.toContain(token);
    expect(stored).toMatchObject({ status: "sent", attempts: 1, kind: "organization", organizationId: owner.organization.id, lastError: null });
  });

  it("only the invited address accepts, once; a wrong address is refused clearly", async () => {
    await inviteMember(asOwner, { email: "right@example.test", role: "admin" }, db.prisma);
    const token = tokenFromLink((await deliverLatest("right@example.test")).text ?? "", "invite");
    const wrong = await user("wrong@example.test");
    const err = await acceptInvitation({ token, userId: wrong.user.id }, db.prisma).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: "forbidden" });
    expect((err as Error).message).toMatch(/sent to right@example\.test.*signed in as wrong@example\.test/);

    const right = await db.prisma.user.create({ data: { email: "right@example.test", passwordHash: "x" } });
    expect(right.emailVerified).toBeNull();
    const { organization } = await acceptInvitation({ token, userId: right.id }, db.prisma);
    expect(organization.id).toBe(owner.organization.id);
    const m = await db.prisma.membership.findUniqueOrThrow({ where: { organizationId_userId: { organizationId: owner.organization.id, userId: right.id } } });
    expect(m).toMatchObject({ status: "active", role: "admin", inviteTokenHash: null });
    // Accepting a link sent to the address verifies it.
    expect((await db.prisma.user.findUniqueOrThrow({ where: { id: right.id } })).emailVerified).not.toBeNull();
    // Single use.
    await expect(acceptInvitation({ token, userId: right.id }, db.prisma)).rejects.toMatchObject({ code: "not_found" });
    expect(await findInvitation({ token }, db.prisma)).toBeNull();
  });

  it("an invitation expires after 7 days; resending replaces the link, revoking and declining end it", async () => {
    const invite = await inviteMember(asOwner, { email: "late@example.test", role: "viewer" }, db.prisma);
    const first = tokenFromLink((await latestMailTo(db.prisma, "late@example.test")).text, "invite");
    const late = await user("late@example.test");
    await db.prisma.membership.update({ where: { id: invite.id }, data: { inviteExpiresAt: new Date(Date.now() - 1000) } });
    expect(await findInvitation({ token: first }, db.prisma)).toMatchObject({ expired: true });
    await expect(acceptInvitation({ token: first, userId: late.user.id }, db.prisma)).rejects.toMatchObject({ code: "conflict" });

    await resendInvitation(asOwner, { membershipId: invite.id }, db.prisma);
    const second = tokenFromLink((await latestMailTo(db.prisma, "late@example.test")).text, "invite");
    expect(second).not.toBe(first);
    await expect(acceptInvitation({ token: first, userId: late.user.id }, db.prisma)).rejects.toMatchObject({ code: "not_found" });
    await declineInvitation({ token: second, userId: late.user.id }, db.prisma);
    expect(await db.prisma.membership.findUnique({ where: { id: invite.id } })).toBeNull();
    await expect(acceptInvitation({ token: second, userId: late.user.id }, db.prisma)).rejects.toMatchObject({ code: "not_found" });
  });

  it("the old auto-accept is gone: signing up or existing with the invited address joins nothing", async () => {
    expect(fs.existsSync(path.join(process.cwd(), "lib/services/members/accept-pending-invitations.ts"))).toBe(false);
    const options = fs.readFileSync(path.join(process.cwd(), "lib/auth/options.ts"), "utf8");
    expect(options).not.toMatch(/acceptPendingInvitations|accept-pending-invitations/);
    const invite = await inviteMember(asOwner, { email: "squatter@example.test", role: "owner" }, db.prisma);
    const r = await signUp({ email: "squatter@example.test", password: "squatter-password", orgName: "Squat", clientIp: nextIp() }, db.prisma);
    expect(r.status).toBe("check_email");
    const squatter = await db.prisma.user.findUniqueOrThrow({ where: { email: "squatter@example.test" } });
    expect(await db.prisma.membership.findFirst({ where: { organizationId: owner.organization.id, userId: squatter.id } })).toBeNull();
    expect((await db.prisma.membership.findUniqueOrThrow({ where: { id: invite.id } })).status).toBe("pending");
  });

  it("sign-up answers the same for a new and an existing address; the owner of the existing one is told", async () => {
    const fresh = await signUp({ email: "Fresh@Example.test", password: "fresh-password-1", orgName: "Fresh", clientIp: nextIp() }, db.prisma);
    const taken = await signUp({ email: "owner@example.test", password: "attacker-password", orgName: "Evil", clientIp: nextIp() }, db.prisma);
    expect(fresh).toEqual({ status: "check_email", email: "fresh@example.test" });
    expect(taken).toEqual({ status: "check_email", email: "owner@example.test" });
    expect(Object.keys(fresh)).toEqual(Object.keys(taken));
    // The existing account is untouched and no second organization appeared.
    const existing = await db.prisma.user.findUniqueOrThrow({ where: { email: "owner@example.test" } });
    expect(await verifyPassword(existing.passwordHash!, "owner-password-1")).toBe(true);
    expect(await db.prisma.organization.count({ where: { name: "Evil" } })).toBe(0);

    const warning = await deliverLatest("owner@example.test", "sign-up-attempt");
    expect(warning.subject).toMatch(/tried to sign up/);
    expect(warning.text).toContain("http://plumb.example.test/forgot-password");

    // The new address gets a verification link; following it verifies the account, once.
    const verification = await deliverLatest("fresh@example.test", "email-verification");
    const token = tokenFromLink(verification.text ?? "", "verify-email");
    const freshUser = await db.prisma.user.findUniqueOrThrow({ where: { email: "fresh@example.test" } });
    expect(freshUser.emailVerified).toBeNull();
    expect(await db.prisma.membership.count({ where: { userId: freshUser.id, role: "owner" } })).toBe(1);
    expect(await verifyEmail({ token }, db.prisma)).toMatchObject({ status: "verified", email: "fresh@example.test" });
    expect((await db.prisma.user.findUniqueOrThrow({ where: { id: freshUser.id } })).emailVerified).not.toBeNull();
    expect(await verifyEmail({ token }, db.prisma)).toEqual({ status: "invalid" });
    // Personal mail keeps no copy of its body once delivered.
    const row = await db.prisma.mailMessage.findFirstOrThrow({ where: { to: "fresh@example.test", template: "email-verification" } });
    expect(row).toMatchObject({ kind: "personal", organizationId: null, status: "sent", textEncrypted: "" });
  });

  it("passwords need 10 characters and must not be common, at sign-up, reset and create-user", async () => {
    expect(isCommonPassword("password1")).toBe(true);
    expect(isCommonPassword("QWERTYUIOP")).toBe(true);
    expect(isCommonPassword("1234567890")).toBe(true);
    expect(passwordProblem("short-pw")).toMatch(/at least 10 characters/);
    expect(passwordProblem("qwertyuiop")).toMatch(/too common/);
    expect(passwordProblem("plumb tests the pipes")).toBeNull();
    const list = JSON.parse(fs.readFileSync(path.join(process.cwd(), "lib/services/users/data/common-passwords.json"), "utf8")) as { passwords: string[] };
    expect(list.passwords.length).toBeGreaterThanOrEqual(10_000);

    await expect(signUp({ email: "weak@example.test", password: "short", orgName: "W", clientIp: nextIp() }, db.prisma)).rejects.toMatchObject({ code: "invalid_params" });
    await expect(signUp({ email: "weak@example.test", password: "1234567890", orgName: "W", clientIp: nextIp() }, db.prisma)).rejects.toMatchObject({ code: "invalid_params" });
    await expect(createUserWithOrg({ email: "weak@example.test", password: "iloveyou12", orgName: "W" }, db.prisma)).rejects.toMatchObject({ code: "invalid_params" });
    expect(await db.prisma.user.count({ where: { email: "weak@example.test" } })).toBe(0);
  });

  it("password reset: a one-hour single-use link, the same answer for unknown addresses, every session deleted", async () => {
    const u = await user("reset@example.test", "old-password-123");
    await db.prisma.session.createMany({
      data: [
        { sessionToken: `s1-${u.user.id}`, userId: u.user.id, expires: new Date(Date.now() + 24 * HOUR) },
        { sessionToken: `s2-${u.user.id}`, userId: u.user.id, expires: new Date(Date.now() + 24 * HOUR) },
        { sessionToken: `other-${owner.user.id}`, userId: owner.user.id, expires: new Date(Date.now() + 24 * HOUR) },
      ],
    });
    const before = await db.prisma.mailMessage.count();
    expect(await requestPasswordReset({ email: "nobody@example.test", clientIp: nextIp() }, db.prisma)).toEqual({ status: "check_email" });
    expect(await db.prisma.mailMessage.count()).toBe(before);
    expect(await requestPasswordReset({ email: "RESET@example.test", clientIp: nextIp() }, db.prisma)).toEqual({ status: "check_email" });

    const mail = await deliverLatest("reset@example.test", "password-reset");
    expect(mail.text).toContain("expires in 60 minutes");
    const token = tokenFromLink(mail.text ?? "", "reset-password");
    const stored = await db.prisma.userToken.findUniqueOrThrow({ where: { tokenHash: sha256Hex(token) } });
    // Expiry is set by the application clock, creation by the database's: equal within a few seconds.
    expect(Math.abs(stored.expiresAt.getTime() - stored.createdAt.getTime() - HOUR)).toBeLessThan(5_000);

    await expect(resetPassword({ token, password: "1qaz2wsx3edc" }, db.prisma)).rejects.toMatchObject({ code: "invalid_params" });
    expect(await resetPassword({ token, password: "brand-new-password" }, db.prisma)).toMatchObject({ status: "reset", userId: u.user.id });
    const after = await db.prisma.user.findUniqueOrThrow({ where: { id: u.user.id } });
    expect(await verifyPassword(after.passwordHash!, "brand-new-password")).toBe(true);
    expect(await db.prisma.session.count({ where: { userId: u.user.id } })).toBe(0);
    expect(await db.prisma.session.count({ where: { userId: owner.user.id } })).toBe(1);
    // Single use.
    expect(await resetPassword({ token, password: "another-new-password" }, db.prisma)).toEqual({ status: "invalid" });

    // Expired after an hour.
    await requestPasswordReset({ email: "reset@example.test", clientIp: nextIp() }, db.prisma);
    const second = tokenFromLink((await latestMailTo(db.prisma, "reset@example.test", "password-reset")).text, "reset-password");
    await db.prisma.userToken.update({ where: { tokenHash: sha256Hex(second) }, data: { expiresAt: new Date(Date.now() - 1) } });
    expect(await resetPassword({ token: second, password: "another-new-password" }, db.prisma)).toEqual({ status: "expired" });
  });

  it("sign-up is limited per client address", async () => {
    const ip = "203.0.113.77";
    const results = [];
    for (let i = 0; i < 11; i++) {
      results.push(await signUp({ email: `burst-${i}@example.test`, password: "burst-password-1", orgName: `Burst ${i}`, clientIp: ip }, db.prisma));
    }
    expect(results.slice(0, 10).every((r) => r.status === "check_email")).toBe(true);
    expect(results[10]).toMatchObject({ status: "rate_limited" });
    expect(await db.prisma.user.count({ where: { email: "burst-10@example.test" } })).toBe(0);
    expect((await signUp({ email: "calm@example.test", password: "calm-password-1", orgName: "Calm", clientIp: "203.0.113.78" }, db.prisma)).status).toBe("check_email");
  });

  it("organization mail is listed to owners only; personal mail never", async () => {
    const admin = await user("listed-admin@example.test");
    await db.prisma.membership.create({ data: { organizationId: owner.organization.id, userId: admin.user.id, role: "admin", status: "active" } });
    await queueMail({ tx: db.prisma, kind: "organization", organizationId: owner.organization.id, template: "alert", to: "ops@example.test", subject: "<b>Alert</b>", text: "Body <script>x</script>" });
    const listed = await listOrganizationMail({ orgId: owner.organization.id, userId: owner.user.id }, db.prisma);
    expect(listed[0]).toMatchObject({ subject: "<b>Alert</b>", text: "Body <script>x</script>", status: "queued" });
    expect(listed.some((m) => m.template === "invitation" && m.text?.includes("/invite/"))).toBe(true);
    expect(listed.every((m) => m.template !== "password-reset" && m.template !== "email-verification" && m.template !== "sign-up-attempt")).toBe(true);
    await expect(listOrganizationMail({ orgId: owner.organization.id, userId: admin.user.id }, db.prisma)).rejects.toMatchObject({ code: "not_found" });
    const stranger = await user("stranger@example.test");
    await expect(listOrganizationMail({ orgId: owner.organization.id, userId: stranger.user.id }, db.prisma)).rejects.toMatchObject({ code: "not_found" });
  });

  it("without SMTP, personal mail goes to the server log only and organization mail stays for the owners", async () => {
    const url = process.env.SMTP_URL;
    delete process.env.SMTP_URL;
    resetEnv();
    const logged: string[] = [];
    const original = console.log;
    console.log = (...args: unknown[]) => void logged.push(args.map(String).join(" "));
    try {
      const personal = await queueMail({ tx: db.prisma, kind: "personal", template: "password-reset", to: "log@example.test", subject: "Reset", text: "Your link: http://x/reset-password/tok" });
      const org = await queueMail({ tx: db.prisma, kind: "organization", organizationId: owner.organization.id, template: "alert", to: "ops@example.test", subject: "Org alert", text: "org secret body" });
      expect(await deliverMail({ mailId: personal.id }, db.prisma)).toEqual({ status: "logged" });
      expect(await deliverMail({ mailId: org.id }, db.prisma)).toEqual({ status: "logged" });
    } finally {
      console.log = original;
      process.env.SMTP_URL = url;
      resetEnv();
    }
    expect(logged.join("\n")).toContain("http://x/reset-password/tok");
    expect(logged.join("\n")).not.toContain("org secret body");
    expect(smtp.messages.some((m) => recipient(m) === "log@example.test")).toBe(false);
  });

  it("a refused delivery is retried and recorded; the sweeper finds mail left queued", async () => {
    const { id } = await queueMail({ tx: db.prisma, kind: "personal", template: "test", to: "bounce@example.test", subject: "Hello", text: "Hi" });
    await db.prisma.mailMessage.update({ where: { id }, data: { createdAt: new Date(Date.now() - 10 * 60 * 1000) } });
    expect(await listUnsentMail({ olderThanMs: 2 * 60 * 1000, limit: 100 }, db.prisma)).toContain(id);
    // Nothing listens on the SMTP server's port once it is closed.
    const url = process.env.SMTP_URL;
    process.env.SMTP_URL = "smtp://127.0.0.1:1";
    resetEnv();
    try {
      const err = await deliverMail({ mailId: id }, db.prisma).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(MailDeliveryError);
    } finally {
      process.env.SMTP_URL = url;
      resetEnv();
    }
    const failed = await db.prisma.mailMessage.findUniqueOrThrow({ where: { id } });
    expect(failed).toMatchObject({ status: "queued", attempts: 1, lockedUntil: null });
    expect(failed.lastError).toBeTruthy();
    // The sweeper's next pass delivers it.
    expect(await listUnsentMail({ olderThanMs: 2 * 60 * 1000, limit: 100 }, db.prisma)).toContain(id);
    expect(await deliverMail({ mailId: id }, db.prisma)).toEqual({ status: "sent" });
    expect(await deliverMail({ mailId: id }, db.prisma)).toEqual({ status: "skipped" });
    await smtp.waitFor((m) => recipient(m) === "bounce@example.test");
    expect(await listUnsentMail({ olderThanMs: 0, limit: 100 }, db.prisma)).not.toContain(id);
  });
});
