import type { Metadata } from "next";
import Link from "next/link";
import { Alert, ButtonLink, PageHeader, formatDateTime } from "@/components/ui";
import { VerificationMethods } from "@/components/domains/verification-methods";
import { VerificationLostBanner } from "@/components/domains/verification-lost-banner";
import { requireMembership } from "@/lib/auth/session";
import { verificationInstructions } from "@/lib/services/verification/verification-instructions";
import { verifyDomainAction } from "../../actions";
import { loadDomain } from "../load-domain";
import { roleAllows } from "../../../access";

export const metadata: Metadata = { title: "Verify ownership" };

const METHOD_NAMES = { meta: "the meta tag", dns: "the DNS TXT record", file: "the well-known file" } as const;

export default async function VerifyDomainPage({ params }: PageProps<"/o/[orgSlug]/domains/[domainId]/verify">) {
  const { orgSlug, domainId } = await params;
  const { organization, membership } = await requireMembership(orgSlug);
  const domain = await loadDomain(organization.id, domainId);
  const base = `/o/${organization.slug}/domains`;
  const { methods } = verificationInstructions(domain);

  return (
    <>
      <PageHeader
        eyebrow={
          <Link href={`${base}/${domain.id}`} className="break-all underline-offset-2 hover:underline">
            {domain.host}
          </Link>
        }
        title="Verify ownership"
        description={
          domain.verifiedAt
            ? `Plumb only scans sites whose owners asked for it; ${domain.host} is proved to be yours.`
            : `Plumb only scans sites whose owners asked for it. Prove that you control ${domain.host} with one of these ${methods.length === 3 ? "three" : "two"} methods.`
        }
      />
      {domain.verifiedAt ? (
        <Alert tone="success" title="This domain is verified">
          <p>
            Verified {domain.verificationMethod ? `with ${METHOD_NAMES[domain.verificationMethod]} ` : ""}on {formatDateTime(domain.verifiedAt)}.
          </p>
          <ButtonLink href={`${base}/${domain.id}`} size="sm" className="mt-3">
            Go to the domain to scan it
          </ButtonLink>
        </Alert>
      ) : (
        <>
          {domain.verificationLostAt ? (
            <VerificationLostBanner host={domain.host} lostAt={domain.verificationLostAt} reason={domain.verificationLostReason} />
          ) : null}
          <VerificationMethods
          methods={methods.map((m) => ({ method: m.method, instructions: m.instructions, value: m.value }))}
          verify={verifyDomainAction.bind(null, organization.slug, domain.id)}
          canWrite={roleAllows(membership.role, { role: "member" })}
          />
        </>
      )}
    </>
  );
}
