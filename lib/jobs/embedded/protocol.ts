// The executor side of Inngest's HTTP protocol, as the SDK's serve() handler speaks it (pinned by
// test/jobs/protocol-contract.test.ts against the installed `inngest` version).
import { z } from "zod";

/** A step result as the SDK expects it back in `steps`. */
export type MemoizedStep = { type: "data"; data: unknown } | { type: "error"; error: unknown };

export const serializedErrorSchema = z
  .object({ name: z.string().optional(), message: z.string().optional(), stack: z.string().optional() })
  .catchall(z.unknown());
export type SerializedError = z.infer<typeof serializedErrorSchema>;

export const outgoingOpSchema = z.object({
  id: z.string().min(1),
  op: z.string().min(1),
  name: z.string().optional(),
  displayName: z.string().optional(),
  data: z.unknown().optional(),
  error: z.unknown().optional(),
});
export type OutgoingOp = z.infer<typeof outgoingOpSchema>;

export type HandlerReply =
  | { kind: "done"; output: unknown }
  | { kind: "ops"; ops: OutgoingOp[]; retryAfter: string | null }
  | { kind: "rejected"; retriable: boolean; error: SerializedError; retryAfter: string | null }
  | { kind: "broken"; status: number; error: SerializedError };

export interface RunRequest {
  functionSlug: string;
  /** "step" to let the SDK choose the next op, or a hashed step id to run one planned (parallel) step. */
  stepId: string;
  runId: string;
  event: unknown;
  steps: Record<string, MemoizedStep>;
  stack: string[];
  attempt: number;
  maxAttempts: number;
}

// Never resolvable: the handler is called in-process, the URL only carries the query string it routes on.
const ORIGIN = "http://plumb-embedded.invalid";

export function buildRunRequest(r: RunRequest): Request {
  const url = new URL("/api/inngest", ORIGIN);
  url.searchParams.set("fnId", r.functionSlug);
  url.searchParams.set("stepId", r.stepId);
  const body = {
    event: r.event,
    events: [r.event],
    steps: r.steps,
    // No ctx.fn_id: with it the SDK switches to checkpointing against an Inngest server.
    ctx: {
      run_id: r.runId,
      attempt: r.attempt,
      max_attempts: r.maxAttempts,
      stack: { stack: r.stack, current: r.stack.length },
    },
    version: 2,
  };
  return new Request(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
}

function parseJson(text: string): unknown {
  try {
    return text ? JSON.parse(text) : null;
  } catch {
    return text;
  }
}

function asError(value: unknown, fallback: string): SerializedError {
  const parsed = serializedErrorSchema.safeParse(value);
  if (parsed.success && parsed.data.message) return parsed.data;
  return { name: "Error", message: typeof value === "string" && value ? value.slice(0, 2000) : fallback };
}

export async function readReply(res: Response): Promise<HandlerReply> {
  const body = parseJson(await res.text());
  const retryAfter = res.headers.get("retry-after");
  if (res.status === 200) return { kind: "done", output: body };
  if (res.status === 206) {
    const ops = z.array(outgoingOpSchema).min(1).safeParse(body);
    if (!ops.success) return { kind: "broken", status: 206, error: asError(null, `unreadable op list: ${ops.error.message}`) };
    return { kind: "ops", ops: ops.data, retryAfter };
  }
  if (res.status === 400 || res.status === 500) {
    const noRetry = res.headers.get("x-inngest-no-retry");
    if (noRetry === "true" || noRetry === "false") {
      return { kind: "rejected", retriable: noRetry === "false", error: asError(body, `function failed (${res.status})`), retryAfter };
    }
  }
  return { kind: "broken", status: res.status, error: asError(body, `serve() answered HTTP ${res.status}`) };
}

/** Milliseconds until a Retry-After value (seconds or an HTTP/ISO date), or null when absent/unreadable. */
export function retryAfterMs(value: string | null, now: number): number | null {
  if (!value) return null;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(value);
  return Number.isFinite(at) ? Math.max(0, at - now) : null;
}
