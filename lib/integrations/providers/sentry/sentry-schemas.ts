// The parts of Sentry's API answers Plumb reads (api-docs: project, organization events (Discover), project
// issues, issue comments), validated: a provider's answer is untrusted input like any other.
import { z } from "zod";

/** `GET /api/0/`: who the token is and what it may do (`user` is null for organization-level tokens). */
export const sentryIndexSchema = z.object({
  version: z.string().max(20).optional(),
  auth: z.object({ scopes: z.array(z.string().max(100)).max(200) }).nullable().optional(),
  user: z.object({ id: z.string().max(50), username: z.string().max(200).optional(), email: z.string().max(320).optional() }).nullable().optional(),
});

export const sentryProjectSchema = z.object({
  id: z.string().regex(/^\d{1,20}$/),
  slug: z.string().max(100),
  name: z.string().max(200),
  organization: z.object({ slug: z.string().max(100) }).optional(),
});

/** `GET /organizations/{org}/events/`: one row per group of the requested fields. */
export const sentryEventsTableSchema = z.object({
  data: z.array(z.record(z.string(), z.union([z.string(), z.number(), z.null()]))).max(10_000),
});

export const sentryIssueSchema = z.object({
  id: z.string().regex(/^\d{1,20}$/),
  shortId: z.string().max(100),
  title: z.string().max(1000),
  /** Rendered as a link on the domain page: http(s) only. */
  permalink: z.url({ protocol: /^https?$/ }).max(2000),
  status: z.string().max(50),
  /** A string in Sentry's answers (it can exceed 2^53); read as a number, capped. */
  count: z.union([z.string(), z.number()]),
  type: z.string().max(50).optional(),
  metadata: z.object({ directive: z.string().max(100).optional(), uri: z.string().max(2000).optional() }).partial().optional(),
});
export type SentryIssue = z.infer<typeof sentryIssueSchema>;

export const sentryNoteSchema = z.object({ id: z.string().max(50), type: z.literal("note"), data: z.object({ text: z.string() }) });
