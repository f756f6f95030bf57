import { deleteTaskContract, getTaskContract, updateTaskContract } from "@/lib/api/contract/tasks";
import { parseDueAt, serializeTask, serializeTaskEvent } from "@/lib/api/serializers/task";
import { defineRoute } from "@/lib/http/define-route";
import { deleteTask } from "@/lib/services/tasks/delete-task";
import { getTask, listTaskEvents } from "@/lib/services/tasks/get-task";
import { updateTask } from "@/lib/services/tasks/update-task";

export const GET = defineRoute(getTaskContract, async ({ actor, params }) => {
  const task = await getTask({ orgId: actor.orgId, taskId: params.id });
  const { events } = await listTaskEvents({ orgId: actor.orgId, taskId: task.id });
  return { ...serializeTask(task), history: events.map(serializeTaskEvent) };
});

export const PATCH = defineRoute(updateTaskContract, async ({ actor, params, body }) =>
  serializeTask(
    await updateTask(actor, {
      taskId: params.id,
      patch: {
        title: body.title,
        description: body.description,
        findingIds: body.finding_ids,
        assigneeId: body.assignee_id,
        dueAt: parseDueAt(body.due_at),
        priority: body.priority,
        status: body.status,
      },
    }),
  ),
);

export const DELETE = defineRoute(deleteTaskContract, async ({ actor, params }) => {
  await deleteTask(actor, { taskId: params.id });
  return { id: params.id, deleted: true as const };
});
