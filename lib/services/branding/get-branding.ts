import { getPrisma, type Prisma } from "@/lib/db";
import { ServiceError } from "../errors";
import { ORG_SCOPE, toBrandingView, type BrandingView } from "./branding-row";

/** The organization's branding (domainId omitted) or one domain's override, as settings show it. */
export async function getBranding(input: { orgId: string; domainId?: string | null }, prisma?: Prisma): Promise<BrandingView> {
  const db = prisma ?? (await getPrisma());
  const domainId = input.domainId ?? null;
  if (domainId) {
    const domain = await db.domain.findFirst({ where: { id: domainId, organizationId: input.orgId }, select: { id: true } });
    if (!domain) throw new ServiceError("not_found", "Domain not found.");
  }
  const row = await db.branding.findUnique({ where: { organizationId_scopeKey: { organizationId: input.orgId, scopeKey: domainId ?? ORG_SCOPE } } });
  return toBrandingView(row, domainId);
}
