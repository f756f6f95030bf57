import { getPrisma, type Prisma } from "@/lib/db";
import type { ReportBranding } from "@/lib/reports/model";
import { ORG_SCOPE, toReportBranding } from "./branding-row";

/**
 * The branding a report of `domainId` is shown with: the domain's override (agencies brand per client) field
 * by field over the organization's own; null when neither exists (Plumb's default look).
 */
export async function resolveBranding(input: { orgId: string; domainId?: string | null }, prisma?: Prisma): Promise<ReportBranding | null> {
  const db = prisma ?? (await getPrisma());
  const keys = input.domainId ? [ORG_SCOPE, input.domainId] : [ORG_SCOPE];
  const rows = await db.branding.findMany({ where: { organizationId: input.orgId, scopeKey: { in: keys } } });
  const org = toReportBranding(rows.find((r) => r.scopeKey === ORG_SCOPE) ?? null);
  const domain = input.domainId ? toReportBranding(rows.find((r) => r.scopeKey === input.domainId) ?? null) : null;
  if (!org && !domain) return null;
  return {
    name: domain?.name || org?.name || null,
    logoUrl: domain?.logoUrl || org?.logoUrl || null,
    accent: domain?.accent || org?.accent || null,
    footer: domain?.footer || org?.footer || null,
    showPoweredBy: domain ? domain.showPoweredBy : (org?.showPoweredBy ?? true),
  };
}
