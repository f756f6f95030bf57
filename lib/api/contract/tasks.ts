import { z } from "zod";
import { defineContract } from "../define-contract";
import { deletedSchema, idParam, paginationQuery, timestamp } from "../schemas/common";
import { findingResolutionSchema, findingStatusSchema, severitySchema, taskStatusSchema } from "../schemas/enums";

export const taskPrioritySchema = z.enum(["low", "medium", "high", "urgent"]).meta({ id: "TaskPriority" });

export const taskSchema = z
  .object({
    id: z.string(),
    title: z.string(),
    description: z.string().nullable().meta({ description: "Markdown. Rendered escaped (raw HTML is shown as text)." }),
    status: taskStatusSchema,
    priority: taskPrioritySchema,
    assignee_id: z.string().nullable(),
    assignee: z.object({ id: z.string(), email: z.string(), name: z.string().nullable() }).nullable(),
    due_at: timestamp.nullable(),
    overdue: z.boolean().meta({ description: "Past its due date and not done." }),
    done_at: timestamp.nullable(),
    finding_ids: z.array(z.string()),
    findings: z.array(
      z.object({
        id: z.string(),
        title: z.string(),
        severity: severitySchema,
        status: findingStatusSchema,
        resolution: findingResolutionSchema.nullable(),
        domain_id: z.string(),
        host: z.string(),
      }),
    ),
    created_by_id: z.string().nullable(),
    created_at: timestamp,
    updated_at: timestamp,
  })
  .meta({ id: "Task" });

const dueAt = z.iso
  .datetime({ offset: true })
  .or(z.iso.date())
  .meta({ description: "ISO date (end of that day, UTC) or date-time." });
const title = z.string().trim().min(1).max(200);
const description = z.string().max(20_000).meta({ description: "Markdown, up to 20,000 characters." });
const findingIds = z.array(z.string().min(1).max(64)).min(1).max(500).meta({ description: "Findings of this organization (1–500)." });
const assigneeId = z.string().min(1).max(64).meta({ description: "An active member of the organization (422 otherwise)." });

export const createTaskBody = z
  .object({
    title,
    description: description.nullable().optional(),
    finding_ids: findingIds,
    assignee_id: assigneeId.nullable().optional(),
    due_at: dueAt.nullable().optional(),
    priority: taskPrioritySchema.optional().meta({ description: "Default `medium`." }),
    status: taskStatusSchema.optional().meta({ description: "Default `todo`." }),
  })
  .strict();

export const updateTaskBody = z
  .object({
    title: title.optional(),
    description: description.nullable().optional(),
    finding_ids: findingIds.optional().meta({ description: "Replaces the linked findings." }),
    assignee_id: assigneeId.nullable().optional(),
    due_at: dueAt.nullable().optional(),
    priority: taskPrioritySchema.optional(),
    status: taskStatusSchema.optional(),
  })
  .strict()
  .refine((b) => Object.keys(b).length > 0, { message: "Nothing to update." });

const statusList = z
  .string()
  .max(100)
  .transform((s) => s.split(",").map((x) => x.trim()).filter(Boolean))
  .pipe(z.array(taskStatusSchema).min(1).max(3))
  .meta({ description: "One status or a comma list, e.g. `todo,in_progress`." });

export const listTasksQuery = paginationQuery.extend({
  status: statusList.optional(),
  priority: taskPrioritySchema.optional(),
  assignee_id: z.string().min(1).max(64).optional().meta({ description: "A user id, `me` (the caller; for an API key its creator) or `none` (unassigned)." }),
  domain_id: z.string().min(1).max(64).optional().meta({ description: "Tasks with a finding of this domain." }),
  finding_id: z.string().min(1).max(64).optional().meta({ description: "Tasks linking this finding." }),
  due: z.enum(["overdue", "today", "week", "none"]).optional().meta({ description: "`overdue` (past due, not done), `today`, `week` (due by then, not done) or `none` (no due date)." }),
});

export const taskEventSchema = z
  .object({
    id: z.string(),
    kind: z.string().meta({ description: "`created`, `status`, `priority`, `assignee`, `due`, `title`, `description`, `findings` or `auto_done`." }),
    actor_id: z.string().nullable().meta({ description: "Null for Plumb itself (auto-done) or an API key (`api_key_id`)." }),
    api_key_id: z.string().nullable(),
    from: z.string().nullable(),
    to: z.string().nullable(),
    note: z.string().nullable(),
    created_at: timestamp,
  })
  .meta({ id: "TaskEvent" });

export const taskDetailSchema = taskSchema.extend({ history: z.array(taskEventSchema) }).meta({ id: "TaskDetail" });

export const listTasksContract = defineContract({
  id: "tasks.list",
  method: "GET",
  path: "/api/v1/tasks",
  summary: "List tasks",
  description: "Newest first, cursor-paginated. Filter by status, priority, assignee, domain, finding and due date.",
  tags: ["tasks"],
  auth: "key-or-session",
  scope: "tasks:read",
  query: listTasksQuery,
  response: { kind: "list", item: taskSchema },
});

export const createTaskContract = defineContract({
  id: "tasks.create",
  method: "POST",
  path: "/api/v1/tasks",
  summary: "Create a task for one or more findings",
  description:
    "The assignee is notified (in-app, and by e-mail unless they turned it off). When every linked finding is " +
    "resolved — by a scan, a re-check or a member — the task moves to `done` with a history entry.",
  tags: ["tasks"],
  auth: "key-or-session",
  scope: "tasks:write",
  body: createTaskBody,
  response: { kind: "json", schema: taskSchema },
  status: 201,
});

export const getTaskContract = defineContract({
  id: "tasks.get",
  method: "GET",
  path: "/api/v1/tasks/{id}",
  summary: "Get a task with its history",
  tags: ["tasks"],
  auth: "key-or-session",
  scope: "tasks:read",
  params: idParam,
  response: { kind: "json", schema: taskDetailSchema },
});

export const updateTaskContract = defineContract({
  id: "tasks.update",
  method: "PATCH",
  path: "/api/v1/tasks/{id}",
  summary: "Update a task",
  description: "Each changed field is kept in the task's history; a new assignee is notified.",
  tags: ["tasks"],
  auth: "key-or-session",
  scope: "tasks:write",
  params: idParam,
  body: updateTaskBody,
  response: { kind: "json", schema: taskSchema },
});

export const deleteTaskContract = defineContract({
  id: "tasks.delete",
  method: "DELETE",
  path: "/api/v1/tasks/{id}",
  summary: "Delete a task",
  description: "Its history and comments go with it; the findings stay.",
  tags: ["tasks"],
  auth: "key-or-session",
  scope: "tasks:write",
  params: idParam,
  response: { kind: "json", schema: deletedSchema },
});
