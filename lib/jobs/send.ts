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

/**
 * The only way to start background work. Inngest (`inngest.send`) when INNGEST_EVENT_KEY or INNGEST_DEV is
 * set, the embedded engine otherwise. Events are validated first; an invalid one throws and nothing is sent.
 *
 * Call it after the transaction that created the rows the work reads has committed. On embedded PGlite there
 * is one connection: sending from inside a Prisma interactive transaction waits for that transaction forever.
 */
export async function send(events: SendableEvent | SendableEvent[]): Promise<{ ids: string[] }> {
  const list = Array.isArray(events) ? events : [events];
  for (const e of list) await e.validate();
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
