// The job outbox: enqueueJob writes a row in the caller's transaction (validated, deduplicated, rolled back
// with it); the dispatcher sends committed rows through the real engine and marks them sent; the sweeper
// leaves fresh rows alone and re-sends old ones; services reach the job system only through the outbox.
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { setDatabase, type Database } from "@/lib/db";
import { resetEnv } from "@/lib/env";
import { dispatchOutbox, startJobEngine, stopJobEngine, sweepOutbox } from "@/lib/jobs";
import { enqueueJob, flushOutbox } from "@/lib/jobs/outbox";
import { createScan } from "@/lib/services/scans/create-scan";
import { createTestDatabase } from "@/test/support/db";
import { seedTenant } from "@/test/services/seed";
import { waitForFunctionRun } from "./helpers";

let db: Database;
beforeAll(async () => {
  process.env.PLUMB_JOBS_CRON = "off";
  process.env.PLUMB_JOBS_POLL_SECONDS = "0.5";
  delete process.env.PLUMB_ROLE;
  resetEnv();
  db = await createTestDatabase();
  setDatabase(db);
});
afterAll(async () => {
  await stopJobEngine();
  setDatabase(undefined);
  await db?.close();
});

describe("enqueueJob", () => {
  it("writes one row per key, with the validated payload, in the caller's transaction", async () => {
    const first = await db.prisma.$transaction((tx) =>
      enqueueJob(tx, { event: "plumb/maintenance.purge", data: { reason: "test" }, key: "purge:one" }),
    );
    const again = await db.prisma.$transaction((tx) =>
      enqueueJob(tx, { event: "plumb/maintenance.purge", data: { reason: "again" }, key: "purge:one" }),
    );
    expect(first).toEqual({ key: "purge:one", created: true });
    expect(again).toEqual({ key: "purge:one", created: false });
    const rows = await db.prisma.jobOutbox.findMany({ where: { key: "purge:one" } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ event: "plumb/maintenance.purge", data: { reason: "test" }, sentAt: null });
  });

  it("rolls back with the transaction and refuses an invalid payload", async () => {
    await expect(
      db.prisma.$transaction(async (tx) => {
        await enqueueJob(tx, { event: "plumb/maintenance.purge", data: {}, key: "purge:rolled-back" });
        throw new Error("the state change failed");
      }),
    ).rejects.toThrow(/state change failed/);
    expect(await db.prisma.jobOutbox.count({ where: { key: "purge:rolled-back" } })).toBe(0);

    await expect(
      db.prisma.$transaction((tx) =>
        // @ts-expect-error scanId is required
        enqueueJob(tx, { event: "plumb/scan.requested", data: { organizationId: "org" }, key: "scan:bad" }),
      ),
    ).rejects.toThrow(ZodError);
    expect(await db.prisma.jobOutbox.count({ where: { key: "scan:bad" } })).toBe(0);
  });
});

describe("dispatcher and sweeper", () => {
  it("the sweeper leaves fresh rows to their process; dispatch sends them through the engine, which runs the work once", async () => {
    await db.prisma.jobOutbox.deleteMany({});
    await db.prisma.$transaction((tx) => enqueueJob(tx, { event: "plumb/maintenance.purge", data: { reason: "sweep" }, key: "purge:sweep" }));
    expect(await sweepOutbox({ prisma: db.prisma })).toEqual({ sent: 0, failed: 0, invalid: 0 });

    await startJobEngine();
    const row = await db.prisma.jobOutbox.findUniqueOrThrow({ where: { key: "purge:sweep" } });
    expect(row.sentAt).not.toBeNull();
    const run = await waitForFunctionRun(db, "plumb-purge-expired-idempotency-keys");
    expect(run.status).toBe("completed");

    // Sent twice (a second dispatcher, a crash after the send): the key is the event id, one run only.
    await db.prisma.jobOutbox.update({ where: { key: "purge:sweep" }, data: { sentAt: null, createdAt: new Date(Date.now() - 120_000) } });
    expect(await sweepOutbox({ prisma: db.prisma })).toMatchObject({ sent: 1 });
    await new Promise((r) => setTimeout(r, 1500));
    expect(await db.prisma.jobRun.count({ where: { functionId: "plumb-purge-expired-idempotency-keys" } })).toBe(1);
  }, 180_000);

  it("a row the queue refuses stays unsent with its error, and a later dispatch sends it", async () => {
    await db.prisma.jobOutbox.create({ data: { event: "plumb/unknown.event", data: {}, key: "unknown:1" } });
    const res = await dispatchOutbox({ prisma: db.prisma });
    expect(res.invalid).toBe(1);
    const row = await db.prisma.jobOutbox.findUniqueOrThrow({ where: { key: "unknown:1" } });
    expect(row.sentAt).toBeNull();
    expect(row.lastError).toMatch(/not a valid/);
    await db.prisma.jobOutbox.delete({ where: { key: "unknown:1" } });
  });

  it("createScan commits the scan with its outbox row and sends it after the commit", async () => {
    const t = await seedTenant(db.prisma, { credits: 20 });
    const { scan } = await createScan(t.actor, { domainId: t.domainId, pillars: ["seo"] }, db.prisma);
    const row = await db.prisma.jobOutbox.findUniqueOrThrow({ where: { key: `scan:${scan.id}` } });
    expect(row).toMatchObject({ event: "plumb/scan.requested", data: { scanId: scan.id, organizationId: t.orgId }, organizationId: t.orgId });
    expect(row.sentAt).not.toBeNull();
    await flushOutbox(); // nothing left: a no-op
    expect(await db.prisma.jobOutbox.count({ where: { sentAt: null } })).toBe(0);
  }, 120_000);
});

describe("layering", () => {
  const files = (dir: string): string[] =>
    fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : e.name.endsWith(".ts") ? [path.join(dir, e.name)] : []));

  it("services reach background work only through the outbox, never the engine, Inngest or inngest/", () => {
    const offenders: string[] = [];
    for (const file of files("lib/services")) {
      const src = fs.readFileSync(file, "utf8");
      for (const m of src.matchAll(/from\s+["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g)) {
        const spec = m[1] ?? m[2];
        if (/^@\/inngest\b|^inngest\b|^pg-boss\b/.test(spec) || (/^@\/lib\/jobs\b/.test(spec) && !/^@\/lib\/jobs\/(outbox|events)\b/.test(spec))) {
          offenders.push(`${file}: ${spec}`);
        }
      }
    }
    expect(offenders).toEqual([]);
  });

  it("the outbox module imports nothing of the engine", () => {
    for (const file of files("lib/jobs/outbox")) {
      const src = fs.readFileSync(file, "utf8");
      expect(src, file).not.toMatch(/from\s+["'](\.\.\/(start|send|dispatch|embedded)|@\/inngest|inngest|pg-boss)/);
    }
  });

  it("the job mode is decided in lib/jobs/mode.ts only", () => {
    const offenders: string[] = [];
    for (const dir of ["lib", "inngest", "app"]) {
      for (const file of files(dir)) {
        if (file === path.join("lib", "jobs", "mode.ts") || file.endsWith(".test.ts")) continue;
        const src = fs.readFileSync(file, "utf8");
        if (/(env|process\.env)\s*\.\s*INNGEST_(EVENT_KEY|DEV|SIGNING_KEY)|raw\.INNGEST_/.test(src)) offenders.push(file);
      }
    }
    expect(offenders).toEqual([]);
  });
});
