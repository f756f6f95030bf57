import { jobMode } from "./mode";
import { getJobEngine } from "./start";

/**
 * An event made by a typed event's `.create(data)` (inngest/events.ts); `validate()` checks it against the schema.
 */
export interface SendableEvent {
  name: string;
  data: Record<string, unknown>;
  /** Deduplication id: sending the same id again does not start the functions again. */
  id?: string;
  ts?: number;
  validate: () => Promise<unknown>;
}

export interface EventPayload {
  name: string;
  data: Record<string, unknown>;
  id?: string;
  ts?: number;
}

/**
 * The transport under the outbox dispatcher: Inngest (`inngest.send`) when INNGEST_EVENT_KEY or INNGEST_DEV is
 * set, the embedded engine otherwise (pg-boss on our database; in a PLUMB_ROLE=web process it only enqueues).
 * Services never call this: they write the outbox (enqueueJob from @/lib/jobs/outbox).
 */
export async function deliverEvents(list: EventPayload[]): Promise<{ ids: string[] }> {
  if (list.length === 0) return { ids: [] };
  if (jobMode() === "inngest") {
    const { inngest } = await import("@/inngest/client");
    const payloads = list.map(({ name, data, id, ts }) => ({ name, data, ...(id ? { id } : {}), ...(ts ? { ts } : {}) }));
    return inngest.send(payloads);
  }
  const engine = await getJobEngine();
  const { ids } = await engine.send(list.map(({ name, data, id, ts }) => ({ name, data, id, ts })));
  return { ids };
}

/**
 * Sends typed events right away, without the outbox (validated first; an invalid one throws and nothing is
 * sent). For tools and tests; product code announces work through the outbox so that a crash between its
 * commit and the send loses nothing. Never call it inside a database transaction.
 */
export async function send(events: SendableEvent | SendableEvent[]): Promise<{ ids: string[] }> {
  const list = Array.isArray(events) ? events : [events];
  for (const e of list) await e.validate();
  return deliverEvents(list.map(({ name, data, id, ts }) => ({ name, data, id, ts })));
}
