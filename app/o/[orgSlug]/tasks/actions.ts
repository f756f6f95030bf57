"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import type { ActionResult } from "@/components/findings/action-result";
import { createComment } from "@/lib/services/comments/create-comment";
import { markNotificationsRead } from "@/lib/services/notifications/mark-notifications-read";
import { requestRecheck } from "@/lib/services/rechecks/request-recheck";
import { createTask } from "@/lib/services/tasks/create-task";
import { updateTask } from "@/lib/services/tasks/update-task";
import { TASK_PRIORITIES, TASK_STATUSES } from "@/lib/services/tasks/task-shape";
import { authorizeDashboard } from "../access";
import { serviceFailure } from "../settings/dashboard-actor";

const id = z.string().min(1).max(64);
const dueDate = z.iso.date().or(z.literal(""));
// A due date from the form is that whole day: due at its end (UTC).
const endOfDay = (d: string | undefined) => (d === undefined ? undefined : d === "" ? null : new Date(`${d}T23:59:59.999Z`));

const createInput = z.object({
  findingIds: z.array(id).min(1).max(500),
  title: z.string().trim().min(1, "Give the task a title.").max(200),
  description: z.string().max(20_000).optional(),
  assigneeId: z.string().max(64).optional(),
  dueDate: dueDate.optional(),
  priority: z.enum(TASK_PRIORITIES).optional(),
});

export async function createTaskAction(orgSlug: string, input: unknown): Promise<ActionResult<{ id: string }>> {
  const parsed = createInput.safeParse(input);
  if (!parsed.success) return { ok: false, error: parsed.error.issues[0]?.message ?? "Invalid task." };
  const auth = await authorizeDashboard(orgSlug, "tasks:write");
  if (!auth.ok) return auth;
  const d = parsed.data;
  try {
    const task = await createTask(auth.actor, {
      title: d.title,
      description: d.description?.trim() ? d.description : null,
      findingIds: d.findingIds,
      assigneeId: d.assigneeId ? d.assigneeId : null,
      dueAt: endOfDay(d.dueDate) ?? null,
      priority: d.priority,
    });
    revalidatePath(`/o/${orgSlug}/tasks`);
    return { ok: true, data: { id: task.id } };
  } catch (err) {
    return serviceFailure(err);
  }
}

const updateInput = z.object({
  taskId: id,
  status: z.enum(TASK_STATUSES).optional(),
  priority: z.enum(TASK_PRIORITIES).optional(),
  assigneeId: z.string().max(64).optional(),
  dueDate: dueDate.optional(),
});

export async function updateTaskAction(orgSlug: string, input: unknown): Promise<ActionResult> {
  const parsed = updateInput.safeParse(input);
  if (!parsed.success) return { ok: false, error: "Invalid change." };
  const auth = await authorizeDashboard(orgSlug, "tasks:write");
  if (!auth.ok) return auth;
  const d = parsed.data;
  try {
    await updateTask(auth.actor, {
      taskId: d.taskId,
      patch: {
        status: d.status,
        priority: d.priority,
        assigneeId: d.assigneeId === undefined ? undefined : d.assigneeId === "" ? null : d.assigneeId,
        dueAt: endOfDay(d.dueDate),
      },
    });
    revalidatePath(`/o/${orgSlug}/tasks`);
    return { ok: true, data: null };
  } catch (err) {
    return serviceFailure(err);
  }
}

const commentInput = z.object({
  target: z.union([z.object({ findingId: id }).strict(), z.object({ taskId: id }).strict()]),
  body: z.string().trim().min(1, "Write something first.").max(10_000),
});

export async function addCommentAction(orgSlug: string, input: unknown): Promise<ActionResult> {
  const parsed = commentInput.safeParse(input);
  if (!parsed.success) return { ok: false, error: parsed.error.issues[0]?.message ?? "Invalid comment." };
  const auth = await authorizeDashboard(orgSlug, "findingId" in parsed.data.target ? "findings:write" : "tasks:write");
  if (!auth.ok) return auth;
  try {
    await createComment(auth.actor, { target: parsed.data.target, body: parsed.data.body });
    revalidatePath(`/o/${orgSlug}`, "layout");
    return { ok: true, data: null };
  } catch (err) {
    return serviceFailure(err);
  }
}

export async function recheckFindingAction(orgSlug: string, findingId: unknown): Promise<ActionResult<{ created: boolean }>> {
  const parsed = id.safeParse(findingId);
  if (!parsed.success) return { ok: false, error: "Invalid finding." };
  const auth = await authorizeDashboard(orgSlug, "findings:write");
  if (!auth.ok) return auth;
  try {
    const r = await requestRecheck(auth.actor, { findingId: parsed.data });
    revalidatePath(`/o/${orgSlug}/findings`);
    return { ok: true, data: { created: r.created } };
  } catch (err) {
    return serviceFailure(err);
  }
}

export async function markNotificationsReadAction(orgSlug: string, ids: unknown): Promise<ActionResult> {
  const parsed = z.array(id).max(500).optional().safeParse(ids);
  if (!parsed.success) return { ok: false, error: "Invalid notifications." };
  const auth = await authorizeDashboard(orgSlug, "tasks:read");
  if (!auth.ok) return auth;
  try {
    await markNotificationsRead({ orgId: auth.actor.orgId, userId: auth.ctx.user.id, ...(parsed.data ? { ids: parsed.data } : { all: true }) });
    revalidatePath(`/o/${orgSlug}`, "layout");
    return { ok: true, data: null };
  } catch (err) {
    return serviceFailure(err);
  }
}
