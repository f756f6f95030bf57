import { z } from "zod";
import { REPORT_FORMATS, REPORT_SECTIONS } from "@/lib/reports/model";
import { PORTFOLIO_MAX_DOMAINS, PORTFOLIO_MIN_DOMAINS } from "@/lib/services/reports/portfolio-formats";
import { defineContract } from "../define-contract";
import { idParam, paginationQuery, timestamp } from "../schemas/common";

const formatSchema = z.enum(REPORT_FORMATS).meta({ description: "pdf, csv, json (the report model), sarif (SARIF 2.1.0) or markdown (SECURITY-FIX.md)." });
const exportStatusSchema = z.enum(["queued", "running", "succeeded", "failed", "expired"]);

export const brandingSchema = z
  .object({
    name: z.string().trim().max(120).optional(),
    logo_url: z.string().max(2048).optional().meta({ description: "A data:image/(png|jpeg|gif|webp);base64 URL (printed in PDFs) or an https URL (shown on the page only)." }),
    accent: z.string().regex(/^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/, "a #rgb or #rrggbb colour").optional(),
    footer: z.string().max(500).optional(),
    show_powered_by: z.boolean().optional(),
  })
  .strict()
  .meta({ id: "ReportBranding" });

export const reportExportSchema = z
  .object({
    id: z.string(),
    format: formatSchema,
    status: exportStatusSchema.meta({ description: "`expired` once past `expires_at` (the file is deleted; download answers 410)." }),
    progress: z.number().int().min(0).max(100),
    size_bytes: z.number().int().nullable(),
    error: z.string().nullable(),
    created_at: timestamp,
    finished_at: timestamp.nullable(),
    expires_at: timestamp.nullable(),
    download_url: z.string().nullable().meta({ description: "Path of the file while it is ready; null otherwise." }),
  })
  .meta({ id: "ReportExport" });

export const reportSchema = z
  .object({
    id: z.string(),
    title: z.string(),
    kind: z.enum(["scan", "domain", "portfolio"]).meta({ description: "`scan`: one scan; `domain`: the domain's composed current state when exported; `portfolio`: several domains' current states side by side." }),
    scan_id: z.string().nullable(),
    domain_id: z.string().meta({ description: "The domain reported on (a portfolio: its first domain)." }),
    domain_host: z.string(),
    domain_ids: z.array(z.string()).meta({ description: "A portfolio's domains in the order given; `[domain_id]` otherwise." }),
    sections: z.array(z.enum(REPORT_SECTIONS)),
    branding: brandingSchema.nullable(),
    created_at: timestamp,
    format: formatSchema.nullable().meta({ description: "Format of `export` (the newest export)." }),
    status: exportStatusSchema.nullable().meta({ description: "Status of `export` (the newest export)." }),
    export: reportExportSchema.nullable().meta({ description: "The newest export (for POSTs: the one just requested)." }),
    exports: z.array(reportExportSchema).meta({ description: "Exports, newest first (lists: the 10 newest)." }),
    page_url: z.string().meta({ description: "The report's page in the dashboard." }),
  })
  .meta({ id: "Report" });

export const createReportBody = z
  .object({
    scan_id: z.string().min(1).max(64).optional().meta({ description: "A succeeded scan." }),
    domain_id: z.string().min(1).max(64).optional().meta({ description: "A domain: the report shows its composed current state." }),
    domain_ids: z
      .array(z.string().min(1).max(64))
      .min(PORTFOLIO_MIN_DOMAINS)
      .max(PORTFOLIO_MAX_DOMAINS)
      .optional()
      .meta({ description: `A portfolio report of ${PORTFOLIO_MIN_DOMAINS}..${PORTFOLIO_MAX_DOMAINS} of this organization's domains: an overview ranking them and one page per domain. Formats: pdf, csv, json, markdown.` }),
    format: formatSchema,
    title: z.string().trim().min(1).max(200).optional(),
    sections: z.array(z.enum(REPORT_SECTIONS)).min(1).max(REPORT_SECTIONS.length).optional().meta({ description: "Default: every section but `compliance` (findings grouped by WCAG 2.2, OWASP ASVS, OWASP Top 10, GDPR/ePrivacy and CWE, with a WCAG 2.2 AA conformance summary), which is added on request." }),
    branding: brandingSchema.optional(),
  })
  .strict()
  .refine((b) => [b.scan_id, b.domain_id, b.domain_ids].filter((x) => x !== undefined).length === 1, { message: "Give exactly one of scan_id, domain_id and domain_ids.", path: ["scan_id"] });

export const createReportContract = defineContract({
  id: "reports.create",
  method: "POST",
  path: "/api/v1/reports",
  summary: "Create a report and export it",
  description:
    "Saves a report of a succeeded scan (`scan_id`), of a domain's composed current state (`domain_id`) or of several " +
    "domains (`domain_ids`: a portfolio; an unknown or other organization's domain answers 404) and " +
    "requests its first export in `format`. The export runs in the background: poll GET /reports/{id} until " +
    "`status` is `succeeded`, then GET /reports/{id}/download. Exports are downloadable for " +
    "`PLUMB_EXPORT_EXPIRY_DAYS` (default 7); the report itself stays. Send an `Idempotency-Key` header to retry safely.",
  tags: ["reports"],
  auth: "key-or-session",
  scope: "reports:write",
  body: createReportBody,
  response: { kind: "json", schema: reportSchema },
  status: 202,
  idempotent: true,
  errors: ["conflict"],
});

export const createReportExportContract = defineContract({
  id: "reports.exports.create",
  method: "POST",
  path: "/api/v1/reports/{id}/exports",
  summary: "Export a report again (any format)",
  tags: ["reports"],
  auth: "key-or-session",
  scope: "reports:write",
  params: idParam,
  body: z.object({ format: formatSchema }).strict(),
  response: { kind: "json", schema: reportSchema },
  status: 202,
  idempotent: true,
});

export const listReportsContract = defineContract({
  id: "reports.list",
  method: "GET",
  path: "/api/v1/reports",
  summary: "List reports",
  tags: ["reports"],
  auth: "key-or-session",
  scope: "reports:read",
  query: paginationQuery.extend({ domain_id: z.string().max(64).optional() }),
  response: { kind: "list", item: reportSchema },
});

export const getReportContract = defineContract({
  id: "reports.get",
  method: "GET",
  path: "/api/v1/reports/{id}",
  summary: "Get a report with its exports",
  tags: ["reports"],
  auth: "key-or-session",
  scope: "reports:read",
  params: idParam,
  response: { kind: "json", schema: reportSchema },
});

export const downloadReportContract = defineContract({
  id: "reports.download",
  method: "GET",
  path: "/api/v1/reports/{id}/download",
  summary: "Download a report's export",
  description:
    "The newest ready export, or the one named by `export_id`, or the newest ready one in `format`. While it is " +
    "queued or running: 409 `export_not_ready`. Past its expiry: 410 `gone`.",
  tags: ["reports"],
  auth: "key-or-session",
  scope: "reports:read",
  params: idParam,
  query: z.object({ format: formatSchema.optional(), export_id: z.string().min(1).max(64).optional() }),
  response: { kind: "raw", contentType: "application/octet-stream", description: "The file (attachment): PDF, CSV, JSON, SARIF or Markdown." },
  errors: ["export_not_ready", "gone", "conflict"],
});

export const reportJsonSchemaContract = defineContract({
  id: "schemas.report",
  method: "GET",
  path: "/api/v1/schemas/report.json",
  summary: "JSON Schema of the report model (the JSON export)",
  description: "Draft 2020-12, generated from the zod schema the exports are validated with. Not wrapped in the envelope.",
  tags: ["public"],
  auth: "public",
  response: { kind: "raw", contentType: "application/schema+json", description: "The JSON Schema." },
});

export const portfolioJsonSchemaContract = defineContract({
  id: "schemas.portfolio-report",
  method: "GET",
  path: "/api/v1/schemas/portfolio-report.json",
  summary: "JSON Schema of the portfolio report (a portfolio's JSON export)",
  description: "Draft 2020-12, generated from the zod schema the portfolio exports are validated with. Not wrapped in the envelope.",
  tags: ["public"],
  auth: "public",
  response: { kind: "raw", contentType: "application/schema+json", description: "The JSON Schema." },
});
