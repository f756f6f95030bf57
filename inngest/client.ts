import { Inngest } from "inngest";
import { embeddedEventFetch } from "@/lib/jobs/embedded/event-api";
import { jobMode } from "@/lib/jobs/mode";

export const INNGEST_APP_ID = "plumb";
/** The app the worker's own endpoint serves in Inngest mode (`plumb worker`): the browser-heavy functions. */
export const INNGEST_WORKER_APP_ID = "plumb-worker";

function createClient(id: string): Inngest {
  if (jobMode() === "embedded") {
    // Nothing leaves the process: the event API (inngest.send, step.sendEvent) is answered by the embedded
    // engine, anything else the SDK would reach is refused loudly. Dev mode only switches off request signing,
    // which the in-process driver cannot provide; the route refuses outside calls in this mode
    // (app/api/inngest/route.ts).
    return new Inngest({ id, isDev: true, fetch: embeddedEventFetch, checkpointing: false });
  }
  // Inngest mode: the SDK reads INNGEST_DEV / INNGEST_BASE_URL / INNGEST_EVENT_KEY / INNGEST_SIGNING_KEY itself.
  return new Inngest({ id });
}

export const inngest = createClient(INNGEST_APP_ID);

let workerClient: Inngest | undefined;
/** Client the worker's serve() handler answers as (its own Inngest app, synced at the worker's URL). */
export function inngestWorkerClient(): Inngest {
  workerClient ??= createClient(INNGEST_WORKER_APP_ID);
  return workerClient;
}
