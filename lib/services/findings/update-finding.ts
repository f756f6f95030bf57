import { getPrisma, type Prisma } from "@/lib/db";
import { assertAssignable } from "./assert-assignable";
import { engineSeverityOf, findingUpdateData, type FindingPatch } from "./finding-changes";
import { getFindingRowOrThrow } from "./get-finding";
import { presentFinding, type FindingJson } from "./present-finding";

/** Triage of one finding: status, severity override, assignee. */
export async function updateFinding(
  input: { orgId: string; findingId: string; userId?: string | null; patch: FindingPatch; now?: Date },
  prisma?: Prisma,
): Promise<FindingJson> {
  const db = prisma ?? (await getPrisma());
  const finding = await getFindingRowOrThrow(input, db);
  const updated = await db.$transaction(async (tx) => {
    if (input.patch.assigneeId) await assertAssignable(tx, { orgId: input.orgId, userId: input.patch.assigneeId });
    const engine = input.patch.severity === null ? await engineSeverityOf(tx, finding.id) : null;
    return tx.finding.update({
      where: { id: finding.id },
      data: findingUpdateData(finding, input.patch, engine, input.now ?? new Date()),
    });
  });
  return presentFinding(updated);
}
