// `plumb worker` (and `npm run worker`): a process that runs background work only — the scans' Chromium lives
// here, never in a PLUMB_ROLE=web instance. Embedded mode: the pg-boss workers and cron schedules on the
// shared database. Inngest mode: an HTTP endpoint serving the heavy functions (lib/jobs/worker-server.ts).
// Runs until SIGINT/SIGTERM, then lets running steps finish briefly; unfinished runs resume elsewhere.
import { closeDatabase, getDatabase } from "@/lib/db";
import { env, resetEnv, secrets } from "@/lib/env";
import { startJobEngine, stopJobEngine } from "@/lib/jobs/start";
import { startWorkerServer, type WorkerServer } from "@/lib/jobs/worker-server";
import { UsageError } from "./usage-error";

export const workerUsage = `Usage: plumb worker [--json]
  Runs background jobs only (scans, schedules, exports…), no web pages. Same settings as the server
  (DATABASE_URL, INNGEST_*, PLUMB_*). In Inngest mode it serves the browser functions on PLUMB_WORKER_PORT.`;

export async function runWorkerCli(argv: string[]): Promise<number> {
  if (argv.includes("--help") || argv.includes("-h")) {
    process.stdout.write(workerUsage + "\n");
    return 0;
  }
  const unknown = argv.filter((a) => a !== "--json");
  if (unknown.length) throw new UsageError(`Unknown argument "${unknown[0]}".`, workerUsage);
  const role = process.env.PLUMB_ROLE?.trim();
  if (role && role !== "worker") throw new UsageError(`plumb worker runs as PLUMB_ROLE=worker, but PLUMB_ROLE is "${role}".`);
  process.env.PLUMB_ROLE = "worker";
  resetEnv();
  const e = env();
  secrets();
  const db = await getDatabase();
  await startJobEngine();
  let server: WorkerServer | undefined;
  if (e.jobs === "inngest") server = await startWorkerServer({ port: e.PLUMB_WORKER_PORT });
  const ready = { ready: true, role: "worker", pid: process.pid, jobs: e.jobs, database: db.kind, endpoint: server?.url ?? null };
  if (argv.includes("--json")) process.stdout.write(JSON.stringify(ready) + "\n");
  else {
    process.stdout.write(
      `[plumb] worker ready (pid ${process.pid}): ${e.jobs === "inngest" ? `Inngest functions at ${server?.url}` : "embedded job engine"}, ` +
        `${db.kind === "pglite" ? "embedded PGlite" : "PostgreSQL"}\n`,
    );
  }
  await new Promise<void>((resolve) => {
    for (const sig of ["SIGINT", "SIGTERM"] as const) process.once(sig, () => resolve());
  });
  await server?.close();
  await stopJobEngine();
  await closeDatabase();
  return 0;
}
