// Turns Inngest function definitions into what the embedded engine runs: one pg-boss queue per function
// (and per onFailure handler), event names and crons that feed them, retry and concurrency limits.
// Anything the engine cannot honour is refused here, loudly, before a single job runs.
import { EventType, durationToMs, type Inngest, type InngestFunction } from "inngest";

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
  /** Runs of this function executing at once in this process (Inngest: the unkeyed limit). */
  concurrency: number;
  /**
   * Inngest's keyed concurrency (`{ key: "event.data.organizationId", limit }`): at most `limit` runs per key
   * value executing at once, across every process sharing the database (pg-boss group concurrency).
   */
  keyedConcurrency?: KeyedConcurrency;
  /** Inngest's `throttle`: at most `limit` (+ `burst`) runs start per `period`, per key; the rest wait their turn. */
  throttle?: ThrottleSpec;
  /** Set on a main function with an onFailure handler: the failure handler's spec. */
  failure?: FunctionSpec;
}

export interface KeyedConcurrency {
  /** The expression as written, e.g. "event.data.organizationId". */
  expression: string;
  /** Property path under the event: ["data", "organizationId"]. */
  path: string[];
  limit: number;
}

export interface ThrottleSpec {
  limit: number;
  burst: number;
  periodMs: number;
  /** Property path of the key under the event, when keyed. */
  keyPath?: string[];
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
  "debounce",
  "priority",
  "timeouts",
  "singleton",
  "cancelOn",
] as const;

// Step tools whose ops the driver cannot answer. Found in the handler's source so that the refusal comes at
// start-up; the driver refuses the op itself too, should one slip past (e.g. called through a helper).
const UNSUPPORTED_STEP_TOOLS = /\bstep\s*\.\s*(waitForEvent|invoke|waitForSignal|ai\s*\.)/;

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

// The only key expressions the engine evaluates: a plain property path into the event, as in Inngest's docs.
const KEY_EXPRESSION = /^event((?:\.[A-Za-z_$][\w$]*)+)$/;

function parseKey(fnId: string, key: string): string[] {
  const m = KEY_EXPRESSION.exec(key.trim());
  if (!m) throw new UnsupportedInEmbeddedMode(fnId, `the concurrency key expression "${key}" (only event.<path> property paths)`);
  return m[1].slice(1).split(".");
}

function concurrencyLimits(
  fnId: string,
  value: unknown,
  fallback: number,
): { concurrency: number; keyedConcurrency?: KeyedConcurrency } {
  if (value === undefined || value === null) return { concurrency: fallback };
  if (typeof value === "number") return { concurrency: value > 0 ? value : fallback };
  const entries = Array.isArray(value) ? value : [value];
  if (entries.length > 2) throw new UnsupportedInEmbeddedMode(fnId, "more than two concurrency limits");
  let concurrency: number | undefined;
  let keyedConcurrency: KeyedConcurrency | undefined;
  for (const entry of entries) {
    if (typeof entry !== "object" || entry === null) throw new UnsupportedInEmbeddedMode(fnId, "a concurrency limit that is not an object");
    const c = entry as { limit?: unknown; key?: unknown; scope?: unknown };
    if (c.scope !== undefined && c.scope !== "fn") throw new UnsupportedInEmbeddedMode(fnId, `"${String(c.scope)}"-scoped concurrency`);
    if (typeof c.limit !== "number" || !Number.isInteger(c.limit) || c.limit < 0) {
      throw new UnsupportedInEmbeddedMode(fnId, "a concurrency limit without an integer `limit`");
    }
    if (c.key === undefined) {
      if (concurrency !== undefined) throw new UnsupportedInEmbeddedMode(fnId, "two unkeyed concurrency limits");
      concurrency = c.limit > 0 ? c.limit : fallback;
      continue;
    }
    if (typeof c.key !== "string") throw new UnsupportedInEmbeddedMode(fnId, "a concurrency key that is not a string");
    if (keyedConcurrency) throw new UnsupportedInEmbeddedMode(fnId, "two keyed concurrency limits");
    // Inngest reads limit 0 as "no limit" (up to the account's): no group limit here either.
    if (c.limit > 0) keyedConcurrency = { expression: c.key, path: parseKey(fnId, c.key), limit: c.limit };
  }
  return { concurrency: concurrency ?? fallback, ...(keyedConcurrency ? { keyedConcurrency } : {}) };
}

function parseThrottle(fnId: string, value: unknown): ThrottleSpec | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "object") throw new UnsupportedInEmbeddedMode(fnId, "a throttle that is not an object");
  const t = value as { limit?: unknown; period?: unknown; burst?: unknown; key?: unknown };
  if (typeof t.limit !== "number" || !Number.isInteger(t.limit) || t.limit < 1) throw new UnsupportedInEmbeddedMode(fnId, "a throttle without a positive integer `limit`");
  const periodMs = typeof t.period === "string" || typeof t.period === "number" ? durationToMs(t.period as string) : NaN;
  if (!Number.isFinite(periodMs) || periodMs <= 0) throw new UnsupportedInEmbeddedMode(fnId, "a throttle without a readable `period`");
  const burst = t.burst === undefined ? 0 : t.burst;
  if (typeof burst !== "number" || !Number.isInteger(burst) || burst < 0) throw new UnsupportedInEmbeddedMode(fnId, "a throttle `burst` that is not a non-negative integer");
  if (t.key !== undefined && typeof t.key !== "string") throw new UnsupportedInEmbeddedMode(fnId, "a throttle key that is not a string");
  return { limit: t.limit, burst, periodMs, ...(typeof t.key === "string" ? { keyPath: parseKey(fnId, t.key) } : {}) };
}

function valueAt(event: unknown, path: string[]): string | undefined {
  let value: unknown = event;
  for (const part of path) {
    if (value === null || typeof value !== "object") return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  if (typeof value === "string") return value.slice(0, 500);
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return undefined;
}

/** The throttle key of one event (undefined: the function's single, unkeyed window). */
export function throttleKey(spec: Pick<FunctionSpec, "throttle">, event: unknown): string | undefined {
  return spec.throttle?.keyPath ? valueAt(event, spec.throttle.keyPath) : undefined;
}

/** The value of a keyed-concurrency expression for one event, as a group id; undefined when absent. */
export function concurrencyGroup(spec: Pick<FunctionSpec, "keyedConcurrency">, event: unknown): string | undefined {
  return spec.keyedConcurrency ? valueAt(event, spec.keyedConcurrency.path) : undefined;
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
      ...concurrencyLimits(id, fn.opts.concurrency, defaultConcurrency),
    };
    const throttle = parseThrottle(id, opts.throttle);
    if (throttle) spec.throttle = throttle;
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
