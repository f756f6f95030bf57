// Data export and account/organization deletion against the real database: what an export holds (and the
// secrets it never holds), the deletion mails, the grace period, cancel links and the purge.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/lib/db";
import { resetEnv } from "@/lib/env";
import { sha256Hex } from "@/lib/crypto";
import { createTestDatabase } from "@/test/support/db";
import { latestMailTo } from "@/test/support/mail";
import { seedTenant } from "./seed";
import { createScan } from "@/lib/services/scans/create-scan";
import { enqueueScheduledScans } from "@/lib/services/scans/enqueue-scheduled-scans";
import { ServiceError } from "@/lib/services/errors";
import { exportUserData } from "@/lib/services/privacy/export-user-data";
import { exportOrganizationData } from "@/lib/services/privacy/export-organization-data";
import { requestAccountDeletion } from "@/lib/services/privacy/request-account-deletion";
import { cancelAccountDeletion } from "@/lib/services/privacy/cancel-account-deletion";
import { requestOrganizationDeletion } from "@/lib/services/privacy/request-organization-deletion";
import { cancelOrganizationDeletion } from "@/lib/services/privacy/cancel-organization-deletion";
import { purgeDueDeletions } from "@/lib/services/privacy/purge-due-deletions";

const DAY = 24 * 60 * 60 * 1000;

describe("your data: export and deletion", () => {
  let db: Database;

  beforeAll(async () => {
    process.env.NEXTAUTH_URL = "http://plumb.example.test";
    process.env.PLUMB_DELETION_GRACE_DAYS = "14";
    resetEnv();
    db = await createTestDatabase();
  });
  afterAll(async () => {
    delete process.env.PLUMB_DELETION_GRACE_DAYS;
    resetEnv();
    await db?.close();
  });

  async function secretsFor(t: { userId: string; orgId: string }) {
    const p = db.prisma;
    const user = await p.user.findUniqueOrThrow({ where: { id: t.userId } });
    await p.session.create({ data: { userId: t.userId, sessionToken: `session-token-hash-SECRET-1-${t.userId}`, expires: new Date(Date.now() + DAY), ip: "203.0.113.9", userAgent: "TestAgent/1" } });
    await p.totpFactor.create({ data: { userId: t.userId, secretEncrypted: `totp-secret-SECRET-2-${t.userId}`, enabledAt: new Date() } });
    await p.recoveryCode.create({ data: { userId: t.userId, codeHash: `recovery-hash-SECRET-3-${t.userId}` } });
    await p.apiKey.create({ data: { organizationId: t.orgId, createdById: t.userId, name: "CI key", prefix: "plb_abc", hash: `api-key-hash-SECRET-4-${t.userId}`, scopes: ["scans:read"] } });
    await p.userToken.create({ data: { userId: t.userId, purpose: "password_reset", tokenHash: `user-token-hash-SECRET-5-${t.userId}`, email: user.email, expiresAt: new Date(Date.now() + DAY) } });
    return { passwordHash: user.passwordHash!, secrets: [1, 2, 3, 4, 5].map((n) => `SECRET-${n}-${t.userId}`) };
  }

  it("a user export has every section and no secret", async () => {
    const t = await seedTenant(db.prisma);
    const { passwordHash, secrets } = await secretsFor(t);
    const finding = await db.prisma.finding.create({
      data: { organizationId: t.orgId, domainId: t.domainId, fingerprint: "fp-1", pillar: "seo", rule: "title", severity: "low", title: "Missing title", description: "d", fix: "f", url: "https://x.example/", assigneeId: t.userId },
    });
    await db.prisma.findingEvent.create({ data: { findingId: finding.id, organizationId: t.orgId, actorId: t.userId, kind: "status", fromStatus: "open", toStatus: "accepted_risk", justification: "known" } });
    await db.prisma.auditEvent.create({ data: { organizationId: t.orgId, actorUserId: t.userId, action: "domain.create", targetType: "domain", targetId: t.domainId } });

    const data = await exportUserData({ userId: t.userId }, db.prisma);
    expect(data.format).toBe("plumb-user-export/v1");
    expect(data.profile.id).toBe(t.userId);
    expect(data.memberships).toEqual([expect.objectContaining({ role: "owner", organization: expect.objectContaining({ id: t.orgId }) })]);
    expect(data.sessions).toEqual([expect.objectContaining({ ip: "203.0.113.9", userAgent: "TestAgent/1" })]);
    expect(data.api_keys).toEqual([expect.objectContaining({ name: "CI key", prefix: "plb_abc", scopes: ["scans:read"] })]);
    expect(data.assigned_findings.map((f) => f.title)).toEqual(["Missing title"]);
    expect(data.finding_events).toHaveLength(1);
    expect(data.audit_events.map((e) => e.action)).toContain("domain.create");
    expect(data.profile.two_factor.recovery_codes).toBe(1);

    const json = JSON.stringify(data);
    expect(json).not.toContain(passwordHash);
    for (const s of secrets) expect(json).not.toContain(s);
  });

  it("an organization export is for owners only, complete and without secrets", async () => {
    const t = await seedTenant(db.prisma);
    const { secrets } = await secretsFor(t);
    const other = await seedTenant(db.prisma);
    await db.prisma.membership.create({ data: { organizationId: t.orgId, userId: other.userId, role: "admin" } });
    await expect(exportOrganizationData({ orgId: t.orgId, userId: other.userId }, db.prisma)).rejects.toMatchObject({ code: "not_found" });
    await expect(exportOrganizationData({ orgId: other.orgId, userId: t.userId }, db.prisma)).rejects.toMatchObject({ code: "not_found" });

    const finding = await db.prisma.finding.create({
      data: { organizationId: t.orgId, domainId: t.domainId, fingerprint: "fp-2", pillar: "seo", rule: "title", severity: "low", title: "T", description: "d", fix: "f", url: "https://x.example/" },
    });
    await db.prisma.findingInstance.create({ data: { findingId: finding.id, url: "https://x.example/a" } });
    const data = await exportOrganizationData({ orgId: t.orgId, userId: t.userId }, db.prisma);
    expect(data.format).toBe("plumb-organization-export/v1");
    expect(data.organization.id).toBe(t.orgId);
    expect(data.members).toHaveLength(2);
    expect(data.domains).toHaveLength(1);
    expect(data.findings[0].instances).toEqual([expect.objectContaining({ url: "https://x.example/a" })]);
    expect(data.ledger.length).toBeGreaterThan(0);
    expect(data.api_keys).toEqual([expect.objectContaining({ prefix: "plb_abc" })]);
    const json = JSON.stringify(data);
    for (const s of secrets) expect(json).not.toContain(s);
    const domain = await db.prisma.domain.findUniqueOrThrow({ where: { id: t.domainId } });
    expect(json).not.toContain(domain.verifyToken);
  });

  it("requesting account deletion mails a cancel link, signs out everywhere; the link works once", async () => {
    const t = await seedTenant(db.prisma);
    const user = await db.prisma.user.findUniqueOrThrow({ where: { id: t.userId } });
    await db.prisma.session.create({ data: { userId: t.userId, sessionToken: `s-${t.userId}`, expires: new Date(Date.now() + DAY) } });
    const now = new Date("2026-12-01T10:00:00Z");
    const { scheduledFor } = await requestAccountDeletion({ userId: t.userId, now }, db.prisma);
    expect(scheduledFor.toISOString()).toBe(new Date(now.getTime() + 14 * DAY).toISOString());
    expect(await db.prisma.session.count({ where: { userId: t.userId } })).toBe(0);
    const after = await db.prisma.user.findUniqueOrThrow({ where: { id: t.userId } });
    expect(after.deletionScheduledFor?.toISOString()).toBe(scheduledFor.toISOString());

    const mail = await latestMailTo(db.prisma, user.email, "account-deletion");
    expect(mail.kind).toBe("personal");
    expect(mail.organizationId).toBeNull();
    expect(mail.text).toContain("2026-12-15");
    const token = /\/cancel-deletion\/([A-Za-z0-9_-]+)/.exec(mail.text)![1];
    // Stored hashed only.
    expect(await db.prisma.userToken.count({ where: { tokenHash: token } })).toBe(0);
    expect(await db.prisma.userToken.count({ where: { tokenHash: sha256Hex(token) } })).toBe(1);

    expect(await cancelAccountDeletion({ token }, db.prisma)).toEqual({ status: "canceled" });
    expect((await db.prisma.user.findUniqueOrThrow({ where: { id: t.userId } })).deletionScheduledFor).toBeNull();
    await requestAccountDeletion({ userId: t.userId, now }, db.prisma);
    expect(await cancelAccountDeletion({ token }, db.prisma)).toEqual({ status: "invalid" });
    expect((await db.prisma.user.findUniqueOrThrow({ where: { id: t.userId } })).deletionScheduledFor).not.toBeNull();

    expect(await cancelAccountDeletion({ userId: t.userId }, db.prisma)).toEqual({ status: "canceled" });
    expect((await db.prisma.user.findUniqueOrThrow({ where: { id: t.userId } })).deletionScheduledFor).toBeNull();
    expect(await cancelAccountDeletion({ userId: t.userId }, db.prisma)).toEqual({ status: "invalid" });
  });

  it("the last owner of an organization others use cannot delete their account", async () => {
    const t = await seedTenant(db.prisma);
    const other = await seedTenant(db.prisma);
    await db.prisma.membership.create({ data: { organizationId: t.orgId, userId: other.userId, role: "member" } });
    const err = await requestAccountDeletion({ userId: t.userId }, db.prisma).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ServiceError);
    expect((err as ServiceError).code).toBe("conflict");
    expect((await db.prisma.user.findUniqueOrThrow({ where: { id: t.userId } })).deletionScheduledFor).toBeNull();
    // A second owner lifts the block.
    await db.prisma.membership.updateMany({ where: { organizationId: t.orgId, userId: other.userId }, data: { role: "owner" } });
    await expect(requestAccountDeletion({ userId: t.userId }, db.prisma)).resolves.toMatchObject({ scheduledFor: expect.any(Date) });
  });

  it("organization deletion: owners only, mails every owner, audited, blocks new scans, cancelable", async () => {
    const t = await seedTenant(db.prisma);
    const coOwner = await seedTenant(db.prisma);
    const member = await seedTenant(db.prisma);
    await db.prisma.membership.create({ data: { organizationId: t.orgId, userId: coOwner.userId, role: "owner" } });
    await db.prisma.membership.create({ data: { organizationId: t.orgId, userId: member.userId, role: "member" } });
    await expect(requestOrganizationDeletion({ orgId: t.orgId, userId: member.userId }, db.prisma)).rejects.toMatchObject({ code: "not_found" });

    await requestOrganizationDeletion({ orgId: t.orgId, userId: t.userId }, db.prisma);
    const mails = await db.prisma.mailMessage.findMany({ where: { organizationId: t.orgId, template: "organization-deletion" } });
    const emails = await db.prisma.user.findMany({ where: { id: { in: [t.userId, coOwner.userId] } }, select: { email: true } });
    expect(mails.map((m) => m.to).sort()).toEqual(emails.map((e) => e.email).sort());
    expect(mails.every((m) => m.kind === "organization")).toBe(true);

    const err = await createScan(t.actor, { domainId: t.domainId }, db.prisma).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ServiceError);
    expect((err as ServiceError).message).toMatch(/scheduled for deletion/);
    // Scheduled scans skip it too.
    await db.prisma.domain.update({ where: { id: t.domainId }, data: { schedule: "daily", nextScheduledAt: new Date(Date.now() - 1000) } });
    await enqueueScheduledScans({ batchSize: 1000 }, db.prisma);
    expect(await db.prisma.scan.count({ where: { organizationId: t.orgId } })).toBe(0);
    await db.prisma.domain.update({ where: { id: t.domainId }, data: { schedule: "off", nextScheduledAt: null } });

    await expect(cancelOrganizationDeletion({ orgId: t.orgId, userId: member.userId }, db.prisma)).rejects.toMatchObject({ code: "not_found" });
    expect(await cancelOrganizationDeletion({ orgId: t.orgId, userId: coOwner.userId }, db.prisma)).toEqual({ status: "canceled" });
    const actions = (await db.prisma.auditEvent.findMany({ where: { organizationId: t.orgId, targetType: "organization" } })).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(["organization.deletion_request", "organization.deletion_cancel"]));
    const scan = await createScan(t.actor, { domainId: t.domainId }, db.prisma);
    expect(scan.scan.organizationId).toBe(t.orgId);
  });

  it("the purge deletes only what is due: users with their solo organizations, and organizations", async () => {
    const now = new Date();
    const due = await seedTenant(db.prisma);
    const notYet = await seedTenant(db.prisma);
    const shared = await seedTenant(db.prisma);
    // `due` also belongs to `shared`'s organization as a member: that organization must survive.
    await db.prisma.membership.create({ data: { organizationId: shared.orgId, userId: due.userId, role: "member" } });
    await requestAccountDeletion({ userId: due.userId, now: new Date(now.getTime() - 15 * DAY) }, db.prisma);
    await requestAccountDeletion({ userId: notYet.userId, now: new Date(now.getTime() - 13 * DAY) }, db.prisma);
    const orgDue = await seedTenant(db.prisma);
    const orgNotYet = await seedTenant(db.prisma);
    await requestOrganizationDeletion({ orgId: orgDue.orgId, userId: orgDue.userId, now: new Date(now.getTime() - 14 * DAY - 1000) }, db.prisma);
    await requestOrganizationDeletion({ orgId: orgNotYet.orgId, userId: orgNotYet.userId, now: new Date(now.getTime() - DAY) }, db.prisma);

    expect(await purgeDueDeletions({ now }, db.prisma)).toEqual({ users: 1, organizations: 1 });
    expect(await db.prisma.user.count({ where: { id: due.userId } })).toBe(0);
    expect(await db.prisma.organization.count({ where: { id: due.orgId } })).toBe(0);
    expect(await db.prisma.domain.count({ where: { organizationId: due.orgId } })).toBe(0);
    expect(await db.prisma.organization.count({ where: { id: shared.orgId } })).toBe(1);
    expect(await db.prisma.membership.count({ where: { organizationId: shared.orgId } })).toBe(1);
    expect(await db.prisma.user.count({ where: { id: notYet.userId } })).toBe(1);
    expect(await db.prisma.organization.count({ where: { id: orgDue.orgId } })).toBe(0);
    expect(await db.prisma.creditLedger.count({ where: { organizationId: orgDue.orgId } })).toBe(0);
    expect(await db.prisma.user.count({ where: { id: orgDue.userId } })).toBe(1);
    expect(await db.prisma.organization.count({ where: { id: orgNotYet.orgId } })).toBe(1);
    expect(await purgeDueDeletions({ now }, db.prisma)).toEqual({ users: 0, organizations: 0 });
  });

  it("the purge hands an organization to its longest-standing admin when its last owner goes", async () => {
    const now = new Date();
    const t = await seedTenant(db.prisma);
    await requestAccountDeletion({ userId: t.userId, now: new Date(now.getTime() - 15 * DAY) }, db.prisma);
    // Joined during the grace period.
    const member = await seedTenant(db.prisma);
    const admin = await seedTenant(db.prisma);
    await db.prisma.membership.create({ data: { organizationId: t.orgId, userId: member.userId, role: "member" } });
    await db.prisma.membership.create({ data: { organizationId: t.orgId, userId: admin.userId, role: "admin" } });
    expect(await purgeDueDeletions({ now }, db.prisma)).toEqual({ users: 1, organizations: 0 });
    const roles = await db.prisma.membership.findMany({ where: { organizationId: t.orgId }, select: { userId: true, role: true } });
    expect(roles).toHaveLength(2);
    expect(roles.find((r) => r.userId === admin.userId)?.role).toBe("owner");
    expect(roles.find((r) => r.userId === member.userId)?.role).toBe("member");
    expect(await db.prisma.auditEvent.count({ where: { organizationId: t.orgId, action: "member.promote_owner" } })).toBe(1);
  });
});
