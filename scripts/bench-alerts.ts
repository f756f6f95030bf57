// npm run bench:alerts — alert delivery latency: from a scan settling (the plumb/scan.settled event, as
// scan-requested sends it) to the signed webhook arriving at a local receiver. On the way: the scan-settled
// function (automation policies, gates, emitting the alerts), the deliver-alert function, the SSRF-guarded POST.
// The real embedded engine on a fresh embedded database (PGlite; PostgreSQL with PLUMB_TEST_DB=postgres and
// DATABASE_URL), default engine timings. Not part of npm test: timings depend on the machine.
//
//   PLUMB_BENCH_RUNS=5   scans settled one after the other (default 5)
import "@/test/support/test-secrets";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { setDatabase } from "@/lib/db";
import { resetEnv } from "@/lib/env";
import { startJobEngine, stopJobEngine } from "@/lib/jobs";
import { enqueueJob, flushOutbox } from "@/lib/jobs/outbox";
import { createAlertChannel } from "@/lib/services/alerts/create-alert-channel";
import { verifyWebhookSignature } from "@/lib/services/alerts/sign-webhook";
import { seedTenant } from "@/test/services/seed";
import { createTestDatabase } from "@/test/support/db";

const RUNS = Math.max(1, Number(process.env.PLUMB_BENCH_RUNS ?? 5));

async function main(): Promise<void> {
  const arrivals = new Map<string, { at: number; body: string; signature: string }>();
  const receiver = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      const parsed = JSON.parse(body) as { type: string; data: { scan_id?: string } };
      if (parsed.type === "scan.finished" && parsed.data.scan_id) {
        arrivals.set(parsed.data.scan_id, { at: performance.now(), body, signature: String(req.headers["plumb-signature"] ?? "") });
      }
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((r) => receiver.listen(0, "127.0.0.1", r));
  const port = (receiver.address() as AddressInfo).port;
  process.env.PLUMB_PRIVATE_TARGET_ALLOWLIST = `http://127.0.0.1:${port}`;
  process.env.PLUMB_JOBS_CRON = "off";
  delete process.env.PLUMB_ROLE;
  resetEnv();
  const started = performance.now();
  const db = await createTestDatabase();
  setDatabase(db);
  await startJobEngine();
  console.error(`(database and job engine ready in ${((performance.now() - started) / 1000).toFixed(1)} s)`);
  try {
    const t = await seedTenant(db.prisma, { credits: 1000 });
    const { secret } = await createAlertChannel(t.actor, { name: "CI", kind: "webhook", url: `http://127.0.0.1:${port}/hook`, triggers: ["scan.finished"] }, db.prisma);
    console.log(`alert delivery latency: scan settled -> signed webhook received (${RUNS} scans, one at a time, ${process.env.PLUMB_TEST_DB === "postgres" ? "PostgreSQL" : "PGlite"}, embedded engine)\n`);
    const latencies: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const scan = await db.prisma.scan.create({
        data: { organizationId: t.orgId, domainId: t.domainId, status: "succeeded", pillars: ["security"], startedAt: new Date(), finishedAt: new Date(), score: 80, scores: { security: 80 }, grade: "B", summary: { critical: 0, high: 0, medium: 0, low: 0, info: 0 } },
      });
      const settledAt = performance.now();
      await db.prisma.$transaction((tx) => enqueueJob(tx, { event: "plumb/scan.settled", data: { scanId: scan.id, organizationId: t.orgId }, key: `scan-settled:${scan.id}` }));
      await flushOutbox();
      const deadline = Date.now() + 120_000;
      while (!arrivals.has(scan.id)) {
        if (Date.now() > deadline) throw new Error(`no webhook for scan ${scan.id} within 120 s`);
        await new Promise((r) => setTimeout(r, 5));
      }
      const got = arrivals.get(scan.id)!;
      if (!verifyWebhookSignature(secret!, got.body, got.signature)) throw new Error("the webhook's signature does not verify");
      const ms = got.at - settledAt;
      latencies.push(ms);
      console.log(`scan ${i + 1}: ${ms.toFixed(0)} ms`);
    }
    const sorted = [...latencies].sort((a, b) => a - b);
    console.log(`\nmedian ${sorted[Math.floor(sorted.length / 2)].toFixed(0)} ms, min ${sorted[0].toFixed(0)} ms, max ${sorted[sorted.length - 1].toFixed(0)} ms`);
  } finally {
    await stopJobEngine();
    setDatabase(undefined);
    await db.close();
    await new Promise<void>((r) => receiver.close(() => r()));
  }
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
