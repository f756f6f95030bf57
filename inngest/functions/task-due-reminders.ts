import { cron } from "inngest";
import { inngest } from "@/inngest/client";
import { sendTaskDueReminders } from "@/lib/services/notifications/send-task-due-reminders";

// Hourly: assignees hear about tasks due within a day and about tasks past due (once per task and due date).
export const taskDueRemindersFn = inngest.createFunction(
  {
    id: "task-due-reminders",
    name: "Remind assignees of tasks due soon or overdue",
    retries: 3,
    concurrency: 1,
    triggers: [cron("41 * * * *")],
  },
  async ({ step }) => step.run("remind", () => sendTaskDueReminders()),
);
