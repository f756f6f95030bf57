import type { Finding } from "@/generated/prisma/client";
import type { PrismaNS } from "@/lib/db";
import type { Severity } from "@/lib/scanner/types";
import type { FindingStatus } from "./finding-status";

export interface FindingPatch {
  status?: FindingStatus;
  /** a person's severity; null returns to the engine's */
  severity?: Severity | null;
  assigneeId?: string | null;
  /** why: required with false_positive and accepted_risk (triage-rules.ts) */
  justification?: string | null;
  /** accepted_risk only: re-opens after this moment */
  acceptedUntil?: Date | null;
}

/**
 * The update for one finding. resolved_at follows the status (set when someone resolves it, cleared when it
 * is reopened); a severity override is remembered separately so later scans don't overwrite it.
 */
export function findingUpdateData(
  finding: Pick<Finding, "status" | "resolvedAt">,
  patch: FindingPatch,
  engineSeverity: Severity | null,
  now: Date,
): PrismaNS.FindingUpdateInput {
  const data: PrismaNS.FindingUpdateInput = {};
  if (patch.status !== undefined && (patch.status !== finding.status || patch.acceptedUntil !== undefined)) {
    // An accepted risk keeps its expiry only while it stays accepted (re-marking sets a new one or none).
    data.acceptedUntil = patch.status === "accepted_risk" ? (patch.acceptedUntil ?? null) : null;
  }
  if (patch.status !== undefined && patch.status !== finding.status) {
    data.status = patch.status;
    if (patch.status === "resolved") {
      data.resolvedAt = now;
      data.resolution = "manual";
      data.regression = false;
    } else if (finding.status === "resolved") {
      data.resolvedAt = null;
      data.resolution = null;
    }
  }
  if (patch.severity !== undefined) {
    if (patch.severity === null) {
      data.severityOverride = null;
      if (engineSeverity) data.severity = engineSeverity;
    } else {
      data.severityOverride = patch.severity;
      data.severity = patch.severity;
    }
  }
  if (patch.assigneeId !== undefined) {
    data.assignee = patch.assigneeId === null ? { disconnect: true } : { connect: { id: patch.assigneeId } };
  }
  return data;
}

/** The severity the engine last reported, from the newest occurrence. */
export async function engineSeverityOf(tx: PrismaNS.TransactionClient, findingId: string): Promise<Severity | null> {
  const occ = await tx.findingOccurrence.findFirst({ where: { findingId }, orderBy: { createdAt: "desc" }, select: { severity: true } });
  return occ?.severity ?? null;
}
