import { getPrisma, type Prisma } from "@/lib/db";
import type { Severity } from "@/lib/scanner/types";
import { recordAuditEvent, type Actor } from "../audit/record-audit-event";
import { ServiceError } from "../errors";
import type { FindingStatus } from "./finding-status";

export const BULK_MAX_IDS = 500;

/**
 * Sets status and/or severity on many findings at once. All ids must belong to the organization (else
 * 404, nothing changed); the whole batch is one transaction.
 */
export async function bulkUpdateFindings(
  actor: Actor,
  input: { ids: string[]; status?: FindingStatus; severity?: Severity; now?: Date },
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
      if (input.status === "resolved") {
        await tx.finding.updateMany({
          where: { ...scope, status: { not: "resolved" } },
          data: { status: "resolved", resolvedAt: now, regression: false },
        });
      } else {
        // Leaving "resolved" clears resolved_at; other statuses keep theirs (null).
        await tx.finding.updateMany({ where: scope, data: { status: input.status, resolvedAt: null } });
      }
    }
    await recordAuditEvent(tx, actor, {
      action: "finding.bulk_update",
      targetType: "finding",
      metadata: { ids, ...(input.status ? { status: input.status } : {}), ...(input.severity ? { severity: input.severity } : {}) },
    });
    return { updated: ids.length };
  });
}
