import type { Pillar } from "@/lib/scanner/types";
import type { PublicDomainResult } from "../domain-result/get-public-domain-result";
import type { BadgeState } from "./render-badge";

/**
 * What a badge shows, from the composed public result. Public by design (the badge is embedded anywhere): it
 * reveals only verification status, scores and grades. With `pillar`, that pillar's score (and the security
 * grade for security) from the latest counting scan that covered it.
 */
export function badgeState(value: PublicDomainResult, pillar?: Pillar): BadgeState {
  if (value.kind === "unknown") return { kind: "unknown" };
  if (!value.domain.verified) return { kind: "unverified" };
  const { result } = value;
  if (pillar) {
    const p = result.pillars[pillar];
    if (p.state === "never_scanned") return { kind: "not_scanned" };
    if (p.state === "not_applicable" || p.score === null) return { kind: "not_applicable" };
    return { kind: "score", score: p.score, grade: pillar === "security" ? result.securityGrade : null };
  }
  if (result.score === null) return { kind: "no_scan" };
  return { kind: "score", score: result.score, grade: result.grade };
}
