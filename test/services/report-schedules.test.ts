// Scheduled reports on the real database through the real embedded engine: the calendar in a time zone, the
// rules of a schedule (time zone, weekday, recipients cap, other organization), the due-schedule batch run
// (one delivery per schedule and period however often it runs), the export job printing the PDF and mailing it
// to a local SMTP server as an attachment, a file over the attachment limit sent as a signed link, pause/resume
// and the audit trail.
import { extractText, getDocumentProxy } from "unpdf";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setDatabase, type Database } from "@/lib/db";
import { resetEnv } from "@/lib/env";
import { startJobEngine, stopJobEngine } from "@/lib/jobs";
import { nextOccurrence, periodKey } from "@/lib/services/report-schedules/calendar";
import { createReportSchedule } from "@/lib/services/report-schedules/create-report-schedule";
import { getLinkedReportFile } from "@/lib/services/report-schedules/get-linked-report-file";
import { runDueReportSchedules } from "@/lib/services/report-schedules/run-due-report-schedules";
import { updateReportSchedule } from "@/lib/services/report-schedules/update-report-schedule";
import { deleteReportSchedule } from "@/lib/services/report-schedules/delete-report-schedule";
import { createReport } from "@/lib/services/reports/create-report";
import { createTestDatabase } from "@/test/support/db";
import { recipient, startSmtpServer, type TestSmtpServer } from "@/test/support/mail";
import { seedTenant, type SeededTenant } from "@/test/services/seed";
import { seedScannedDomain } from "@/test/reports/seed-scanned-domain";

describe("schedule calendar", () => {
  it("finds the next weekly and monthly occurrence in the schedule's time zone, across daylight saving", () => {
    const weekly = { cadence: "weekly" as const, day: 1, hour: 8, timezone: "Europe/Paris" };
    // Wednesday 2 Dec 2026 → Monday 7 Dec, 08:00 in Paris (UTC+1).
    expect(nextOccurrence(weekly, new Date("2026-12-02T10:00:00Z")).toISOString()).toBe("2026-12-07T07:00:00.000Z");
    // Exactly at an occurrence: the next one, a week later.
    expect(nextOccurrence(weekly, new Date("2026-12-07T07:00:00Z")).toISOString()).toBe("2026-12-14T07:00:00.000Z");
    // Summer time (UTC+2).
    expect(nextOccurrence(weekly, new Date("2026-06-30T12:00:00Z")).toISOString()).toBe("2026-07-06T06:00:00.000Z");
    const monthly = { cadence: "monthly" as const, day: 1, hour: 0, timezone: "America/New_York" };
    expect(nextOccurrence(monthly, new Date("2026-03-15T00:00:00Z")).toISOString()).toBe("2026-04-01T04:00:00.000Z");
    expect(nextOccurrence(monthly, new Date("2026-11-15T00:00:00Z")).toISOString()).toBe("2026-12-01T05:00:00.000Z");
    // Late on the 31st in UTC is already the 1st in Tokyo.
    expect(nextOccurrence({ cadence: "monthly", day: 1, hour: 9, timezone: "Asia/Tokyo" }, new Date("2026-12-31T20:00:00Z")).toISOString()).toBe("2027-01-01T00:00:00.000Z");
  });

  it("names the period of an occurrence (ISO week or month) in the schedule's zone", () => {
    expect(periodKey({ cadence: "weekly", timezone: "UTC" }, new Date("2026-01-01T12:00:00Z"))).toBe("2026-W01");
    expect(periodKey({ cadence: "weekly", timezone: "UTC" }, new Date("2027-01-01T12:00:00Z"))).toBe("2026-W53");
    expect(periodKey({ cadence: "weekly", timezone: "UTC" }, new Date("2026-12-07T07:00:00Z"))).toBe("2026-W50");
    expect(periodKey({ cadence: "monthly", timezone: "Asia/Tokyo" }, new Date("2026-12-31T20:00:00Z"))).toBe("2027-01");
  });
});

let db: Database;
let smtp: TestSmtpServer;
let t: SeededTenant;
let other: SeededTenant;
let reportId: string;

async function waitUntil<T>(what: string, fn: () => Promise<T | null | undefined | false>, timeoutMs = 240_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`${what}: not in time`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

beforeAll(async () => {
  smtp = await startSmtpServer();
  process.env.SMTP_URL = smtp.url;
  process.env.PLUMB_MAIL_FROM = "Plumb Test <plumb@example.test>";
  process.env.PLUMB_JOBS_CRON = "off";
  process.env.PLUMB_JOBS_POLL_SECONDS = "0.5";
  process.env.PLUMB_JOBS_RETRY_BASE_MS = "200";
  delete process.env.PLUMB_ROLE;
  resetEnv();
  db = await createTestDatabase();
  setDatabase(db);
  t = await seedTenant(db.prisma);
  other = await seedTenant(db.prisma);
  const { domainId } = await seedScannedDomain(db.prisma, t.orgId, { host: "weekly.example", score: 64, grade: "D", findings: [{ rule: "sec-hsts", severity: "high", pages: 2 }] });
  // The report is saved without running its first export: only the schedule's exports run in this test.
  reportId = (await db.prisma.report.create({ data: { organizationId: t.orgId, domainId, title: "Weekly client report", sections: [] } })).id;
  await startJobEngine();
}, 300_000);

afterAll(async () => {
  await stopJobEngine();
  setDatabase(undefined);
  await db?.close();
  await smtp?.close();
  delete process.env.SMTP_URL;
  delete process.env.PLUMB_JOBS_RETRY_BASE_MS;
  delete process.env.PLUMB_REPORT_MAIL_ATTACHMENT_MAX_MB;
  resetEnv();
});

describe("report schedules", { timeout: 400_000 }, () => {
  it("refuses a bad time zone, a weekly day past Sunday, too many recipients, a bad address and another organization's report", async () => {
    const base = { reportId, cadence: "weekly" as const, day: 1, recipients: ["a@example.test"] };
    await expect(createReportSchedule(t.actor, { ...base, timezone: "Mars/Olympus" }, db.prisma)).rejects.toMatchObject({ code: "invalid_params" });
    await expect(createReportSchedule(t.actor, { ...base, day: 9 }, db.prisma)).rejects.toMatchObject({ code: "invalid_params" });
    await expect(createReportSchedule(t.actor, { ...base, recipients: Array.from({ length: 21 }, (_, i) => `r${i}@example.test`) }, db.prisma)).rejects.toMatchObject({ code: "invalid_params" });
    await expect(createReportSchedule(t.actor, { ...base, recipients: ["not-an-address"] }, db.prisma)).rejects.toMatchObject({ code: "invalid_params" });
    await expect(createReportSchedule(other.actor, base, db.prisma)).rejects.toMatchObject({ code: "not_found" });
    expect(await db.prisma.reportSchedule.count()).toBe(0);
  });

  it("exports a due schedule once per period and mails the PDF to every recipient as an attachment", async () => {
    const created = new Date(Date.now() - 8 * 86_400_000);
    const s = await createReportSchedule(
      t.actor,
      { reportId, cadence: "weekly", day: 1, hour: 8, timezone: "Europe/Paris", recipients: ["Client@Example.test", "team@example.test", "client@example.test"], now: created },
      db.prisma,
    );
    // Addresses are lower-cased and deduplicated; the first run is the Monday after creation: already due.
    expect(s.recipients).toEqual(["client@example.test", "team@example.test"]);
    expect(s.format).toBe("pdf");
    expect(s.nextRunAt!.getTime()).toBeLessThan(Date.now());
    const slot = s.nextRunAt!;

    const first = await runDueReportSchedules({}, db.prisma);
    expect(first.started).toEqual([s.id]);
    const after = await db.prisma.reportSchedule.findUniqueOrThrow({ where: { id: s.id } });
    expect(after.nextRunAt!.getTime()).toBeGreaterThan(Date.now());
    const run = await db.prisma.reportScheduleRun.findFirstOrThrow({ where: { scheduleId: s.id } });
    expect(run.periodKey).toBe(periodKey(s, slot));

    const mails = await Promise.all(["client@example.test", "team@example.test"].map((to) => smtp.waitFor((m) => recipient(m) === to, 240_000)));
    for (const mail of mails) {
      expect(mail.subject).toContain("Weekly client report");
      expect(mail.text).toContain("The file is attached");
      expect(mail.attachments).toHaveLength(1);
      const att = mail.attachments[0];
      expect(att.contentType).toBe("application/pdf");
      expect(att.filename).toMatch(/^plumb-report-weekly\.example-\d{4}-\d{2}-\d{2}\.pdf$/);
      expect(att.content.subarray(0, 5).toString()).toBe("%PDF-");
      const { text } = await extractText(await getDocumentProxy(new Uint8Array(att.content)), { mergePages: true });
      expect(text).toContain("weekly.example");
      expect(text).toContain("sec-hsts on weekly.example");
    }
    const sent = await waitUntil("run sent", async () => {
      const r = await db.prisma.reportScheduleRun.findUniqueOrThrow({ where: { id: run.id } });
      return r.status === "sent" ? r : null;
    });
    expect(sent.delivery).toBe("attachment");

    // The same period again (a replayed tick, or the slot put back by hand): nothing new is exported or sent.
    await db.prisma.reportSchedule.update({ where: { id: s.id }, data: { nextRunAt: slot } });
    const again = await runDueReportSchedules({}, db.prisma);
    expect(again).toMatchObject({ started: [], skipped: [s.id] });
    expect(await db.prisma.reportExport.count({ where: { reportId } })).toBe(1);
    await new Promise((r) => setTimeout(r, 1500));
    expect(smtp.messages.filter((m) => ["client@example.test", "team@example.test"].includes(recipient(m)))).toHaveLength(2);
    const audit = await db.prisma.auditEvent.findMany({ where: { organizationId: t.orgId, targetId: s.id }, orderBy: { createdAt: "asc" } });
    expect(audit.map((a) => a.action)).toEqual(["report_schedule.create", "report_schedule.run"]);
    await deleteReportSchedule(t.actor, { scheduleId: s.id }, db.prisma);
  });

  it("sends a download link instead when the file is over the attachment limit; the link is signed and expires", async () => {
    process.env.PLUMB_REPORT_MAIL_ATTACHMENT_MAX_MB = "0";
    resetEnv();
    try {
      const s = await createReportSchedule(t.actor, { reportId, cadence: "monthly", day: 2, hour: 6, format: "csv", recipients: ["big@example.test"], now: new Date(Date.now() - 40 * 86_400_000) }, db.prisma);
      expect((await runDueReportSchedules({}, db.prisma)).started).toEqual([s.id]);
      const mail = await smtp.waitFor((m) => recipient(m) === "big@example.test", 240_000);
      expect(mail.attachments).toHaveLength(0);
      const link = /(http\S+\/api\/v1\/report-files\/(\S+?)\?expires=(\d+)&signature=([A-Za-z0-9_-]+))/.exec(mail.text ?? "");
      expect(link, mail.text).not.toBeNull();
      const [, , exportId, expires, signature] = link!;
      const file = await getLinkedReportFile({ exportId, expires: Number(expires), signature }, db.prisma);
      expect(file.contentType).toMatch(/^text\/csv/);
      expect(file.bytes.toString("utf8")).toContain("sec-hsts");
      await expect(getLinkedReportFile({ exportId, expires: Number(expires) + 1, signature }, db.prisma)).rejects.toMatchObject({ code: "not_found" });
      await expect(getLinkedReportFile({ exportId, expires: Number(expires), signature: `${signature.slice(0, -1)}A` === signature ? `${signature.slice(0, -1)}B` : `${signature.slice(0, -1)}A` }, db.prisma)).rejects.toMatchObject({ code: "not_found" });
      await expect(getLinkedReportFile({ exportId, expires: Number(expires), signature, now: new Date((Number(expires) + 1) * 1000) }, db.prisma)).rejects.toMatchObject({ code: "gone" });
      const run = await db.prisma.reportScheduleRun.findFirstOrThrow({ where: { scheduleId: s.id } });
      expect(run.delivery).toBe("link");
    } finally {
      delete process.env.PLUMB_REPORT_MAIL_ATTACHMENT_MAX_MB;
      resetEnv();
    }
  });

  it("a paused schedule has no next run and is never picked; resuming plans the next occurrence", async () => {
    const s = await createReportSchedule(t.actor, { reportId, cadence: "weekly", day: 3, hour: 7, recipients: ["p@example.test"], now: new Date(Date.now() - 8 * 86_400_000) }, db.prisma);
    const paused = await updateReportSchedule(t.actor, { scheduleId: s.id, patch: { enabled: false } }, db.prisma);
    expect(paused).toMatchObject({ enabled: false, nextRunAt: null });
    expect((await runDueReportSchedules({}, db.prisma)).started).not.toContain(s.id);
    const resumed = await updateReportSchedule(t.actor, { scheduleId: s.id, patch: { enabled: true } }, db.prisma);
    expect(resumed.enabled).toBe(true);
    expect(resumed.nextRunAt!.getTime()).toBeGreaterThan(Date.now());
    await expect(updateReportSchedule(t.actor, { scheduleId: s.id, patch: { day: 12 } }, db.prisma)).rejects.toMatchObject({ code: "invalid_params" });
    await expect(updateReportSchedule(other.actor, { scheduleId: s.id, patch: { enabled: false } }, db.prisma)).rejects.toMatchObject({ code: "not_found" });
    const actions = (await db.prisma.auditEvent.findMany({ where: { targetId: s.id }, orderBy: { createdAt: "asc" } })).map((a) => a.action);
    expect(actions).toEqual(["report_schedule.create", "report_schedule.pause", "report_schedule.resume"]);
  });

  it("a portfolio report's schedule refuses SARIF", async () => {
    const second = await seedScannedDomain(db.prisma, t.orgId, { host: "second.example", score: 80, grade: "B", findings: [] });
    const first = await db.prisma.report.findUniqueOrThrow({ where: { id: reportId } });
    const portfolio = await createReport(t.actor, { domainIds: [first.domainId, second.domainId], format: "json" }, db.prisma);
    await expect(createReportSchedule(t.actor, { reportId: portfolio.id, cadence: "weekly", day: 1, format: "sarif", recipients: ["x@example.test"] }, db.prisma)).rejects.toMatchObject({ code: "invalid_params" });
  });
});
