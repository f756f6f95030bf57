// The verification-requested job (a finding's re-check) on the real database and the embedded engine, against
// a fixture site: a scan finds a page without an h1; a re-check before the fix fails (the finding stays open,
// the credit is spent); the page is fixed on disk; the next re-check passes, the finding is resolved as
// verified and the task linking it moves to done with a history entry — all through the job outbox.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setDatabase, type Database } from "@/lib/db";
import { resetEnv } from "@/lib/env";
import { startJobEngine, stopJobEngine } from "@/lib/jobs";
import { requestRecheck } from "@/lib/services/rechecks/request-recheck";
import { createScanInTx } from "@/lib/services/scans/create-scan";
import { crawlScan } from "@/lib/services/scans/crawl-scan";
import { gatherScan } from "@/lib/services/scans/gather-scan";
import { markScanRunning } from "@/lib/services/scans/mark-scan-running";
import { settleScan } from "@/lib/services/scans/settle-scan";
import { createTask } from "@/lib/services/tasks/create-task";
import { createTestDatabase } from "@/test/support/db";
import { startFixtureServer, type FixtureServer } from "@/test/support/fixture-server";
import { ledgerSum, seedTenant, type SeededTenant } from "@/test/services/seed";

let db: Database;
let site: FixtureServer;
let siteDir: string;
let t: SeededTenant;

const ABOUT = () => path.join(siteDir, "about.html");

beforeAll(async () => {
  process.env.PLUMB_ALLOW_PRIVATE_TARGETS = "1";
  process.env.PLUMB_JOBS_CRON = "off";
  process.env.PLUMB_JOBS_POLL_SECONDS = "0.5";
  delete process.env.PLUMB_ROLE;
  resetEnv();
  siteDir = fs.mkdtempSync(path.join(os.tmpdir(), "plumb-recheck-"));
  fs.cpSync(path.resolve(import.meta.dirname, "..", "fixtures", "sites", "clean"), siteDir, { recursive: true });
  // The defect: /about loses its h1.
  fs.writeFileSync(ABOUT(), fs.readFileSync(ABOUT(), "utf8").replace("<h1>About the bakers</h1>", "<h2>About the bakers</h2>"));
  site = await startFixtureServer({ root: siteDir });
  db = await createTestDatabase();
  setDatabase(db);
  t = await seedTenant(db.prisma, { credits: 100 });
  await db.prisma.domain.update({ where: { id: t.domainId }, data: { scheme: "http", host: new URL(site.origin).host } });
  await startJobEngine();
});

afterAll(async () => {
  await stopJobEngine();
  setDatabase(undefined);
  await db?.close();
  await site?.close();
  if (siteDir) fs.rmSync(siteDir, { recursive: true, force: true });
  delete process.env.PLUMB_ALLOW_PRIVATE_TARGETS;
  delete process.env.PLUMB_JOBS_CRON;
  delete process.env.PLUMB_JOBS_POLL_SECONDS;
  resetEnv();
});

async function untilFinished(verificationId: string) {
  const deadline = Date.now() + 90_000;
  for (;;) {
    const v = await db.prisma.verification.findUniqueOrThrow({ where: { id: verificationId }, include: { results: true } });
    if (v.status === "passed" || v.status === "failed") return v;
    if (Date.now() > deadline) throw new Error(`re-check ${verificationId} still ${v.status}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe("verification-requested", { timeout: 240_000 }, () => {
  let findingId: string;
  let taskId: string;

  it("a scan finds the page without an h1", async () => {
    const { scan } = await db.prisma.$transaction((tx) => createScanInTx(tx, t.actor, { domainId: t.domainId, pillars: ["seo"], maxPages: 10 }));
    // The scan's own job is not what this test is about: run its stages directly (the outbox row stays unsent).
    await db.prisma.jobOutbox.deleteMany({ where: { key: `scan:${scan.id}` } });
    await markScanRunning({ scanId: scan.id }, db.prisma);
    await crawlScan({ scanId: scan.id }, db.prisma);
    const g = await gatherScan({ scanId: scan.id }, db.prisma);
    if (g.stopped) throw new Error("gather stopped");
    await settleScan({ scanId: scan.id, erroredRules: g.erroredRules }, db.prisma);
    const f = await db.prisma.finding.findFirstOrThrow({ where: { domainId: t.domainId, rule: "seo-h1-missing" } });
    expect(f.status).toBe("open");
    expect(f.urls.some((u) => u.endsWith("/about"))).toBe(true);
    findingId = f.id;
    const task = await createTask(t.actor, { title: "Give /about its h1", findingIds: [f.id], assigneeId: t.userId }, db.prisma);
    taskId = task.id;
    expect(await ledgerSum(db.prisma, t.orgId)).toBe(99);
  });

  it("a re-check before the fix fails: the finding stays open, the credit is spent, a second request joins the running one", async () => {
    const first = await requestRecheck(t.actor, { findingId });
    const again = await requestRecheck(t.actor, { findingId });
    expect(first.created).toBe(true);
    expect(again.created).toBe(false);
    expect(again.verification.id).toBe(first.verification.id);
    const v = await untilFinished(first.verification.id);
    expect(v.status).toBe("failed");
    expect(v.error).toBeNull();
    expect(v.creditsCharged).toBe(1);
    expect(v.results.length).toBeGreaterThan(0);
    expect(v.results.map((r) => ({ url: r.url, selector: r.selector, asset: r.asset, passed: r.passed }))).toEqual(
      v.results.map((r) => ({ url: r.url, selector: r.selector, asset: r.asset, passed: false })),
    );
    expect(v.results.find((r) => r.url.endsWith("/about"))?.snippet).toContain("About the bakers");
    expect(await db.prisma.finding.findUniqueOrThrow({ where: { id: findingId } })).toMatchObject({ status: "open", resolution: null });
    expect(await db.prisma.task.findUniqueOrThrow({ where: { id: taskId } })).toMatchObject({ status: "todo" });
    expect(await ledgerSum(db.prisma, t.orgId)).toBe(98);
    const run = await db.prisma.jobRun.findFirst({ where: { functionId: { endsWith: "verification-requested" } } });
    expect(run?.status).toBe("completed");
  });

  it("after the fix, the re-check passes: the finding is resolved as verified and its task is done", async () => {
    fs.writeFileSync(ABOUT(), fs.readFileSync(ABOUT(), "utf8").replace("<h2>About the bakers</h2>", "<h1>About the bakers</h1>"));
    const { verification, created } = await requestRecheck(t.actor, { findingId });
    expect(created).toBe(true);
    const v = await untilFinished(verification.id);
    expect(v.status).toBe("passed");
    expect(v.results.every((r) => r.passed)).toBe(true);
    expect(v.result).toMatch(/passed/);
    const f = await db.prisma.finding.findUniqueOrThrow({ where: { id: findingId } });
    expect(f).toMatchObject({ status: "resolved", resolution: "verified", resolvedVerificationId: v.id });
    const task = await db.prisma.task.findUniqueOrThrow({ where: { id: taskId }, include: { events: { orderBy: { createdAt: "asc" } } } });
    expect(task.status).toBe("done");
    expect(task.doneAt).toBeInstanceOf(Date);
    const auto = task.events.find((e) => e.kind === "auto_done");
    expect(auto).toMatchObject({ actorId: null, fromValue: "todo", toValue: "done" });
    expect(auto?.note).toMatch(/re-check/);
    expect(await db.prisma.auditEvent.count({ where: { organizationId: t.orgId, action: "task.auto_done", targetId: taskId } })).toBe(1);
    expect(await db.prisma.auditEvent.count({ where: { organizationId: t.orgId, action: "verification.create" } })).toBe(2);
    expect(await ledgerSum(db.prisma, t.orgId)).toBe(97);
    // A resolved finding is not re-checked again.
    await expect(requestRecheck(t.actor, { findingId })).rejects.toMatchObject({ code: "conflict" });
    expect(await ledgerSum(db.prisma, t.orgId)).toBe(97);
  });
});
