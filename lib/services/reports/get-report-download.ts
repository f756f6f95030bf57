import type { ReportExport } from "@/generated/prisma/client";
import { getPrisma, type Prisma } from "@/lib/db";
import type { ReportFormat } from "@/lib/reports/render";
import { parseStorageRef, storageFor } from "@/lib/storage";
import { ServiceError } from "../errors";
import { exportState } from "./report-rows";

export interface ReportDownload {
  export: ReportExport;
  bytes: Buffer;
  contentType: string;
  filename: string;
}

/**
 * The file of a report's export: the one named, else the newest ready export (of `format` when given).
 * Nothing ready yet but one queued or running: `export_not_ready` (409). Expired: `gone` (410). Org-scoped.
 */
export async function getReportDownload(
  input: { orgId: string; reportId: string; exportId?: string; format?: ReportFormat; now?: Date },
  prisma?: Prisma,
): Promise<ReportDownload> {
  const db = prisma ?? (await getPrisma());
  const now = input.now ?? new Date();
  const report = await db.report.findFirst({ where: { id: input.reportId, organizationId: input.orgId }, select: { id: true } });
  if (!report) throw new ServiceError("not_found", "Report not found.");
  const exports = await db.reportExport.findMany({
    where: { reportId: report.id, organizationId: input.orgId, ...(input.exportId ? { id: input.exportId } : {}), ...(input.format ? { format: input.format } : {}) },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { id: true, status: true, expiresAt: true },
  });
  if (exports.length === 0) throw new ServiceError("not_found", "No such export of this report.");
  const ready = exports.find((e) => exportState(e, now) === "succeeded");
  if (!ready) {
    const newest = exports[0];
    const state = exportState(newest, now);
    if (state === "queued" || state === "running") throw new ServiceError("export_not_ready", "The export is not ready yet; try again shortly.");
    if (state === "expired") throw new ServiceError("gone", "This export has expired; request a new one.");
    if (exports.some((e) => exportState(e, now) === "expired")) throw new ServiceError("gone", "This export has expired; request a new one.");
    throw new ServiceError("conflict", "The export failed; request a new one.");
  }
  const row = await db.reportExport.findUniqueOrThrow({ where: { id: ready.id } });
  const ref = row.storageKey ? parseStorageRef(row.storageKey) : null;
  if (!ref) throw new ServiceError("gone", "This export's file is no longer stored; request a new one.");
  const file = await (await storageFor(ref.kind)).get(ref.key);
  if (!file) throw new ServiceError("gone", "This export's file is no longer stored; request a new one.");
  return { export: row, bytes: file.bytes, contentType: row.contentType ?? file.contentType, filename: row.filename ?? `report-${row.id}` };
}
