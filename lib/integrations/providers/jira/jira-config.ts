import { z } from "zod";
import { assigneeMapSchema, labelConfigSchema } from "@/lib/integrations/provider";

export const jiraConfigSchema = z.object({
  /** `cloud`: Jira Cloud, REST v3 (ADF); `datacenter`: Jira Data Center / Server, REST v2 (wiki markup). */
  edition: z.enum(["cloud", "datacenter"]).default("cloud"),
  projectKey: z.string().trim().regex(/^[A-Z][A-Z0-9_]{0,49}$/, "A Jira project key, e.g. WEB"),
  issueType: z.string().trim().min(1).max(100).default("Task"),
  labels: labelConfigSchema,
  /** Plumb user id → Jira accountId (Cloud) or username (Data Center). */
  assignees: assigneeMapSchema,
});
export type JiraConfig = z.infer<typeof jiraConfigSchema>;
