import type { Report, ReportExport } from "@/generated/prisma/client";
import { DEFAULT_REPORT_SECTIONS, REPORT_SECTIONS, reportBrandingSchema, type ReportBranding, type ReportSection } from "@/lib/reports/model";

/** What every report read includes: its exports newest first, its domain's host and its organization's slug. */
export const REPORT_INCLUDE = {
  exports: { orderBy: [{ createdAt: "desc" as const }, { id: "desc" as const }] },
  domain: { select: { host: true } },
  organization: { select: { slug: true } },
};

export type ReportWithExports = Report & { exports: ReportExport[]; domain: { host: string }; organization: { slug: string } };

/** A stored sections list read back: known names only, in report order; empty or odd means the defaults. */
export function reportSections(stored: readonly string[]): ReportSection[] {
  const known = REPORT_SECTIONS.filter((s) => stored.includes(s));
  return known.length > 0 ? known : [...DEFAULT_REPORT_SECTIONS];
}

export function reportBranding(stored: unknown): ReportBranding | null {
  const parsed = reportBrandingSchema.safeParse(stored);
  return parsed.success ? parsed.data : null;
}

export type ExportState = "queued" | "running" | "succeeded" | "failed" | "expired";

/** An export's state as people see it: a finished file past its expiry is "expired". */
export function exportState(e: Pick<ReportExport, "status" | "expiresAt">, now = new Date()): ExportState {
  if (e.status === "succeeded" && e.expiresAt && e.expiresAt <= now) return "expired";
  return e.status;
}
