import { renderSecurityFixMarkdown } from "@/lib/scanner/output/markdown";
import { DEFAULT_REPORT_SECTIONS, type ReportModel, type ReportSection } from "../model";
import { renderComplianceMarkdown } from "./compliance-markdown";
import { sarifFindings } from "./sarif";

/**
 * SECURITY-FIX.md (the scanner's renderer, as `plumb scan --md` and GET /scans/{id}/fix) from the model,
 * followed by the compliance section when the report asks for it.
 */
export function renderReportMarkdown(model: ReportModel, opts: { sections?: readonly ReportSection[] } = {}): string {
  const fixes = renderSecurityFixMarkdown(sarifFindings(model).map((f) => ({ ...f, url: f.urls[0] })), {
    target: model.target,
    grade: model.summary.grade ?? "n/a",
    security_grade: model.summary.security_grade ?? undefined,
    generated_at: model.generated_at,
  });
  const sections = opts.sections ?? DEFAULT_REPORT_SECTIONS;
  if (!sections.includes("compliance") || !model.compliance) return fixes;
  return `${fixes.replace(/\n+$/, "")}\n\n${renderComplianceMarkdown(model.compliance)}`;
}
