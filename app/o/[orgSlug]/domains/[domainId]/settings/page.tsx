import type { Metadata } from "next";
import Link from "next/link";
import { Card, CardBody, CardHeader, PageHeader } from "@/components/ui";
import { BadgeEmbed } from "@/components/domains/badge-embed";
import { BrandingForm } from "@/components/publish/branding-form";
import { getPrisma } from "@/lib/db";
import { toReportBranding } from "@/lib/services/branding/branding-row";
import { CrawlSettingsForm } from "@/components/domains/crawl-settings-form";
import { DomainSettingsForm } from "@/components/domains/domain-settings-form";
import { ScanAuthForm } from "@/components/domains/scan-auth-form";
import { getScanSettings } from "@/lib/services/scan-settings/get-scan-settings";
import { requireMembership } from "@/lib/auth/session";
import { saveBrandingAction } from "../../../settings/branding/actions";
import { updateDomainSettingsAction } from "../../actions";
import { setScanAuthAction, updateCrawlSettingsAction } from "../../scan-settings-actions";
import { publicOrigin } from "../../public-origin";
import { loadDomain } from "../load-domain";
import { roleAllows } from "../../../access";

export const metadata: Metadata = { title: "Domain settings" };

export default async function DomainSettingsPage({ params }: PageProps<"/o/[orgSlug]/domains/[domainId]/settings">) {
  const { orgSlug, domainId } = await params;
  const { organization, membership } = await requireMembership(orgSlug);
  const domain = await loadDomain(organization.id, domainId);
  const origin = await publicOrigin();
  const scanSettings = await getScanSettings({ orgId: organization.id, domainId: domain.id });
  const canWrite = roleAllows(membership.role, { role: "member" });
  const canBrand = roleAllows(membership.role, { role: "admin" });
  // This client's own look on reports and share pages; empty fields fall back to the organization's branding.
  const branding = await (await getPrisma()).branding.findUnique({ where: { organizationId_scopeKey: { organizationId: organization.id, scopeKey: domain.id } } });
  const siteOrigin = `${domain.scheme}://${domain.host}`;

  return (
    <>
      <PageHeader
        eyebrow={
          <Link href={`/o/${organization.slug}/domains/${domain.id}`} className="break-all underline-offset-2 hover:underline">
            {domain.host}
          </Link>
        }
        title="Domain settings"
        description="Scheduled scans, how scans crawl and sign in, the public directory listing, and the score badge."
      />
      <div className="grid gap-6 xl:grid-cols-2">
        <Card>
          <CardHeader title="Schedule and listing" />
          <CardBody>
            <DomainSettingsForm
              action={updateDomainSettingsAction.bind(null, organization.slug, domain.id)}
              canWrite={canWrite}
              values={{
                schedule: domain.schedule,
                schedulePillars: domain.schedulePillars,
                directoryEnabled: domain.directoryEnabled,
                directoryShowFindings: domain.directoryShowFindings,
                pageCount: domain.pageCount,
                organizationName: domain.organizationName ?? "",
                description: domain.description ?? "",
                verified: Boolean(domain.verifiedAt),
              }}
            />
          </CardBody>
        </Card>
        <Card>
          <CardHeader title="Crawl" description="Which pages scans find: robots.txt, path patterns and link depth." />
          <CardBody>
            <CrawlSettingsForm
              action={updateCrawlSettingsAction.bind(null, organization.slug, domain.id)}
              canWrite={canWrite}
              values={{ respectRobots: scanSettings.respectRobots, include: scanSettings.include, exclude: scanSettings.exclude, maxDepth: scanSettings.maxDepth, consent: scanSettings.consent }}
            />
          </CardBody>
        </Card>
        <Card>
          <CardHeader title="Sign-in for scans" description="Scan pages behind a login: extra headers, cookies or a login script run once per scan." />
          <CardBody>
            <ScanAuthForm
              action={setScanAuthAction.bind(null, organization.slug, domain.id)}
              canWrite={canWrite}
              origin={siteOrigin}
              summary={
                scanSettings.auth
                  ? {
                      headerNames: scanSettings.auth.header_names,
                      cookieNames: scanSettings.auth.cookie_names,
                      login: scanSettings.auth.login
                        ? { url: scanSettings.auth.login.url, usernameSelector: scanSettings.auth.login.username_selector, passwordSelector: scanSettings.auth.login.password_selector }
                        : null,
                    }
                  : null
              }
            />
          </CardBody>
        </Card>
        <Card id="branding">
          <CardHeader
            title="Report branding"
            description={
              canBrand
                ? "This client's look on PDF reports and share pages. Empty fields use the organization's branding (Settings → Branding)."
                : "Only owners and admins can change the branding."
            }
          />
          <CardBody>
            <BrandingForm
              idPrefix="domain-branding"
              canEdit={canBrand}
              save={saveBrandingAction.bind(null, organization.slug)}
              values={{
                domainId: domain.id,
                name: branding?.name ?? "",
                accentColor: branding?.accentColor ?? "",
                footerText: branding?.footerText ?? "",
                showPoweredBy: branding?.showPoweredBy ?? true,
                logoUrl: toReportBranding(branding)?.logoUrl ?? null,
              }}
            />
            <p className="mt-3 text-sm text-slate-600">
              <Link href={`/o/${organization.slug}/settings/branding`} className="font-medium text-brand-800 underline-offset-2 hover:underline">
                Organization branding
              </Link>
            </p>
          </CardBody>
        </Card>
        <Card>
          <CardHeader title="Score badge" description="Embed the current result on your site or in a README. It updates after every scan and triage." />
          <CardBody>
            <BadgeEmbed origin={origin} domainId={domain.id} host={domain.host} listed={domain.directoryEnabled && Boolean(domain.verifiedAt)} />
          </CardBody>
        </Card>
      </div>
    </>
  );
}
