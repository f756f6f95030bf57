import { env } from "@/lib/env";
import { serverTargetPolicy } from "@/lib/net/outbound";
import { checkDnsTxt, checkMetaTag, checkWellKnownFile, type CheckOutcome, type CheckTarget } from "./ownership-checks";
import type { VerificationMethodName } from "./verification-instructions";

export interface OwnershipCheckResult {
  /** the method that proved ownership; undefined when none did */
  method?: VerificationMethodName;
  /** one line per method that failed, in the order tried */
  reasons: string[];
  /** some method could not reach a verdict (site down, DNS server failing): the proof may still exist */
  inconclusive: boolean;
}

const ORDER: VerificationMethodName[] = ["meta", "dns", "file"];

/**
 * Looks for the proof with each method — the `preferred` one first (re-verification tries the method that
 * verified the domain), then the others — and stops at the first that passes. Uses the server's SSRF policy
 * and DNS servers.
 */
export async function runOwnershipChecks(input: { domain: CheckTarget; preferred?: VerificationMethodName | null }): Promise<OwnershipCheckResult> {
  const policy = serverTargetPolicy();
  const servers = env().PLUMB_DNS_SERVERS;
  const run: Record<VerificationMethodName, () => Promise<CheckOutcome>> = {
    meta: () => checkMetaTag(input.domain, policy),
    dns: () => checkDnsTxt(input.domain, { servers }),
    file: () => checkWellKnownFile(input.domain, policy),
  };
  const order = input.preferred ? [input.preferred, ...ORDER.filter((m) => m !== input.preferred)] : ORDER;
  const reasons: string[] = [];
  let inconclusive = false;
  for (const method of order) {
    const result = await run[method]();
    if (result.ok) return { method, reasons, inconclusive: false };
    reasons.push(result.reason);
    if (result.inconclusive) inconclusive = true;
  }
  return { reasons, inconclusive };
}
