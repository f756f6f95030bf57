import { z } from "zod";
import { getDatabase } from "@/lib/db";
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
  const [{ inngest }, { functions }, db] = await Promise.all([
    import("@/inngest/client"),
    import("@/inngest/functions"),
    getDatabase(),
  ]);
  const { timing, cron } = timingFromEnv(process.env);
  return EmbeddedEngine.start({ db, client: inngest, functions, timing, cron });
}

/**
 * Starts background work for this process: in embedded mode the pg-boss engine on the process-wide database
 * (workers, cron schedules, resumption of runs a previous process left unfinished); in Inngest mode nothing,
 * since Inngest calls /api/inngest. Idempotent; concurrent callers share one start.
 */
export async function startJobEngine(): Promise<void> {
  if (jobMode() === "inngest") return;
  await getJobEngine();
}

/** The running embedded engine, started on first use (send() from a CLI process starts it too). */
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
