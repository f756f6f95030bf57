// The parts of GitHub's REST answers Plumb reads (api.github.com/openapi: issue, simple-user, repository),
// validated: a provider's answer is untrusted input like any other.
import { z } from "zod";

export const githubUserSchema = z.object({ login: z.string().min(1).max(200), id: z.number() });

export const githubRepoSchema = z.object({
  id: z.number(),
  full_name: z.string().max(300),
  has_issues: z.boolean(),
  archived: z.boolean().optional(),
  permissions: z.object({ push: z.boolean().optional(), triage: z.boolean().optional(), admin: z.boolean().optional() }).partial().optional(),
});

export const githubIssueSchema = z.object({
  id: z.number(),
  number: z.number().int().positive(),
  html_url: z.url().max(2000),
  state: z.enum(["open", "closed"]),
  title: z.string().max(1000),
  updated_at: z.iso.datetime({ offset: true }),
  /** Present on pull requests, which the issues endpoints also list. */
  pull_request: z.unknown().optional(),
});
export type GithubIssue = z.infer<typeof githubIssueSchema>;

/** `issues` webhook (X-GitHub-Event: issues); `ping` is sent when the hook is created. */
export const githubIssuesEventSchema = z.object({
  action: z.string().max(100),
  issue: githubIssueSchema,
  repository: z.object({ full_name: z.string().max(300) }),
});
