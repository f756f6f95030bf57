import { Inngest, type InngestFunction } from "inngest";
import type { Database } from "@/lib/db";
import { EmbeddedEngine, type EngineTiming } from "@/lib/jobs/embedded/engine";

export const FAST_TIMING: Partial<EngineTiming> = {
  retryBaseDelayMs: 20,
  retryMaxDelayMs: 200,
  pollingIntervalSeconds: 0.5,
  superviseIntervalSeconds: 1,
  stopTimeoutSeconds: 1,
};

export const quietLogger = { info: () => undefined, warn: () => undefined, error: () => undefined };

export function testClient(id = "plumb-test"): Inngest {
  return new Inngest({
    id,
    isDev: true,
    checkpointing: false,
    logger: { info: () => undefined, warn: () => undefined, error: () => undefined, debug: () => undefined },
    fetch: async (input) => {
      throw new Error(`network access from a test client: ${String(input)}`);
    },
  });
}

export async function startTestEngine(
  db: Database,
  client: Inngest,
  functions: InngestFunction.Any[],
  opts: { cron?: boolean; timing?: Partial<EngineTiming> } = {},
): Promise<EmbeddedEngine> {
  return EmbeddedEngine.start({
    db,
    client,
    functions,
    cron: opts.cron ?? false,
    timing: { ...FAST_TIMING, ...opts.timing },
    logger: quietLogger,
  });
}

export interface RunRow {
  id: string;
  functionId: string;
  status: string;
  output: unknown;
  error: string | null;
}

/** Polls until the run leaves "running" (bounded by the test timeout, not asserted on). */
export async function waitForRun(db: Database, runId: string, timeoutMs = 45_000): Promise<RunRow> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const run = await db.prisma.jobRun.findUnique({ where: { id: runId } });
    if (run && run.status !== "running") return run;
    if (Date.now() > deadline) throw new Error(`run ${runId} still ${run?.status ?? "missing"} after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export async function waitForFunctionRun(db: Database, functionId: string, timeoutMs = 45_000): Promise<RunRow> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const run = await db.prisma.jobRun.findFirst({ where: { functionId, status: { not: "running" } } });
    if (run) return run;
    if (Date.now() > deadline) throw new Error(`no finished run of ${functionId} after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
