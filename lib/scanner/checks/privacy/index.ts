import type { CheckDefinition } from "../../types";
import { behaviourChecks } from "./behaviour";
import { consentMissing, privacyPolicyMissing, trackingBeforeConsent } from "./consent";
import { gpcUnsupported, referrerLeak } from "./leaks";

export const checks: CheckDefinition[] = [
  privacyPolicyMissing,
  consentMissing,
  trackingBeforeConsent,
  ...behaviourChecks,
  referrerLeak,
  gpcUnsupported,
];
