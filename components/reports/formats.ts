import type { ReportFormat } from "@/lib/reports/model";

export const FORMAT_LABELS: Record<ReportFormat, string> = {
  pdf: "PDF",
  csv: "CSV",
  json: "JSON",
  sarif: "SARIF",
  markdown: "Markdown (SECURITY-FIX.md)",
};
