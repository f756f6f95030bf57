import type { PrismaNS } from "@/lib/db";
import { getPrisma, type Prisma } from "@/lib/db";
import { env } from "@/lib/env";
import { enqueueJob, flushOutbox } from "@/lib/jobs/outbox";
import { DEFAULT_REPORT_SECTIONS, REPORT_SECTIONS, type ReportBranding, type ReportSection } from "@/lib/reports/model";
import type { ReportFormat } from "@/lib/reports/render";
import { recordAuditEvent, type Actor } from "../audit/record-audit-event";
import { ServiceError } from "../errors";
import { assertFormatFits, PORTFOLIO_MAX_DOMAINS, PORTFOLIO_MIN_DOMAINS } from "./portfolio-formats";
import { REPORT_INCLUDE, type ReportWithExports } from "./report-rows";

export interface CreateReportInput {
  scanId?: string;
  domainId?: string;
  /** a portfolio report of these domains (PORTFOLIO_MIN_DOMAINS..PORTFOLIO_MAX_DOMAINS, this organization's) */
  domainIds?: string[];
  format: ReportFormat;
  title?: string;
  sections?: ReportSection[];
  branding?: ReportBranding | null;
}

const DAY_MS = 86_400_000;

/**
 * Writes an export of a report with its job in the caller's transaction (the outbox row commits with it).
 * Its file is downloadable until PLUMB_EXPORT_EXPIRY_DAYS after the request.
 */
export async function addExportInTx(
  tx: PrismaNS.TransactionClient,
  actor: Actor,
  input: { reportId: string; scanId: string | null; format: ReportFormat; now?: Date },
) {
  const now = input.now ?? new Date();
  const created = await tx.reportExport.create({
    data: {
      organizationId: actor.orgId,
      reportId: input.reportId,
      scanId: input.scanId,
      format: input.format,
      status: "queued",
      createdById: actor.userId,
      expiresAt: new Date(now.getTime() + env().PLUMB_EXPORT_EXPIRY_DAYS * DAY_MS),
    },
  });
  await enqueueJob(tx, {
    event: "plumb/report.export",
    data: { reportExportId: created.id, organizationId: actor.orgId },
    key: `export:${created.id}`,
  });
  return created;
}

/**
 * Saves a report definition (one scan, or a domain's composed current state) and requests its first export.
 * Org-scoped: another organization's scan or domain is not found. A scan must have succeeded.
 */
export async function createReport(actor: Actor, input: CreateReportInput, prisma?: Prisma): Promise<ReportWithExports> {
  const db = prisma ?? (await getPrisma());
  const given = [input.scanId, input.domainId, input.domainIds].filter((x) => x !== undefined).length;
  if (given !== 1) throw new ServiceError("invalid_params", "Give exactly one of scan_id, domain_id and domain_ids.");
  if (input.domainIds !== undefined) return createPortfolioReport(db, actor, { ...input, domainIds: input.domainIds });
  let domainId: string;
  let scanId: string | null = null;
  let host: string;
  if (input.scanId !== undefined) {
    const scan = await db.scan.findFirst({ where: { id: input.scanId, organizationId: actor.orgId }, include: { domain: { select: { host: true } } } });
    if (!scan) throw new ServiceError("not_found", "Scan not found.");
    if (scan.status !== "succeeded") throw new ServiceError("conflict", "Only a finished scan can be reported.");
    domainId = scan.domainId;
    scanId = scan.id;
    host = scan.domain.host;
  } else {
    const domain = await db.domain.findFirst({ where: { id: input.domainId, organizationId: actor.orgId } });
    if (!domain) throw new ServiceError("not_found", "Domain not found.");
    const scanned = await db.scan.count({ where: { domainId: domain.id, status: "succeeded" } });
    if (scanned === 0) throw new ServiceError("conflict", "This domain has no finished scan to report yet.");
    domainId = domain.id;
    host = domain.host;
  }
  const sections = input.sections?.length ? REPORT_SECTIONS.filter((s) => input.sections!.includes(s)) : [...DEFAULT_REPORT_SECTIONS];
  const report = await db.$transaction(async (tx) => {
    const report = await tx.report.create({
      data: {
        organizationId: actor.orgId,
        domainId,
        scanId,
        title: input.title?.trim() || `Website audit of ${host}`,
        sections,
        branding: input.branding ? (input.branding as PrismaNS.InputJsonValue) : undefined,
        createdById: actor.userId,
        apiKeyId: actor.apiKeyId,
      },
    });
    await addExportInTx(tx, actor, { reportId: report.id, scanId, format: input.format });
    await recordAuditEvent(tx, actor, { action: "report.create", targetType: "report", targetId: report.id, metadata: { format: input.format, scanId, domainId } });
    return tx.report.findUniqueOrThrow({ where: { id: report.id }, include: REPORT_INCLUDE });
  });
  await flushOutbox();
  return report;
}

/**
 * A portfolio report: several domains of the organization in the order given (duplicates dropped). Every id
 * must be one of this organization's domains (else 404); domains need not have a scan yet. `domainId` holds the
 * first, so the report lists under it like any other.
 */
async function createPortfolioReport(db: Prisma, actor: Actor, input: CreateReportInput & { domainIds: string[] }): Promise<ReportWithExports> {
  const ids = [...new Set(input.domainIds)];
  if (ids.length < PORTFOLIO_MIN_DOMAINS || ids.length > PORTFOLIO_MAX_DOMAINS) {
    const message = `A portfolio report covers ${PORTFOLIO_MIN_DOMAINS} to ${PORTFOLIO_MAX_DOMAINS} different domains.`;
    throw new ServiceError("invalid_params", message, { issues: [{ path: ["body", "domain_ids"], message, code: "custom" }] });
  }
  assertFormatFits(ids, input.format, "format");
  const found = await db.domain.findMany({ where: { id: { in: ids }, organizationId: actor.orgId }, select: { id: true } });
  if (found.length !== ids.length) throw new ServiceError("not_found", "Domain not found.", { missing: ids.filter((id) => !found.some((d) => d.id === id)) });
  const report = await db.$transaction(async (tx) => {
    const report = await tx.report.create({
      data: {
        organizationId: actor.orgId,
        domainId: ids[0],
        scanId: null,
        portfolioDomainIds: ids,
        title: input.title?.trim() || `Portfolio of ${ids.length} domains`,
        sections: [...REPORT_SECTIONS],
        branding: input.branding ? (input.branding as PrismaNS.InputJsonValue) : undefined,
        createdById: actor.userId,
        apiKeyId: actor.apiKeyId,
      },
    });
    await addExportInTx(tx, actor, { reportId: report.id, scanId: null, format: input.format });
    await recordAuditEvent(tx, actor, { action: "report.create", targetType: "report", targetId: report.id, metadata: { format: input.format, portfolio: true, domainIds: ids } });
    return tx.report.findUniqueOrThrow({ where: { id: report.id }, include: REPORT_INCLUDE });
  });
  await flushOutbox();
  return report;
}
