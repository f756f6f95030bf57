import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Alert, Card, CardBody, CardHeader, PageHeader, formatDateTime } from "@/components/ui";
import { ComparisonFindings, ScoreDeltaTable } from "@/components/scans/scan-comparison";
import { requireMembership } from "@/lib/auth/session";
import { getDomainOrThrow } from "@/lib/services/domains/get-domain";
import { isServiceError } from "@/lib/services/errors";
import { compareScans } from "@/lib/services/scans/compare-scans";

export const metadata: Metadata = { title: "Compare scans" };

function one(v: string | string[] | undefined): string | null {
  const s = Array.isArray(v) ? v[0] : v;
  return s && s.length <= 64 ? s : null;
}

export default async function CompareScansPage({ params, searchParams }: PageProps<"/o/[orgSlug]/scans/compare">) {
  const { orgSlug } = await params;
  const q = await searchParams;
  const { organization } = await requireMembership(orgSlug);
  const base = `/o/${organization.slug}`;
  const a = one(q.a);
  const b = one(q.b);
  if (!a || !b) {
    return (
      <>
        <PageHeader title="Compare scans" />
        <Alert tone="info" title="Pick two scans">
          <p>
            Open a domain and use &ldquo;Compare with previous&rdquo; in its scan history, or link here with <code>?a=</code> and <code>?b=</code> set to two
            scan ids of the same domain.
          </p>
        </Alert>
      </>
    );
  }
  let comparison;
  try {
    comparison = await compareScans({ orgId: organization.id, scanA: a, scanB: b });
  } catch (err) {
    if (isServiceError(err) && err.code === "not_found") notFound();
    if (isServiceError(err) && (err.code === "invalid_params" || err.code === "conflict")) {
      return (
        <>
          <PageHeader title="Compare scans" />
          <Alert tone="warning" title="These scans cannot be compared">
            <p>{err.message}</p>
          </Alert>
        </>
      );
    }
    throw err;
  }
  const domain = await getDomainOrThrow({ orgId: organization.id, domainId: comparison.base.domainId });
  const findingHref = (f: { id: string }) => `${base}/findings?${new URLSearchParams({ domain: domain.id, finding: f.id })}`;

  return (
    <>
      <PageHeader
        eyebrow={
          <Link href={`${base}/domains/${domain.id}`} className="break-all underline-offset-2 hover:underline">
            {domain.host}
          </Link>
        }
        title="Compare scans"
        description={
          <span>
            <Link href={`${base}/scans/${comparison.base.id}`} className="underline">
              {formatDateTime(comparison.base.createdAt)}
            </Link>{" "}
            →{" "}
            <Link href={`${base}/scans/${comparison.target.id}`} className="underline">
              {formatDateTime(comparison.target.createdAt)}
            </Link>
          </span>
        }
      />
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-3">
        <Card>
          <CardHeader title="Scores" description="Older scan, newer scan, change." />
          <CardBody>
            <ScoreDeltaTable overall={comparison.overall} pillars={comparison.pillars} />
          </CardBody>
        </Card>
        <Card className="lg:col-span-2">
          <CardHeader title="Findings" description="New: only the newer scan saw it. Fixed: only the older one did, on a pillar the newer scan covered." />
          <CardBody className="grid grid-cols-1 gap-6 md:grid-cols-2">
            <ComparisonFindings title="New" testId="compare-new" items={comparison.added} empty="Nothing new." findingHref={findingHref} />
            <ComparisonFindings title="Fixed" testId="compare-fixed" items={comparison.fixed} empty="Nothing fixed." findingHref={findingHref} />
            <div className="md:col-span-2">
              <ComparisonFindings title="Unchanged" testId="compare-unchanged" items={comparison.unchanged} empty="No finding was seen by both scans." findingHref={findingHref} />
            </div>
          </CardBody>
        </Card>
      </div>
    </>
  );
}
