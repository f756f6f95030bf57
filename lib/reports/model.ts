// The report model: one scan (or a domain's composed current state) as a self-contained, versioned document.
// It IS the JSON export format (published as JSON Schema at GET /api/v1/schemas/report.json); every other
// format (PDF, CSV, SARIF, Markdown) and the report page render from it. Change it only by adding optional
// fields; anything else bumps REPORT_SCHEMA_VERSION.
import { z } from "zod";
import { PILLARS, SEVERITIES } from "@/lib/scanner/types";
import { reportComplianceSchema } from "./compliance-schema";

export const REPORT_SCHEMA_VERSION = "1";

const pillar = z.enum(PILLARS);
const severity = z.enum(SEVERITIES);
const isoDate = z.string().describe("ISO 8601 date-time (UTC)");
const severityCounts = z.object({
  critical: z.number().int().min(0),
  high: z.number().int().min(0),
  medium: z.number().int().min(0),
  low: z.number().int().min(0),
  info: z.number().int().min(0),
});

export const reportInstanceSchema = z.object({
  url: z.string().describe("page where this instance was seen"),
  selector: z.string().nullable().describe("CSS selector of the element, when the rule is about an element"),
  asset: z.string().nullable().describe("the asset as seen on that page (script URL, cookie, header, host)"),
  snippet: z.string().nullable().describe("capped excerpt from the scanned site: hostile text, escape it"),
});

export const reportFindingSchema = z.object({
  id: z.string().describe("finding id (a fingerprint prefix when the report was made without a database)"),
  fingerprint: z.string(),
  pillar,
  rule: z.string(),
  severity,
  status: z.enum(["open", "in_progress", "resolved", "accepted_risk", "false_positive"]),
  title: z.string(),
  description: z.string(),
  fix: z.string(),
  evidence: z.string().nullable(),
  url: z.string().describe("first URL seen"),
  pages_count: z.number().int().min(0),
  instances_count: z.number().int().min(0).describe("instances seen, including any beyond those listed"),
  first_seen_at: isoDate,
  last_seen_at: isoDate,
  instances: z.array(reportInstanceSchema),
});

export const reportTopFixSchema = z.object({
  rank: z.number().int().min(1),
  finding_id: z.string(),
  rule: z.string(),
  pillar,
  severity,
  title: z.string(),
  fix: z.string(),
  pages_affected: z.number().int().min(0),
  instances: z.number().int().min(0),
  priority: z.number().describe("severity weight × pages affected; higher first"),
});

export const reportPillarSchema = z.object({
  pillar,
  state: z.enum(["scored", "not_applicable", "not_scanned"]),
  score: z.number().int().min(0).max(100).nullable(),
  previous_score: z.number().int().min(0).max(100).nullable().describe("the score at the previous point of the trend"),
  delta: z.number().int().nullable(),
  scanned_at: isoDate.nullable(),
  open_findings: z.number().int().min(0),
});

export const reportVitalSchema = z.object({
  id: z.enum(["lcp", "cls", "tbt", "fcp", "ttfb"]),
  label: z.string(),
  core: z.boolean(),
  unit: z.enum(["ms", ""]),
  good: z.number().describe("at or below: good"),
  poor: z.number().describe("above: poor"),
  p75: z.number().nullable().describe("75th percentile over the loaded pages"),
  band: z.enum(["good", "needs-improvement", "poor"]).nullable(),
  pages: z.object({ good: z.number().int(), "needs-improvement": z.number().int(), poor: z.number().int() }),
});

export const reportSecurityTestsSchema = z.object({
  grade: z.string(),
  score: z.number(),
  bonus: z.number(),
  tests: z.array(
    z.object({
      rule: z.string(),
      title: z.string(),
      outcome: z.enum(["pass", "fail", "n/a", "error"]),
      severity: severity.nullable(),
      modifier: z.number(),
    }),
  ),
});

export const reportPageSchema = z.object({
  url: z.string(),
  status: z.number().int().nullable().describe("HTTP status; null when the page did not load"),
  error: z.string().nullable(),
  title: z.string().nullable(),
  performance_score: z.number().int().min(0).max(100).nullable(),
  ttfb_ms: z.number().nullable(),
  fcp_ms: z.number().nullable(),
  lcp_ms: z.number().nullable(),
  tbt_ms: z.number().nullable(),
  cls: z.number().nullable(),
  bytes: z.number().int().nullable(),
  requests: z.number().int().nullable(),
});

export const reportTrendPointSchema = z.object({
  at: isoDate,
  score: z.number().int(),
  grade: z.string().nullable(),
  scan_id: z.string().nullable(),
});

export const reportModelSchema = z
  .object({
    schema_version: z.literal(REPORT_SCHEMA_VERSION),
    generated_at: isoDate,
    title: z.string(),
    target: z.string().describe("the scanned origin, scheme://host[:port]"),
    source: z.object({
      kind: z.enum(["scan", "domain", "cli"]).describe("one scan; a domain's composed current state; a CLI run without a database"),
      scan_id: z.string().nullable(),
      domain_id: z.string().nullable(),
    }),
    summary: z.object({
      grade: z.string().nullable(),
      score: z.number().int().min(0).max(100).nullable(),
      score_grade: z.string().nullable().describe("the grade of the score alone, before the severity cap"),
      grade_cap: z
        .object({ severity, grade: z.string(), findings: z.number().int(), applied: z.boolean() })
        .nullable()
        .describe("the worst open severity caps the grade"),
      security_grade: z.string().nullable(),
      findings_total: z.number().int().min(0),
      open_findings: z.number().int().min(0).describe("open or in progress"),
      open_by_severity: severityCounts,
      pages_scanned: z.number().int().min(0),
      pages_failed: z.number().int().min(0),
      highlights: z.array(z.string()).describe("plain-language sentences for the executive summary"),
    }),
    pillars: z.array(reportPillarSchema),
    trend: z.array(reportTrendPointSchema).describe("overall score over time, oldest first"),
    web_vitals: z.array(reportVitalSchema),
    top_fixes: z.array(reportTopFixSchema),
    findings: z.array(reportFindingSchema).describe("in pillar order, worst first within a pillar"),
    security_tests: reportSecurityTestsSchema.nullable(),
    pages: z.array(reportPageSchema),
    method: z.object({
      engine: z.string(),
      engine_version: z.string(),
      pillars: z.array(pillar),
      max_pages: z.number().int().nullable(),
      started_at: isoDate.nullable(),
      finished_at: isoDate.nullable(),
      duration_ms: z.number().int().nullable(),
      trigger: z.string().nullable(),
      scans: z.array(z.object({ id: z.string(), finished_at: isoDate.nullable(), pillars: z.array(pillar) })).describe("the scans the report is made from"),
      notes: z.array(z.string()),
    }),
    compliance: reportComplianceSchema
      .optional()
      .describe("findings grouped by the standards they evidence, with the WCAG 2.2 AA summary; present when the report has the compliance section"),
  })
  .meta({ title: "Plumb report", description: "A Plumb website-audit report (schema_version 1)." });

export type ReportModel = z.infer<typeof reportModelSchema>;
export type ReportFinding = z.infer<typeof reportFindingSchema>;
export type ReportInstance = z.infer<typeof reportInstanceSchema>;
export type ReportTopFix = z.infer<typeof reportTopFixSchema>;
export type ReportPillar = z.infer<typeof reportPillarSchema>;
export type ReportVital = z.infer<typeof reportVitalSchema>;
export type ReportPage = z.infer<typeof reportPageSchema>;
export type ReportSecurityTests = z.infer<typeof reportSecurityTestsSchema>;
export type { ReportCompliance } from "./compliance-schema";

/** The JSON Schema of the model (draft 2020-12), as published at /api/v1/schemas/report.json. */
export function reportJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(reportModelSchema, { target: "draft-2020-12" }) as Record<string, unknown>;
}

/** Optional look of a rendered report (PDF, share page). Untrusted input: the view escapes and validates it. */
export interface ReportBranding {
  name?: string | null;
  logoUrl?: string | null;
  /** #rgb or #rrggbb; anything else falls back to the default accent */
  accent?: string | null;
  footer?: string | null;
  showPoweredBy?: boolean;
}

export const reportBrandingSchema = z.object({
  name: z.string().max(120).nullish(),
  logoUrl: z.string().max(2048).nullish(),
  accent: z.string().regex(/^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/).nullish(),
  footer: z.string().max(500).nullish(),
  showPoweredBy: z.boolean().optional(),
});

/** Every export format; each renders from the model (lib/reports/render). */
export { REPORT_FORMATS, type ReportFormat } from "./report-formats";

/** The parts of a report, in order; a saved report lists the ones it shows. */
export const REPORT_SECTIONS = ["summary", "scores", "vitals", "top_fixes", "findings", "security", "compliance", "pages", "method"] as const;
export type ReportSection = (typeof REPORT_SECTIONS)[number];
export const REPORT_SECTION_TITLES: Record<ReportSection, string> = {
  summary: "Executive summary",
  scores: "Grade and pillar scores",
  vitals: "Core Web Vitals",
  top_fixes: "Top fixes",
  findings: "Findings by pillar",
  security: "Security grade",
  compliance: "Compliance by framework",
  pages: "Scanned pages",
  method: "Method",
};

/** Sections a report gets when none are chosen: compliance is on request ("group findings by framework"). */
export const DEFAULT_REPORT_SECTIONS: readonly ReportSection[] = REPORT_SECTIONS.filter((s) => s !== "compliance");
