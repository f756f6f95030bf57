import { getPrisma, type Prisma } from "@/lib/db";
import type { Pillar } from "@/lib/scanner/types";

export const SCORE_HISTORY_LIMIT = 30;

export interface ScoreHistoryPoint {
  scanId: string;
  finishedAt: Date;
  score: number;
  grade: string | null;
  scores: Partial<Record<Pillar, number>>;
}

function pillarScores(value: unknown): Partial<Record<Pillar, number>> {
  if (!value || typeof value !== "object" || Array.isArray(value)) return {};
  const out: Partial<Record<Pillar, number>> = {};
  for (const [k, v] of Object.entries(value)) if (typeof v === "number") out[k as Pillar] = v;
  return out;
}

/** The scores of a domain's last finished scans, oldest first (for a trend line). Org-scoped. */
export async function listDomainScoreHistory(
  input: { orgId: string; domainId: string; limit?: number },
  prisma?: Prisma,
): Promise<ScoreHistoryPoint[]> {
  const db = prisma ?? (await getPrisma());
  const rows = await db.scan.findMany({
    where: { organizationId: input.orgId, domainId: input.domainId, status: "succeeded", score: { not: null } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: input.limit ?? SCORE_HISTORY_LIMIT,
    select: { id: true, finishedAt: true, createdAt: true, score: true, grade: true, scores: true },
  });
  return rows
    .reverse()
    .map((r) => ({ scanId: r.id, finishedAt: r.finishedAt ?? r.createdAt, score: r.score ?? 0, grade: r.grade, scores: pillarScores(r.scores) }));
}
