import type { z } from "zod";
import type { BrandingView } from "@/lib/services/branding/branding-row";
import type { brandingSchema } from "../contract/branding";

export function serializeBranding(b: BrandingView): z.input<typeof brandingSchema> {
  return {
    domain_id: b.domainId,
    name: b.name,
    accent_color: b.accentColor,
    footer_text: b.footerText,
    show_powered_by: b.showPoweredBy,
    logo: b.logoMime ? { type: b.logoMime, bytes: b.logoBytes } : null,
    updated_at: b.updatedAt?.toISOString() ?? null,
  };
}
