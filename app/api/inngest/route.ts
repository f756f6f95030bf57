import { inngestHandler } from "@/inngest/handler";
import { jobMode } from "@/lib/jobs/mode";

// In embedded mode the client runs unsigned (dev mode) because the engine calls the handler in-process;
// serving it over HTTP then would let anyone execute functions with made-up step state, so refuse.
const notServed = () =>
  Response.json(
    { error: "Background work runs in-process (embedded mode); set INNGEST_EVENT_KEY or INNGEST_DEV to serve Inngest here." },
    { status: 404 },
  );

const embedded = jobMode() === "embedded";

export const GET = embedded ? notServed : inngestHandler.GET;
export const POST = embedded ? notServed : inngestHandler.POST;
export const PUT = embedded ? notServed : inngestHandler.PUT;

// Steps can run for minutes (a site scan); Inngest retries a request that times out.
export const maxDuration = 300;
export const dynamic = "force-dynamic";
