import { getPrisma, type Prisma } from "@/lib/db";
import { ServiceError } from "../errors";

export const DETAIL_OCCURRENCES = 20;
export const DETAIL_INSTANCES = 50;
export const DETAIL_EVENTS = 50;

/**
 * One finding with what the triage drawer shows around it: its domain, assignee and its most recent
 * occurrences (one per scan that saw it), plus how many occurrences there are in all.
 */
export async function getFindingDetail(input: { orgId: string; findingId: string }, prisma?: Prisma) {
  const db = prisma ?? (await getPrisma());
  const finding = await db.finding.findFirst({
    where: { id: input.findingId, organizationId: input.orgId },
    include: {
      domain: { select: { id: true, host: true } },
      assignee: { select: { id: true, name: true, email: true } },
      occurrences: {
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        take: DETAIL_OCCURRENCES,
        select: { id: true, scanId: true, severity: true, urls: true, createdAt: true, scan: { select: { createdAt: true, status: true } } },
      },
      instances: {
        orderBy: [{ lastSeenAt: "desc" }, { id: "desc" }],
        take: DETAIL_INSTANCES,
        select: { id: true, url: true, selector: true, asset: true, snippet: true },
      },
      events: {
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        take: DETAIL_EVENTS,
        select: {
          id: true,
          kind: true,
          fromStatus: true,
          toStatus: true,
          justification: true,
          acceptedUntil: true,
          createdAt: true,
          actor: { select: { name: true, email: true } },
        },
      },
      _count: { select: { occurrences: true } },
    },
  });
  if (!finding) throw new ServiceError("not_found", "Finding not found.");
  return finding;
}

export type FindingDetail = Awaited<ReturnType<typeof getFindingDetail>>;
