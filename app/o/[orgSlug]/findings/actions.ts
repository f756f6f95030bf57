"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { bulkUpdateFindings, BULK_MAX_IDS } from "@/lib/services/findings/bulk-update-findings";
import { updateFinding } from "@/lib/services/findings/update-finding";
import { FINDING_STATUSES } from "@/lib/services/findings/finding-status";
import type { ActionResult } from "@/components/findings/action-result";
import { SEVERITIES } from "@/components/findings/labels";
import { authorizeDashboard } from "../access";
import { serviceFailure } from "../settings/dashboard-actor";

const severity = z.enum(SEVERITIES as [string, ...string[]]).transform((s) => s as (typeof SEVERITIES)[number]);
const status = z.enum(FINDING_STATUSES);

const bulkInput = z
  .object({
    ids: z.array(z.string().min(1).max(64)).min(1).max(BULK_MAX_IDS),
    status: status.optional(),
    severity: severity.optional(),
    justification: z.string().max(2_000).optional(),
    acceptedUntil: z.iso.date().optional().or(z.literal("")),
  })
  .refine((v) => v.status !== undefined || v.severity !== undefined, "Choose a status or a severity.");

// A date from the form is the last day the risk stays accepted: it re-opens at the end of that day (UTC).
const endOfDay = (d: string | undefined) => (d ? new Date(`${d}T23:59:59.999Z`) : undefined);

export async function bulkUpdateFindingsAction(orgSlug: string, input: unknown): Promise<ActionResult<{ updated: number }>> {
  const parsed = bulkInput.safeParse(input);
  if (!parsed.success) return { ok: false, error: parsed.error.issues[0]?.message ?? "Invalid change." };
  const auth = await authorizeDashboard(orgSlug, "findings:write");
  if (!auth.ok) return auth;
  try {
    const { acceptedUntil, ...rest } = parsed.data;
    const result = await bulkUpdateFindings(auth.actor, { ...rest, acceptedUntil: endOfDay(acceptedUntil) });
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
  justification: z.string().max(2_000).optional(),
  acceptedUntil: z.iso.date().optional().or(z.literal("")),
});

export async function updateFindingAction(orgSlug: string, input: unknown): Promise<ActionResult> {
  const parsed = updateInput.safeParse(input);
  if (!parsed.success) return { ok: false, error: "Invalid change." };
  const auth = await authorizeDashboard(orgSlug, "findings:write");
  if (!auth.ok) return auth;
  const { findingId, status: nextStatus, severity: nextSeverity, assigneeId, justification, acceptedUntil } = parsed.data;
  try {
    await updateFinding(auth.actor, {
      findingId,
      patch: {
        status: nextStatus,
        severity: nextSeverity === undefined ? undefined : nextSeverity === "" ? null : nextSeverity,
        assigneeId: assigneeId === undefined ? undefined : assigneeId === "" ? null : assigneeId,
        justification,
        acceptedUntil: endOfDay(acceptedUntil),
      },
    });
    revalidatePath(`/o/${orgSlug}/findings`);
    return { ok: true, data: null };
  } catch (err) {
    return serviceFailure(err);
  }
}
