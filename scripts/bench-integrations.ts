// npm run bench:integrations — sends 500 findings to the local GitHub (or GitLab) server (test/support/providers/github.ts)
// through the real sync (octokit, guarded fetch, IntegrationLink writes) on a fresh embedded database, and
// prints the time, the API calls and the rate-limit waits. The local server answers every 100th write with
// GitHub's secondary-limit 429 (Retry-After: 1), so the waits are real. Then a second sync of the unchanged
// findings (the steady state: no API call). Not part of npm test: timings depend on the machine.
//
//   PLUMB_BENCH_FINDINGS=500   findings to send (default 500)
//   PLUMB_BENCH_PROVIDER=gitlab the local GitLab (gitbeaker) instead of GitHub (its 429 "Retry later" every 100th write)
import { setDatabase } from "@/lib/db";
import { resetEnv } from "@/lib/env";
import { connectIntegration } from "@/lib/services/integrations/connect-integration";
import { requestIntegrationSync } from "@/lib/services/integrations/request-integration-sync";
import { syncIntegrationBatch } from "@/lib/services/integrations/sync-integration-batch";
import { seedTenant } from "@/test/services/seed";
import { createTestDatabase } from "@/test/support/db";
import { startFakeGithub } from "@/test/support/providers/github";
import { startFakeGitlab } from "@/test/support/providers/gitlab-server";

const N = Number(process.env.PLUMB_BENCH_FINDINGS ?? 500);
const TOKEN = "ghp_benchtoken00000000000000000000000000";

const PROVIDER = process.env.PLUMB_BENCH_PROVIDER === "gitlab" ? "gitlab" : "github";

/** The local provider, as the bench needs it: where, how many requests it saw, how many issues it holds. */
async function startProvider() {
  if (PROVIDER === "gitlab") {
    const gl = await startFakeGitlab({ limitEvery: 100 });
    gl.addProject("bench/site");
    gl.addToken(TOKEN, "bench");
    return { name: "GitLab", host: gl.host, apiBaseUrl: gl.apiBaseUrl, config: { project: "bench/site" }, calls: () => gl.calls.length, issues: () => gl.projects.get("bench/site")!.issues.length, close: () => gl.close() };
  }
  const gh = await startFakeGithub({ secondaryLimitEvery: 100 });
  gh.addRepo("bench/site");
  gh.addToken(TOKEN, "bench");
  return { name: "GitHub", host: gh.host, apiBaseUrl: gh.apiBaseUrl, config: { repository: "bench/site" }, calls: () => gh.calls.length, issues: () => gh.repos.get("bench/site")!.issues.length, close: () => gh.close() };
}

async function main(): Promise<void> {
  const gh = await startProvider();
  process.env.PLUMB_PRIVATE_TARGET_ALLOWLIST = gh.host;
  resetEnv();
  const db = await createTestDatabase();
  setDatabase(db);
  try {
    const t = await seedTenant(db.prisma, { host: "bench.example" });
    await db.prisma.finding.createMany({
      data: Array.from({ length: N }, (_, i) => ({
        organizationId: t.orgId, domainId: t.domainId, fingerprint: `bench-${i}`, pillar: (["security", "accessibility", "seo"] as const)[i % 3], rule: `rule-${i % 40}`,
        severity: (["critical", "high", "medium", "low"] as const)[i % 4], title: `Generated finding ${i}`, description: "Generated for the benchmark.", fix: "Fix it.", url: "https://bench.example/", urls: ["https://bench.example/"],
        instancesCount: 1, pagesCount: 1,
      })),
    });
    const ids = (await db.prisma.finding.findMany({ where: { domainId: t.domainId }, select: { id: true } })).map((f) => f.id);
    const row = await connectIntegration(t.actor, { provider: PROVIDER, credential: { type: "token", token: TOKEN }, baseUrl: gh.apiBaseUrl, config: gh.config });
    await requestIntegrationSync(t.actor, { provider: PROVIDER, findingIds: ids });
    for (const round of ["first sync (creates)", "second sync (unchanged)"]) {
      const before = gh.calls();
      const t0 = performance.now();
      const tot = { created: 0, unchanged: 0, failed: 0, calls: 0, waits: 0, waitMs: 0 };
      let cursor: string | null = null;
      do {
        const r = await syncIntegrationBatch({ integrationId: row.id, organizationId: t.orgId, cursor });
        tot.created += r.created;
        tot.unchanged += r.unchanged;
        tot.failed += r.failed;
        tot.calls += r.calls;
        tot.waits += r.rateLimitWaits;
        tot.waitMs += r.rateLimitWaitMs;
        cursor = r.nextCursor;
      } while (cursor);
      const ms = performance.now() - t0;
      console.log(
        `${round}: ${N} findings in ${(ms / 1000).toFixed(1)} s (${(N / (ms / 1000)).toFixed(0)} findings/s); ` +
          `created ${tot.created}, unchanged ${tot.unchanged}, failed ${tot.failed}; API calls ${tot.calls} (server saw ${gh.calls() - before}); ` +
          `rate-limit waits ${tot.waits} (${(tot.waitMs / 1000).toFixed(1)} s)`,
      );
    }
    console.log(`issues on the local ${gh.name}: ${gh.issues()}`);
  } finally {
    setDatabase(undefined);
    await db.close();
    await gh.close();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
