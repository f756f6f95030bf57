import { inngest } from "@/inngest/client";
import { reportExportRequested } from "@/inngest/events";
import { failScheduledExport, mailScheduledExport } from "@/lib/services/report-schedules/mail-scheduled-export";
import { failReportExport, produceReportExport, startReportExport } from "@/lib/services/reports/run-report-export";

// One export of a saved report: mark it running, then build the model, render the format and store the
// file in one step (the file never passes through step state); an export a schedule asked for is then mailed.
// PDFs launch Chromium, so this is a heavy function (workers only). A few at a time per organization so one tenant's batch cannot hold every slot.
export const reportExportRequestedFn = inngest.createFunction(
  {
    id: "report-export-requested",
    name: "Export a report",
    retries: 2,
    concurrency: [{ key: "event.data.organizationId", limit: 2 }, { limit: 4 }],
    triggers: [{ event: reportExportRequested }],
    onFailure: async ({ event, error }) => {
      const data = event.data.event.data as { reportExportId?: unknown; organizationId?: unknown };
      if (typeof data.reportExportId !== "string" || typeof data.organizationId !== "string") return { failed: false };
      await failReportExport({ orgId: data.organizationId, exportId: data.reportExportId, error: `The export failed: ${error.message}` });
      await failScheduledExport({ orgId: data.organizationId, exportId: data.reportExportId, error: `The export failed: ${error.message}` });
      return { failed: true };
    },
  },
  async ({ event, step }) => {
    const ids = { orgId: event.data.organizationId, exportId: event.data.reportExportId };
    const started = await step.run("start", () => startReportExport(ids));
    if (!started) {
      // A re-delivered event for a finished export: its schedule's mail may still be owed (idempotent).
      await step.run("mail-schedule-recipients", () => mailScheduledExport(ids));
      return { skipped: true };
    }
    const produced = await step.run("render-and-store", () => produceReportExport(ids));
    // An export a report schedule asked for is mailed to its recipients (no-op otherwise).
    const mailed = await step.run("mail-schedule-recipients", () => mailScheduledExport(ids));
    return { sizeBytes: produced?.sizeBytes ?? 0, mailed: mailed.mailed };
  },
);
