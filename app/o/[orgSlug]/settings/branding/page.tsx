import type { Metadata } from "next";
import { Card, CardBody, CardHeader } from "@/components/ui";
import { BrandingForm, type BrandingFormValues } from "@/components/publish/branding-form";
import { requireMembership } from "@/lib/auth/session";
import { getPrisma } from "@/lib/db";
import { toReportBranding } from "@/lib/services/branding/branding-row";
import { saveBrandingAction } from "./actions";
import { roleAllows } from "../../access";

export const metadata: Metadata = { title: "Branding" };

export default async function BrandingSettingsPage({ params, searchParams }: PageProps<"/o/[orgSlug]/settings/branding">) {
  const { orgSlug } = await params;
  const { domain: domainParam } = await searchParams;
  const { organization, membership } = await requireMembership(orgSlug);
  const canEdit = roleAllows(membership.role, { role: "admin" });
  const db = await getPrisma();
  const domains = await db.domain.findMany({ where: { organizationId: organization.id }, select: { id: true, host: true }, orderBy: { host: "asc" }, take: 200 });
  const selected = typeof domainParam === "string" ? domains.find((d) => d.id === domainParam) : undefined;
  const rows = await db.branding.findMany({ where: { organizationId: organization.id, scopeKey: { in: ["org", ...(selected ? [selected.id] : [])] } } });
  const values = (scope: string, domainId: string | null): BrandingFormValues => {
    const row = rows.find((r) => r.scopeKey === scope) ?? null;
    return {
      domainId,
      name: row?.name ?? "",
      accentColor: row?.accentColor ?? "",
      footerText: row?.footerText ?? "",
      showPoweredBy: row?.showPoweredBy ?? true,
      logoUrl: toReportBranding(row)?.logoUrl ?? null,
    };
  };
  return (
    <div className="grid grid-cols-1 gap-6 lg:grid-cols-2">
      <Card>
        <CardHeader
          title="Report branding"
          description={canEdit ? "Your look on PDF reports and share pages (white-label)." : "Only owners and admins can change the branding."}
        />
        <CardBody>
          <BrandingForm idPrefix="org" values={values("org", null)} canEdit={canEdit} save={saveBrandingAction.bind(null, orgSlug)} />
        </CardBody>
      </Card>
      <Card>
        <CardHeader title="Per-domain branding" description="Agencies: brand a client's reports with the client's own look. Empty fields use the organization's branding." />
        <CardBody className="space-y-4">
          <form method="get" className="flex flex-wrap items-end gap-2">
            <div className="min-w-0 flex-1">
              <label htmlFor="branding-domain" className="block text-sm font-medium text-slate-900">
                Domain
              </label>
              <select id="branding-domain" name="domain" defaultValue={selected?.id ?? ""} className="mt-1 block w-full rounded-md border border-slate-400 bg-white px-3 py-2 text-sm">
                <option value="">Choose a domain…</option>
                {domains.map((d) => (
                  <option key={d.id} value={d.id}>
                    {d.host}
                  </option>
                ))}
              </select>
            </div>
            <button type="submit" className="rounded-md border border-slate-300 bg-white px-3 py-2 text-sm font-medium text-slate-900 hover:bg-slate-50">
              Edit
            </button>
          </form>
          {selected ? (
            <BrandingForm idPrefix="domain" values={values(selected.id, selected.id)} canEdit={canEdit} save={saveBrandingAction.bind(null, orgSlug)} />
          ) : (
            <p className="text-sm text-slate-600">{domains.length ? "Choose a domain to give it its own branding." : "Add a domain first."}</p>
          )}
        </CardBody>
      </Card>
    </div>
  );
}
