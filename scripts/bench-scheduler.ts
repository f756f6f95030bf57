// npm run bench:scheduler — how fast the scheduler turns due domains into scans on PostgreSQL, and how fast
// the outbox dispatcher hands their jobs to the queue. No scan runs: the dispatcher here is a PLUMB_ROLE=web
// sender, which only enqueues in pg-boss. Target: 100,000 domains a day (1.16 domains/s) with room to spare.
//
//   PLUMB_BENCH_DOMAINS=20000   due domains to generate (default 20,000), 20 per organization
//   DATABASE_URL=postgresql://… a server where the bench may CREATE DATABASE; unset: scripts/pg-up.sh starts one
import { execFileSync } from "node:child_process";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const DOMAINS = Number(process.env.PLUMB_BENCH_DOMAINS ?? 20_000);
const PER_ORG = 20;

let stopCluster: (() => void) | undefined;
if (!process.env.DATABASE_URL) {
  const out = execFileSync("bash", [path.join(root, "scripts/pg-up.sh")], { encoding: "utf8" });
  const vars = Object.fromEntries([...out.matchAll(/(\w+)=(\S+)/g)].map((m) => [m[1], m[2]]));
  process.env.DATABASE_URL = vars.DATABASE_URL;
  stopCluster = () => execFileSync("bash", [path.join(root, "scripts/pg-down.sh")], { env: { ...process.env, PG_TMP: vars.PG_TMP }, stdio: "inherit" });
}
process.env.PLUMB_ROLE = "web";
process.env.PLUMB_JOBS_CRON = "off";

const { createThrowawayPostgres } = await import("@/test/support/throwaway-postgres");
const { openDatabase, setDatabase } = await import("@/lib/db");
const { monthlyPeriodKey } = await import("@/lib/services/credits/monthly-grant");
const { enqueueScheduledScans } = await import("@/lib/services/scans/enqueue-scheduled-scans");
const { dispatchOutbox, stopJobEngine } = await import("@/lib/jobs");
const { registerOutboxDispatcher } = await import("@/lib/jobs/outbox");

const throwaway = await createThrowawayPostgres("plumb_bench");
const db = await openDatabase({ url: throwaway.url });
setDatabase(db);
// Measure the two halves apart: no dispatch after each batch while scheduling.
registerOutboxDispatcher(undefined);

try {
  const orgs = Math.ceil(DOMAINS / PER_ORG);
  const t0 = performance.now();
  const past = new Date(Date.now() - 60_000);
  for (let o = 0; o < orgs; o += 500) {
    const chunk = Array.from({ length: Math.min(500, orgs - o) }, (_, i) => ({ id: `bench_org_${o + i}`, name: `Bench ${o + i}`, slug: `bench-${o + i}` }));
    await db.prisma.organization.createMany({ data: chunk });
    await db.prisma.creditLedger.createMany({
      data: chunk.map((org) => ({ organizationId: org.id, amount: 1_000_000, reason: "monthly_grant" as const, periodKey: monthlyPeriodKey() })),
    });
    const domains = chunk.flatMap((org, i) =>
      Array.from({ length: PER_ORG }, (_, d) => ({
        organizationId: org.id,
        host: `d${d}.org${o + i}.bench.example`,
        verifyToken: "t",
        verifiedAt: past,
        verificationMethod: "file" as const,
        schedule: "daily" as const,
        schedulePillars: ["security" as const, "seo" as const],
        nextScheduledAt: past,
      })),
    );
    await db.prisma.domain.createMany({ data: domains.slice(0, DOMAINS - o * PER_ORG) });
  }
  console.log(`generated ${DOMAINS} due domains in ${orgs} organizations (${((performance.now() - t0) / 1000).toFixed(1)} s)`);

  const t1 = performance.now();
  let created = 0;
  for (;;) {
    const res = await enqueueScheduledScans({ batchSize: 200, maxBatches: 1 });
    created += res.created.length;
    if (!res.more) break;
  }
  const scheduleS = (performance.now() - t1) / 1000;
  const rate = created / scheduleS;
  console.log(`scheduled ${created} scans (claim, credit reservation, scans, ledger, audit and outbox rows: one transaction per organization per batch of 200) in ${scheduleS.toFixed(1)} s: ${rate.toFixed(0)} domains/s`);
  console.log(`  = ${Math.round(rate * 86_400).toLocaleString("en")} domains/day (target 100,000: ${(rate / (100_000 / 86_400)).toFixed(0)}x)`);

  const t2 = performance.now();
  const sent = await dispatchOutbox({ batchSize: 500, maxBatches: 1_000_000 });
  const dispatchS = (performance.now() - t2) / 1000;
  console.log(`dispatched ${sent.sent} outbox rows to pg-boss in ${dispatchS.toFixed(1)} s: ${(sent.sent / dispatchS).toFixed(0)} jobs/s`);
} finally {
  await stopJobEngine();
  setDatabase(undefined);
  await db.close();
  await throwaway.drop();
  stopCluster?.();
}
