import type { Finding } from "@/generated/prisma/client";
import { getPrisma, type Prisma } from "@/lib/db";
import { recordAuditEvent, type Actor } from "../audit/record-audit-event";
import { assertAssignable } from "./assert-assignable";
import { engineSeverityOf, findingUpdateData, type FindingPatch } from "./finding-changes";
import { getFindingRowOrThrow } from "./get-finding";
import { bumpDomainResultVersion } from "../domain-result/result-version";
import { checkTriageDecision } from "./triage-rules";
import { completeTasksOfResolvedFindings } from "../tasks/complete-tasks-of-resolved-findings";

/** Triage of one finding: status, severity override (null = back to the engine's), assignee. */
export async function updateFinding(
  actor: Actor,
  input: { findingId: string; patch: FindingPatch; now?: Date },
  prisma?: Prisma,
): Promise<Finding> {
  const db = prisma ?? (await getPrisma());
  const now = input.now ?? new Date();
  const finding = await getFindingRowOrThrow({ orgId: actor.orgId, findingId: input.findingId }, db);
  // Re-saving the status it already has (the drawer sends the whole form) is not a new decision.
  const why = checkTriageDecision({ ...input.patch, status: input.patch.status === finding.status && !input.patch.acceptedUntil ? undefined : input.patch.status }, now);
  return db.$transaction(async (tx) => {
    if (input.patch.assigneeId) await assertAssignable(tx, { orgId: actor.orgId, userId: input.patch.assigneeId });
    const engine = input.patch.severity === null ? await engineSeverityOf(tx, finding.id) : null;
    const updated = await tx.finding.update({
      where: { id: finding.id },
      data: findingUpdateData(finding, { ...input.patch, acceptedUntil: why.acceptedUntil ?? undefined }, engine, now),
    });
    if (input.patch.status !== undefined && (input.patch.status !== finding.status || why.justification || why.acceptedUntil)) {
      await tx.findingEvent.create({
        data: {
          findingId: finding.id,
          organizationId: actor.orgId,
          actorId: actor.userId,
          kind: "status",
          fromStatus: finding.status,
          toStatus: updated.status,
          justification: why.justification,
          acceptedUntil: why.acceptedUntil,
          createdAt: now,
        },
      });
    }
    if (updated.status === "resolved" && finding.status !== "resolved") {
      await completeTasksOfResolvedFindings(tx, { findingIds: [finding.id], how: "manual", now });
    }
    await recordAuditEvent(tx, actor, {
      action: "finding.update",
      targetType: "finding",
      targetId: finding.id,
      metadata: {
        ...(input.patch.status !== undefined ? { status: [finding.status, updated.status] } : {}),
        ...(why.justification ? { justification: why.justification } : {}),
        ...(why.acceptedUntil ? { accepted_until: why.acceptedUntil.toISOString() } : {}),
        ...(input.patch.severity !== undefined ? { severity: [finding.severity, updated.severity] } : {}),
        ...(input.patch.assigneeId !== undefined ? { assignee_id: [finding.assigneeId, updated.assigneeId] } : {}),
      },
    });
    return updated;
  }).finally(bumpDomainResultVersion);
}
