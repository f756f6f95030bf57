import { cron } from "inngest";
import { inngest } from "@/inngest/client";
import { checkTlsExpiry } from "@/lib/services/alerts/check-tls-expiry";

// Daily at 05:17 UTC: a TLS handshake (no scan) with every verified https domain of organizations that
// subscribed a channel to `tls.expiring`; certificates expiring within a channel's threshold alert it once.
export const tlsExpiryCheckFn = inngest.createFunction(
  {
    id: "tls-expiry-check",
    name: "Check TLS certificate expiry",
    retries: 2,
    concurrency: 1,
    triggers: [cron("17 5 * * *")],
  },
  async ({ step }) => step.run("check-certificates", () => checkTlsExpiry()),
);
