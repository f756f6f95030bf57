import type { Branding } from "@/generated/prisma/client";
import type { ReportBranding } from "@/lib/reports/model";

export const ORG_SCOPE = "org";

export interface BrandingView {
  domainId: string | null;
  name: string | null;
  accentColor: string | null;
  footerText: string | null;
  showPoweredBy: boolean;
  logoMime: string | null;
  logoBytes: number;
  updatedAt: Date | null;
}

export function toBrandingView(row: Branding | null, domainId: string | null): BrandingView {
  return {
    domainId,
    name: row?.name ?? null,
    accentColor: row?.accentColor ?? null,
    footerText: row?.footerText ?? null,
    showPoweredBy: row?.showPoweredBy ?? true,
    logoMime: row?.logoMime ?? null,
    logoBytes: row?.logo?.length ?? 0,
    updatedAt: row?.updatedAt ?? null,
  };
}

/** What the report view takes; the logo travels as a data: URL (the page CSP allows data: images). */
export function toReportBranding(row: Pick<Branding, "name" | "accentColor" | "footerText" | "showPoweredBy" | "logo" | "logoMime"> | null): ReportBranding | null {
  if (!row) return null;
  const logoUrl = row.logo && row.logoMime ? `data:${row.logoMime};base64,${Buffer.from(row.logo).toString("base64")}` : null;
  return { name: row.name, accent: row.accentColor, footer: row.footerText, showPoweredBy: row.showPoweredBy, logoUrl };
}
