import { z } from "zod";
import { defineContract } from "../define-contract";
import { idParam, paginationQuery, timestamp } from "../schemas/common";

export const commentSchema = z
  .object({
    id: z.string(),
    finding_id: z.string().nullable(),
    task_id: z.string().nullable(),
    author_id: z.string().nullable().meta({ description: "Null when an API key wrote it (`api_key_id`)." }),
    author: z.object({ id: z.string(), email: z.string(), name: z.string().nullable() }).nullable(),
    api_key_id: z.string().nullable(),
    body: z.string().meta({ description: "Markdown as written. Render it escaped (the dashboard disables raw HTML)." }),
    mention_ids: z.array(z.string()).meta({ description: "User ids of the members it @mentions (each was notified)." }),
    created_at: timestamp,
  })
  .meta({ id: "Comment" });

export const createCommentBody = z
  .object({
    body: z.string().trim().min(1).max(10_000).meta({
      description: "Markdown, 1–10,000 characters. `@ada@example.com`, `@ada` (the address before the @) or `@AdaLovelace` (the name without spaces) mention a member.",
    }),
  })
  .strict();

const listQuery = z.object({ limit: z.coerce.number().int().min(1).max(500).default(200) });

export const listFindingCommentsContract = defineContract({
  id: "findings.comments.list",
  method: "GET",
  path: "/api/v1/findings/{id}/comments",
  summary: "List a finding's comments",
  description: "Oldest first (up to `limit`, default 200, at most 500).",
  tags: ["findings", "collaboration"],
  auth: "key-or-session",
  scope: "findings:read",
  params: idParam,
  query: listQuery,
  response: { kind: "list", item: commentSchema },
});

export const createFindingCommentContract = defineContract({
  id: "findings.comments.create",
  method: "POST",
  path: "/api/v1/findings/{id}/comments",
  summary: "Comment on a finding",
  description: "Mentioned members are notified in-app and by e-mail (unless they turned e-mail notifications off).",
  tags: ["findings", "collaboration"],
  auth: "key-or-session",
  scope: "findings:write",
  params: idParam,
  body: createCommentBody,
  response: { kind: "json", schema: commentSchema },
  status: 201,
});

export const listTaskCommentsContract = defineContract({
  id: "tasks.comments.list",
  method: "GET",
  path: "/api/v1/tasks/{id}/comments",
  summary: "List a task's comments",
  description: "Oldest first (up to `limit`, default 200, at most 500).",
  tags: ["tasks", "collaboration"],
  auth: "key-or-session",
  scope: "tasks:read",
  params: idParam,
  query: listQuery,
  response: { kind: "list", item: commentSchema },
});

export const createTaskCommentContract = defineContract({
  id: "tasks.comments.create",
  method: "POST",
  path: "/api/v1/tasks/{id}/comments",
  summary: "Comment on a task",
  description: "Mentioned members are notified in-app and by e-mail (unless they turned e-mail notifications off).",
  tags: ["tasks", "collaboration"],
  auth: "key-or-session",
  scope: "tasks:write",
  params: idParam,
  body: createCommentBody,
  response: { kind: "json", schema: commentSchema },
  status: 201,
});

export const notificationSchema = z
  .object({
    id: z.string(),
    kind: z.enum(["task_assigned", "mention", "task_due_soon", "task_overdue"]),
    title: z.string(),
    body: z.string().nullable(),
    task_id: z.string().nullable(),
    finding_id: z.string().nullable(),
    comment_id: z.string().nullable(),
    read: z.boolean(),
    read_at: timestamp.nullable(),
    created_at: timestamp,
  })
  .meta({ id: "Notification" });

export const listNotificationsQuery = paginationQuery.extend({
  unread: z.enum(["true", "false"]).optional().meta({ description: "`true`: unread only." }),
});

export const listNotificationsContract = defineContract({
  id: "notifications.list",
  method: "GET",
  path: "/api/v1/notifications",
  summary: "List my notifications",
  description: "The caller's notifications in this organization (for an API key: its creator's), newest first; `unread=true` for unread only.",
  tags: ["collaboration"],
  auth: "key-or-session",
  scope: "tasks:read",
  query: listNotificationsQuery,
  response: { kind: "list", item: notificationSchema },
});

export const markNotificationsReadBody = z
  .object({
    ids: z.array(z.string().min(1).max(64)).min(1).max(500).optional(),
    all: z.literal(true).optional(),
  })
  .strict()
  .refine((b) => (b.ids !== undefined) !== (b.all !== undefined), { message: "Give either ids or all: true.", path: ["ids"] });

export const markNotificationsReadContract = defineContract({
  id: "notifications.read",
  method: "POST",
  path: "/api/v1/notifications/read",
  summary: "Mark notifications read",
  description: "The given ids (all the caller's; otherwise 404 and nothing changes) or `all: true`.",
  tags: ["collaboration"],
  auth: "key-or-session",
  scope: "tasks:write",
  body: markNotificationsReadBody,
  response: { kind: "json", schema: z.object({ updated: z.number().int(), unread: z.number().int() }).meta({ id: "MarkReadResult" }) },
});
