// Server start-up, run once per server process from instrumentation.ts before Next.js serves a request.
// Everything that touches the database happens here, in the serving process: embedded PGlite allows a single
// process, so `npm start` cannot prepare the database in a separate step and then hand it over.
import { env, EnvError, secrets } from "@/lib/env";
import { getDatabase } from "@/lib/db";
import { DataDirLockedError } from "@/lib/db/data-dir-lock";
import { seedDemo, type DemoSeedResult } from "@/lib/seed/demo";
import { startJobEngine } from "@/lib/jobs/start";

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
    const db = await getDatabase();
    const demo = e.demoSeed ? await seedDemo(db.prisma) : undefined;
    await startJobEngine();
    printBanner({ url: e.NEXTAUTH_URL ?? `http://localhost:${e.PORT}`, database: db.kind === "pglite" ? `embedded PGlite in ${e.dataDir}` : "PostgreSQL (DATABASE_URL)", jobs: e.jobs, demo, ms: performance.now() - started });
  } catch (err) {
    // Configuration and lock problems are the operator's to fix: say what, and stop instead of serving errors.
    if (err instanceof EnvError || err instanceof DataDirLockedError) {
      console.error(`\n[plumb] cannot start:\n${err.message}\n`);
      process.exit(1);
    }
    throw err;
  }
}

function printBanner(info: { url: string; database: string; jobs: string; demo?: DemoSeedResult; ms: number }): void {
  const lines = [
    `Plumb is ready: ${info.url}`,
    `database: ${info.database}`,
    `background jobs: ${info.jobs === "inngest" ? "Inngest" : "embedded engine"}`,
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
