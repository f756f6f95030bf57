"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import type { ActionResult } from "@/components/findings/action-result";
import { updateBranding } from "@/lib/services/branding/update-branding";
import { MAX_LOGO_BYTES } from "@/lib/services/branding/logo-image";
import { authorizeDashboard } from "../../access";
import { serviceFailure } from "../dashboard-actor";

const form = z.object({
  domainId: z.string().max(64).optional(),
  name: z.string().max(120),
  accentColor: z.string().max(7),
  footerText: z.string().max(500),
  showPoweredBy: z.boolean(),
  removeLogo: z.boolean(),
});

/** Settings → Branding: owners and admins (like PATCH /organizations/current/branding from a session). */
export async function saveBrandingAction(orgSlug: string, data: FormData): Promise<ActionResult> {
  const auth = await authorizeDashboard(orgSlug, { role: "admin" }, { denied: "Only owners and admins can change the branding." });
  if (!auth.ok) return auth;
  const parsed = form.safeParse({
    domainId: data.get("domainId") || undefined,
    name: data.get("name") ?? "",
    accentColor: data.get("accentColor") ?? "",
    footerText: data.get("footerText") ?? "",
    showPoweredBy: data.get("showPoweredBy") === "on",
    removeLogo: data.get("removeLogo") === "on",
  });
  if (!parsed.success) return { ok: false, error: parsed.error.issues[0]?.message ?? "Invalid branding." };
  const file = data.get("logo");
  let logo: Uint8Array | null | undefined = parsed.data.removeLogo ? null : undefined;
  if (file instanceof File && file.size > 0) {
    // Refuse before reading a huge upload into memory; the service checks the bytes again.
    if (file.size > MAX_LOGO_BYTES) return { ok: false, error: `The logo is ${Math.ceil(file.size / 1024)} KiB; the limit is ${MAX_LOGO_BYTES / 1024} KiB.` };
    logo = new Uint8Array(await file.arrayBuffer());
  }
  try {
    await updateBranding(auth.actor, {
      domainId: parsed.data.domainId ?? null,
      patch: {
        name: parsed.data.name.trim() || null,
        accent_color: parsed.data.accentColor || null,
        footer_text: parsed.data.footerText.trim() || null,
        show_powered_by: parsed.data.showPoweredBy,
      },
      logo,
    });
    revalidatePath(`/o/${orgSlug}/settings/branding`);
    if (parsed.data.domainId) revalidatePath(`/o/${orgSlug}/domains/${parsed.data.domainId}/settings`);
    return { ok: true, data: null };
  } catch (err) {
    if (err instanceof z.ZodError) return { ok: false, error: err.issues[0]?.message ?? "Invalid branding." };
    return serviceFailure(err);
  }
}
