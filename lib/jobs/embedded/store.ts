// Run state of the embedded engine in the JobRun / JobStep tables. JobStep.data holds the memoized result in
// the SDK's own shape ({type:"data",data} | {type:"error",error}), or {type:"sleep",until} for a sleep; a row
// whose data is NULL is a step still being retried (its attempts counted, nothing memoized yet).
import { z } from "zod";
import { PrismaNS, type Prisma } from "@/lib/db";
import type { MemoizedStep, SerializedError } from "./protocol";
import type { ThrottleSpec } from "./registry";

export type RunStatus = "running" | "completed" | "failed";

export interface RunRecord {
  id: string;
  functionId: string;
  event: unknown;
  status: string;
  attempt: number;
}

const storedStepSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("data"), data: z.unknown() }),
  z.object({ type: z.literal("error"), error: z.unknown() }),
  z.object({ type: z.literal("sleep"), until: z.string() }),
]);

export interface Memo {
  steps: Record<string, MemoizedStep>;
  stack: string[];
}

function json(value: unknown): PrismaNS.InputJsonValue | typeof PrismaNS.JsonNull {
  if (value === undefined || value === null) return PrismaNS.JsonNull;
  return JSON.parse(JSON.stringify(value)) as PrismaNS.InputJsonValue;
}

function toRecord(run: { id: string; functionId: string; event: unknown; status: string; attempt: number }): RunRecord {
  return { id: run.id, functionId: run.functionId, event: run.event, status: run.status, attempt: run.attempt };
}

export class RunStore {
  constructor(private readonly prisma: Prisma) {}

  async ensureRun(id: string, functionId: string, event: unknown): Promise<RunRecord> {
    const run = await this.prisma.jobRun.upsert({
      where: { id },
      create: { id, functionId, event: json(event) },
      update: {},
    });
    return { id: run.id, functionId: run.functionId, event: run.event, status: run.status, attempt: run.attempt };
  }

  /**
   * Creates a throttled function's run if its window has room: fewer than limit + burst runs of the function
   * (with the same key) created within the period. Serialised per function by an advisory lock, so two
   * workers cannot both take the last place. Otherwise returns when to try again.
   */
  async admitThrottled(
    id: string,
    functionId: string,
    event: unknown,
    throttle: ThrottleSpec,
    key: string | undefined,
    now: Date,
  ): Promise<{ run: RunRecord } | { retryAt: Date }> {
    return this.prisma.$transaction(async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`plumb-throttle:${functionId}`}))`;
      const existing = await tx.jobRun.findUnique({ where: { id } });
      if (existing) return { run: toRecord(existing) };
      const since = new Date(now.getTime() - throttle.periodMs);
      const where = {
        functionId,
        createdAt: { gt: since },
        ...(throttle.keyPath ? { event: { path: throttle.keyPath, equals: key ?? PrismaNS.AnyNull } } : {}),
      };
      const recent = await tx.jobRun.findMany({ where, orderBy: { createdAt: "asc" }, select: { createdAt: true }, take: throttle.limit + throttle.burst });
      if (recent.length >= throttle.limit + throttle.burst) {
        return { retryAt: new Date(recent[0].createdAt.getTime() + throttle.periodMs + 1) };
      }
      const run = await tx.jobRun.create({ data: { id, functionId, event: json(event), createdAt: now } });
      return { run: toRecord(run) };
    });
  }

  async getRun(id: string): Promise<RunRecord | null> {
    const run = await this.prisma.jobRun.findUnique({ where: { id } });
    return run && { id: run.id, functionId: run.functionId, event: run.event, status: run.status, attempt: run.attempt };
  }

  /** Memoized steps as of `now` (a sleep counts once its time has come), in completion order. */
  async memo(runId: string, now: Date): Promise<Memo> {
    const rows = await this.prisma.jobStep.findMany({
      where: { runId },
      orderBy: [{ createdAt: "asc" }, { stepHash: "asc" }],
    });
    const memo: Memo = { steps: {}, stack: [] };
    for (const row of rows) {
      if (row.data === null) continue;
      const stored = storedStepSchema.parse(row.data);
      if (stored.type === "sleep") {
        if (new Date(stored.until) > now) continue;
        memo.steps[row.stepHash] = { type: "data", data: null };
      } else {
        memo.steps[row.stepHash] = stored.type === "data" ? { type: "data", data: stored.data ?? null } : stored;
      }
      memo.stack.push(row.stepHash);
    }
    return memo;
  }

  async recordStepResult(runId: string, stepHash: string, stepName: string | undefined, result: MemoizedStep): Promise<void> {
    const data = json(result.type === "data" ? { type: "data", data: result.data ?? null } : result);
    await this.prisma.jobStep.upsert({
      where: { runId_stepHash: { runId, stepHash } },
      create: { runId, stepHash, stepName, data, attempts: 1 },
      update: { data, attempts: { increment: 1 } },
    });
  }

  async recordStepAttemptFailed(runId: string, stepHash: string, stepName: string | undefined): Promise<void> {
    await this.prisma.jobStep.upsert({
      where: { runId_stepHash: { runId, stepHash } },
      create: { runId, stepHash, stepName, attempts: 1 },
      update: { attempts: { increment: 1 } },
    });
  }

  /** Records a sleep once; a replayed Sleep op keeps the first wake-up time. Returns it. */
  async recordSleep(runId: string, stepHash: string, stepName: string | undefined, until: Date): Promise<Date> {
    const row = await this.prisma.jobStep.upsert({
      where: { runId_stepHash: { runId, stepHash } },
      create: { runId, stepHash, stepName, data: { type: "sleep", until: until.toISOString() }, attempts: 1 },
      update: {},
    });
    const stored = storedStepSchema.parse(row.data);
    return stored.type === "sleep" ? new Date(stored.until) : new Date(0);
  }

  async setAttempt(runId: string, attempt: number, error?: SerializedError): Promise<void> {
    await this.prisma.jobRun.update({
      where: { id: runId },
      data: { attempt, ...(error ? { error: error.message ?? "error" } : {}) },
    });
  }

  async complete(runId: string, output: unknown): Promise<void> {
    await this.prisma.jobRun.update({
      where: { id: runId },
      data: { status: "completed", output: json(output), error: null, finishedAt: new Date() },
    });
  }

  async fail(runId: string, error: SerializedError): Promise<void> {
    await this.prisma.jobRun.update({
      where: { id: runId },
      data: { status: "failed", error: `${error.name ?? "Error"}: ${error.message ?? "unknown error"}`, finishedAt: new Date() },
    });
  }
}
