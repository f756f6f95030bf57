// The events an alert channel can subscribe to. `policy.matched` goes only to the channel an automation
// policy names; `test` only to the channel whose "Send test" was pressed.
export const ALERT_TRIGGERS = [
  "scan.finished",
  "scan.failed",
  "finding.new_high",
  "finding.regression",
  "grade.dropped",
  "tls.expiring",
  "verification.lost",
] as const;
export type SubscribableTrigger = (typeof ALERT_TRIGGERS)[number];
export type AlertTrigger = SubscribableTrigger | "policy.matched" | "test";

export const TRIGGER_LABELS: Record<AlertTrigger, string> = {
  "scan.finished": "Scan finished",
  "scan.failed": "Scan failed",
  "finding.new_high": "New critical or high finding",
  "finding.regression": "Regression (a resolved finding seen again)",
  "grade.dropped": "Grade dropped",
  "tls.expiring": "TLS certificate expiring",
  "verification.lost": "Domain verification lost",
  "policy.matched": "Automation policy matched",
  test: "Test alert",
};
