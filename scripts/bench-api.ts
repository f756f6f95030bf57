// npm run bench:api — the API under load, on PostgreSQL (a throwaway cluster) and on the embedded PGlite.
// Seeds 10,000 findings over 20 domains, then drives the real server with autocannon at 50 connections:
// findings lists (several filters), one finding, the badge, health and credit-charging POST /scans. Prints
// req/s, p50, p99 and errors per route, plus the server's RSS. The findings list is also measured at a fixed
// 100 requests/s (autocannon overallRate), the rate its p99 goal is stated at. Not part of npm test.
//
//   PLUMB_BENCH_SECONDS=10        duration of each saturating run (default 10)
//   PLUMB_BENCH_DB=postgres,pglite which databases (default both)
//
// PGlite is one connection inside the server process: every query waits for the one before it, so its
// figures are a single-user ceiling, not a scaling limit of the code.
import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import autocannon, { type Result } from "autocannon";
import type { Prisma } from "@/lib/db";
import { seedOrg, startServer, type SeededOrg } from "@/test/support/server";
import { PILLARS } from "@/lib/scanner/types";

const root = path.resolve(import.meta.dirname, "..");
const SECONDS = Number(process.env.PLUMB_BENCH_SECONDS || 10);
const DBS = (process.env.PLUMB_BENCH_DB || "postgres,pglite").split(",").map((s) => s.trim());
const DOMAINS = 20;
const FINDINGS_PER_DOMAIN = 500;
const SEVERITIES = ["critical", "high", "medium", "low", "info"] as const;
const STATUSES = ["open", "open", "open", "in_progress", "resolved", "accepted_risk"] as const;

interface Seeded {
  org: SeededOrg;
  domainIds: string[];
  findingId: string;
}

async function seed(db: Prisma): Promise<Seeded> {
  const org = await seedOrg(db, { scopes: "all", name: "Bench" });
  await db.creditLedger.create({ data: { organizationId: org.orgId, amount: 1_000_000, reason: "grant", note: "bench" } });
  const domainIds: string[] = [];
  for (let d = 0; d < DOMAINS; d++) {
    const domain = await db.domain.create({
      data: {
        organizationId: org.orgId,
        // Reserved TLD: a scan the POST run enqueues fails fast at DNS, it never reaches the internet.
        host: `bench-${d}.invalid`,
        scheme: "https",
        verifyToken: `bench-${d}`,
        verifiedAt: new Date(),
        verificationMethod: "file",
        lastScore: 60 + (d % 40),
        lastGrade: "C",
      },
    });
    domainIds.push(domain.id);
    const rows = Array.from({ length: FINDINGS_PER_DOMAIN }, (_, i) => {
      const pillar = PILLARS[i % PILLARS.length];
      const url = `https://bench-${d}.invalid/page-${i % 50}`;
      return {
        organizationId: org.orgId,
        domainId: domain.id,
        fingerprint: `bench-${d}-${i}`,
        pillar,
        rule: `${pillar}-rule-${i % 37}`,
        severity: SEVERITIES[(i * 7) % SEVERITIES.length],
        status: STATUSES[i % STATUSES.length],
        title: `Problem ${i} on ${pillar}`,
        description: "Seeded by the API benchmark.",
        fix: "Fix it.",
        url,
        urls: [url],
        firstSeenAt: new Date(Date.now() - i * 60_000),
        lastSeenAt: new Date(Date.now() - i * 1000),
      };
    });
    await db.finding.createMany({ data: rows });
  }
  const finding = await db.finding.findFirstOrThrow({ where: { organizationId: org.orgId }, select: { id: true } });
  return { org, domainIds, findingId: finding.id };
}

function serverRss(port: number): number {
  // The server process listening on <port>.
  let kb = 0;
  for (const pid of fs.readdirSync("/proc").filter((p) => /^\d+$/.test(p))) {
    try {
      const cmd = fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0");
      // `scripts/serve.mjs --port <port>` (test/support/server.ts) or a plain `next start -p <port>`.
      const i = cmd.findIndex((c) => c === "-p" || c === "--port");
      if (i < 0 || cmd[i + 1] !== String(port) || !cmd.some((c) => c.includes("next") || c.endsWith("serve.mjs"))) continue;
      kb += Number(fs.readFileSync(`/proc/${pid}/status`, "utf8").match(/^VmRSS:\s+(\d+)/m)?.[1] ?? 0);
    } catch {
      // gone
    }
  }
  return Math.round(kb / 1024);
}

interface Row {
  name: string;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
}

async function drive(name: string, opts: autocannon.Options): Promise<Row> {
  // A run bounded by `amount` has no duration (autocannon refuses an explicit undefined one).
  const result: Result = await autocannon(opts.amount ? { connections: 50, ...opts } : { connections: 50, duration: SECONDS, ...opts });
  return {
    name,
    rps: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  };
}

function print(title: string, rows: Row[], rssMb: number) {
  console.log(`\n${title} (server RSS after the runs: ${rssMb} MB)`);
  console.log(`${"route".padEnd(46)} ${"req/s".padStart(7)} ${"p50 ms".padStart(7)} ${"p99 ms".padStart(7)} ${"errors".padStart(7)} ${"non-2xx".padStart(8)}`);
  for (const r of rows) {
    console.log(`${r.name.padEnd(46)} ${String(r.rps).padStart(7)} ${String(r.p50).padStart(7)} ${String(r.p99).padStart(7)} ${String(r.errors).padStart(7)} ${String(r.non2xx).padStart(8)}`);
  }
}

/** The targets next to what was measured, so a run says plainly which hold on this machine. */
function printGoals(db: string, rows: Row[]) {
  const row = (name: string) => rows.find((r) => r.name === name);
  const fixed = row("GET /findings?limit=50 at 100 req/s");
  const badge = row("GET /badge?id=…");
  const health = row("GET /health");
  const findings = rows.filter((r) => r.name.startsWith("GET /findings?"));
  const mark = (ok: boolean) => (ok ? "met" : "NOT met");
  console.log(`[${db}] goals`);
  // A run whose requests all failed has no latency to judge.
  if (fixed) console.log(`  findings list p99 at a fixed 100 req/s: ${fixed.p99} ms, ${fixed.errors} errors (goal < 50 ms on PostgreSQL): ${mark(fixed.rps > 0 && fixed.errors === 0 && fixed.p99 < 50)}`);
  console.log(`  findings list peak throughput: ${Math.max(...findings.map((r) => r.rps))} req/s (unfiltered ${row("GET /findings?limit=50")?.rps ?? "?"} req/s, p99 ${row("GET /findings?limit=50")?.p99 ?? "?"} ms)`);
  if (badge && health) {
    const ratio = health.rps > 0 ? Math.round((badge.rps / health.rps) * 100) : 0;
    console.log(`  badge: ${badge.rps} req/s (goal ≥ 2,000: ${mark(badge.rps >= 2000)}); ${ratio} % of /health's ${health.rps} req/s (goal ≥ 90 %: ${mark(ratio >= 90)})`);
  }
  const errors = rows.reduce((n, r) => n + r.errors, 0);
  console.log(`  errors and timeouts over all runs: ${errors} (goal 0): ${mark(errors === 0)}`);
  if (db === "pglite") console.log("  PGlite is one connection inside the server process: queries run one at a time, so these are single-user ceilings.");
}

async function benchOne(db: string) {
  let pgDown: (() => void) | undefined;
  if (db === "postgres") {
    const out = execFileSync(path.join(root, "scripts/pg-up.sh"), { encoding: "utf8" });
    const vars = Object.fromEntries([...out.matchAll(/(\w+)=(\S+)/g)].map((m) => [m[1], m[2]]));
    process.env.DATABASE_URL = vars.DATABASE_URL;
    process.env.PLUMB_TEST_DB = "postgres";
    pgDown = () => void spawnSync(path.join(root, "scripts/pg-down.sh"), { env: { ...process.env, PG_TMP: vars.PG_TMP }, stdio: "ignore" });
  } else {
    delete process.env.PLUMB_TEST_DB;
    delete process.env.DATABASE_URL;
  }
  const t0 = performance.now();
  const server = await startServer<Seeded>({
    seed,
    env: { PLUMB_API_RATE_LIMIT_PER_MINUTE: "100000000", PLUMB_ALLOW_PRIVATE_TARGETS: "0" },
    readyTimeoutMs: 180_000,
  });
  console.log(`\n[${db}] server up with ${DOMAINS * FINDINGS_PER_DOMAIN} findings in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  try {
    const { org, domainIds, findingId } = server.seeded;
    const auth = { authorization: `Bearer ${org.apiKey}` };
    const u = (p: string) => `${server.baseUrl}${p}`;
    // Warm up the routes (first requests compile and open pools).
    for (const p of ["/api/v1/findings?limit=50", `/api/v1/findings/${findingId}`, `/api/v1/badge?id=${domainIds[0]}`, "/api/v1/health"]) {
      await fetch(u(p), { headers: auth }).then((r) => r.arrayBuffer());
    }
    const rows: Row[] = [];
    rows.push(await drive("GET /findings?limit=50", { url: u("/api/v1/findings?limit=50"), headers: auth }));
    rows.push(await drive("GET /findings?severity=high&pillar=security", { url: u("/api/v1/findings?limit=50&severity=high&pillar=security"), headers: auth }));
    rows.push(await drive("GET /findings?domain_id=…&status=open", { url: u(`/api/v1/findings?limit=50&domain_id=${domainIds[3]}&status=open`), headers: auth }));
    rows.push(await drive("GET /findings?q=page-7", { url: u("/api/v1/findings?limit=50&q=page-7"), headers: auth }));
    rows.push(await drive("GET /findings?limit=50 at 100 req/s", { url: u("/api/v1/findings?limit=50"), headers: auth, overallRate: 100 }));
    rows.push(await drive("GET /findings/:id", { url: u(`/api/v1/findings/${findingId}`), headers: auth }));
    rows.push(await drive("GET /badge?id=…", { url: u(`/api/v1/badge?id=${domainIds[0]}`) }));
    // What an image proxy that kept the badge sends back: a conditional request, answered 304.
    const etag = (await fetch(u(`/api/v1/badge?id=${domainIds[0]}`)).then(async (r) => (await r.arrayBuffer(), r.headers.get("etag")))) ?? "";
    rows.push(await drive("GET /badge?id=… If-None-Match (304)", { url: u(`/api/v1/badge?id=${domainIds[0]}`), headers: { "if-none-match": etag } }));
    rows.push(await drive("GET /health", { url: u("/api/v1/health") }));
    rows.push(
      await drive("POST /scans (1 pillar, 300 requests)", {
        url: u("/api/v1/scans"),
        method: "POST",
        headers: { ...auth, "content-type": "application/json" },
        body: JSON.stringify({ domain_id: domainIds[5], pillars: ["seo"], max_pages: 1 }),
        amount: 300,
        connections: 20,
      }),
    );
    print(`[${db}] autocannon, 50 connections, ${SECONDS} s per run`, rows, serverRss(server.port));
    printGoals(db, rows);
  } finally {
    await server.stop();
    pgDown?.();
  }
}

for (const db of DBS) await benchOne(db);
