"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import type { ActionResult } from "@/components/findings/action-result";
import type { Analysis } from "@/lib/ai/analysis-schema";
import { analyzeScan } from "@/lib/services/analysis/analyze-scan";
import { appUrl } from "@/lib/services/mail/app-url";
import { createShareLink } from "@/lib/services/share-links/create-share-link";
import { revokeShareLink } from "@/lib/services/share-links/revoke-share-link";
import { authorizeDashboard } from "../access";
import { serviceFailure } from "../settings/dashboard-actor";

// The scan page's publishing actions, authorized like their API routes (scans:write for the analysis,
// reports:write for share links).

export interface AnalysisView {
  source: "ai" | "rules";
  model: string | null;
  cached: boolean;
  creditsCharged: number;
  fallbackReason: string | null;
  analysis: Analysis;
}

export async function analyzeScanAction(orgSlug: string, scanId: string): Promise<ActionResult<AnalysisView>> {
  const auth = await authorizeDashboard(orgSlug, "scans:write");
  if (!auth.ok) return auth;
  try {
    const r = await analyzeScan(auth.actor, { scanId });
    if (r.creditsCharged > 0) revalidatePath(`/o/${orgSlug}`, "layout");
    return { ok: true, data: { source: r.source, model: r.model, cached: r.cached, creditsCharged: r.creditsCharged, fallbackReason: r.fallbackReason, analysis: r.analysis } };
  } catch (err) {
    return serviceFailure(err);
  }
}

const shareInput = z.object({
  password: z.string().max(200).optional(),
  expiresInDays: z.coerce.number().int().min(0).max(365).optional(),
  includeEvidence: z.boolean().optional(),
});

/** A share link to a scan's report or to a saved report (the report page's "Share"). */
async function createLink(orgSlug: string, target: { scanId: string } | { reportId: string }, input: unknown, path: string): Promise<ActionResult<{ url: string }>> {
  const id = z.string().min(1).max(64).safeParse("scanId" in target ? target.scanId : target.reportId);
  const parsed = shareInput.safeParse(typeof input === "object" && input !== null ? input : {});
  if (!id.success || !parsed.success) return { ok: false, error: parsed.error?.issues[0]?.message ?? "Invalid link settings." };
  const { password, expiresInDays, includeEvidence } = parsed.data;
  if (password && password.length < 8) return { ok: false, error: "A password needs at least 8 characters (or leave it empty)." };
  const auth = await authorizeDashboard(orgSlug, "reports:write");
  if (!auth.ok) return auth;
  try {
    const { token } = await createShareLink(auth.actor, {
      ...("scanId" in target ? { scanId: id.data } : { reportId: id.data }),
      password: password || null,
      includeEvidence,
      expiresAt: expiresInDays ? new Date(Date.now() + expiresInDays * 86_400_000) : null,
    });
    revalidatePath(path);
    return { ok: true, data: { url: appUrl(`/r/${token}`) } };
  } catch (err) {
    return serviceFailure(err);
  }
}

export async function createShareLinkAction(orgSlug: string, scanId: string, input: unknown): Promise<ActionResult<{ url: string }>> {
  return createLink(orgSlug, { scanId }, input, `/o/${orgSlug}/scans/${scanId}`);
}

export async function createReportShareLinkAction(orgSlug: string, reportId: string, input: unknown): Promise<ActionResult<{ url: string }>> {
  return createLink(orgSlug, { reportId }, input, `/o/${orgSlug}/reports/${reportId}`);
}

export async function revokeShareLinkAction(orgSlug: string, linkId: unknown): Promise<ActionResult> {
  const id = z.string().min(1).max(64).safeParse(linkId);
  if (!id.success) return { ok: false, error: "Unknown link." };
  const auth = await authorizeDashboard(orgSlug, "reports:write");
  if (!auth.ok) return auth;
  try {
    const link = await revokeShareLink(auth.actor, { linkId: id.data });
    if (link.scanId) revalidatePath(`/o/${orgSlug}/scans/${link.scanId}`);
    if (link.reportId) revalidatePath(`/o/${orgSlug}/reports/${link.reportId}`);
    return { ok: true, data: null };
  } catch (err) {
    return serviceFailure(err);
  }
}
