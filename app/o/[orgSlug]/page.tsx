import type { Metadata } from "next";
import Link from "next/link";
import { Card, CardBody, CardHeader, PageHeader } from "@/components/ui";
import { requireMembership } from "@/lib/auth/session";
import { getOrgOverview } from "@/lib/services/orgs/org-overview";
import { PILLARS } from "@/components/status/pillars";

export const metadata: Metadata = { title: "Overview" };

export default async function OverviewPage({ params }: PageProps<"/o/[orgSlug]">) {
  const { orgSlug } = await params;
  const { organization } = await requireMembership(orgSlug);
  const overview = await getOrgOverview(organization.id);
  const base = `/o/${organization.slug}`;

  const stats = [
    { label: "Domains", value: overview.domains, href: `${base}/domains` },
    { label: "Verified domains", value: overview.verifiedDomains, href: `${base}/domains` },
    { label: "Scans", value: overview.scans, href: `${base}/scans` },
    { label: "Open findings", value: overview.openFindings, href: `${base}/findings` },
  ];

  return (
    <>
      <PageHeader eyebrow={organization.name} title="Overview" description="Where this organization's websites stand, pillar by pillar." />

      <section aria-labelledby="stats-heading">
        <h2 id="stats-heading" className="sr-only">
          At a glance
        </h2>
        <ul className="grid grid-cols-2 gap-3 lg:grid-cols-4">
          {stats.map((s) => (
            <li key={s.label}>
              <Link
                href={s.href}
                className="block rounded-lg border border-slate-200 bg-white px-4 py-4 shadow-sm hover:border-slate-300 hover:bg-slate-50"
              >
                <span className="block text-sm text-slate-600">{s.label}</span>
                <span className="mt-1 block text-2xl font-semibold text-slate-900 tabular-nums">{s.value}</span>
              </Link>
            </li>
          ))}
        </ul>
      </section>

      {overview.domains === 0 ? (
        <Card className="mt-6">
          <CardHeader title="Get started" description="Three steps to your first audit." />
          <CardBody>
            <ol className="space-y-4">
              {[
                ["Add a domain", "The website you want audited, for example example.com."],
                ["Prove you own it", "Add a meta tag, a DNS TXT record or a file. Plumb only scans verified domains."],
                ["Run a scan", "Plumb loads your pages in a real browser and reports what it finds, with fixes."],
              ].map(([title, text], i) => (
                <li key={title} className="flex gap-3">
                  <span
                    aria-hidden="true"
                    className="flex size-7 shrink-0 items-center justify-center rounded-full bg-brand-50 text-sm font-semibold text-brand-800"
                  >
                    {i + 1}
                  </span>
                  <div>
                    <p className="font-medium text-slate-900">{title}</p>
                    <p className="text-sm text-slate-600">{text}</p>
                  </div>
                </li>
              ))}
            </ol>
          </CardBody>
        </Card>
      ) : null}

      <Card className="mt-6">
        <CardHeader title="What Plumb checks" description="Every scan covers the pillars you choose." />
        <CardBody>
          <ul className="grid gap-x-8 gap-y-3 sm:grid-cols-2">
            {PILLARS.map((p) => (
              <li key={p.id}>
                <p className="text-sm font-medium text-slate-900">{p.label}</p>
                <p className="text-sm text-slate-600">{p.summary}</p>
              </li>
            ))}
          </ul>
        </CardBody>
      </Card>
    </>
  );
}
