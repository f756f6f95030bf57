// The export job's work (inngest/functions/report-export-requested.ts), one service per phase. Each is
// idempotent: a retried or replayed step finds the export already marked and does nothing twice.
import { getPrisma, type Prisma } from "@/lib/db";
import type { Report, ReportExport } from "@/generated/prisma/client";
import { renderReport, type ReportFormat } from "@/lib/reports/render";
import { renderPortfolio } from "@/lib/reports/render/portfolio";
import { defaultStorage, formatStorageRef } from "@/lib/storage";
import { appUrl } from "../mail/app-url";
import { scanBrowserRegistry } from "../scans/browser-registry";
import { buildPortfolioModel } from "./build-portfolio-model";
import { buildReportModel } from "./build-report-model";
import { isPortfolio, PORTFOLIO_FORMATS } from "./portfolio-formats";
import { reportEffectiveBranding } from "./report-effective-branding";
import { reportSections } from "./report-rows";

async function setProgress(db: Prisma, exportId: string, progress: number) {
  await db.reportExport.updateMany({ where: { id: exportId, status: "running" }, data: { progress } });
}

/** queued → running. False when there is nothing to do (already finished, or gone with its organization). */
export async function startReportExport(input: { orgId: string; exportId: string }, prisma?: Prisma): Promise<boolean> {
  const db = prisma ?? (await getPrisma());
  const row = await db.reportExport.findFirst({ where: { id: input.exportId, organizationId: input.orgId }, select: { status: true } });
  if (!row || row.status === "succeeded" || row.status === "failed") return false;
  await db.reportExport.updateMany({ where: { id: input.exportId, status: { in: ["queued", "running"] } }, data: { status: "running", startedAt: new Date(), progress: 5, error: null } });
  return true;
}


function safeFilePart(s: string): string {
  return s.replace(/[^a-z0-9.-]+/gi, "-").replace(/^-+|-+$/g, "").slice(0, 80) || "report";
}

/** Builds the model, renders the file, stores it and marks the export ready. Returns the stored size. */
export async function produceReportExport(input: { orgId: string; exportId: string }, prisma?: Prisma): Promise<{ sizeBytes: number } | null> {
  const db = prisma ?? (await getPrisma());
  const exp = await db.reportExport.findFirst({ where: { id: input.exportId, organizationId: input.orgId }, include: { report: { include: { domain: { select: { host: true } } } } } });
  if (!exp || !exp.report) return null;
  if (exp.status === "succeeded") return { sizeBytes: exp.sizeBytes ?? 0 };
  const report = exp.report;
  if (isPortfolio(report.portfolioDomainIds)) return producePortfolioExport(db, { orgId: input.orgId, exp, report });
  const model = await buildReportModel(
    report.scanId ? { orgId: input.orgId, scanId: report.scanId, title: report.title } : { orgId: input.orgId, domainId: report.domainId, title: report.title },
    db,
  );
  await setProgress(db, exp.id, 35);
  const file = await renderReport(model, exp.format as ReportFormat, {
    sections: reportSections(report.sections),
    branding: await reportEffectiveBranding({ orgId: input.orgId, report }, db),
    rulesBaseUrl: appUrl("/").replace(/\/+$/, ""),
    pdf: { registry: scanBrowserRegistry(), onProgress: (step) => void setProgress(db, exp.id, step === "print" ? 80 : step === "toc" ? 70 : 50) },
  });
  await setProgress(db, exp.id, 90);
  const storage = await defaultStorage();
  const key = `exports/${input.orgId.toLowerCase()}/${exp.id.toLowerCase()}.${file.extension}`;
  await storage.put(key, file.bytes, file.contentType);
  const day = model.generated_at.slice(0, 10);
  await db.reportExport.update({
    where: { id: exp.id },
    data: {
      status: "succeeded",
      progress: 100,
      storageKey: formatStorageRef(storage.kind, key),
      contentType: file.contentType,
      filename: `plumb-report-${safeFilePart(report.domain.host)}-${day}.${file.extension}`,
      sizeBytes: file.bytes.length,
      finishedAt: new Date(),
      error: null,
    },
  });
  return { sizeBytes: file.bytes.length };
}

async function producePortfolioExport(db: Prisma, input: { orgId: string; exp: ReportExport; report: Report }): Promise<{ sizeBytes: number }> {
  const { exp, report } = input;
  const format = (PORTFOLIO_FORMATS as readonly string[]).includes(exp.format) ? (exp.format as (typeof PORTFOLIO_FORMATS)[number]) : null;
  if (!format) throw new Error(`A portfolio report has no ${exp.format} export.`);
  const model = await buildPortfolioModel({ orgId: input.orgId, domainIds: report.portfolioDomainIds, title: report.title }, db);
  await setProgress(db, exp.id, 35);
  const file = await renderPortfolio(model, format, { branding: await reportEffectiveBranding({ orgId: input.orgId, report: { domainId: null, branding: report.branding } }, db), pdf: { registry: scanBrowserRegistry() } });
  await setProgress(db, exp.id, 90);
  const storage = await defaultStorage();
  const key = `exports/${input.orgId.toLowerCase()}/${exp.id.toLowerCase()}.${file.extension}`;
  await storage.put(key, file.bytes, file.contentType);
  await db.reportExport.update({
    where: { id: exp.id },
    data: {
      status: "succeeded",
      progress: 100,
      storageKey: formatStorageRef(storage.kind, key),
      contentType: file.contentType,
      filename: `plumb-portfolio-${model.domains.length}-domains-${model.generated_at.slice(0, 10)}.${file.extension}`,
      sizeBytes: file.bytes.length,
      finishedAt: new Date(),
      error: null,
    },
  });
  return { sizeBytes: file.bytes.length };
}

/** After the last retry: the export failed, with a message people can read (never a stack). */
export async function failReportExport(input: { orgId: string; exportId: string; error: string }, prisma?: Prisma): Promise<void> {
  const db = prisma ?? (await getPrisma());
  await db.reportExport.updateMany({
    where: { id: input.exportId, organizationId: input.orgId, status: { in: ["queued", "running"] } },
    data: { status: "failed", error: input.error.slice(0, 500), finishedAt: new Date() },
  });
}
