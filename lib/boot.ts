// Server start-up, run once per server process from instrumentation.ts before Next.js serves a request.
// Everything that touches the database happens here, in the serving process: embedded PGlite allows a single
// process, so `npm start` cannot prepare the database in a separate step and then hand it over.
import { env, EnvError, secrets } from "@/lib/env";
import { getDatabase } from "@/lib/db";
import { DataDirLockedError } from "@/lib/db/data-dir-lock";
import { seedDemo, type DemoSeedResult } from "@/lib/seed/demo";
import { startJobEngine } from "@/lib/jobs/start";
import { reapLeftoverScanBrowsers } from "@/lib/services/scans/browser-registry";
import { setSampleSiteOrigin } from "@/lib/net/sample-site-origin";
import { SAMPLE_SITE_FILE, startSampleSite, type SampleSite } from "@/lib/sample-site/server";
import { launchSampleScan, moveSampleDomains } from "@/lib/seed/sample-site";
import fs from "node:fs";
import path from "node:path";

const g = globalThis as unknown as { __plumbBooted?: Promise<void> };

export function boot(): Promise<void> {
  g.__plumbBooted ??= run();
  return g.__plumbBooted;
}

async function run(): Promise<void> {
  const started = performance.now();
  try {
    const e = env();
    // Resolve secrets now: a production server without them must refuse to start, not fail at first sign-in.
    secrets();
    // First, before any scan can start: browsers of a killed predecessor would otherwise run (and fill /tmp)
    // forever.
    const reaped = await reapLeftoverScanBrowsers();
    if (reaped.killed.length || reaped.removedProfiles.length) {
      console.log(`[plumb] reaped ${reaped.killed.length} leftover Chromium process(es) and ${reaped.removedProfiles.length} temporary profile(s) of a previous run`);
    }
    const db = await getDatabase();
    const sample = await startSample(e.demoSeed, e.dataDir, db.prisma);
    const demo = e.demoSeed ? await seedDemo(db.prisma, { sampleOrigin: sample?.origin }) : undefined;
    // PLUMB_ROLE=web: no job workers and no browser here (a sender only); all: everything in this process.
    await startJobEngine();
    if (demo?.created && demo.sampleDomainId) {
      // After the engine runs: the first scan of the sample site, so the dashboard has results at once.
      await launchSampleScan({ orgId: demo.orgId, userId: demo.userId, domainId: demo.sampleDomainId }, db.prisma).catch((err: unknown) => {
        console.error(`[plumb] could not launch the sample scan: ${(err as Error).message}`);
      });
    }
    printBanner({ url: e.NEXTAUTH_URL ?? `http://localhost:${e.PORT}`, database: db.kind === "pglite" ? `embedded PGlite in ${e.dataDir}` : "PostgreSQL (DATABASE_URL)", jobs: e.jobs, role: e.PLUMB_ROLE, demo, sample, ms: performance.now() - started });
  } catch (err) {
    // Configuration and lock problems are the operator's to fix: say what, and stop instead of serving errors.
    if (err instanceof EnvError || err instanceof DataDirLockedError) {
      console.error(`\n[plumb] cannot start:\n${err.message}\n`);
      process.exit(1);
    }
    throw err;
  }
}

/**
 * The bundled sample site (lib/sample-site), served on its own loopback port whenever the demo is seeded or
 * was seeded before (its port file exists), and trusted by the SSRF guard for that exact origin only.
 */
async function startSample(demoSeed: boolean, dataDir: string, prisma: Parameters<typeof moveSampleDomains>[1]): Promise<SampleSite | undefined> {
  const file = path.join(dataDir, SAMPLE_SITE_FILE);
  if (!demoSeed && !fs.existsSync(file)) return undefined;
  let before: number | null = null;
  try {
    before = (JSON.parse(fs.readFileSync(file, "utf8")) as { port?: number }).port ?? null;
  } catch {
    before = null;
  }
  try {
    const site = await startSampleSite({ dataDir });
    setSampleSiteOrigin(site.origin);
    if (site.moved && before) await moveSampleDomains({ fromOrigin: `http://127.0.0.1:${before}`, toOrigin: site.origin }, prisma);
    return site;
  } catch (err) {
    console.error(`[plumb] the sample site could not start: ${(err as Error).message}`);
    return undefined;
  }
}

function printBanner(info: { url: string; database: string; jobs: string; role: string; demo?: DemoSeedResult; sample?: SampleSite; ms: number }): void {
  const lines = [
    `Plumb: ${info.url}`,
    `database: ${info.database}`,
    `background jobs: ${info.jobs === "inngest" ? "Inngest" : "embedded engine"}${info.role === "web" ? " (web role: sent to worker processes)" : ""}`,
    ...(info.sample ? [`sample site: ${info.sample.origin} (scan it from the demo organization)`] : []),
    `boot: ${(info.ms / 1000).toFixed(1)} s`,
  ];
  if (info.demo?.created) {
    lines.push(
      "",
      "Demo login (created on this first start; shown only this once):",
      `  email:    ${info.demo.email}`,
      `  password: ${info.demo.password}`,
    );
  }
  const width = Math.max(...lines.map((l) => l.length));
  const bar = "─".repeat(width + 2);
  console.log(`\n┌${bar}┐\n${lines.map((l) => `│ ${l.padEnd(width)} │`).join("\n")}\n└${bar}┘\n`);
}
