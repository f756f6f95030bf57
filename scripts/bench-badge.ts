// npm run bench:badge — requests per second of GET /api/v1/badge (served from the in-memory composed result)
// next to GET /api/v1/health (one database query), on the real production server (next start).
// Not part of npm test: figures depend on the machine. Issue target: badge >= 2,000 req/s on 2 cores.
//
//   PLUMB_BENCH_SECONDS=10      duration of each run (default 10)
//   PLUMB_BENCH_CONNECTIONS=50  concurrent connections (default 50)
import autocannon from "autocannon";
import { PILLARS } from "@/lib/scanner/types";
import { seedOrg, startServer } from "@/test/support/server";

const seconds = Number(process.env.PLUMB_BENCH_SECONDS ?? 10);
const connections = Number(process.env.PLUMB_BENCH_CONNECTIONS ?? 50);

async function run(url: string, headers: Record<string, string> = {}): Promise<autocannon.Result> {
  return autocannon({ url, connections, duration: seconds, headers });
}

function line(name: string, r: autocannon.Result): string {
  const codes = Object.entries(r.statusCodeStats ?? {})
    .map(([code, s]) => `${code}×${(s as { count: number }).count}`)
    .join(" ");
  return `${name.padEnd(34)} ${Math.round(r.requests.average).toString().padStart(7)} req/s   p50 ${r.latency.p50} ms   p99 ${r.latency.p99} ms   ${codes}${r.errors ? `   errors ${r.errors}` : ""}`;
}

async function main() {
  console.error("Starting the production server (builds first if the build is stale)…");
  const server = await startServer<{ domainId: string }>({
    seed: async (db) => {
      const org = await seedOrg(db, { name: "Bench" });
      const domain = await db.domain.create({
        data: { organizationId: org.orgId, host: "bench.example.com", verifyToken: "t".repeat(32), verifiedAt: new Date(), directoryEnabled: true },
      });
      const now = new Date();
      await db.scan.create({
        data: {
          organizationId: org.orgId, domainId: domain.id, status: "succeeded", pillars: [...PILLARS], maxPages: 10,
          scores: Object.fromEntries(PILLARS.map((p) => [p, 88])), score: 88, grade: "B", createdAt: now, finishedAt: now,
        },
      });
      return { domainId: domain.id };
    },
  });
  try {
    const badge = `${server.baseUrl}/api/v1/badge?id=${server.seeded.domainId}`;
    // Warm up: the first hits compile routes and fill the cache.
    await run(badge).catch(() => undefined);
    const results: [string, autocannon.Result][] = [];
    results.push(["GET /api/v1/health", await run(`${server.baseUrl}/api/v1/health`)]);
    results.push(["GET /api/v1/badge", await run(badge)]);
    const etag = (await fetch(badge)).headers.get("etag") ?? "";
    results.push(["GET /api/v1/badge (If-None-Match)", await run(badge, { "If-None-Match": etag })]);
    console.log(`${connections} connections, ${seconds} s each, ${new Date().toISOString()}`);
    for (const [name, r] of results) console.log(line(name, r));
  } finally {
    await server.stop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
