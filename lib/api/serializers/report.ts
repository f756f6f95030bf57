import type { z } from "zod";
import type { ReportExport } from "@/generated/prisma/client";
import type { reportExportSchema, reportSchema } from "@/lib/api/contract/reports";
import { reportBranding, reportSections, exportState, type ReportWithExports } from "@/lib/services/reports/report-rows";

export function serializeReportExport(e: ReportExport, now = new Date()): z.input<typeof reportExportSchema> {
  const status = exportState(e, now);
  return {
    id: e.id,
    format: e.format,
    status,
    progress: e.progress,
    size_bytes: e.sizeBytes,
    error: e.error,
    created_at: e.createdAt.toISOString(),
    finished_at: e.finishedAt?.toISOString() ?? null,
    expires_at: e.expiresAt?.toISOString() ?? null,
    download_url: status === "succeeded" && e.reportId ? `/api/v1/reports/${e.reportId}/download?export_id=${e.id}` : null,
  };
}

export function serializeReport(r: ReportWithExports, newest?: ReportExport): z.input<typeof reportSchema> {
  const now = new Date();
  const exports = r.exports.map((e) => serializeReportExport(e, now));
  const latest = newest ? serializeReportExport(newest, now) : (exports[0] ?? null);
  const b = reportBranding(r.branding);
  return {
    id: r.id,
    title: r.title,
    kind: r.portfolioDomainIds.length > 0 ? "portfolio" : r.scanId ? "scan" : "domain",
    scan_id: r.scanId,
    domain_id: r.domainId,
    domain_host: r.domain.host,
    domain_ids: r.portfolioDomainIds.length > 0 ? r.portfolioDomainIds : [r.domainId],
    sections: reportSections(r.sections),
    branding: b
      ? {
          ...(b.name ? { name: b.name } : {}),
          ...(b.logoUrl ? { logo_url: b.logoUrl } : {}),
          ...(b.accent ? { accent: b.accent } : {}),
          ...(b.footer ? { footer: b.footer } : {}),
          ...(b.showPoweredBy !== undefined ? { show_powered_by: b.showPoweredBy } : {}),
        }
      : null,
    created_at: r.createdAt.toISOString(),
    format: latest?.format ?? null,
    status: latest?.status ?? null,
    export: latest,
    exports,
    page_url: `/o/${r.organization.slug}/reports/${r.id}`,
  };
}
