import type { Metadata } from "next";
import Link from "next/link";
import { Alert, Card, CardBody, PageHeader } from "@/components/ui";
import { AddDomainForm } from "@/components/domains/add-domain-form";
import { requireMembership } from "@/lib/auth/session";
import { addDomainAction } from "../actions";
import { roleAllows } from "../../access";

export const metadata: Metadata = { title: "Add a domain" };

export default async function NewDomainPage({ params }: PageProps<"/o/[orgSlug]/domains/new">) {
  const { orgSlug } = await params;
  const { organization, membership } = await requireMembership(orgSlug);
  return (
    <>
      <PageHeader
        eyebrow={
          <Link href={`/o/${organization.slug}/domains`} className="underline-offset-2 hover:underline">
            Domains
          </Link>
        }
        title="Add a domain"
        description="Next, you will prove that you own it. Nothing is fetched from the site until you ask Plumb to verify it."
      />
      <Card className="max-w-xl">
        <CardBody>
          {roleAllows(membership.role, { role: "member" }) ? (
            <AddDomainForm action={addDomainAction.bind(null, organization.slug)} />
          ) : (
            <Alert tone="info">Viewers cannot add domains. Ask an admin of {organization.name} for the member role.</Alert>
          )}
        </CardBody>
      </Card>
    </>
  );
}
