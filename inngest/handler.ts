import { serve } from "inngest/next";
import { inngest } from "@/inngest/client";
import { functions } from "@/inngest/functions";

/** The serve() handler Inngest calls at /api/inngest (Inngest mode). */
export const inngestHandler = serve({ client: inngest, functions });
