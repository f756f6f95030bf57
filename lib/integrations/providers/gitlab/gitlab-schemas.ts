// The parts of GitLab's REST v4 answers Plumb reads (user, project, issue, the Issue Hook payload), validated:
// a provider's answer is untrusted input like any other.
import { z } from "zod";

export const gitlabUserSchema = z.object({ id: z.number().int(), username: z.string().min(1).max(255) });

export const gitlabProjectSchema = z.object({
  id: z.number().int(),
  path_with_namespace: z.string().max(500),
  archived: z.boolean().optional(),
  /** Absent on instances where the issues feature was never configured; false when turned off. */
  issues_enabled: z.boolean().optional(),
  permissions: z
    .object({
      project_access: z.object({ access_level: z.number() }).nullable().optional(),
      group_access: z.object({ access_level: z.number() }).nullable().optional(),
    })
    .optional(),
});

export const gitlabIssueSchema = z.object({
  id: z.number().int(),
  iid: z.number().int().positive(),
  project_id: z.number().int(),
  title: z.string().max(1000),
  state: z.enum(["opened", "closed"]),
  web_url: z.url({ protocol: /^https?$/ }).max(2000),
  updated_at: z.string().max(100),
});
export type GitlabIssue = z.infer<typeof gitlabIssueSchema>;

/** `X-Gitlab-Event: Issue Hook` (and `Confidential Issue Hook`). */
export const gitlabIssueHookSchema = z.object({
  object_kind: z.literal("issue"),
  project: z.object({ id: z.number().int(), path_with_namespace: z.string().max(500) }),
  object_attributes: z.object({
    iid: z.number().int().positive(),
    title: z.string().max(1000).optional(),
    state: z.string().max(50),
    url: z.string().max(2000).optional(),
    /** ISO 8601, or "2013-12-03 17:23:34 UTC" in older payload formats. */
    updated_at: z.string().max(100),
  }),
});

/** GitLab's timestamps: ISO 8601 in the REST API; "YYYY-MM-DD HH:MM:SS UTC" in some webhook payloads. */
export function gitlabDate(s: string): Date | null {
  const iso = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} UTC$/.test(s) ? `${s.slice(0, 10)}T${s.slice(11, 19)}Z` : s;
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? null : d;
}
