import { cron } from "inngest";
import { inngest } from "@/inngest/client";
import { maintenancePurgeRequested } from "@/inngest/events";
import { getPrisma } from "@/lib/db";
import { checkCreditBalances } from "@/lib/services/credits/check-credit-balances";
import { purgeExpiredIdempotencyKeys } from "@/lib/services/maintenance/purge-expired-idempotency-keys";
import { purgeExpiredRateLimitBuckets } from "@/lib/services/maintenance/purge-expired-rate-limit-buckets";
import { purgeFinishedJobRuns } from "@/lib/services/maintenance/purge-finished-job-runs";
import { purgeOldAuditEvents } from "@/lib/services/maintenance/purge-old-audit-events";
import { purgeOldAuditLeads } from "@/lib/services/maintenance/purge-old-audit-leads";
import { purgeOldScanDetails } from "@/lib/services/maintenance/purge-old-scan-details";
import { purgeOldFindingInstances } from "@/lib/services/maintenance/purge-old-finding-instances";
import { purgeStaleScanArtifacts } from "@/lib/services/maintenance/purge-stale-scan-artifacts";
import { purgeExpiredExports } from "@/lib/services/reports/purge-expired-exports";
import { purgeDueDeletions } from "@/lib/services/privacy/purge-due-deletions";
import { purgeOldAlertDeliveries } from "@/lib/services/maintenance/purge-old-alert-deliveries";
import { purgeOldNotifications } from "@/lib/services/maintenance/purge-old-notifications";
import { purgeOldWebhookDeliveries } from "@/lib/services/maintenance/purge-old-webhook-deliveries";
import { purgeSentOutboxRows } from "@/lib/services/maintenance/purge-sent-outbox-rows";
import { purgeOldMail } from "@/lib/services/maintenance/purge-old-mail";
import { retentionCutoffs } from "@/lib/services/maintenance/retention";
import { env } from "@/lib/env";

// Daily at 03:17 UTC (off the hour, away from other cron traffic); also runnable on demand by event.
export const purgeExpiredIdempotencyKeysFn = inngest.createFunction(
  {
    id: "purge-expired-idempotency-keys",
    name: "Daily maintenance: expired keys and buckets, retention purges, credit check",
    retries: 3,
    concurrency: 1,
    triggers: [cron("17 3 * * *"), { event: maintenancePurgeRequested }],
  },
  async ({ step }) => {
    const idempotencyKeys = await step.run("purge-idempotency-keys", async () =>
      purgeExpiredIdempotencyKeys(await getPrisma()),
    );
    const rateLimitBuckets = await step.run("purge-rate-limit-buckets", async () =>
      purgeExpiredRateLimitBuckets(await getPrisma()),
    );
    // Embedded-engine history only; with Inngest the table stays empty and this deletes nothing.
    const jobRuns = await step.run("purge-finished-job-runs", async () =>
      purgeFinishedJobRuns(await getPrisma(), { olderThanDays: env().PLUMB_JOB_RUN_RETENTION_DAYS }),
    );
    const auditEvents = await step.run("purge-old-audit-events", async () =>
      purgeOldAuditEvents(await getPrisma(), { before: retentionCutoffs().auditEvents }),
    );
    const scanDetails = await step.run("purge-old-scan-details", async () =>
      purgeOldScanDetails(await getPrisma(), { before: retentionCutoffs().scanDetails }),
    );
    const instances = await step.run("purge-old-finding-instances", async () =>
      purgeOldFindingInstances(await getPrisma(), { before: retentionCutoffs().scanDetails }),
    );
    // Page artifacts a failed or canceled scan left between its page batches and its check step.
    const scanArtifacts = await step.run("purge-stale-scan-artifacts", async () => purgeStaleScanArtifacts({}, await getPrisma()));
    const auditLeads = await step.run("purge-old-audit-leads", async () =>
      purgeOldAuditLeads(await getPrisma(), { before: retentionCutoffs().auditLeads }),
    );
    const alertDeliveries = await step.run("purge-old-alert-deliveries", async () =>
      purgeOldAlertDeliveries(await getPrisma(), { before: retentionCutoffs().alertDeliveries }),
    );
    const notifications = await step.run("purge-old-notifications", async () =>
      purgeOldNotifications(await getPrisma(), { before: retentionCutoffs().notifications }),
    );
    const webhookDeliveries = await step.run("purge-old-webhook-deliveries", async () =>
      purgeOldWebhookDeliveries(await getPrisma(), { before: retentionCutoffs().webhookDeliveries }),
    );
    const mail = await step.run("purge-old-mail", async () => purgeOldMail(await getPrisma(), { before: retentionCutoffs().mail }));
    // Sent outbox rows are job history like the runs: the same retention.
    const outboxRows = await step.run("purge-sent-outbox-rows", async () =>
      purgeSentOutboxRows(await getPrisma(), { before: retentionCutoffs().jobRuns }),
    );
    // Files of report exports past their expiry (the rows stay and answer 410).
    const exports = await step.run("purge-expired-exports", async () => purgeExpiredExports({}, await getPrisma()));
    // Accounts and organizations whose deletion grace period has ended (lib/services/privacy).
    const deletions = await step.run("purge-due-deletions", async () => purgeDueDeletions({}, await getPrisma()));
    // The running credit totals must equal their ledgers; a mismatch is a bug worth a loud log line.
    const creditMismatches = await step.run("check-credit-balances", async () => checkCreditBalances({}, await getPrisma()));
    if (creditMismatches.length) console.error("[credits] running totals differ from the ledger:", JSON.stringify(creditMismatches));
    return {
      creditMismatches: creditMismatches.length,
      idempotencyKeysDeleted: idempotencyKeys.deleted,
      rateLimitBucketsDeleted: rateLimitBuckets.deleted,
      jobRunsDeleted: jobRuns.deleted,
      auditEventsDeleted: auditEvents.deleted,
      scanPagesDeleted: scanDetails.pages,
      occurrencesDeleted: scanDetails.occurrences,
      findingInstancesDeleted: instances.deleted,
      scanArtifactsDeleted: scanArtifacts.deleted,
      auditLeadsDeleted: auditLeads.deleted,
      alertDeliveriesDeleted: alertDeliveries.deleted,
      notificationsDeleted: notifications.deleted,
      webhookDeliveriesDeleted: webhookDeliveries.deleted,
      mailDeleted: mail.deleted,
      outboxRowsDeleted: outboxRows.deleted,
      exportsPurged: exports.deleted,
      usersDeleted: deletions.users,
      organizationsDeleted: deletions.organizations,
    };
  },
);
