import { getPrisma, type Prisma } from "@/lib/db";
import type { ReportBranding } from "@/lib/reports/model";
import { resolveBranding } from "../branding/resolve-branding";
import { reportBranding } from "./report-rows";

/**
 * The look a saved report is rendered with (its page, its PDFs, its share links): the branding given when
 * the report was made (its snapshot), field by field over the domain's override and the organization's
 * branding (Settings → Branding). A portfolio (domainId null) spans clients: the organization's branding only.
 * null: Plumb's default look.
 */
export async function reportEffectiveBranding(
  input: { orgId: string; report: { domainId: string | null; branding: unknown } },
  prisma?: Prisma,
): Promise<ReportBranding | null> {
  const db = prisma ?? (await getPrisma());
  const snapshot = reportBranding(input.report.branding);
  const base = await resolveBranding({ orgId: input.orgId, domainId: input.report.domainId }, db);
  if (!snapshot) return base;
  return {
    name: snapshot.name || base?.name || null,
    logoUrl: snapshot.logoUrl || base?.logoUrl || null,
    accent: snapshot.accent || base?.accent || null,
    footer: snapshot.footer || base?.footer || null,
    showPoweredBy: snapshot.showPoweredBy ?? base?.showPoweredBy ?? true,
  };
}
