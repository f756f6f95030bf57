import type { ReportExport } from "@/generated/prisma/client";
import { ReportStatusBadge } from "@/components/status/badges";
import { DataTable, formatBytes, formatDateTime } from "@/components/ui";
import { exportState } from "@/lib/services/reports/report-rows";
import { FORMAT_LABELS } from "./formats";

/** A report's exports: format, status (with progress while running), size, expiry and the download link. */
export function ExportsTable({ reportId, exports, caption = "Exports" }: { reportId: string; exports: ReportExport[]; caption?: string }) {
  const now = new Date();
  return (
    <DataTable
      caption={caption}
      rows={exports}
      rowKey={(e) => e.id}
      columns={[
        { key: "format", header: "Format", cell: (e) => FORMAT_LABELS[e.format] },
        {
          key: "status",
          header: "Status",
          cell: (e) => {
            const state = exportState(e, now);
            return (
              <span className="flex flex-wrap items-center gap-2">
                <ReportStatusBadge status={state} />
                {state === "running" || state === "queued" ? (
                  <progress max={100} value={e.progress} className="h-2 w-20" aria-label={`Export progress ${e.progress}%`}>
                    {e.progress}%
                  </progress>
                ) : null}
                {state === "failed" && e.error ? <span className="text-xs text-red-800">{e.error}</span> : null}
              </span>
            );
          },
        },
        { key: "size", header: "Size", hideOnMobile: true, className: "tabular-nums", cell: (e) => (e.sizeBytes != null ? formatBytes(e.sizeBytes) : "—") },
        { key: "expires", header: "Expires", hideOnMobile: true, cell: (e) => (e.expiresAt ? formatDateTime(e.expiresAt) : "—") },
        {
          key: "download",
          header: "Download",
          cell: (e) =>
            exportState(e, now) === "succeeded" ? (
              <a href={`/api/v1/reports/${reportId}/download?export_id=${e.id}`} download className="font-medium text-brand-800 underline" data-testid="export-download">
                Download
              </a>
            ) : (
              <span className="text-slate-500">—</span>
            ),
        },
      ]}
    />
  );
}
