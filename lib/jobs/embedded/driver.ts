// Drives one run through the SDK's serve() handler the way Inngest's executor does: replay with the memoized
// steps, execute the one op the SDK answers with, store its result, repeat, until the run finishes, fails,
// or has to wait (a sleep, or a retry backoff). The caller turns a wait into a delayed pg-boss job.
import { durationToMs } from "inngest";
import { buildRunRequest, readReply, retryAfterMs, type HandlerReply, type OutgoingOp, type SerializedError } from "./protocol";
import type { FunctionSpec } from "./registry";
import type { RunRecord, RunStore } from "./store";

export type SliceResult =
  | { kind: "completed"; output: unknown }
  | { kind: "failed"; error: SerializedError }
  | { kind: "wait"; until: Date; reason: "sleep" | "retry" };

export interface DriverDeps {
  handle: (req: Request) => Promise<Response>;
  store: RunStore;
  /** Backoff before retry number `attempt` (1-based) when the SDK gives no Retry-After. */
  retryDelayMs: (attempt: number) => number;
  now?: () => number;
}

// Inngest caps a function at 1000 steps; a replay loop past that is a bug, not work.
const MAX_REQUESTS_PER_SLICE = 2500;

type OpOutcome = { kind: "progress" } | { kind: "sleep"; until: Date } | SliceResult;

function unsupported(spec: FunctionSpec, op: string): SliceResult {
  return {
    kind: "failed",
    error: {
      name: "UnsupportedInEmbeddedMode",
      message:
        `Function "${spec.slug}" asked for step op "${op}", which the embedded job engine does not implement. ` +
        `Run with Inngest (INNGEST_EVENT_KEY or INNGEST_DEV) or change the function.`,
    },
  };
}

function sleepUntil(op: OutgoingOp, now: number): Date {
  const name = op.name ?? "";
  // The SDK sends sleepUntil() as an ISO date and sleep() as a duration string ("2s", "1h30m").
  if (/^\d{4}-\d{2}-\d{2}T/.test(name)) return new Date(name);
  return new Date(now + durationToMs(name));
}

export async function driveRun(deps: DriverDeps, spec: FunctionSpec, run: RunRecord): Promise<SliceResult> {
  const now = deps.now ?? Date.now;
  let attempt = run.attempt;

  const call = async (stepId: string): Promise<HandlerReply> => {
    const memo = await deps.store.memo(run.id, new Date(now()));
    const req = buildRunRequest({
      functionSlug: spec.slug,
      stepId,
      runId: run.id,
      event: run.event,
      steps: memo.steps,
      stack: memo.stack,
      attempt,
      maxAttempts: spec.maxAttempts,
    });
    return readReply(await deps.handle(req));
  };

  const retryLater = async (error: SerializedError, retryAfter: string | null): Promise<SliceResult> => {
    attempt += 1;
    if (attempt >= spec.maxAttempts) return { kind: "failed", error };
    await deps.store.setAttempt(run.id, attempt, error);
    const delay = retryAfterMs(retryAfter, now()) ?? deps.retryDelayMs(attempt);
    return { kind: "wait", until: new Date(now() + delay), reason: "retry" };
  };

  const stepSucceeded = async () => {
    if (attempt !== 0) {
      attempt = 0;
      await deps.store.setAttempt(run.id, 0);
    }
  };

  const applyOp = async (op: OutgoingOp, retryAfter: string | null, allowPlanned: boolean): Promise<OpOutcome> => {
    const name = op.displayName ?? op.name;
    switch (op.op) {
      case "StepRun":
        await deps.store.recordStepResult(run.id, op.id, name, { type: "data", data: op.data ?? null });
        await stepSucceeded();
        return { kind: "progress" };
      case "StepFailed":
        // Retries exhausted (or NonRetriableError): memoize the error; the replay throws it inside the function.
        await deps.store.recordStepResult(run.id, op.id, name, { type: "error", error: op.error ?? null });
        await stepSucceeded();
        return { kind: "progress" };
      case "StepError":
        await deps.store.recordStepAttemptFailed(run.id, op.id, name);
        return retryLater(asSerialized(op.error), retryAfter);
      case "Sleep": {
        const until = await deps.store.recordSleep(run.id, op.id, name, sleepUntil(op, now()));
        if (until.getTime() > now()) return { kind: "sleep", until };
        return { kind: "progress" };
      }
      case "StepPlanned": {
        if (!allowPlanned) return unsupported(spec, "StepPlanned inside a planned step");
        // Parallel steps run one after the other here: same results, just not concurrently.
        const reply = await call(op.id);
        if (reply.kind !== "ops") return settle(reply);
        return applyOps(reply.ops, reply.retryAfter, false);
      }
      case "RunComplete":
        return { kind: "completed", output: op.data ?? null };
      default:
        return unsupported(spec, op.op);
    }
  };

  const applyOps = async (ops: OutgoingOp[], retryAfter: string | null, allowPlanned: boolean): Promise<OpOutcome> => {
    let wakeAt: Date | null = null;
    for (const op of ops) {
      const outcome = await applyOp(op, retryAfter, allowPlanned);
      if (outcome.kind === "progress") continue;
      if (outcome.kind === "sleep") {
        if (!wakeAt || outcome.until < wakeAt) wakeAt = outcome.until;
        continue;
      }
      return outcome;
    }
    return wakeAt ? { kind: "sleep", until: wakeAt } : { kind: "progress" };
  };

  const settle = async (reply: Exclude<HandlerReply, { kind: "ops" }>): Promise<SliceResult> => {
    switch (reply.kind) {
      case "done":
        return { kind: "completed", output: reply.output };
      case "rejected":
        return reply.retriable ? retryLater(reply.error, reply.retryAfter) : { kind: "failed", error: reply.error };
      case "broken":
        return retryLater(reply.error, null);
    }
  };

  for (let i = 0; i < MAX_REQUESTS_PER_SLICE; i++) {
    const reply = await call("step");
    if (reply.kind !== "ops") return settle(reply);
    const outcome = await applyOps(reply.ops, reply.retryAfter, true);
    if (outcome.kind === "progress") continue;
    if (outcome.kind === "sleep") return { kind: "wait", until: outcome.until, reason: "sleep" };
    return outcome;
  }
  return { kind: "failed", error: { name: "Error", message: `Run exceeded ${MAX_REQUESTS_PER_SLICE} requests without finishing` } };
}

function asSerialized(value: unknown): SerializedError {
  if (value && typeof value === "object" && "message" in value) return value as SerializedError;
  return { name: "Error", message: typeof value === "string" ? value : "step failed" };
}
