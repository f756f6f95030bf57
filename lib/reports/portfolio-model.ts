// A portfolio report: several domains of one organization side by side (agencies reporting to a client), as a
// versioned document like the one-domain model (lib/reports/model.ts). Each domain's entry is cut from that
// domain's own report model (its composed current state), so grades, scores and top fixes agree with the
// one-domain report. It IS the portfolio JSON export (JSON Schema at /api/v1/schemas/portfolio-report.json).
// Pure: no Prisma.
import { z } from "zod";
import { PILLARS, SEVERITIES } from "@/lib/scanner/types";
import { reportTopFixSchema, type ReportModel } from "./model";

export const PORTFOLIO_SCHEMA_VERSION = "1";
/** Top fixes listed per domain. */
export const PORTFOLIO_TOP_FIXES = 5;

const severityCounts = z.object(Object.fromEntries(SEVERITIES.map((s) => [s, z.number().int().min(0)])) as Record<(typeof SEVERITIES)[number], z.ZodNumber>);
const isoDate = z.string().describe("ISO 8601 date-time (UTC)");

export const portfolioDomainSchema = z.object({
  rank: z.number().int().min(1).nullable().describe("1 = best score; null for a domain with no finished scan (listed last)"),
  domain_id: z.string(),
  host: z.string(),
  target: z.string(),
  state: z.enum(["scored", "no_scan"]),
  grade: z.string().nullable(),
  score: z.number().int().min(0).max(100).nullable(),
  security_grade: z.string().nullable(),
  pillars: z.array(z.object({ pillar: z.enum(PILLARS), state: z.enum(["scored", "not_applicable", "not_scanned"]), score: z.number().int().min(0).max(100).nullable() })),
  open_findings: z.number().int().min(0),
  open_by_severity: severityCounts,
  top_fixes: z.array(reportTopFixSchema),
  pages_scanned: z.number().int().min(0),
  last_scanned_at: isoDate.nullable(),
  highlights: z.array(z.string()),
});

export const portfolioModelSchema = z
  .object({
    schema_version: z.literal(PORTFOLIO_SCHEMA_VERSION),
    kind: z.literal("portfolio"),
    generated_at: isoDate,
    title: z.string(),
    summary: z.object({
      domains: z.number().int().min(0),
      scored: z.number().int().min(0),
      average_score: z.number().int().min(0).max(100).nullable().describe("mean of the scored domains' scores, rounded"),
      open_findings: z.number().int().min(0),
      open_by_severity: severityCounts,
    }),
    domains: z.array(portfolioDomainSchema).describe("ranked: best score first, then domains without a scan"),
  })
  .meta({ title: "Plumb portfolio report", description: "Several domains of one organization (schema_version 1)." });

export type PortfolioModel = z.infer<typeof portfolioModelSchema>;
export type PortfolioDomain = z.infer<typeof portfolioDomainSchema>;

export function portfolioJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(portfolioModelSchema, { target: "draft-2020-12" }) as Record<string, unknown>;
}

export type PortfolioEntryInput = { domainId: string; host: string; target: string } & ({ model: ReportModel } | { model: null });

function zeroCounts(): Record<(typeof SEVERITIES)[number], number> {
  return { critical: 0, high: 0, medium: 0, low: 0, info: 0 };
}

/** Worse open findings first breaks a score tie; then the host, so the order is stable. */
function compareEntries(a: PortfolioDomain, b: PortfolioDomain): number {
  if (a.score === null || b.score === null) return a.score === null && b.score === null ? a.host.localeCompare(b.host) : a.score === null ? 1 : -1;
  return b.score - a.score || a.open_by_severity.critical - b.open_by_severity.critical || a.open_by_severity.high - b.open_by_severity.high || a.host.localeCompare(b.host);
}

export function composePortfolioModel(input: { title: string; generatedAt: Date; entries: PortfolioEntryInput[] }): PortfolioModel {
  const domains: PortfolioDomain[] = input.entries.map((e) => {
    const m = e.model;
    if (!m) {
      return {
        rank: null, domain_id: e.domainId, host: e.host, target: e.target, state: "no_scan", grade: null, score: null, security_grade: null,
        pillars: PILLARS.map((pillar) => ({ pillar, state: "not_scanned" as const, score: null })),
        open_findings: 0, open_by_severity: zeroCounts(), top_fixes: [], pages_scanned: 0, last_scanned_at: null,
        highlights: [`${e.target} has no finished scan yet.`],
      };
    }
    return {
      rank: null,
      domain_id: e.domainId,
      host: e.host,
      target: e.target,
      state: "scored",
      grade: m.summary.grade,
      score: m.summary.score,
      security_grade: m.summary.security_grade,
      pillars: m.pillars.map((p) => ({ pillar: p.pillar, state: p.state, score: p.score })),
      open_findings: m.summary.open_findings,
      open_by_severity: m.summary.open_by_severity,
      top_fixes: m.top_fixes.slice(0, PORTFOLIO_TOP_FIXES),
      pages_scanned: m.summary.pages_scanned,
      last_scanned_at: m.method.finished_at,
      highlights: m.summary.highlights,
    };
  });
  domains.sort(compareEntries);
  let rank = 0;
  for (const d of domains) if (d.score !== null) d.rank = ++rank;
  const scored = domains.filter((d) => d.score !== null);
  const totals = zeroCounts();
  for (const d of domains) for (const s of SEVERITIES) totals[s] += d.open_by_severity[s];
  return {
    schema_version: PORTFOLIO_SCHEMA_VERSION,
    kind: "portfolio",
    generated_at: input.generatedAt.toISOString(),
    title: input.title,
    summary: {
      domains: domains.length,
      scored: scored.length,
      average_score: scored.length ? Math.round(scored.reduce((n, d) => n + (d.score ?? 0), 0) / scored.length) : null,
      open_findings: domains.reduce((n, d) => n + d.open_findings, 0),
      open_by_severity: totals,
    },
    domains,
  };
}
