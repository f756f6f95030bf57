export const TASK_STATUS_LABELS: Record<string, string> = { todo: "To do", in_progress: "In progress", done: "Done" };
export const TASK_PRIORITY_LABELS: Record<string, string> = { low: "Low", medium: "Medium", high: "High", urgent: "Urgent" };
export const TASK_EVENT_LABELS: Record<string, string> = {
  created: "created the task",
  status: "changed the status",
  priority: "changed the priority",
  assignee: "changed the assignee",
  due: "changed the due date",
  title: "renamed the task",
  description: "edited the description",
  findings: "changed the linked findings",
  auto_done: "closed the task",
};
