import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { cron } from "inngest";
import { setDatabase, type Database } from "@/lib/db";
import type { EmbeddedEngine } from "@/lib/jobs/embedded/engine";
import { send, stopJobEngine } from "@/lib/jobs";
import { maintenancePurgeRequested, scanRequested } from "@/inngest/events";
import { createTestDatabase } from "@/test/support/db";
import { startTestEngine, testClient, waitForFunctionRun } from "./helpers";

let db: Database;
let engine: EmbeddedEngine | undefined;

beforeEach(async () => {
  db = await createTestDatabase();
});

afterEach(async () => {
  await engine?.stop();
  engine = undefined;
  await stopJobEngine();
  setDatabase(undefined);
  await db.close();
});

describe("cron triggers", () => {
  it("registers a pg-boss schedule per cron trigger, runs the scheduled job, and drops schedules removed from code", async () => {
    const client = testClient("crontest");
    const ticks: unknown[] = [];
    const nightly = client.createFunction({ id: "nightly", triggers: [cron("TZ=Europe/Paris 30 2 * * *")] }, async ({ event, step }) => {
      await step.run("tick", () => ticks.push(event.data));
      return event.name;
    });
    engine = await startTestEngine(db, client, [nightly], { cron: true });
    const schedules = await engine.pgBoss.getSchedules();
    expect(schedules.map((s) => [s.name, s.key, s.cron, s.timezone])).toEqual([["inngest.crontest-nightly", "cron-0", "30 2 * * *", "Europe/Paris"]]);

    // What pg-boss's cron worker sends when the schedule comes due.
    await engine.pgBoss.send("inngest.crontest-nightly", { cron: "30 2 * * *" });
    const run = await waitForFunctionRun(db, "crontest-nightly");
    expect(run.status).toBe("completed");
    expect(run.output).toBe("inngest/scheduled.timer");
    expect(ticks).toEqual([{ cron: "30 2 * * *" }]);
    await engine.stop();

    const withoutCron = client.createFunction({ id: "nightly", triggers: [{ event: "crontest/manual" }] }, async () => "ok");
    engine = await startTestEngine(db, client, [withoutCron], { cron: true });
    expect(await engine.pgBoss.getSchedules()).toEqual([]);
  });
});

describe("purge-expired-idempotency-keys (the real function, through send())", () => {
  it("deletes expired idempotency keys and rate-limit buckets, keeps live ones", async () => {
    setDatabase(db);
    const org = await db.prisma.organization.create({ data: { name: "Acme", slug: "acme" } });
    const past = new Date(Date.now() - 60_000);
    const future = new Date(Date.now() + 3_600_000);
    const key = (k: string, expiresAt: Date) => ({ organizationId: org.id, key: k, method: "POST", path: "/api/v1/scans", requestHash: "h", expiresAt });
    await db.prisma.idempotencyKey.createMany({ data: [key("old-1", past), key("old-2", past), key("live", future)] });
    await db.prisma.rateLimitBucket.createMany({
      data: [
        { key: "old", count: 3, windowStart: past, expiresAt: past },
        { key: "live", count: 1, windowStart: new Date(), expiresAt: future },
      ],
    });

    const longAgo = new Date(Date.now() - 40 * 24 * 3600_000);
    await db.prisma.jobRun.createMany({
      data: [
        { id: "old-done", functionId: "x", event: {}, status: "completed", finishedAt: longAgo },
        { id: "recent-done", functionId: "x", event: {}, status: "failed", finishedAt: new Date() },
      ],
    });

    // An alert delivery past PLUMB_ALERT_DELIVERY_RETENTION_DAYS (90) and a recent one.
    const channel = await db.prisma.alertChannel.create({ data: { organizationId: org.id, kind: "webhook", name: "hook", triggers: ["scan.finished"] } });
    await db.prisma.alertDelivery.createMany({
      data: [
        { organizationId: org.id, channelId: channel.id, eventKey: "scan-finished:old", trigger: "scan.finished", payload: {}, createdAt: new Date(Date.now() - 100 * 24 * 3600_000) },
        { organizationId: org.id, channelId: channel.id, eventKey: "scan-finished:new", trigger: "scan.finished", payload: {} },
      ],
    });

    const { ids } = await send(maintenancePurgeRequested.create({ reason: "test" }));
    expect(ids).toHaveLength(1);
    const run = await waitForFunctionRun(db, "plumb-purge-expired-idempotency-keys");
    expect(run.id).not.toBe("old-done");
    expect(run.status).toBe("completed");
    expect(run.output).toMatchObject({ idempotencyKeysDeleted: 2, rateLimitBucketsDeleted: 1, jobRunsDeleted: 1, alertDeliveriesDeleted: 1, creditMismatches: 0 });
    expect((await db.prisma.alertDelivery.findMany({ where: { channelId: channel.id } })).map((d) => d.eventKey)).toEqual(["scan-finished:new"]);
    expect(await db.prisma.jobRun.findUnique({ where: { id: "old-done" } })).toBeNull();
    expect(await db.prisma.jobRun.findUnique({ where: { id: "recent-done" } })).not.toBeNull();
    expect((await db.prisma.idempotencyKey.findMany()).map((k) => k.key)).toEqual(["live"]);
    expect((await db.prisma.rateLimitBucket.findMany()).map((b) => b.key)).toEqual(["live"]);
  });

  it("rejects an invalid event before anything is enqueued", async () => {
    setDatabase(db);
    await expect(send(scanRequested.create({ scanId: "", organizationId: "o" }))).rejects.toThrow(/scanId/);
    expect(await db.prisma.jobRun.count()).toBe(0);
  });
});
