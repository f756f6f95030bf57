import type { ShareLink } from "@/generated/prisma/client";
import { getPrisma, type Prisma } from "@/lib/db";
import { DEFAULT_REPORT_SECTIONS, type ReportBranding, type ReportModel, type ReportSection } from "@/lib/reports/model";
import { maskAllSecrets } from "@/lib/scanner/checks/security/secrets";
import { resolveBranding } from "../branding/resolve-branding";
import { ServiceError } from "../errors";
import { buildReportModel } from "../reports/build-report-model";
import { reportEffectiveBranding } from "../reports/report-effective-branding";
import { reportSections } from "../reports/report-rows";

const MAX_SHARED_SNIPPET = 300;

export interface SharedReport {
  model: ReportModel;
  sections: readonly ReportSection[];
  branding: ReportBranding | null;
}

/**
 * What a share page shows. A scan link: that scan's report with the organization's branding (a domain
 * override wins). A report link: the saved report's definition — its title, its sections, its scan or the
 * domain's composed current state as of now, and its branding snapshot, else the organization's/domain's.
 * Evidence and snippets come from the scanned site and may hold credentials: they are dropped unless the
 * owner ticked "include evidence", and even then every secret-looking string is masked. The model names no
 * member (no assignees, no authors), so no names or e-mails leave the organization.
 */
export async function loadSharedReport(input: { link: ShareLink; now?: Date }, prisma?: Prisma): Promise<SharedReport> {
  const db = prisma ?? (await getPrisma());
  const { link } = input;
  const orgId = link.organizationId;
  if (link.reportId) {
    const report = await db.report.findFirst({ where: { id: link.reportId, organizationId: orgId } });
    if (!report) throw new ServiceError("gone", "The shared report was deleted.");
    const model = await buildReportModel(
      report.scanId ? { orgId, scanId: report.scanId, title: report.title, now: input.now } : { orgId, domainId: report.domainId, title: report.title, now: input.now },
      db,
    );
    const branding = await reportEffectiveBranding({ orgId, report }, db);
    return { model: redactForSharing(model, link.includeEvidence), sections: reportSections(report.sections), branding };
  }
  if (!link.scanId) throw new Error("share link without a scan or a report");
  const model = await buildReportModel({ orgId, scanId: link.scanId, now: input.now }, db);
  const branding = await resolveBranding({ orgId, domainId: link.domainId }, db);
  return { model: redactForSharing(model, link.includeEvidence), sections: DEFAULT_REPORT_SECTIONS, branding };
}

export function redactForSharing(model: ReportModel, includeEvidence: boolean): ReportModel {
  const clean = (s: string | null) => (s === null ? null : maskAllSecrets(s).slice(0, MAX_SHARED_SNIPPET));
  return {
    ...model,
    findings: model.findings.map((f) => ({
      ...f,
      evidence: includeEvidence ? clean(f.evidence) : null,
      instances: f.instances.map((i) => ({ ...i, snippet: includeEvidence ? clean(i.snippet) : null })),
    })),
  };
}
