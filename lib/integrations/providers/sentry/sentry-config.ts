import { z } from "zod";

const SLUG = "[a-z0-9][a-z0-9_-]{0,49}";

export const sentryConfigSchema = z.object({
  /** "organization-slug/project-slug": the project that receives the sites' CSP reports (report-uri / report-to). */
  project: z
    .string()
    .trim()
    .toLowerCase()
    .regex(new RegExp(`^${SLUG}/${SLUG}$`), "expected organization-slug/project-slug")
    .optional(),
});
export type SentryConfig = z.infer<typeof sentryConfigSchema>;

export const SENTRY_API = "https://sentry.io/api/0";
