import { getPrisma, type Prisma } from "@/lib/db";
import type { Severity } from "@/lib/scanner/types";
import { recordAuditEvent, type Actor } from "../audit/record-audit-event";
import { ServiceError } from "../errors";
import type { FindingStatus } from "./finding-status";
import { bumpDomainResultVersion } from "../domain-result/result-version";
import { checkTriageDecision } from "./triage-rules";
import { completeTasksOfResolvedFindings } from "../tasks/complete-tasks-of-resolved-findings";

export const BULK_MAX_IDS = 500;

/**
 * Sets status and/or severity on many findings at once. All ids must belong to the organization (else
 * 404, nothing changed); the whole batch is one transaction.
 */
export async function bulkUpdateFindings(
  actor: Actor,
  input: { ids: string[]; status?: FindingStatus; severity?: Severity; justification?: string | null; acceptedUntil?: Date | null; now?: Date },
  prisma?: Prisma,
): Promise<{ updated: number }> {
  const ids = [...new Set(input.ids)];
  if (ids.length === 0 || ids.length > BULK_MAX_IDS) {
    throw new ServiceError("invalid_params", `ids must list 1 to ${BULK_MAX_IDS} findings.`);
  }
  if (input.status === undefined && input.severity === undefined) {
    throw new ServiceError("invalid_params", "Give status and/or severity to change.");
  }
  const db = prisma ?? (await getPrisma());
  const now = input.now ?? new Date();
  const why = checkTriageDecision(input, now);
  return db.$transaction(async (tx) => {
    const owned = await tx.finding.count({ where: { id: { in: ids }, organizationId: actor.orgId } });
    if (owned !== ids.length) {
      throw new ServiceError("not_found", `${ids.length - owned} of the findings were not found.`);
    }
    const scope = { id: { in: ids }, organizationId: actor.orgId };
    if (input.severity !== undefined) {
      await tx.finding.updateMany({ where: scope, data: { severity: input.severity, severityOverride: input.severity } });
    }
    if (input.status !== undefined) {
      const previous = await tx.finding.findMany({ where: scope, select: { id: true, status: true } });
      await tx.findingEvent.createMany({
        data: previous.map((f) => ({
          findingId: f.id,
          organizationId: actor.orgId,
          actorId: actor.userId,
          kind: "status",
          fromStatus: f.status,
          toStatus: input.status,
          justification: why.justification,
          acceptedUntil: why.acceptedUntil,
          createdAt: now,
        })),
      });
      await tx.finding.updateMany({ where: scope, data: { acceptedUntil: input.status === "accepted_risk" ? why.acceptedUntil : null } });
      if (input.status === "resolved") {
        await tx.finding.updateMany({
          where: { ...scope, status: { not: "resolved" } },
          data: { status: "resolved", resolvedAt: now, resolution: "manual", regression: false },
        });
        await completeTasksOfResolvedFindings(tx, { findingIds: ids, how: "manual", now });
      } else {
        // Leaving "resolved" clears resolved_at; other statuses keep theirs (null).
        await tx.finding.updateMany({ where: scope, data: { status: input.status, resolvedAt: null, resolution: null } });
      }
    }
    await recordAuditEvent(tx, actor, {
      action: "finding.bulk_update",
      targetType: "finding",
      metadata: {
        ids,
        ...(input.status ? { status: input.status } : {}),
        ...(input.severity ? { severity: input.severity } : {}),
        ...(why.justification ? { justification: why.justification } : {}),
        ...(why.acceptedUntil ? { accepted_until: why.acceptedUntil.toISOString() } : {}),
      },
    });
    return { updated: ids.length };
  }).finally(bumpDomainResultVersion);
}
