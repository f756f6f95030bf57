import type { Metadata } from "next";
import Link from "next/link";
import { Card, CardBody, CardHeader, PageHeader } from "@/components/ui";
import { BadgeEmbed } from "@/components/domains/badge-embed";
import { DomainSettingsForm } from "@/components/domains/domain-settings-form";
import { requireMembership } from "@/lib/auth/session";
import { hasRole } from "@/lib/services/organizations/roles";
import { updateDomainSettingsAction } from "../../actions";
import { publicOrigin } from "../../public-origin";
import { loadDomain } from "../load-domain";

export const metadata: Metadata = { title: "Domain settings" };

export default async function DomainSettingsPage({ params }: PageProps<"/o/[orgSlug]/domains/[domainId]/settings">) {
  const { orgSlug, domainId } = await params;
  const { organization, membership } = await requireMembership(orgSlug);
  const domain = await loadDomain(organization.id, domainId);
  const origin = await publicOrigin();

  return (
    <>
      <PageHeader
        eyebrow={
          <Link href={`/o/${organization.slug}/domains/${domain.id}`} className="break-all underline-offset-2 hover:underline">
            {domain.host}
          </Link>
        }
        title="Domain settings"
        description="Scheduled scans, the public directory listing, and the score badge."
      />
      <div className="grid gap-6 xl:grid-cols-2">
        <Card>
          <CardHeader title="Schedule and listing" />
          <CardBody>
            <DomainSettingsForm
              action={updateDomainSettingsAction.bind(null, organization.slug, domain.id)}
              canWrite={hasRole(membership.role, "member")}
              values={{
                schedule: domain.schedule,
                schedulePillars: domain.schedulePillars,
                directoryEnabled: domain.directoryEnabled,
                organizationName: domain.organizationName ?? "",
                description: domain.description ?? "",
                verified: Boolean(domain.verifiedAt),
              }}
            />
          </CardBody>
        </Card>
        <Card>
          <CardHeader title="Score badge" description="Embed the latest score on your site or in a README. It updates after every scan." />
          <CardBody>
            <BadgeEmbed origin={origin} domainId={domain.id} host={domain.host} />
          </CardBody>
        </Card>
      </div>
    </>
  );
}
