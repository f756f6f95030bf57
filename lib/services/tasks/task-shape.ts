import type { PrismaNS } from "@/lib/db";

export const TASK_PRIORITIES = ["low", "medium", "high", "urgent"] as const;
export type TaskPriority = (typeof TASK_PRIORITIES)[number];
export const TASK_STATUSES = ["todo", "in_progress", "done"] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

/** What every task read returns: the linked findings (id, title, severity, status, domain) and the assignee. */
export const taskInclude = {
  findings: {
    orderBy: { createdAt: "asc" },
    select: {
      finding: { select: { id: true, title: true, severity: true, status: true, resolution: true, domainId: true, pillar: true, rule: true, domain: { select: { host: true } } } },
    },
  },
  assignee: { select: { id: true, email: true, name: true } },
} satisfies PrismaNS.TaskInclude;

export type TaskWithLinks = PrismaNS.TaskGetPayload<{ include: typeof taskInclude }>;

/** Titles, descriptions and notes are capped where they enter. */
export const TASK_TITLE_MAX = 200;
export const TASK_DESCRIPTION_MAX = 20_000;
export const TASK_FINDINGS_MAX = 500;
