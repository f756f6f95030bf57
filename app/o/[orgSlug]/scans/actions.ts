"use server";

import { revalidatePath } from "next/cache";
import { createScanBody } from "@/lib/api/contract/scans";
import { cancelScan } from "@/lib/services/scans/cancel-scan";
import { createScan } from "@/lib/services/scans/create-scan";
import { MAX_MAX_PAGES } from "@/lib/services/scans/scan-defaults";
import { authorizeDashboard } from "../access";
import { parseWithContract, type FieldMessages } from "../contract-form";
import { failure, forbidden, type ActionFailure } from "../domains/writer";

export type LaunchScanState = { ok: true; scanId: string; creditsRemaining: number } | ActionFailure | null;

// The form's fields as POST /api/v1/scans takes them (createScanBody), with a sentence per field.
const LAUNCH_MESSAGES: FieldMessages = {
  domain_id: "Choose a domain.",
  pillars: "Pick at least one pillar.",
  max_pages: { too_small: "Scan at least one page.", too_big: `At most ${MAX_MAX_PAGES} pages.`, default: "Pages must be a whole number." },
};

/** The launch dialog: the same createScan as POST /api/v1/scans (credits reserved, 402/409 as messages). */
export async function launchScanAction(orgSlug: string, _prev: LaunchScanState, form: FormData): Promise<LaunchScanState> {
  const writer = await authorizeDashboard(orgSlug, "scans:write");
  if (!writer.ok) return forbidden(writer);
  const parsed = parseWithContract(
    createScanBody.required({ pillars: true, max_pages: true }),
    { domain_id: form.get("domainId"), pillars: form.getAll("pillars"), max_pages: Number(form.get("maxPages") ?? 0) },
    LAUNCH_MESSAGES,
    "Invalid scan settings.",
  );
  if (!parsed.ok) return { ok: false, code: "invalid_params", message: parsed.error };
  try {
    const { domain_id: domainId, pillars, max_pages: maxPages } = parsed.data;
    const { scan, creditsRemaining } = await createScan(writer.actor, { domainId, pillars, maxPages, trigger: "manual" });
    revalidatePath(`/o/${orgSlug}`, "layout");
    return { ok: true, scanId: scan.id, creditsRemaining };
  } catch (err) {
    return failure(err);
  }
}

export type CancelScanState = { ok: true; refunded: number } | ActionFailure | null;

/** Stops a queued or running scan; the unused reservation is refunded by the service. */
export async function cancelScanAction(orgSlug: string, scanId: string, _prev: CancelScanState): Promise<CancelScanState> {
  const writer = await authorizeDashboard(orgSlug, "scans:write");
  if (!writer.ok) return forbidden(writer);
  try {
    const { refunded } = await cancelScan(writer.actor, { scanId });
    revalidatePath(`/o/${orgSlug}`, "layout");
    return { ok: true, refunded };
  } catch (err) {
    return failure(err);
  }
}
