import { DEFAULT_REPORT_SECTIONS, reportModelSchema, type ReportModel, type ReportSection } from "../model";

/**
 * The JSON export is the model itself, validated against its schema on the way out. `compliance` is
 * included only when the report has that section (frameworks are grouped on request).
 */
export function renderReportJson(model: ReportModel, opts: { sections?: readonly ReportSection[] } = {}): string {
  const sections = opts.sections ?? DEFAULT_REPORT_SECTIONS;
  const { compliance, ...rest } = model;
  const out: ReportModel = sections.includes("compliance") && compliance ? { ...rest, compliance } : rest;
  return `${JSON.stringify(reportModelSchema.parse(out), null, 2)}\n`;
}
