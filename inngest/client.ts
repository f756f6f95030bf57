import { Inngest } from "inngest";
import { jobMode } from "@/lib/jobs/mode";

export const INNGEST_APP_ID = "plumb";

// In embedded mode nothing may leave the process: events go through lib/jobs send() and the engine drives
// serve() in-process. A fetch that refuses turns any accidental inngest.send()/step.sendEvent() into a loud error
// instead of a hang against a server that does not exist.
const refuseNetwork: typeof fetch = async (input) => {
  const url = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
  throw new Error(
    `The Inngest client tried to reach ${url} in embedded mode. Start background work with send() from ` +
      `@/lib/jobs (not inngest.send or step.sendEvent), or set INNGEST_EVENT_KEY / INNGEST_DEV to use Inngest.`,
  );
};

function createClient(): Inngest {
  if (jobMode() === "embedded") {
    // Dev mode only switches off request signing, which the in-process driver cannot provide; the route
    // refuses outside calls in this mode (see app/api/inngest/route.ts).
    return new Inngest({ id: INNGEST_APP_ID, isDev: true, fetch: refuseNetwork, checkpointing: false });
  }
  // Inngest mode: the SDK reads INNGEST_DEV / INNGEST_BASE_URL / INNGEST_EVENT_KEY / INNGEST_SIGNING_KEY itself.
  return new Inngest({ id: INNGEST_APP_ID });
}

export const inngest = createClient();
