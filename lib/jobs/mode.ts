import { z } from "zod";

/**
 * Where background work runs. `inngest`: events go to Inngest (Cloud, or a self-hosted/dev server) which
 * calls /api/inngest. `embedded`: pg-boss on our own database and an in-process driver of the same handler.
 */
export type JobMode = "inngest" | "embedded";

const present = z
  .string()
  .optional()
  .transform((v) => (v !== undefined && v.trim() !== "" ? v.trim() : undefined));

const jobEnvSchema = z.object({
  INNGEST_EVENT_KEY: present,
  INNGEST_SIGNING_KEY: present,
  INNGEST_DEV: present,
});

export function jobMode(env: Record<string, string | undefined> = process.env): JobMode {
  const parsed = jobEnvSchema.parse(env);
  if (parsed.INNGEST_EVENT_KEY || parsed.INNGEST_DEV) return "inngest";
  if (parsed.INNGEST_SIGNING_KEY) {
    // Half a configuration would silently split work: Inngest calling /api/inngest while send() enqueues locally.
    throw new Error(
      "INNGEST_SIGNING_KEY is set but INNGEST_EVENT_KEY is not. Set both to use Inngest Cloud, " +
        "INNGEST_DEV=1 for a dev server, or neither to run background work in-process.",
    );
  }
  return "embedded";
}
