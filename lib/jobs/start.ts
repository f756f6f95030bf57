import { z } from "zod";
import { getDatabase } from "@/lib/db";
import { env, EnvError } from "@/lib/env";
import { jobMode } from "./mode";
import { EmbeddedEngine, type EngineTiming } from "./embedded/engine";

// Optional knobs, mainly so that test and demo environments need not wait out production retry delays.
const timingEnvSchema = z.object({
  PLUMB_JOBS_RETRY_BASE_MS: z.coerce.number().int().min(0).optional(),
  PLUMB_JOBS_POLL_SECONDS: z.coerce.number().min(0.5).optional(),
  PLUMB_JOBS_CRON: z.enum(["on", "off"]).optional(),
});

function timingFromEnv(env: NodeJS.ProcessEnv): { timing: Partial<EngineTiming>; cron: boolean } {
  const e = timingEnvSchema.parse({
    PLUMB_JOBS_RETRY_BASE_MS: env.PLUMB_JOBS_RETRY_BASE_MS || undefined,
    PLUMB_JOBS_POLL_SECONDS: env.PLUMB_JOBS_POLL_SECONDS || undefined,
    PLUMB_JOBS_CRON: env.PLUMB_JOBS_CRON || undefined,
  });
  const timing: Partial<EngineTiming> = {};
  if (e.PLUMB_JOBS_RETRY_BASE_MS !== undefined) timing.retryBaseDelayMs = e.PLUMB_JOBS_RETRY_BASE_MS;
  if (e.PLUMB_JOBS_POLL_SECONDS !== undefined) timing.pollingIntervalSeconds = e.PLUMB_JOBS_POLL_SECONDS;
  return { timing, cron: e.PLUMB_JOBS_CRON !== "off" };
}

const g = globalThis as unknown as { __plumbJobEngine?: Promise<EmbeddedEngine> };

async function startEmbedded(): Promise<EmbeddedEngine> {
  const role = env().PLUMB_ROLE;
  const [{ inngest }, { functions }, db] = await Promise.all([
    import("@/inngest/client"),
    import("@/inngest/functions"),
    getDatabase(),
  ]);
  if (role === "web" && db.kind === "pglite") {
    // The embedded database belongs to one process: a web-only process there would leave every job unrun.
    throw new EnvError(
      "PLUMB_ROLE=web needs a database shared with worker processes: set DATABASE_URL (PostgreSQL), or use " +
        "Inngest (INNGEST_EVENT_KEY / INNGEST_DEV), or PLUMB_ROLE=all to run background work in this process.",
    );
  }
  const { timing, cron } = timingFromEnv(process.env);
  // A web process only enqueues: pg-boss queues on the shared PostgreSQL, worker processes run them.
  const work = role !== "web";
  return EmbeddedEngine.start({ db, client: inngest, functions, timing, cron: cron && work, work });
}

/**
 * Starts background work for this process according to PLUMB_ROLE and the job mode:
 * - embedded, role all|worker: the pg-boss engine with workers and cron schedules (runs a previous process
 *   left unfinished resume);
 * - embedded, role web (PostgreSQL only): a sender — events become jobs, worker processes run them;
 * - Inngest: nothing to run here (Inngest calls /api/inngest, or the worker's endpoint).
 * Every role installs the outbox dispatcher and sends the rows left unsent by a process that died between
 * its commit and its send. Idempotent; concurrent callers share one start.
 */
export async function startJobEngine(): Promise<void> {
  if (jobMode() === "embedded") await getJobEngine();
  const { installOutboxDispatcher, requestDispatch } = await import("./dispatch");
  installOutboxDispatcher();
  await requestDispatch();
}

/** The running embedded engine, started on first use (a send from a process that never started it starts it). */
export function getJobEngine(): Promise<EmbeddedEngine> {
  if (!g.__plumbJobEngine) {
    g.__plumbJobEngine = startEmbedded().catch((err: unknown) => {
      g.__plumbJobEngine = undefined;
      throw err;
    });
  }
  return g.__plumbJobEngine;
}

/** Stops the embedded engine, letting running steps finish briefly; unfinished runs resume at the next start. */
export async function stopJobEngine(): Promise<void> {
  const pending = g.__plumbJobEngine;
  g.__plumbJobEngine = undefined;
  if (!pending) return;
  const engine = await pending.catch(() => null);
  await engine?.stop();
}
