import { getPrisma, type Prisma } from "@/lib/db";
import { pageOf, pageQuery } from "@/lib/services/pagination";
import { ServiceError } from "../errors";

const withResults = { results: { orderBy: [{ passed: "asc" as const }, { url: "asc" as const }], take: 500 } };

/** The organization's re-checks, newest first, optionally of one finding. */
export async function listRechecks(input: { orgId: string; findingId?: string; limit: number; cursor?: string }, prisma?: Prisma) {
  const db = prisma ?? (await getPrisma());
  const page = pageQuery(input);
  const rows = await db.verification.findMany({
    ...page,
    where: { AND: [{ organizationId: input.orgId }, input.findingId ? { findingId: input.findingId } : {}, page.where] },
    include: withResults,
  });
  return pageOf(rows, input.limit);
}

/** One re-check with its per-instance results; another organization's id: 404. */
export async function getRecheck(input: { orgId: string; verificationId: string }, prisma?: Prisma) {
  const db = prisma ?? (await getPrisma());
  const v = await db.verification.findFirst({ where: { id: input.verificationId, organizationId: input.orgId }, include: withResults });
  if (!v) throw new ServiceError("not_found", "Verification not found.");
  return v;
}

export type RecheckWithResults = Awaited<ReturnType<typeof getRecheck>>;
