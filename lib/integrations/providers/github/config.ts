import { z } from "zod";
import { assigneeMapSchema, labelConfigSchema } from "../../provider";

export const githubConfigSchema = z.object({
  /** "owner/name" of the repository issues are filed in. */
  repository: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})\/[A-Za-z0-9._-]{1,100}$/, "expected owner/name")
    .optional(),
  labels: labelConfigSchema,
  /** Plumb user id → GitHub login. */
  assignees: assigneeMapSchema,
});
export type GithubConfig = z.infer<typeof githubConfigSchema>;
