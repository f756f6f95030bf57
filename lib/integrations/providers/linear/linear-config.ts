import { z } from "zod";
import { assigneeMapSchema, labelConfigSchema } from "@/lib/integrations/provider";

export const linearConfigSchema = z.object({
  /** The team's id (UUID) or key (`WEB`). */
  teamId: z.string().trim().min(1).max(100),
  labels: labelConfigSchema,
  /** Plumb user id → Linear user id. */
  assignees: assigneeMapSchema,
});
export type LinearConfig = z.infer<typeof linearConfigSchema>;

export const LINEAR_API_URL = "https://api.linear.app/graphql";
