// Tasks on the real database: a task moves to done in the transaction of the scan that resolves its last open
// finding (not before), with an auto_done history line and an audit event; mentions and due reminders notify
// members once, in-app and by e-mail unless they turned e-mail off; overdue tasks are listed.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/lib/db";
import type { Finding, ScanResult } from "@/lib/scanner/types";
import { createComment } from "@/lib/services/comments/create-comment";
import { parseMentions } from "@/lib/services/comments/parse-mentions";
import { sendTaskDueReminders } from "@/lib/services/notifications/send-task-due-reminders";
import { createScanInTx } from "@/lib/services/scans/create-scan";
import { markScanRunning } from "@/lib/services/scans/mark-scan-running";
import { recordScanResults } from "@/lib/services/scans/record-scan-results";
import { settleScan } from "@/lib/services/scans/settle-scan";
import { createTask } from "@/lib/services/tasks/create-task";
import { listOverdueTasks } from "@/lib/services/tasks/list-overdue-tasks";
import { renderMarkdown } from "@/components/collab/markdown";
import { createTestDatabase } from "@/test/support/db";
import { seedTenant, type SeededTenant } from "./seed";

const ORIGIN = "https://shop.example";
const f = (fingerprint: string, url: string): Finding => ({
  pillar: "seo",
  rule: "seo-h1-missing",
  severity: "medium",
  title: "Page has no h1 heading",
  description: "d",
  url,
  urls: [url],
  fix: "f",
  fingerprint,
});
const result = (pages: string[], findings: Finding[]): ScanResult => ({
  target: ORIGIN,
  started_at: new Date().toISOString(),
  finished_at: new Date().toISOString(),
  pages: pages.map((url) => ({ url, status: 200 })),
  scores: { seo: 80 },
  score: 80,
  grade: "B",
  findings,
  checks: [],
  timings: {},
});

let db: Database;
let t: SeededTenant;

async function runScan(res: ScanResult) {
  const { scan } = await db.prisma.$transaction((tx) => createScanInTx(tx, t.actor, { domainId: t.domainId, pillars: ["seo"] }));
  await markScanRunning({ scanId: scan.id }, db.prisma);
  await db.prisma.scanPage.createMany({ data: res.pages.map((p) => ({ scanId: scan.id, url: p.url, outcome: "pending" })) });
  const recorded = await recordScanResults({ scanId: scan.id, result: res }, db.prisma);
  return settleScan({ scanId: scan.id, erroredRules: recorded.erroredRules }, db.prisma);
}

beforeAll(async () => {
  db = await createTestDatabase();
  t = await seedTenant(db.prisma, { credits: 1000 });
});
afterAll(async () => {
  await db?.close();
});

describe("tasks", () => {
  const home = `${ORIGIN}/`;
  const about = `${ORIGIN}/about`;

  it("is done when a scan resolves its last open finding, with history and audit", async () => {
    await runScan(result([home, about], [f("fp-home", home), f("fp-about", about)]));
    const ids = (await db.prisma.finding.findMany({ where: { domainId: t.domainId }, orderBy: { url: "asc" } })).map((x) => x.id);
    const task = await createTask(t.actor, { title: "Headings", findingIds: ids, dueAt: new Date(Date.now() - 86_400_000), assigneeId: t.userId }, db.prisma);
    expect(task.status).toBe("todo");
    expect((await listOverdueTasks({ orgId: t.orgId }, db.prisma)).items.map((x) => x.id)).toEqual([task.id]);

    await runScan(result([home, about], [f("fp-about", about)])); // one of two fixed
    expect(await db.prisma.task.findUniqueOrThrow({ where: { id: task.id } })).toMatchObject({ status: "todo" });

    await runScan(result([home, about], [])); // the last one fixed
    const done = await db.prisma.task.findUniqueOrThrow({ where: { id: task.id }, include: { events: true } });
    expect(done.status).toBe("done");
    expect(done.events.find((e) => e.kind === "auto_done")).toMatchObject({ actorId: null, toValue: "done", note: "All linked findings are resolved: a scan no longer saw them." });
    expect(await db.prisma.finding.count({ where: { id: { in: ids }, resolution: "scan" } })).toBe(2);
    expect(await db.prisma.auditEvent.count({ where: { organizationId: t.orgId, action: "task.auto_done", targetId: task.id } })).toBe(1);
    expect((await listOverdueTasks({ orgId: t.orgId }, db.prisma)).total).toBe(0);
  });

  it("notifies a mentioned member once, by e-mail only when they keep it on; due reminders run once", async () => {
    const other = await seedTenant(db.prisma);
    await db.prisma.membership.create({ data: { organizationId: t.orgId, userId: other.userId, role: "member", status: "active" } });
    const member = await db.prisma.user.update({ where: { id: other.userId }, data: { name: "Grace Hopper" } });
    const finding = await db.prisma.finding.findFirstOrThrow({ where: { domainId: t.domainId } });
    await createComment(t.actor, { target: { findingId: finding.id }, body: `Ping @GraceHopper and @${member.email} and @nobody` }, db.prisma);
    expect(await db.prisma.notification.count({ where: { userId: other.userId, kind: "mention" } })).toBe(1);
    expect(await db.prisma.mailMessage.count({ where: { to: member.email, template: "notification.mention" } })).toBe(1);

    await db.prisma.user.update({ where: { id: other.userId }, data: { notifyByEmail: false } });
    const task = await createTask(t.actor, { title: "Due soon", findingIds: [finding.id], assigneeId: other.userId, dueAt: new Date(Date.now() + 3_600_000) }, db.prisma);
    expect(await db.prisma.notification.count({ where: { userId: other.userId, kind: "task_assigned", taskId: task.id } })).toBe(1);
    expect(await db.prisma.mailMessage.count({ where: { to: member.email, template: "notification.task_assigned" } })).toBe(0);
    expect(await sendTaskDueReminders({}, db.prisma)).toMatchObject({ dueSoon: 1 });
    expect(await sendTaskDueReminders({}, db.prisma)).toMatchObject({ dueSoon: 0 });
    expect(await sendTaskDueReminders({ now: new Date(Date.now() + 2 * 3_600_000) }, db.prisma)).toMatchObject({ overdue: 1 });
    expect(await db.prisma.notification.count({ where: { userId: other.userId, taskId: task.id } })).toBe(3);
  });

  it("parses mentions and renders markdown with raw HTML escaped", () => {
    const members = [{ userId: "u1", email: "ada@example.com", name: "Ada Lovelace" }, { userId: "u2", email: "bob@example.com", name: null }];
    expect(parseMentions("hi @ada and @Bob@Example.com, mail bob@example.com", members).sort()).toEqual(["u1", "u2"]);
    expect(parseMentions("@AdaLovelace @ada.lovelace", members)).toEqual(["u1"]);
    expect(parseMentions("no one@here", members)).toEqual([]);
    const html = renderMarkdown('**bold** <script>alert(1)</script> [x](javascript:alert(1)) <img src=x onerror=alert(1)>');
    expect(html).toContain("<strong>bold</strong>");
    expect(html).toContain("&lt;script&gt;");
    expect(html).not.toContain("<script");
    expect(html).not.toContain("<img");
    expect(html).not.toContain('href="javascript:');
  });
});
