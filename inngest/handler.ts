import { serve } from "inngest/next";
import { inngest } from "@/inngest/client";
import { functions, lightFunctions } from "@/inngest/functions";
import { env } from "@/lib/env";

/**
 * The serve() handler Inngest calls at /api/inngest (Inngest mode). A PLUMB_ROLE=web instance serves only the
 * light functions, so Inngest never sends it a browser step; the workers serve the heavy ones on their own
 * endpoint (lib/jobs/worker-server.ts). With PLUMB_ROLE=all one app serves everything.
 */
export const inngestHandler = serve({ client: inngest, functions: env().PLUMB_ROLE === "web" ? lightFunctions : functions });
