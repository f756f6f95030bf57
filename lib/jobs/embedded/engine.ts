// The embedded job engine (docs/architecture.md, "Running modes"): pg-boss on the application's own database holds one queue per
// Inngest function; each job advances one run through the real serve() handler (driver.ts) and, when the
// run must wait (sleep, retry backoff), leaves a delayed job behind. Cron triggers are pg-boss schedules.
import { createHash, randomUUID } from "node:crypto";
import { serve } from "inngest/next";
import type { Inngest, InngestFunction } from "inngest";
import { PgBoss, fromPglite, type JobInsert, type JobWithMetadata, type Queue } from "pg-boss";
import { z } from "zod";
import type { Database } from "@/lib/db";
import { driveRun, type SliceResult } from "./driver";
import type { SerializedError } from "./protocol";
import { clearEmbeddedEventSink, setEmbeddedEventSink } from "./event-api";
import { buildRegistry, concurrencyGroup, throttleKey, type FunctionSpec } from "./registry";
import { RunStore, type RunRecord } from "./store";

export interface EngineTiming {
  /** First retry delay of a failed step; doubles per attempt up to retryMaxDelayMs (±10% jitter). */
  retryBaseDelayMs: number;
  retryMaxDelayMs: number;
  /** How often idle workers look for due jobs (pg-boss minimum 0.5). New jobs also wake them via NOTIFY. */
  pollingIntervalSeconds: number;
  /** A worker that stops heartbeating (killed process) loses its job after this long (pg-boss minimum 10). */
  heartbeatSeconds: number;
  /** How often pg-boss looks for jobs whose worker died. */
  superviseIntervalSeconds: number;
  /** Hard cap on one job slice (a run's steps between two waits). */
  expireInSeconds: number;
  /** Concurrent runs per function in this process when the function sets no `concurrency`. */
  defaultConcurrency: number;
  /** Seconds to let running steps finish on stop(). */
  stopTimeoutSeconds: number;
}

export const DEFAULT_TIMING: EngineTiming = {
  retryBaseDelayMs: 10_000,
  retryMaxDelayMs: 10 * 60_000,
  pollingIntervalSeconds: 1,
  heartbeatSeconds: 10,
  superviseIntervalSeconds: 5,
  expireInSeconds: 60 * 60,
  defaultConcurrency: 4,
  stopTimeoutSeconds: 10,
};

export interface EngineLogger {
  info(msg: string): void;
  warn(msg: string): void;
  error(msg: string): void;
}

export interface EmbeddedEngineOptions {
  db: Database;
  client: Inngest.Any;
  functions: InngestFunction.Any[];
  timing?: Partial<EngineTiming>;
  /** Register cron schedules and run pg-boss's cron worker (default true; never without `work`). */
  cron?: boolean;
  /**
   * Run workers (default true). false: a sender only, for PLUMB_ROLE=web processes on PostgreSQL — events
   * become jobs in the shared pg-boss queues and the worker processes run them.
   */
  work?: boolean;
  logger?: EngineLogger;
}

export interface EventToSend {
  name: string;
  data?: Record<string, unknown>;
  id?: string;
  ts?: number;
}

const jobDataSchema = z.union([
  z.object({ runId: z.string().min(1), event: z.unknown().optional() }),
  z.object({ cron: z.string().min(1) }),
]);

// Infrastructure retries of a job (database hiccup, killed process); step retries are counted separately.
const JOB_RETRY_LIMIT = 20;

const consoleLogger: EngineLogger = {
  info: (m) => console.info(`[jobs] ${m}`),
  warn: (m) => console.warn(`[jobs] ${m}`),
  error: (m) => console.error(`[jobs] ${m}`),
};

function runIdFor(slug: string, eventId: string): string {
  // Deterministic, so a re-sent event id (a retried request) maps onto the run it already started.
  return createHash("sha256").update(`${slug}\u0000${eventId}`).digest("hex").slice(0, 32);
}

function createBoss(db: Database, timing: EngineTiming, cron: boolean, work: boolean): PgBoss {
  const common = {
    supervise: work,
    superviseIntervalSeconds: timing.superviseIntervalSeconds,
    monitorIntervalSeconds: Math.max(1, timing.superviseIntervalSeconds),
    schedule: cron,
    useListenNotify: true,
    registerInstance: false,
    persistWarnings: false,
  };
  if (db.kind === "pglite") {
    if (!db.pglite) throw new Error("PGlite database without its PGlite instance");
    return new PgBoss({ ...common, db: fromPglite(db.pglite), backend: "pglite" });
  }
  const connectionString = db.pool?.options.connectionString;
  if (!connectionString) throw new Error("The embedded job engine needs the PostgreSQL connection string of the database");
  return new PgBoss({ ...common, connectionString, max: 4, application_name: "plumb-jobs" });
}

export class EmbeddedEngine {
  private readonly byEvent = new Map<string, FunctionSpec[]>();
  private readonly bySlug = new Map<string, FunctionSpec>();
  /** Runs executing in this process per keyed-concurrency group. */
  private readonly activeGroups = new Map<string, number>();
  private stopped = false;

  private constructor(
    private readonly boss: PgBoss,
    private readonly specs: FunctionSpec[],
    private readonly handle: (req: Request) => Promise<Response>,
    private readonly store: RunStore,
    private readonly timing: EngineTiming,
    private readonly log: EngineLogger,
    private readonly working: boolean,
  ) {
    for (const spec of specs) {
      this.bySlug.set(spec.slug, spec);
      for (const name of spec.events) this.byEvent.set(name, [...(this.byEvent.get(name) ?? []), spec]);
    }
  }

  static async start(opts: EmbeddedEngineOptions): Promise<EmbeddedEngine> {
    const timing = { ...DEFAULT_TIMING, ...opts.timing };
    const log = opts.logger ?? consoleLogger;
    const work = opts.work ?? true;
    const cron = (opts.cron ?? true) && work;
    // Refuses unsupported features before anything touches the database.
    const specs = buildRegistry(opts.client, opts.functions, timing.defaultConcurrency);
    const handler = serve({ client: opts.client, functions: opts.functions });
    const boss = createBoss(opts.db, timing, cron, work);
    boss.on("error", (err: Error) => log.error(`pg-boss: ${err.message}`));
    await boss.start();
    // The Next.js adapter only reads standard Request fields; the executor never has a NextRequest to give it.
    const post = handler.POST as unknown as (req: Request) => Promise<Response>;
    const engine = new EmbeddedEngine(boss, specs, post, new RunStore(opts.db.prisma), timing, log, work);
    try {
      await engine.ensureQueues();
      if (work) {
        // PGlite belongs to this one process, so a job still marked active was held by a process that died:
        // hand it back now instead of waiting for its heartbeat to lapse.
        if (opts.db.kind === "pglite") await engine.releaseOrphanedJobs();
        if (cron) await engine.syncSchedules();
        await engine.startWorkers();
      }
      // step.sendEvent() in embedded mode: the client's event API calls land here (./event-api.ts).
      setEmbeddedEventSink((events) => engine.send(events), engine);
    } catch (err) {
      await boss.stop({ graceful: false, close: true }).catch(() => undefined);
      throw err;
    }
    return engine;
  }

  /** The pg-boss instance, for diagnostics (queues, schedules) — not for starting work: use send(). */
  get pgBoss(): PgBoss {
    return this.boss;
  }

  /** False for a sender-only engine (PLUMB_ROLE=web): it enqueues, other processes run. */
  get isWorking(): boolean {
    return this.working;
  }

  /** The functions this engine runs, as serve() names them. */
  get functionSlugs(): string[] {
    return this.specs.map((s) => s.slug);
  }

  /** Starts one run per function triggered by each event. Call it outside any database transaction. */
  async send(events: EventToSend[]): Promise<{ ids: string[]; runs: { functionId: string; runId: string }[] }> {
    if (this.stopped) throw new Error("The embedded job engine is stopped");
    const ids: string[] = [];
    const runs: { functionId: string; runId: string }[] = [];
    const byQueue = new Map<string, JobInsert[]>();
    for (const e of events) {
      const event = { name: e.name, data: e.data ?? {}, id: e.id ?? randomUUID(), ts: e.ts ?? Date.now() };
      ids.push(event.id);
      for (const spec of this.byEvent.get(event.name) ?? []) {
        const runId = runIdFor(spec.slug, event.id);
        const group = concurrencyGroup(spec, event);
        const jobs = byQueue.get(spec.queue) ?? [];
        jobs.push({ data: { runId, event }, singletonKey: runId, ...(group !== undefined ? { group: { id: group } } : {}) });
        byQueue.set(spec.queue, jobs);
        runs.push({ functionId: spec.slug, runId });
      }
    }
    // One INSERT per queue (a dispatcher's batch of outbox rows); a run already queued is skipped by its key.
    for (const [queue, jobs] of byQueue) await this.whileWarningIfSlow(queue, () => this.boss.insert(queue, jobs));
    return { ids, runs };
  }

  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    clearEmbeddedEventSink(this);
    await this.boss.stop({ graceful: true, close: true, timeout: this.timing.stopTimeoutSeconds * 1000 });
  }

  private queueOptions(): Omit<Queue, "name" | "policy"> {
    return {
      retryLimit: JOB_RETRY_LIMIT,
      retryDelay: 1,
      retryBackoff: true,
      retryDelayMax: 60,
      expireInSeconds: this.timing.expireInSeconds,
      heartbeatSeconds: this.timing.heartbeatSeconds,
      // Runs keep their own history in JobRun/JobStep; finished pg-boss jobs are only noise.
      deleteAfterSeconds: 24 * 60 * 60,
      // A waiting job is a sleeping run: it must outlive the longest sleep (Inngest allows a year).
      retentionSeconds: 400 * 24 * 60 * 60,
      notify: true,
    };
  }

  private async ensureQueues(): Promise<void> {
    for (const spec of this.specs) {
      const existing = await this.boss.getQueue(spec.queue);
      // stately + singletonKey = run id: at most one job per run running and one waiting, so a run is never
      // driven twice at once and duplicate wake-ups collapse.
      if (!existing) await this.boss.createQueue(spec.queue, { policy: "stately", ...this.queueOptions() });
      else {
        if (existing.policy !== "stately") throw new Error(`pg-boss queue ${spec.queue} exists with policy ${existing.policy}`);
        await this.boss.updateQueue(spec.queue, this.queueOptions());
      }
    }
  }

  private async releaseOrphanedJobs(): Promise<void> {
    for (const spec of this.specs) {
      const orphaned: string[] = [];
      let after: string | undefined;
      for (;;) {
        const page = await this.boss.findJobs(spec.queue, { limit: 1000, after });
        orphaned.push(...page.filter((j) => j.state === "active").map((j) => j.id));
        if (page.length < 1000) break;
        after = page[page.length - 1].id;
      }
      if (orphaned.length) {
        await this.boss.fail(spec.queue, orphaned, { reason: "process ended while the job was active" });
        this.log.warn(`${spec.slug}: resuming ${orphaned.length} run(s) interrupted by a previous process`);
      }
    }
  }

  private async syncSchedules(): Promise<void> {
    const wanted = new Set<string>();
    for (const spec of this.specs) {
      for (const [i, c] of spec.crons.entries()) {
        const key = `cron-${i}`;
        wanted.add(`${spec.queue}\u0000${key}`);
        await this.boss.schedule(spec.queue, c.expression, { cron: c.expression }, { key, tz: c.tz ?? "UTC" });
      }
    }
    // A cron removed from the code must stop firing.
    for (const s of await this.boss.getSchedules()) {
      if (s.name.startsWith("inngest.") && !wanted.has(`${s.name}\u0000${s.key}`)) await this.boss.unschedule(s.name, s.key);
    }
  }

  private async startWorkers(): Promise<void> {
    for (const spec of this.specs) {
      await this.boss.work(
        spec.queue,
        {
          localConcurrency: spec.concurrency,
          // Keyed concurrency: pg-boss counts active jobs per group in the database, so the per-key limit
          // holds across every worker process; runs without the key (group null) are not limited by it.
          ...(spec.keyedConcurrency ? { groupConcurrency: spec.keyedConcurrency.limit } : {}),
          batchSize: 1,
          includeMetadata: true,
          pollingIntervalSeconds: this.timing.pollingIntervalSeconds,
          // NOTIFY only wakes workers when a job is created; delayed jobs (sleeps, retries) and jobs held back
          // behind their run's active job become due silently, so polling must stay at the normal pace.
          notifyPollingIntervalSeconds: this.timing.pollingIntervalSeconds,
        },
        async (jobs: JobWithMetadata<unknown>[]) => {
          for (const job of jobs) await this.handleJob(spec, job);
        },
      );
    }
  }

  /**
   * Queues the next slice of a run. `event` goes into the job only when the run may not exist yet (its first
   * job); `groupFrom` is the event the keyed-concurrency group is computed from (every job of a run carries
   * the group, so a run waking from a sleep counts against its key again).
   */
  private async enqueueRun(
    spec: FunctionSpec,
    runId: string,
    opts: { event?: unknown; groupFrom?: unknown; startAfter?: Date },
  ): Promise<void> {
    const { event, startAfter } = opts;
    const group = concurrencyGroup(spec, opts.groupFrom ?? event);
    await this.whileWarningIfSlow(spec.queue, () =>
      this.boss.send(spec.queue, event === undefined ? { runId } : { runId, event }, {
        singletonKey: runId,
        ...(startAfter ? { startAfter } : {}),
        ...(group !== undefined ? { group: { id: group } } : {}),
      }),
    );
  }

  private async whileWarningIfSlow<T>(queue: string, fn: () => Promise<T>): Promise<T> {
    // On PGlite an insert issued while a Prisma interactive transaction is open waits for that transaction;
    // when the sender is inside it, that is forever. Say so instead of hanging silently.
    const slow = setTimeout(
      () => this.log.warn(`enqueueing into ${queue} has waited 5 s for the database: was it called inside a transaction?`),
      5000,
    );
    try {
      return await fn();
    } finally {
      clearTimeout(slow);
    }
  }

  private async handleJob(spec: FunctionSpec, job: JobWithMetadata<unknown>): Promise<void> {
    const parsed = jobDataSchema.safeParse(job.data);
    if (!parsed.success) {
      // Retrying cannot fix a malformed job; drop it where an operator will see it.
      this.log.error(`${spec.slug}: dropped job ${job.id} with unreadable data: ${parsed.error.message}`);
      return;
    }
    const data = parsed.data;
    if ("cron" in data) {
      // Re-enqueued under the run's own key so that everything driving a run goes through the same exclusivity.
      const event = { name: "inngest/scheduled.timer", data: { cron: data.cron }, id: job.id, ts: Date.now() };
      await this.enqueueRun(spec, runIdFor(spec.slug, job.id), { event });
      return;
    }
    let run: RunRecord | null;
    if (data.event !== undefined && spec.throttle) {
      // Throttled: the run only comes into being once the function's window has room for it.
      const admitted = await this.store.admitThrottled(data.runId, spec.slug, data.event, spec.throttle, throttleKey(spec, data.event), new Date());
      if ("retryAt" in admitted) {
        await this.enqueueRun(spec, data.runId, { event: data.event, startAfter: admitted.retryAt });
        return;
      }
      run = admitted.run;
    } else {
      run = data.event !== undefined ? await this.store.ensureRun(data.runId, spec.slug, data.event) : await this.store.getRun(data.runId);
    }
    if (!run) {
      this.log.warn(`${spec.slug}: job for unknown run ${data.runId} dropped`);
      return;
    }
    if (run.status !== "running") return;
    // pg-boss counts a group's active jobs when it fetches; two workers of this process fetching at the same
    // instant can both pass that check. The local count makes the per-key limit exact within a process.
    const group = concurrencyGroup(spec, run.event);
    const slot = group !== undefined ? `${spec.slug}\u0000${group}` : undefined;
    if (slot !== undefined && spec.keyedConcurrency) {
      const taken = this.activeGroups.get(slot) ?? 0;
      if (taken >= spec.keyedConcurrency.limit) {
        await this.enqueueRun(spec, run.id, { groupFrom: run.event, startAfter: new Date(Date.now() + 1000) });
        return;
      }
      this.activeGroups.set(slot, taken + 1);
    }
    try {
      let result: SliceResult;
      try {
        result = await driveRun({ handle: this.handle, store: this.store, retryDelayMs: (a) => this.retryDelayMs(a) }, spec, run);
      } catch (err) {
        if (job.retryCount < job.retryLimit) throw err;
        result = { kind: "failed", error: { name: "EngineError", message: (err as Error).message } };
      }
      await this.settle(spec, run, result);
    } finally {
      if (slot !== undefined && spec.keyedConcurrency) {
        const left = (this.activeGroups.get(slot) ?? 1) - 1;
        if (left > 0) this.activeGroups.set(slot, left);
        else this.activeGroups.delete(slot);
      }
    }
  }

  private async settle(spec: FunctionSpec, run: RunRecord, result: SliceResult): Promise<void> {
    switch (result.kind) {
      case "completed":
        await this.store.complete(run.id, result.output);
        return;
      case "wait":
        await this.enqueueRun(spec, run.id, { groupFrom: run.event, startAfter: result.until });
        return;
      case "failed":
        // Enqueue the failure handler before marking the run failed: a crash in between replays the run,
        // which fails again and re-enqueues the same (deduplicated) handler run, so it is never lost.
        if (spec.failure) await this.enqueueFailureHandler(spec, spec.failure, run, result.error);
        await this.store.fail(run.id, result.error);
        this.log.error(`${spec.slug}: run ${run.id} failed: ${result.error.message ?? "unknown error"}`);
        return;
    }
  }

  private async enqueueFailureHandler(spec: FunctionSpec, failure: FunctionSpec, run: RunRecord, error: SerializedError) {
    const id = `${run.id}-failure`;
    const event = {
      name: "inngest/function.failed",
      data: { function_id: spec.slug, run_id: run.id, error, event: run.event },
      id,
      ts: Date.now(),
    };
    await this.enqueueRun(failure, id, { event });
  }

  private retryDelayMs(attempt: number): number {
    const base = Math.min(this.timing.retryMaxDelayMs, this.timing.retryBaseDelayMs * 2 ** Math.max(0, attempt - 1));
    return Math.round(base * (0.9 + Math.random() * 0.2));
  }
}
