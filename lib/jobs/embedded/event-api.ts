// Inngest's event API, answered in-process: in embedded mode the Inngest client's `fetch` (inngest/client.ts)
// routes `POST <base>/e/<key>` here, so `step.sendEvent()` and `inngest.send()` from a function start runs on
// the embedded engine exactly as Inngest would. Anything else the client tries to reach is refused loudly.
import { z } from "zod";
import { jobEventSchemas, isJobEventName } from "../events";

export interface SinkEvent {
  name: string;
  data?: Record<string, unknown>;
  id?: string;
  ts?: number;
}

type Sink = (events: SinkEvent[]) => Promise<{ ids: string[] }>;

const g = globalThis as unknown as { __plumbEmbeddedEventSink?: { sink: Sink; owner: object } };

export function setEmbeddedEventSink(sink: Sink, owner: object): void {
  g.__plumbEmbeddedEventSink = { sink, owner };
}

export function clearEmbeddedEventSink(owner: object): void {
  if (g.__plumbEmbeddedEventSink?.owner === owner) g.__plumbEmbeddedEventSink = undefined;
}

const eventSchema = z.object({
  name: z.string().min(1).max(300),
  data: z.record(z.string(), z.unknown()).optional(),
  id: z.string().min(1).max(300).optional(),
  ts: z.number().optional(),
});

function refuse(url: string): never {
  throw new Error(
    `The Inngest client tried to reach ${url} in embedded mode. Start background work through the outbox ` +
      `(enqueueJob from @/lib/jobs/outbox) or step.sendEvent, or set INNGEST_EVENT_KEY / INNGEST_DEV to use Inngest.`,
  );
}

/** A `fetch` for Inngest clients in embedded mode: the event API goes to the running engine, the rest is refused. */
export const embeddedEventFetch: typeof fetch = async (input, init) => {
  const href = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
  const method = (init?.method ?? (input instanceof Request ? input.method : "GET")).toUpperCase();
  const url = new URL(href);
  const current = g.__plumbEmbeddedEventSink;
  if (method !== "POST" || !/^\/e\/[^/]+$/.test(url.pathname) || !current) refuse(href);
  const raw: unknown = JSON.parse(typeof init?.body === "string" ? init.body : await new Response(init?.body ?? null).text());
  const parsed = z.array(eventSchema).safeParse(Array.isArray(raw) ? raw : [raw]);
  if (!parsed.success) return Response.json({ status: 400, error: `invalid events: ${parsed.error.message}` }, { status: 400 });
  for (const e of parsed.data) {
    // Plumb's own events are checked against their schema, whichever way they are sent.
    if (isJobEventName(e.name)) {
      const ok = jobEventSchemas[e.name].safeParse(e.data ?? {});
      if (!ok.success) return Response.json({ status: 400, error: `invalid ${e.name} event: ${ok.error.message}` }, { status: 400 });
    }
  }
  const { ids } = await current.sink(parsed.data);
  return Response.json({ ids, status: 200 });
};
