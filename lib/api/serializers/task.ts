import type { z } from "zod";
import type { TaskEvent } from "@/generated/prisma/client";
import type { taskEventSchema, taskSchema } from "@/lib/api/contract/tasks";
import type { TaskWithLinks } from "@/lib/services/tasks/task-shape";

export function serializeTask(t: TaskWithLinks, now: Date = new Date()): z.input<typeof taskSchema> {
  return {
    id: t.id,
    title: t.title,
    description: t.description,
    status: t.status,
    priority: t.priority,
    assignee_id: t.assigneeId,
    assignee: t.assignee ? { id: t.assignee.id, email: t.assignee.email, name: t.assignee.name } : null,
    due_at: t.dueAt?.toISOString() ?? null,
    overdue: t.status !== "done" && t.dueAt !== null && t.dueAt < now,
    done_at: t.doneAt?.toISOString() ?? null,
    finding_ids: t.findings.map((l) => l.finding.id),
    findings: t.findings.map(({ finding: f }) => ({
      id: f.id,
      title: f.title,
      severity: f.severity,
      status: f.status,
      resolution: f.resolution,
      domain_id: f.domainId,
      host: f.domain.host,
    })),
    created_by_id: t.createdById,
    created_at: t.createdAt.toISOString(),
    updated_at: t.updatedAt.toISOString(),
  };
}

export function serializeTaskEvent(e: TaskEvent): z.input<typeof taskEventSchema> {
  return {
    id: e.id,
    kind: e.kind,
    actor_id: e.actorId,
    api_key_id: e.apiKeyId,
    from: e.fromValue,
    to: e.toValue,
    note: e.note,
    created_at: e.createdAt.toISOString(),
  };
}

/** A due date given as a plain date means the end of that day (UTC). */
export function parseDueAt(v: string | null | undefined): Date | null | undefined {
  if (v === undefined || v === null) return v;
  return /^\d{4}-\d{2}-\d{2}$/.test(v) ? new Date(`${v}T23:59:59.999Z`) : new Date(v);
}
