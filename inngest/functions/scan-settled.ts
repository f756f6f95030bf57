import { inngest } from "@/inngest/client";
import { scanSettled } from "@/inngest/events";
import { emitScanAlerts } from "@/lib/services/alerts/emit-scan-alerts";
import { applyAutomationPolicies } from "@/lib/services/policies/apply-automation-policies";
import { evaluateScanGates } from "@/lib/services/policies/evaluate-scan-gates";

// After a scan settles (scan-requested sends the event with step.sendEvent; failScan writes it to the outbox):
// automation policies act on its findings, then the gates judge what is left, then the alerts go out — in
// that order, so a risk a policy accepted neither fails a gate nor raises an alert. Each step is idempotent
// (no_change on a repeat; deliveries keyed per event and channel). The event id is `scan-settled:<scanId>`,
// so a scan settles once however many times it is sent.
export const scanSettledFn = inngest.createFunction(
  {
    id: "scan-settled",
    name: "Apply policies and send alerts for a settled scan",
    retries: 3,
    concurrency: [{ key: "event.data.organizationId", limit: 2 }],
    triggers: [{ event: scanSettled }],
  },
  async ({ event, step }) => {
    const { scanId } = event.data;
    const policies = await step.run("apply-policies", () => applyAutomationPolicies({ scanId }));
    const gates = await step.run("evaluate-gates", () => evaluateScanGates({ scanId }));
    const alerts = await step.run("emit-alerts", () => emitScanAlerts({ scanId }));
    return { scanId, policies, gates, alerts };
  },
);
