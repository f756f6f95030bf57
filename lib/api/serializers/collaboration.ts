import type { z } from "zod";
import type { Comment, Notification } from "@/generated/prisma/client";
import type { commentSchema, notificationSchema } from "@/lib/api/contract/collaboration";

type Kind = z.input<typeof notificationSchema>["kind"];
const KINDS: readonly Kind[] = ["task_assigned", "mention", "task_due_soon", "task_overdue"];

export function serializeComment(c: Comment & { author: { id: string; email: string; name: string | null } | null }): z.input<typeof commentSchema> {
  return {
    id: c.id,
    finding_id: c.findingId,
    task_id: c.taskId,
    author_id: c.authorId,
    author: c.author,
    api_key_id: c.apiKeyId,
    body: c.body,
    mention_ids: c.mentions,
    created_at: c.createdAt.toISOString(),
  };
}

export function serializeNotification(n: Notification): z.input<typeof notificationSchema> {
  return {
    id: n.id,
    kind: (KINDS as readonly string[]).includes(n.kind) ? (n.kind as Kind) : "mention",
    title: n.title,
    body: n.body,
    task_id: n.taskId,
    finding_id: n.findingId,
    comment_id: n.commentId,
    read: n.readAt !== null,
    read_at: n.readAt?.toISOString() ?? null,
    created_at: n.createdAt.toISOString(),
  };
}
