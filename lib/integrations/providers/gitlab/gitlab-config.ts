import { z } from "zod";
import { assigneeMapSchema, labelConfigSchema } from "@/lib/integrations/provider";

export const gitlabConfigSchema = z.object({
  /**
   * The project's full path ("group/subgroup/name"). A path, not the numeric id: webhook deliveries name the
   * project by `path_with_namespace`, which is how an event for another project is told apart.
   */
  project: z
    .string()
    .trim()
    .max(500)
    .regex(/^[A-Za-z0-9_.][A-Za-z0-9_.-]*(?:\/[A-Za-z0-9_.][A-Za-z0-9_.-]*)+$/, "expected group/project")
    .optional(),
  labels: labelConfigSchema,
  /** Plumb user id → GitLab username (resolved to the user id GitLab's issue API takes). */
  assignees: assigneeMapSchema,
});
export type GitlabConfig = z.infer<typeof gitlabConfigSchema>;

export const GITLAB_API = "https://gitlab.com/api/v4";
