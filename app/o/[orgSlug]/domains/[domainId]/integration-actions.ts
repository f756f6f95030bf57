"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import type { ActionResult } from "@/components/findings/action-result";
import { applyCloudflareFix } from "@/lib/services/integrations/cloudflare/apply-cloudflare-fix";
import { noteFindingsInSentry, MAX_SENTRY_NOTES, type SentryNoteResult } from "@/lib/services/integrations/sentry/note-findings-in-sentry";
import { authorizeDashboard } from "../../access";
import { serviceFailure } from "../../settings/dashboard-actor";

// The domain page's integration buttons: Cloudflare's one-click fixes and "Note in Sentry", through the same
// services and scope (integrations:write) as the API.

const applyInput = z.object({ domainId: z.string().min(1).max(64), fix: z.enum(["hsts", "always_use_https"]) });

export async function applyCloudflareFixAction(orgSlug: string, input: unknown): Promise<ActionResult<{ zone: string }>> {
  const parsed = applyInput.safeParse(input);
  if (!parsed.success) return { ok: false, error: "Unknown fix." };
  const auth = await authorizeDashboard(orgSlug, "integrations:write");
  if (!auth.ok) return { ok: false, error: auth.error };
  try {
    const r = await applyCloudflareFix(auth.actor, parsed.data);
    revalidatePath(`/o/${orgSlug}/domains/${parsed.data.domainId}`);
    return { ok: true, data: { zone: r.zone } };
  } catch (err) {
    return serviceFailure(err);
  }
}

const noteInput = z.object({ domainId: z.string().min(1).max(64), findingIds: z.array(z.string().min(1).max(64)).min(1).max(MAX_SENTRY_NOTES) });

export async function noteInSentryAction(orgSlug: string, input: unknown): Promise<ActionResult<SentryNoteResult>> {
  const parsed = noteInput.safeParse(input);
  if (!parsed.success) return { ok: false, error: "Choose at least one finding." };
  const auth = await authorizeDashboard(orgSlug, "integrations:write");
  if (!auth.ok) return { ok: false, error: auth.error };
  try {
    const r = await noteFindingsInSentry(auth.actor, { findingIds: parsed.data.findingIds });
    revalidatePath(`/o/${orgSlug}/domains/${parsed.data.domainId}`);
    return { ok: true, data: r };
  } catch (err) {
    return serviceFailure(err);
  }
}
