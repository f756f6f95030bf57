import type { CheckDefinition } from "../../types";
import { behaviourChecks } from "./behaviour";
import { fingerprintingScript } from "./fingerprinting";
import { consentMissing, privacyPolicyMissing, trackingBeforeConsent } from "./consent";
import { consentChoiceChecks } from "./consent-choice";
import { gpcUnsupported, referrerLeak } from "./leaks";

export const checks: CheckDefinition[] = [
  privacyPolicyMissing,
  consentMissing,
  trackingBeforeConsent,
  ...consentChoiceChecks,
  ...behaviourChecks,
  fingerprintingScript,
  referrerLeak,
  gpcUnsupported,
];
