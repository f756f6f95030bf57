// Turns Inngest function definitions into what the embedded engine runs: one pg-boss queue per function
// (and per onFailure handler), event names and crons that feed them, retry and concurrency limits.
// Anything the engine cannot honour is refused here, loudly, before a single job runs.
import { EventType, type Inngest, type InngestFunction } from "inngest";

export interface CronSpec {
  expression: string;
  tz?: string;
}

export interface FunctionSpec {
  fn: InngestFunction.Any;
  /** The id serve() routes on: `<appId>-<fnId>` (plus `-failure` for an onFailure handler). */
  slug: string;
  queue: string;
  kind: "main" | "failure";
  events: string[];
  crons: CronSpec[];
  /** Attempts per step (Inngest: retries + 1). */
  maxAttempts: number;
  concurrency: number;
  /** Set on a main function with an onFailure handler: the failure handler's spec. */
  failure?: FunctionSpec;
}

export class UnsupportedInEmbeddedMode extends Error {
  constructor(fnId: string, what: string) {
    super(
      `Function "${fnId}" uses ${what}, which the embedded job engine does not implement. ` +
        `Run with Inngest (INNGEST_EVENT_KEY or INNGEST_DEV) or change the function.`,
    );
    this.name = "UnsupportedInEmbeddedMode";
  }
}

const UNSUPPORTED_OPTIONS = [
  "batchEvents",
  "idempotency",
  "rateLimit",
  "throttle",
  "debounce",
  "priority",
  "timeouts",
  "singleton",
  "cancelOn",
] as const;

// Step tools whose ops the driver cannot answer. Found in the handler's source so that the refusal comes at
// start-up; the driver refuses the op itself too, should one slip past (e.g. called through a helper).
const UNSUPPORTED_STEP_TOOLS = /\bstep\s*\.\s*(waitForEvent|invoke|waitForSignal|sendEvent|ai\s*\.)/;

const DEFAULT_RETRIES = 3;
// Inngest runs an onFailure handler with `retries: 1`.
const FAILURE_HANDLER_ATTEMPTS = 2;

export function queueName(slug: string): string {
  return `inngest.${slug}`;
}

function parseCron(fnId: string, raw: string): CronSpec {
  const m = /^TZ=(\S+)\s+(.+)$/.exec(raw.trim());
  const spec = m ? { expression: m[2].trim(), tz: m[1] } : { expression: raw.trim() };
  if (spec.expression.split(/\s+/).length !== 5) throw new UnsupportedInEmbeddedMode(fnId, `cron "${raw}" (expected 5 fields)`);
  return spec;
}

function concurrencyLimit(fnId: string, value: unknown, fallback: number): number {
  if (value === undefined || value === null) return fallback;
  if (typeof value === "number") return value > 0 ? value : fallback;
  if (typeof value === "object" && !Array.isArray(value)) {
    const c = value as { limit?: unknown; key?: unknown; scope?: unknown };
    if (c.key !== undefined || (c.scope !== undefined && c.scope !== "fn")) {
      throw new UnsupportedInEmbeddedMode(fnId, "keyed or account/env-scoped concurrency");
    }
    if (typeof c.limit === "number") return c.limit > 0 ? c.limit : fallback;
  }
  throw new UnsupportedInEmbeddedMode(fnId, "multiple concurrency limits");
}

function handlerSource(fn: InngestFunction.Any): string {
  // The handlers are private fields of InngestFunction; reading them is the only way to check up front.
  const main = (fn as unknown as { fn?: unknown }).fn;
  const failure = fn.opts.onFailure;
  return [main, failure].map((h) => (typeof h === "function" ? h.toString() : "")).join("\n");
}

export function buildRegistry(client: Inngest.Any, functions: InngestFunction.Any[], defaultConcurrency: number): FunctionSpec[] {
  const specs: FunctionSpec[] = [];
  const seen = new Set<string>();
  for (const fn of functions) {
    const id = fn.id();
    const slug = fn.id(client.id);
    if (seen.has(slug)) throw new Error(`Duplicate Inngest function id "${id}"`);
    seen.add(slug);
    const opts = fn.opts as unknown as Record<string, unknown>;
    for (const key of UNSUPPORTED_OPTIONS) {
      if (opts[key] !== undefined) throw new UnsupportedInEmbeddedMode(id, `the "${key}" option`);
    }
    const tool = UNSUPPORTED_STEP_TOOLS.exec(handlerSource(fn));
    if (tool) throw new UnsupportedInEmbeddedMode(id, `step.${tool[1].replace(/\s|\./g, "")}`);

    const events: string[] = [];
    const crons: CronSpec[] = [];
    for (const trigger of fn.opts.triggers ?? []) {
      if ("cron" in trigger && typeof trigger.cron === "string") {
        if ((trigger as { jitter?: unknown }).jitter !== undefined) throw new UnsupportedInEmbeddedMode(id, "cron jitter");
        crons.push(parseCron(id, trigger.cron));
        continue;
      }
      if (!("event" in trigger) || trigger.event === undefined) continue;
      const name = trigger.event instanceof EventType ? trigger.event.name : String(trigger.event);
      if (name === "inngest/function.invoked") throw new UnsupportedInEmbeddedMode(id, "an invoke() trigger");
      if (name.includes("*")) throw new UnsupportedInEmbeddedMode(id, `the wildcard trigger "${name}"`);
      if (trigger.if !== undefined) throw new UnsupportedInEmbeddedMode(id, "a trigger `if` expression");
      events.push(name);
    }

    const retries = typeof fn.opts.retries === "number" ? fn.opts.retries : DEFAULT_RETRIES;
    const spec: FunctionSpec = {
      fn,
      slug,
      queue: queueName(slug),
      kind: "main",
      events,
      crons,
      maxAttempts: retries + 1,
      concurrency: concurrencyLimit(id, fn.opts.concurrency, defaultConcurrency),
    };
    if (fn.opts.onFailure) {
      const failureSlug = `${slug}-failure`;
      spec.failure = {
        fn,
        slug: failureSlug,
        queue: queueName(failureSlug),
        kind: "failure",
        events: [],
        crons: [],
        maxAttempts: FAILURE_HANDLER_ATTEMPTS,
        concurrency: defaultConcurrency,
      };
    }
    specs.push(spec);
    if (spec.failure) specs.push(spec.failure);
  }
  return specs;
}
