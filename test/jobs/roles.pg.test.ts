// Web and worker roles on one PostgreSQL (two processes): a PLUMB_ROLE=web process starts no job workers and
// no cron, only sends; `plumb worker` (the real CLI, a child process) runs the job the web process sent.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setDatabase, type Database } from "@/lib/db";
import { resetEnv } from "@/lib/env";
import { getJobEngine, startJobEngine, stopJobEngine } from "@/lib/jobs";
import { createScan } from "@/lib/services/scans/create-scan";
import { createTestDatabase, testEngine } from "@/test/support/db";
import { seedTenant } from "@/test/services/seed";

const PLUMB = path.resolve("bin/plumb.mjs");

describe.skipIf(testEngine() !== "postgres")("web and worker roles (PostgreSQL, two processes)", () => {
  let db: Database;
  let worker: ChildProcess | undefined;
  const saved = { role: process.env.PLUMB_ROLE };

  beforeAll(async () => {
    process.env.PLUMB_ROLE = "web";
    process.env.PLUMB_JOBS_POLL_SECONDS = "0.5";
    resetEnv();
    db = await createTestDatabase();
    setDatabase(db);
  });
  afterAll(async () => {
    worker?.kill("SIGKILL");
    await stopJobEngine();
    setDatabase(undefined);
    await db?.close();
    if (saved.role === undefined) delete process.env.PLUMB_ROLE;
    else process.env.PLUMB_ROLE = saved.role;
    resetEnv();
  });

  it("the web role only sends; a worker process runs what it sent", async () => {
    await startJobEngine();
    const engine = await getJobEngine();
    expect(engine.isWorking).toBe(false);
    expect(await engine.pgBoss.getSchedules()).toEqual([]);

    const t = await seedTenant(db.prisma, { credits: 10 });
    const { scan } = await createScan(t.actor, { domainId: t.domainId, pillars: ["security"] }, db.prisma);
    const row = await db.prisma.jobOutbox.findUniqueOrThrow({ where: { key: `scan:${scan.id}` } });
    expect(row.sentAt).not.toBeNull();
    // Queued in the shared pg-boss queue, and nobody here picks it up.
    await new Promise((r) => setTimeout(r, 2500));
    const [job] = await engine.pgBoss.findJobs("inngest.plumb-scan-requested", {});
    expect(job?.state).toBe("created");
    expect(await db.prisma.jobRun.count()).toBe(0);
    expect((await db.prisma.scan.findUniqueOrThrow({ where: { id: scan.id } })).status).toBe("queued");

    const url = db.pool?.options.connectionString;
    const { PLUMB_ROLE: _role, ...rest } = process.env;
    worker = spawn(process.execPath, [PLUMB, "worker", "--json"], {
      env: { ...rest, DATABASE_URL: url, PLUMB_JOBS_CRON: "off", PLUMB_JOBS_POLL_SECONDS: "0.5", PLUMB_ENCRYPTION_KEY: "a".repeat(64), NEXTAUTH_SECRET: "s".repeat(40) },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    worker.stdout?.on("data", (d: Buffer) => (stdout += d.toString()));
    worker.stderr?.on("data", (d: Buffer) => (stderr += d.toString()));
    const exited = new Promise<number | null>((resolve) => worker?.on("exit", (code) => resolve(code)));

    const deadline = Date.now() + 120_000;
    let status = "queued";
    while ((status === "queued" || status === "running") && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 250));
      status = (await db.prisma.scan.findUniqueOrThrow({ where: { id: scan.id } })).status;
    }
    expect(JSON.parse(stdout.split("\n")[0] || "{}"), stderr).toMatchObject({ ready: true, role: "worker", jobs: "embedded", database: "postgres" });
    // The scan function ran in the worker: the host does not resolve, so it failed fast and was refunded once.
    expect(status).toBe("failed");
    expect(await db.prisma.creditLedger.count({ where: { scanId: scan.id, reason: "scan_refund" } })).toBe(1);
    const run = await db.prisma.jobRun.findFirstOrThrow({ where: { functionId: "plumb-scan-requested" } });
    expect(run.status).toBe("failed");

    worker.kill("SIGTERM");
    expect(await exited, stderr).toBe(0);
    worker = undefined;
  }, 240_000);
});
