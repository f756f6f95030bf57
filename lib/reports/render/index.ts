// Every export format from the one report model. PDF is loaded on demand: it brings react-dom/server and a
// browser, which only the export job and the CLI need.
import type { SarifOptions } from "@/lib/scanner/output/sarif";
import type { ReportBranding, ReportFormat, ReportModel, ReportSection } from "../model";
import { renderCsv } from "./csv";
import { renderReportJson } from "./json";
import { renderReportMarkdown } from "./markdown";
import { renderReportSarif } from "./sarif";
import type { PdfOptions } from "./pdf";

export { REPORT_FORMATS, type ReportFormat } from "../model";

export const FORMAT_FILE: Record<ReportFormat, { contentType: string; extension: string }> = {
  pdf: { contentType: "application/pdf", extension: "pdf" },
  csv: { contentType: "text/csv; charset=utf-8; header=present", extension: "csv" },
  json: { contentType: "application/json; charset=utf-8", extension: "json" },
  sarif: { contentType: "application/sarif+json; charset=utf-8", extension: "sarif" },
  markdown: { contentType: "text/markdown; charset=utf-8", extension: "md" },
};

export interface RenderOptions {
  sections?: readonly ReportSection[];
  branding?: ReportBranding | null;
  rulesBaseUrl?: string;
  sarif?: Omit<SarifOptions, "rulesBaseUrl">;
  pdf?: Omit<PdfOptions, "sections" | "branding" | "rulesBaseUrl">;
}

export async function renderReport(model: ReportModel, format: ReportFormat, opts: RenderOptions = {}): Promise<{ bytes: Buffer; contentType: string; extension: string }> {
  const file = FORMAT_FILE[format];
  let bytes: Buffer;
  switch (format) {
    case "csv":
      bytes = Buffer.from(renderCsv(model), "utf8");
      break;
    case "json":
      bytes = Buffer.from(renderReportJson(model, { sections: opts.sections }), "utf8");
      break;
    case "sarif":
      bytes = Buffer.from(renderReportSarif(model, { ...opts.sarif, rulesBaseUrl: opts.rulesBaseUrl }), "utf8");
      break;
    case "markdown":
      bytes = Buffer.from(renderReportMarkdown(model, { sections: opts.sections }), "utf8");
      break;
    case "pdf": {
      const { renderReportPdf } = await import("./pdf");
      // The view links rule ids to a rules page: the app's /rules when its URL is known.
      const rulesPage = opts.rulesBaseUrl ? `${opts.rulesBaseUrl.replace(/\/+$/, "")}/rules` : undefined;
      bytes = await renderReportPdf(model, { ...opts.pdf, sections: opts.sections, branding: opts.branding, rulesBaseUrl: rulesPage });
      break;
    }
  }
  return { bytes, contentType: file.contentType, extension: file.extension };
}
