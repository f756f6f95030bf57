import { createTaskContract, listTasksContract } from "@/lib/api/contract/tasks";
import { parseDueAt, serializeTask } from "@/lib/api/serializers/task";
import { defineRoute } from "@/lib/http/define-route";
import { actingUserId } from "@/lib/services/notifications/acting-user";
import { createTask } from "@/lib/services/tasks/create-task";
import { listTasks } from "@/lib/services/tasks/list-tasks";

export const GET = defineRoute(listTasksContract, async ({ actor, query }) => {
  const assigneeId = query.assignee_id === "me" ? await actingUserId(actor) : query.assignee_id;
  const page = await listTasks({
    orgId: actor.orgId,
    limit: query.limit,
    cursor: query.cursor,
    status: query.status,
    priority: query.priority,
    assigneeId,
    domainId: query.domain_id,
    findingId: query.finding_id,
    due: query.due,
  });
  return { items: page.items.map((t) => serializeTask(t)), nextCursor: page.nextCursor };
});

export const POST = defineRoute(createTaskContract, async ({ actor, body }) =>
  serializeTask(
    await createTask(actor, {
      title: body.title,
      description: body.description,
      findingIds: body.finding_ids,
      assigneeId: body.assignee_id,
      dueAt: parseDueAt(body.due_at),
      priority: body.priority,
      status: body.status,
    }),
  ),
);
