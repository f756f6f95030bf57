"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { bulkUpdateFindings, BULK_MAX_IDS } from "@/lib/services/findings/bulk-update-findings";
import { updateFinding } from "@/lib/services/findings/update-finding";
import { FINDING_STATUSES } from "@/lib/services/findings/finding-status";
import type { ActionResult } from "@/components/findings/action-result";
import { SEVERITIES } from "@/components/findings/labels";
import { dashboardActor, serviceFailure } from "../settings/dashboard-actor";

const severity = z.enum(SEVERITIES as [string, ...string[]]).transform((s) => s as (typeof SEVERITIES)[number]);
const status = z.enum(FINDING_STATUSES);

const bulkInput = z
  .object({
    ids: z.array(z.string().min(1).max(64)).min(1).max(BULK_MAX_IDS),
    status: status.optional(),
    severity: severity.optional(),
  })
  .refine((v) => v.status !== undefined || v.severity !== undefined, "Choose a status or a severity.");

export async function bulkUpdateFindingsAction(orgSlug: string, input: unknown): Promise<ActionResult<{ updated: number }>> {
  const parsed = bulkInput.safeParse(input);
  if (!parsed.success) return { ok: false, error: parsed.error.issues[0]?.message ?? "Invalid change." };
  const auth = await dashboardActor(orgSlug, "findings:write");
  if (!auth.ok) return auth;
  try {
    const result = await bulkUpdateFindings(auth.actor, parsed.data);
    revalidatePath(`/o/${orgSlug}/findings`);
    return { ok: true, data: result };
  } catch (err) {
    return serviceFailure(err);
  }
}

const updateInput = z.object({
  findingId: z.string().min(1).max(64),
  status: status.optional(),
  // "" in the form means "the engine's severity" (clears a person's override).
  severity: z.union([severity, z.literal("")]).optional(),
  assigneeId: z.string().max(64).optional(),
});

export async function updateFindingAction(orgSlug: string, input: unknown): Promise<ActionResult> {
  const parsed = updateInput.safeParse(input);
  if (!parsed.success) return { ok: false, error: "Invalid change." };
  const auth = await dashboardActor(orgSlug, "findings:write");
  if (!auth.ok) return auth;
  const { findingId, status: nextStatus, severity: nextSeverity, assigneeId } = parsed.data;
  try {
    await updateFinding(auth.actor, {
      findingId,
      patch: {
        status: nextStatus,
        severity: nextSeverity === undefined ? undefined : nextSeverity === "" ? null : nextSeverity,
        assigneeId: assigneeId === undefined ? undefined : assigneeId === "" ? null : assigneeId,
      },
    });
    revalidatePath(`/o/${orgSlug}/findings`);
    return { ok: true, data: null };
  } catch (err) {
    return serviceFailure(err);
  }
}
