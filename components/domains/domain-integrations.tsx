// The domain page's integration panels (server component, streamed behind Suspense): "fix this first" by
// traffic (GA4 / Search Console, PageTraffic), Cloudflare's zone security settings next to the security
// findings with where to fix each in Cloudflare and the one-click fixes, and Sentry's CSP violation reports
// ranking the CSP findings. Each appears only when its provider is connected.
import Link from "next/link";
import { Alert, Badge, Card, CardBody, CardHeader, formatDate } from "@/components/ui";
import { getPrisma } from "@/lib/db";
import type { ZoneSecurity } from "@/lib/integrations/providers/cloudflare/zone-security";
import { readDomainCloudflare, type DomainCloudflare } from "@/lib/services/integrations/cloudflare/read-domain-cloudflare";
import { readDomainCspReports, type DomainCspReports } from "@/lib/services/integrations/sentry/read-domain-csp-reports";
import { domainTrafficSummary, findingTraffic } from "@/lib/services/integrations/traffic/finding-traffic";
import { IntegrationActionButton } from "./integration-action-button";

const TOP = 10;
const nf = new Intl.NumberFormat("en-GB");

function pct(share: number): string {
  const p = share * 100;
  return p > 0 && p < 1 ? "<1 %" : `${Math.round(p)} %`;
}

interface Props {
  orgId: string;
  orgSlug: string;
  domainId: string;
  canWrite: boolean;
}

export async function DomainIntegrations({ orgId, orgSlug, domainId, canWrite }: Props) {
  const db = await getPrisma();
  const connected = new Set(
    (await db.integration.findMany({ where: { organizationId: orgId, provider: { in: ["cloudflare", "sentry", "ga4", "gsc"] }, status: { not: "disconnected" }, encryptedCredentials: { not: null } }, select: { provider: true } })).map((r) => r.provider),
  );
  const hasTraffic = connected.has("ga4") || connected.has("gsc");
  const [cloudflare, csp, traffic] = await Promise.all([
    connected.has("cloudflare") ? readDomainCloudflare({ orgId, domainId }) : null,
    connected.has("sentry") ? readDomainCspReports({ orgId, domainId }) : null,
    hasTraffic ? loadTraffic(orgId, domainId) : null,
  ]);
  const findingHref = (id: string) => `/o/${orgSlug}/findings?finding=${id}`;

  return (
    <section aria-labelledby="domain-integrations-heading" className="mt-8 space-y-4">
      <h2 id="domain-integrations-heading" className="text-lg font-semibold text-slate-900">
        From your integrations
      </h2>
      {!cloudflare && !csp && !traffic ? (
        <p className="text-sm text-slate-700">
          Connect GA4 or Search Console to rank this domain&apos;s findings by traffic, Cloudflare to see its zone&apos;s security settings next to the security findings, or Sentry to rank CSP findings by
          violation reports — in{" "}
          <Link href={`/o/${orgSlug}/settings/integrations`} className="font-medium text-brand-800 underline">
            Settings → Integrations
          </Link>
          .
        </p>
      ) : null}
      <div className="grid grid-cols-1 gap-6 xl:grid-cols-2">
        {traffic ? <TrafficCard data={traffic} findingHref={findingHref} /> : null}
        {cloudflare ? <CloudflareCard data={cloudflare} orgSlug={orgSlug} domainId={domainId} canWrite={canWrite} findingHref={findingHref} /> : null}
        {csp ? <SentryCard data={csp} orgSlug={orgSlug} domainId={domainId} canWrite={canWrite} findingHref={findingHref} /> : null}
      </div>
    </section>
  );
}

// ---------- traffic ----------

async function loadTraffic(orgId: string, domainId: string) {
  const [summary, ranked] = await Promise.all([domainTrafficSummary({ orgId, domainId }), findingTraffic({ orgId, domainId })]);
  const top = ranked.filter((r) => r.share > 0 || r.pageViews > 0 || r.impressions > 0).slice(0, TOP);
  const db = await getPrisma();
  const rows = await db.finding.findMany({ where: { id: { in: top.map((t) => t.findingId) }, organizationId: orgId }, select: { id: true, title: true, severity: true, pillar: true } });
  const byId = new Map(rows.map((r) => [r.id, r]));
  return { summary, top: top.flatMap((t) => (byId.has(t.findingId) ? [{ ...t, ...byId.get(t.findingId)! }] : [])) };
}

function TrafficCard({ data, findingHref }: { data: Awaited<ReturnType<typeof loadTraffic>>; findingHref: (id: string) => string }) {
  const { summary, top } = data;
  const byViews = summary.totalPageViews > 0;
  const first = top[0];
  return (
    <Card>
      <CardHeader
        title="Fix first: findings by traffic"
        description={
          summary.pages
            ? `${nf.format(byViews ? summary.totalPageViews : summary.totalImpressions)} ${byViews ? "page views (GA4)" : "search impressions (Search Console)"} on ${nf.format(summary.pages)} pages${summary.periodStart && summary.periodEnd ? `, ${formatDate(summary.periodStart)} – ${formatDate(summary.periodEnd)}` : ""}.`
            : "No traffic read for this domain yet: it arrives with the next GA4 or Search Console sync."
        }
      />
      <CardBody>
        {first ? (
          <div className="space-y-3">
            <p className="text-sm text-slate-800" data-testid="traffic-headline">
              Fix this first: <strong className="break-words">{first.title}</strong> affects pages with {pct(first.share)} of your {byViews ? "visits" : "search impressions"}.
            </p>
            <ol className="divide-y divide-slate-200 text-sm">
              {top.map((t) => (
                <li key={t.findingId} className="flex flex-wrap items-baseline justify-between gap-x-3 gap-y-1 py-2">
                  <Link href={findingHref(t.findingId)} className="min-w-0 break-words font-medium text-brand-800 underline-offset-2 hover:underline">
                    {t.title}
                  </Link>
                  <span className="flex shrink-0 items-center gap-2 tabular-nums text-slate-700">
                    <Badge>{t.severity}</Badge>
                    <span>
                      {pct(t.share)} · {nf.format(byViews ? t.pageViews : t.impressions)} {byViews ? "views" : "impr."}
                    </span>
                  </span>
                </li>
              ))}
            </ol>
          </div>
        ) : summary.pages ? (
          <p className="text-sm text-slate-700">No open finding is on a page with traffic.</p>
        ) : null}
      </CardBody>
    </Card>
  );
}

// ---------- Cloudflare ----------

function setting(label: string, value: string, good: boolean | null) {
  return (
    <div key={label} className="flex flex-wrap items-baseline justify-between gap-2 py-1.5">
      <dt className="text-slate-700">{label}</dt>
      <dd className="flex items-center gap-2 font-medium text-slate-900">
        {value}
        {good === null ? null : <Badge tone={good ? "success" : "warning"}>{good ? "good" : "weak"}</Badge>}
      </dd>
    </div>
  );
}

function zoneRows(z: ZoneSecurity) {
  const onOff = (v: boolean | null) => (v === null ? "unknown" : v ? "on" : "off");
  const months = z.hsts?.maxAge ? Math.round(z.hsts.maxAge / 2_592_000) : 0;
  return [
    setting("SSL/TLS mode", z.sslMode ?? "unknown", z.sslMode === null ? null : z.sslMode === "strict"),
    setting("HSTS", z.hsts ? (z.hsts.enabled ? `on, ${months} month(s)${z.hsts.includeSubdomains ? ", subdomains" : ""}` : "off") : "unknown", z.hsts ? z.hsts.enabled && z.hsts.maxAge >= 15_552_000 : null),
    setting("Minimum TLS", z.minTlsVersion ?? "unknown", z.minTlsVersion === null ? null : z.minTlsVersion === "1.2" || z.minTlsVersion === "1.3"),
    setting("Always Use HTTPS", onOff(z.alwaysUseHttps), z.alwaysUseHttps),
    setting("WAF (managed rules)", onOff(z.waf), z.waf),
    setting("Bot Fight Mode", onOff(z.botFightMode), null),
  ];
}

function CloudflareCard({ data, orgSlug, domainId, canWrite, findingHref }: { data: DomainCloudflare; orgSlug: string; domainId: string; canWrite: boolean; findingHref: (id: string) => string }) {
  return (
    <Card>
      <CardHeader title="Cloudflare" description={data.state === "ok" ? `Zone ${data.zone.zoneName}: its security settings, and where to fix each security finding in Cloudflare.` : "The zone's security settings."} />
      <CardBody>
        {data.state === "error" ? (
          <Alert tone="danger" title="Cloudflare could not be read">
            <p className="break-words">{data.message}</p>
          </Alert>
        ) : data.state === "no_zone" ? (
          <p className="text-sm text-slate-700">No zone visible to the Cloudflare token covers {data.host}.</p>
        ) : data.state === "ok" ? (
          <div className="space-y-4">
            <dl className="divide-y divide-slate-200 text-sm" data-testid="cloudflare-zone">
              {zoneRows(data.zone)}
            </dl>
            {data.fixes.length ? (
              <div className="space-y-3">
                <h3 className="text-sm font-semibold text-slate-900">Fix in Cloudflare</h3>
                <ul className="space-y-3 text-sm">
                  {data.fixes.map((f) => (
                    <li key={f.findingId} className="space-y-1 rounded-md border border-slate-200 p-3">
                      <Link href={findingHref(f.findingId)} className="break-words font-medium text-brand-800 underline-offset-2 hover:underline">
                        {f.title}
                      </Link>
                      <p className="break-words text-slate-700">{f.steps}</p>
                      {f.alreadySet ? (
                        <p className="text-slate-700">Cloudflare already has this set: the finding comes from the origin or a cache; rescan to confirm.</p>
                      ) : f.oneClick && canWrite && data.zone.canEditSettings !== false ? (
                        <IntegrationActionButton orgSlug={orgSlug} domainId={domainId} label={f.oneClick === "hsts" ? "Turn on HSTS in Cloudflare" : "Turn on Always Use HTTPS"} action={{ kind: "cloudflare", fix: f.oneClick }} />
                      ) : f.oneClick && data.zone.canEditSettings === false ? (
                        <p className="text-slate-700">One-click apply needs a token with Zone → Zone Settings → Edit.</p>
                      ) : null}
                    </li>
                  ))}
                </ul>
              </div>
            ) : (
              <p className="text-sm text-slate-700">No open security finding of this domain is one Cloudflare can fix.</p>
            )}
          </div>
        ) : null}
      </CardBody>
    </Card>
  );
}

// ---------- Sentry ----------

function SentryCard({ data, orgSlug, domainId, canWrite, findingHref }: { data: DomainCspReports; orgSlug: string; domainId: string; canWrite: boolean; findingHref: (id: string) => string }) {
  const unnoted = data.state === "ok" ? data.findings.filter((f) => !f.sentryUrl && f.violations > 0).map((f) => f.findingId) : [];
  return (
    <Card>
      <CardHeader title="Sentry: CSP violation reports" description={data.state === "ok" ? `Project ${data.project}, last 28 days: ${nf.format(data.total)} report(s).` : "CSP reports received by the linked Sentry project."} />
      <CardBody>
        {data.state === "error" ? (
          <Alert tone="danger" title="Sentry could not be read">
            <p className="break-words">{data.message}</p>
          </Alert>
        ) : data.state === "no_project" ? (
          <p className="text-sm text-slate-700">
            Choose the Sentry project that receives this site&apos;s CSP reports in{" "}
            <Link href={`/o/${orgSlug}/settings/integrations`} className="font-medium text-brand-800 underline">
              Settings → Integrations
            </Link>
            .
          </p>
        ) : data.state === "ok" ? (
          <div className="space-y-4">
            {data.byDirective.length ? (
              <ul className="flex flex-wrap gap-2 text-sm" aria-label="Reports per directive">
                {data.byDirective.slice(0, 6).map((d) => (
                  <li key={d.directive} className="rounded-md bg-slate-100 px-2 py-1">
                    <code className="font-mono text-xs">{d.directive}</code> <span className="tabular-nums">{nf.format(d.count)}</span>
                  </li>
                ))}
              </ul>
            ) : null}
            {data.findings.length ? (
              <ol className="divide-y divide-slate-200 text-sm" data-testid="sentry-csp-findings">
                {data.findings.map((f) => (
                  <li key={f.findingId} className="flex flex-wrap items-baseline justify-between gap-x-3 gap-y-1 py-2">
                    <Link href={findingHref(f.findingId)} className="min-w-0 break-words font-medium text-brand-800 underline-offset-2 hover:underline">
                      {f.title}
                    </Link>
                    <span className="flex shrink-0 items-center gap-2 tabular-nums text-slate-700">
                      {nf.format(f.violations)} report(s)
                      {f.sentryUrl ? (
                        <a href={f.sentryUrl} className="text-brand-800 underline" rel="noreferrer noopener" target="_blank">
                          in Sentry
                        </a>
                      ) : null}
                    </span>
                  </li>
                ))}
              </ol>
            ) : (
              <p className="text-sm text-slate-700">This domain has no open CSP finding.</p>
            )}
            {canWrite && unnoted.length ? <IntegrationActionButton orgSlug={orgSlug} domainId={domainId} label="Note these findings in Sentry" action={{ kind: "sentry", findingIds: unnoted.slice(0, 50) }} /> : null}
          </div>
        ) : null}
      </CardBody>
    </Card>
  );
}
