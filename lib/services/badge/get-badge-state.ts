import { getPrisma } from "@/lib/db";
import { ServiceError } from "../errors";
import type { BadgeState } from "./render-badge";

/** Public by design (the badge is embedded anywhere): it reveals only verification status, score and grade. */
export async function getBadgeState(domainId: string): Promise<BadgeState> {
  const db = await getPrisma();
  const domain = await db.domain.findUnique({
    where: { id: domainId },
    select: { verifiedAt: true, lastScore: true, lastGrade: true },
  });
  if (!domain) throw new ServiceError("not_found", "Domain not found.");
  if (!domain.verifiedAt) return { kind: "unverified" };
  if (domain.lastScore === null) return { kind: "no_scan" };
  return { kind: "score", score: domain.lastScore, grade: domain.lastGrade };
}
