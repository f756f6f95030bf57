import type { Finding } from "@/generated/prisma/client";
import { getPrisma, type Prisma } from "@/lib/db";
import { recordAuditEvent, type Actor } from "../audit/record-audit-event";
import { assertAssignable } from "./assert-assignable";
import { engineSeverityOf, findingUpdateData, type FindingPatch } from "./finding-changes";
import { getFindingRowOrThrow } from "./get-finding";

/** Triage of one finding: status, severity override (null = back to the engine's), assignee. */
export async function updateFinding(
  actor: Actor,
  input: { findingId: string; patch: FindingPatch; now?: Date },
  prisma?: Prisma,
): Promise<Finding> {
  const db = prisma ?? (await getPrisma());
  const finding = await getFindingRowOrThrow({ orgId: actor.orgId, findingId: input.findingId }, db);
  return db.$transaction(async (tx) => {
    if (input.patch.assigneeId) await assertAssignable(tx, { orgId: actor.orgId, userId: input.patch.assigneeId });
    const engine = input.patch.severity === null ? await engineSeverityOf(tx, finding.id) : null;
    const updated = await tx.finding.update({
      where: { id: finding.id },
      data: findingUpdateData(finding, input.patch, engine, input.now ?? new Date()),
    });
    await recordAuditEvent(tx, actor, {
      action: "finding.update",
      targetType: "finding",
      targetId: finding.id,
      metadata: {
        ...(input.patch.status !== undefined ? { status: [finding.status, updated.status] } : {}),
        ...(input.patch.severity !== undefined ? { severity: [finding.severity, updated.severity] } : {}),
        ...(input.patch.assigneeId !== undefined ? { assignee_id: [finding.assigneeId, updated.assigneeId] } : {}),
      },
    });
    return updated;
  });
}
