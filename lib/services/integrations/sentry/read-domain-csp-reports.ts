// What the domain page shows when Sentry is connected: the linked project's CSP violation reports of the last
// 28 days per directive, and the domain's open CSP findings ranked by the violations that concern them (a
// finding about script sources by script-src reports, a missing policy by all of them). Read on demand.
import { getPrisma } from "@/lib/db";
import { ProviderError, type ProviderContext } from "@/lib/integrations/provider";
import { cspDirectivesFor } from "@/lib/integrations/providers/sentry/csp-directives";
import type { SentryConfig } from "@/lib/integrations/providers/sentry/sentry-config";
import { sentryCspViolations, type CspViolationCount } from "@/lib/integrations/providers/sentry/sentry-provider";
import { ServiceError } from "../../errors";
import { integrationContext } from "../integration-context";
import { plainError } from "../record-integration-error";
import { connectedSentry } from "./sentry-integration";

export interface RankedCspFinding {
  findingId: string;
  title: string;
  rule: string;
  severity: string;
  violations: number;
  /** Sentry issue Plumb noted this finding on, if any. */
  sentryUrl: string | null;
}

export type DomainCspReports =
  | { state: "not_connected" }
  | { state: "no_project" }
  | { state: "error"; message: string }
  | { state: "ok"; project: string; total: number; byDirective: CspViolationCount[]; findings: RankedCspFinding[] };

export function violationsFor(rule: string, key: string | null, counts: CspViolationCount[]): number {
  const directives = cspDirectivesFor(rule, key);
  if (!directives) return 0;
  return counts.filter((c) => directives === "all" || directives.includes(c.directive)).reduce((n, c) => n + c.count, 0);
}

/** Which directive a csp-missing-directive finding is about: its subject key, or its title ("… (base-uri)"). */
export function cspFindingKey(f: { subject: string | null; title: string }): string | null {
  return /\b(base-uri|object-src)\b/.exec(`${f.subject ?? ""} ${f.title}`)?.[1] ?? null;
}

export async function readDomainCspReports(input: { orgId: string; domainId: string }): Promise<DomainCspReports> {
  const db = await getPrisma();
  const domain = await db.domain.findFirst({ where: { id: input.domainId, organizationId: input.orgId }, select: { id: true } });
  if (!domain) throw new ServiceError("not_found", "Domain not found.");
  const row = await connectedSentry(input.orgId);
  if (!row) return { state: "not_connected" };
  const { ctx } = integrationContext(row);
  const config = ctx.config as SentryConfig;
  if (!config.project) return { state: "no_project" };
  let counts: CspViolationCount[];
  try {
    counts = await sentryCspViolations(ctx as ProviderContext<SentryConfig>);
  } catch (err) {
    if (err instanceof ProviderError) return { state: "error", message: plainError(err, ctx.credential) };
    throw err;
  }
  const findings = await db.finding.findMany({
    where: { organizationId: input.orgId, domainId: domain.id, pillar: "security", rule: { startsWith: "csp-" }, status: { in: ["open", "in_progress"] } },
    select: { id: true, title: true, rule: true, severity: true, subject: true, integrationLinks: { where: { integrationId: row.id }, select: { url: true } } },
    take: 200,
  });
  const ranked = findings
    .map((f) => ({ findingId: f.id, title: f.title, rule: f.rule, severity: f.severity, violations: violationsFor(f.rule, cspFindingKey(f), counts), sentryUrl: f.integrationLinks[0]?.url ?? null }))
    .sort((a, b) => b.violations - a.violations || a.title.localeCompare(b.title));
  return { state: "ok", project: config.project, total: counts.reduce((n, c) => n + c.count, 0), byDirective: counts, findings: ranked };
}
