"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { PILLARS } from "@/lib/scanner/types";
import { cancelScan } from "@/lib/services/scans/cancel-scan";
import { createScan } from "@/lib/services/scans/create-scan";
import { MAX_MAX_PAGES } from "@/lib/services/scans/scan-defaults";
import { failure, requireWriter, type ActionFailure } from "../domains/writer";

export type LaunchScanState = { ok: true; scanId: string; creditsRemaining: number } | ActionFailure | null;

const launchForm = z.object({
  domainId: z.string().min(1).max(64),
  pillars: z.array(z.enum(PILLARS)).min(1, "Pick at least one pillar."),
  maxPages: z.coerce
    .number()
    .int("Pages must be a whole number.")
    .min(1, "Scan at least one page.")
    .max(MAX_MAX_PAGES, `At most ${MAX_MAX_PAGES} pages.`),
});

/** The launch dialog: the same createScan as POST /api/v1/scans (credits reserved, 402/409 as messages). */
export async function launchScanAction(orgSlug: string, _prev: LaunchScanState, form: FormData): Promise<LaunchScanState> {
  const writer = await requireWriter(orgSlug);
  if (writer.failure) return writer.failure;
  const parsed = launchForm.safeParse({ domainId: form.get("domainId"), pillars: form.getAll("pillars"), maxPages: form.get("maxPages") });
  if (!parsed.success) return { ok: false, code: "invalid_params", message: parsed.error.issues[0]?.message ?? "Invalid scan settings." };
  try {
    const { scan, creditsRemaining } = await createScan(writer.actor, { ...parsed.data, trigger: "manual" });
    revalidatePath(`/o/${orgSlug}`, "layout");
    return { ok: true, scanId: scan.id, creditsRemaining };
  } catch (err) {
    return failure(err);
  }
}

export type CancelScanState = { ok: true; refunded: number } | ActionFailure | null;

/** Stops a queued or running scan; the unused reservation is refunded by the service. */
export async function cancelScanAction(orgSlug: string, scanId: string, _prev: CancelScanState): Promise<CancelScanState> {
  const writer = await requireWriter(orgSlug);
  if (writer.failure) return writer.failure;
  try {
    const { refunded } = await cancelScan(writer.actor, { scanId });
    revalidatePath(`/o/${orgSlug}`, "layout");
    return { ok: true, refunded };
  } catch (err) {
    return failure(err);
  }
}
