// Retention purges delete what is old, keep what is recent, the latest scan's details, and the records that
// justify an accepted risk or a false positive still in force.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/lib/db";
import { purgeOldAuditEvents } from "@/lib/services/maintenance/purge-old-audit-events";
import { purgeOldAuditLeads } from "@/lib/services/maintenance/purge-old-audit-leads";
import { purgeOldScanDetails } from "@/lib/services/maintenance/purge-old-scan-details";
import { purgeOldFindingInstances } from "@/lib/services/maintenance/purge-old-finding-instances";
import { retentionCutoffs } from "@/lib/services/maintenance/retention";
import { purgeOldAlertDeliveries } from "@/lib/services/maintenance/purge-old-alert-deliveries";
import { purgeOldNotifications } from "@/lib/services/maintenance/purge-old-notifications";
import { purgeOldWebhookDeliveries } from "@/lib/services/maintenance/purge-old-webhook-deliveries";
import { purgeSentOutboxRows } from "@/lib/services/maintenance/purge-sent-outbox-rows";
import { purgeOldMail } from "@/lib/services/maintenance/purge-old-mail";
import { createTestDatabase } from "@/test/support/db";
import { seedTenant } from "./seed";

const DAY = 24 * 60 * 60 * 1000;
const daysAgo = (n: number) => new Date(Date.now() - n * DAY);

describe("retention purges", () => {
  let db: Database;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db?.close();
  });

  it("computes cutoffs from the configured days", () => {
    const now = new Date("2026-12-02T00:00:00Z");
    const c = retentionCutoffs(now);
    expect(c.auditEvents.toISOString()).toBe(new Date(now.getTime() - 400 * DAY).toISOString());
    expect(c.auditLeads.toISOString()).toBe(new Date(now.getTime() - 90 * DAY).toISOString());
    expect(c.alertDeliveries.toISOString()).toBe(new Date(now.getTime() - 90 * DAY).toISOString());
    expect(c.notifications.toISOString()).toBe(new Date(now.getTime() - 180 * DAY).toISOString());
    expect(c.webhookDeliveries.toISOString()).toBe(new Date(now.getTime() - 30 * DAY).toISOString());
    expect(c.mail.toISOString()).toBe(new Date(now.getTime() - 30 * DAY).toISOString());
  });

  it("purges old audit events but keeps the ones behind accepted risks and false positives", async () => {
    const t = await seedTenant(db.prisma);
    const mk = (status: "open" | "accepted_risk" | "false_positive", fp: string) =>
      db.prisma.finding.create({
        data: {
          organizationId: t.orgId, domainId: t.domainId, fingerprint: fp, pillar: "security", rule: `r-${fp}`,
          severity: "high", status, title: "t", description: "d", fix: "f", url: "https://x/", urls: ["https://x/"],
        },
      });
    const open = await mk("open", "a");
    const accepted = await mk("accepted_risk", "b");
    const fpos = await mk("false_positive", "c");
    const ev = (targetId: string | null, createdAt: Date, metadata?: object) =>
      db.prisma.auditEvent.create({
        data: { organizationId: t.orgId, action: "finding.update", targetType: "finding", targetId, createdAt, metadata },
      });
    const oldOpen = await ev(open.id, daysAgo(500));
    const oldAccepted = await ev(accepted.id, daysAgo(500));
    const oldBulk = await ev(null, daysAgo(500), { ids: [fpos.id], status: "false_positive" });
    const oldBulkOpen = await ev(null, daysAgo(500), { ids: [open.id], status: "open" });
    const recent = await ev(open.id, daysAgo(10));
    const { deleted } = await purgeOldAuditEvents(db.prisma, { before: daysAgo(400) });
    expect(deleted).toBe(2);
    const left = new Set((await db.prisma.auditEvent.findMany({ where: { organizationId: t.orgId } })).map((e) => e.id));
    expect(left.has(oldOpen.id)).toBe(false);
    expect(left.has(oldBulkOpen.id)).toBe(false);
    for (const kept of [oldAccepted, oldBulk, recent]) expect(left.has(kept.id)).toBe(true);
  });

  it("drops old scans' pages and occurrences except the domain's latest scan", async () => {
    const t = await seedTenant(db.prisma);
    const scan = (finishedAt: Date) =>
      db.prisma.scan.create({ data: { organizationId: t.orgId, domainId: t.domainId, status: "succeeded", pillars: ["seo"], finishedAt } });
    const oldest = await scan(daysAgo(300));
    const latest = await scan(daysAgo(200));
    for (const s of [oldest, latest]) await db.prisma.scanPage.create({ data: { scanId: s.id, url: "https://x/" } });
    const f = await db.prisma.finding.create({
      data: {
        organizationId: t.orgId, domainId: t.domainId, fingerprint: "z", pillar: "seo", rule: "r", severity: "low",
        title: "t", description: "d", fix: "f", url: "https://x/", urls: [],
      },
    });
    for (const s of [oldest, latest]) await db.prisma.findingOccurrence.create({ data: { findingId: f.id, scanId: s.id, severity: "low", urls: [] } });
    for (const s of [oldest, latest]) {
      await db.prisma.scanThirdParty.create({
        data: { scanId: s.id, organizationId: t.orgId, host: "t.example", site: "t.example", requests: 1, bytes: 1, pages: 1, resourceTypes: {}, cookies: [], firstSeenOn: "https://x/", receives: [], beacons: [] },
      });
    }
    const res = await purgeOldScanDetails(db.prisma, { before: daysAgo(180) });
    expect(res).toEqual({ pages: 1, occurrences: 1 });
    expect(await db.prisma.scanThirdParty.count({ where: { scanId: oldest.id } })).toBe(0);
    expect(await db.prisma.scanThirdParty.count({ where: { scanId: latest.id } })).toBe(1);
    expect(await db.prisma.scanPage.count({ where: { scanId: latest.id } })).toBe(1);
    expect(await db.prisma.scanPage.count({ where: { scanId: oldest.id } })).toBe(0);
    expect(await db.prisma.scan.count({ where: { id: oldest.id } })).toBe(1);
  });

  it("drops old instances of closed findings, never those of open or accepted findings", async () => {
    const t = await seedTenant(db.prisma);
    const finding = (key: string, status: "open" | "resolved" | "false_positive" | "accepted_risk") =>
      db.prisma.finding.create({
        data: {
          organizationId: t.orgId, domainId: t.domainId, fingerprint: `inst-${key}`, pillar: "seo", rule: `r-${key}`, severity: "low",
          title: key, description: "d", fix: "f", url: "https://x/", urls: [], status,
          ...(status === "accepted_risk" ? { acceptedUntil: daysAgo(-30) } : {}),
        },
      });
    const found = {
      resolved: await finding("resolved", "resolved"),
      falsePositive: await finding("fp", "false_positive"),
      open: await finding("open", "open"),
      accepted: await finding("accepted", "accepted_risk"),
    };
    for (const f of Object.values(found)) {
      await db.prisma.findingInstance.createMany({
        data: [
          { findingId: f.id, url: "https://x/old", lastSeenAt: daysAgo(400), firstSeenAt: daysAgo(400) },
          { findingId: f.id, url: "https://x/new", lastSeenAt: daysAgo(2), firstSeenAt: daysAgo(2) },
        ],
      });
    }
    expect(await purgeOldFindingInstances(db.prisma, { before: daysAgo(180) })).toEqual({ deleted: 2 });
    const left = async (id: string) => (await db.prisma.findingInstance.findMany({ where: { findingId: id }, select: { url: true } })).map((i) => i.url).sort();
    expect(await left(found.resolved.id)).toEqual(["https://x/new"]);
    expect(await left(found.falsePositive.id)).toEqual(["https://x/new"]);
    expect(await left(found.open.id)).toEqual(["https://x/new", "https://x/old"]);
    expect(await left(found.accepted.id)).toEqual(["https://x/new", "https://x/old"]);
    expect(await db.prisma.finding.count({ where: { id: found.resolved.id } })).toBe(1);
  });

  it("purges old audit leads", async () => {
    await db.prisma.auditLead.createMany({
      data: [
        { email: "old@example.test", score: 1, answers: {}, createdAt: daysAgo(100) },
        { email: "new@example.test", score: 1, answers: {}, createdAt: daysAgo(1) },
      ],
    });
    expect(await purgeOldAuditLeads(db.prisma, { before: daysAgo(90) })).toEqual({ deleted: 1 });
    expect(await db.prisma.auditLead.count({ where: { email: "new@example.test" } })).toBe(1);
  });

  it("purges old alert deliveries, but keeps a TLS alert's row until its certificate has expired", async () => {
    const t = await seedTenant(db.prisma);
    const channel = await db.prisma.alertChannel.create({ data: { organizationId: t.orgId, kind: "webhook", name: "hook", urlDisplay: "https://hooks.example/…", triggers: ["scan.finished", "tls.expiring"] } });
    const delivery = (eventKey: string, trigger: string, createdAt: Date) =>
      db.prisma.alertDelivery.create({ data: { organizationId: t.orgId, channelId: channel.id, eventKey, trigger, payload: {}, status: "delivered", createdAt } });
    const oldScan = await delivery("scan-finished:old", "scan.finished", daysAgo(120));
    const newScan = await delivery("scan-finished:new", "scan.finished", daysAgo(10));
    const tlsRecent = await delivery("tls:d:fp:1", "tls.expiring", daysAgo(200));
    const tlsAncient = await delivery("tls:d:fp:0", "tls.expiring", daysAgo(400));
    expect(await purgeOldAlertDeliveries(db.prisma, { before: daysAgo(90) })).toEqual({ deleted: 2 });
    const left = new Set((await db.prisma.alertDelivery.findMany({ where: { channelId: channel.id } })).map((d) => d.id));
    expect([...left].sort()).toEqual([newScan.id, tlsRecent.id].sort());
    expect(left.has(oldScan.id) || left.has(tlsAncient.id)).toBe(false);
  });

  it("purges old notifications, except the due reminders of tasks not done", async () => {
    const t = await seedTenant(db.prisma);
    const task = (status: "todo" | "done") => db.prisma.task.create({ data: { organizationId: t.orgId, title: `task ${status}`, status } });
    const open = await task("todo");
    const done = await task("done");
    const note = (kind: string, createdAt: Date, extra: { taskId?: string; dedupeKey?: string; readAt?: Date } = {}) =>
      db.prisma.notification.create({ data: { organizationId: t.orgId, userId: t.userId, kind, title: kind, createdAt, ...extra } });
    const oldRead = await note("mention", daysAgo(200), { readAt: daysAgo(199) });
    const oldUnread = await note("task_assigned", daysAgo(200), { taskId: open.id });
    const reminderOpen = await note("task_overdue", daysAgo(200), { taskId: open.id, dedupeKey: `overdue:${open.id}:x` });
    const reminderDone = await note("task_overdue", daysAgo(200), { taskId: done.id, dedupeKey: `overdue:${done.id}:x` });
    const recent = await note("mention", daysAgo(5));
    await purgeOldNotifications(db.prisma, { before: daysAgo(180) });
    const left = new Set((await db.prisma.notification.findMany({ where: { userId: t.userId } })).map((n) => n.id));
    expect(left).toEqual(new Set([reminderOpen.id, recent.id]));
    for (const gone of [oldRead, oldUnread, reminderDone]) expect(left.has(gone.id)).toBe(false);
  });

  it("purges old webhook delivery ids, sent outbox rows (never unsent ones) and sent or failed mail (never queued)", async () => {
    const t = await seedTenant(db.prisma);
    const integration = await db.prisma.integration.create({ data: { organizationId: t.orgId, provider: "github", status: "connected" } });
    await db.prisma.integrationDelivery.createMany({
      data: [
        { integrationId: integration.id, deliveryId: "old", receivedAt: daysAgo(40) },
        { integrationId: integration.id, deliveryId: "new", receivedAt: daysAgo(2) },
      ],
    });
    await purgeOldWebhookDeliveries(db.prisma, { before: daysAgo(30) });
    expect((await db.prisma.integrationDelivery.findMany({ where: { integrationId: integration.id } })).map((d) => d.deliveryId)).toEqual(["new"]);

    const outbox = (key: string, createdAt: Date, sentAt: Date | null) =>
      db.prisma.jobOutbox.create({ data: { event: "plumb/scan.requested", data: {}, key: `retention-${key}`, createdAt, sentAt } });
    await outbox("old-sent", daysAgo(40), daysAgo(40));
    await outbox("old-unsent", daysAgo(40), null);
    await outbox("new-sent", daysAgo(2), daysAgo(2));
    await purgeSentOutboxRows(db.prisma, { before: daysAgo(30) });
    expect((await db.prisma.jobOutbox.findMany({ where: { key: { startsWith: "retention-" } }, orderBy: { key: "asc" } })).map((r) => r.key)).toEqual(["retention-new-sent", "retention-old-unsent"]);

    const mail = (to: string, status: "queued" | "sent" | "failed", updatedAt: Date) =>
      db.prisma.$executeRaw`INSERT INTO "MailMessage" ("id", "kind", "organizationId", "template", "to", "subject", "textEncrypted", "status", "createdAt", "updatedAt")
        VALUES (${`mail-${to}`}, 'organization', ${t.orgId}, 'test', ${to}, 's', 'x', ${status}::"MailStatus", ${updatedAt}, ${updatedAt})`;
    await mail("old-sent", "sent", daysAgo(40));
    await mail("old-failed", "failed", daysAgo(40));
    await mail("old-queued", "queued", daysAgo(40));
    await mail("new-sent", "sent", daysAgo(2));
    await purgeOldMail(db.prisma, { before: daysAgo(30) });
    expect((await db.prisma.mailMessage.findMany({ where: { organizationId: t.orgId }, orderBy: { to: "asc" } })).map((m) => m.to)).toEqual(["new-sent", "old-queued"]);
  });
});
