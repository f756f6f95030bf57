import { env } from "@/lib/env";

const DAY_MS = 24 * 60 * 60 * 1000;

/** How long each kind of history is kept (README, configuration table); `now` minus these is each cutoff. */
export function retentionCutoffs(now: Date = new Date()) {
  const e = env();
  const before = (days: number) => new Date(now.getTime() - days * DAY_MS);
  return {
    auditEvents: before(e.PLUMB_AUDIT_RETENTION_DAYS),
    scanDetails: before(e.PLUMB_SCAN_DETAIL_RETENTION_DAYS),
    auditLeads: before(e.PLUMB_AUDIT_LEAD_RETENTION_DAYS),
    jobRuns: before(e.PLUMB_JOB_RUN_RETENTION_DAYS),
    alertDeliveries: before(e.PLUMB_ALERT_DELIVERY_RETENTION_DAYS),
    notifications: before(e.PLUMB_NOTIFICATION_RETENTION_DAYS),
    webhookDeliveries: before(e.PLUMB_WEBHOOK_DELIVERY_RETENTION_DAYS),
    mail: before(e.PLUMB_MAIL_RETENTION_DAYS),
  };
}
