import { getPrisma, type Prisma } from "@/lib/db";
import { parseStorageRef, storageFor } from "@/lib/storage";
import { ServiceError } from "../errors";
import { verifyReportFileSignature } from "./file-link";

/**
 * The file behind a mailed download link (a scheduled report too big to attach). The signature is the whole
 * authorization: a wrong one, an unknown export or an export no schedule mailed is not found; past the expiry
 * (the export's) the link is gone.
 */
export async function getLinkedReportFile(
  input: { exportId: string; expires: number; signature: string; now?: Date },
  prisma?: Prisma,
): Promise<{ bytes: Buffer; contentType: string; filename: string }> {
  if (!verifyReportFileSignature(input.exportId, input.expires, input.signature)) throw new ServiceError("not_found", "No such file.");
  const now = input.now ?? new Date();
  if (input.expires * 1000 <= now.getTime()) throw new ServiceError("gone", "This download link has expired.");
  const db = prisma ?? (await getPrisma());
  const run = await db.reportScheduleRun.findFirst({ where: { exportId: input.exportId }, select: { id: true } });
  const row = run ? await db.reportExport.findFirst({ where: { id: input.exportId, status: "succeeded" } }) : null;
  if (!row) throw new ServiceError("not_found", "No such file.");
  if (row.expiresAt && row.expiresAt <= now) throw new ServiceError("gone", "This download link has expired.");
  const ref = row.storageKey ? parseStorageRef(row.storageKey) : null;
  const file = ref ? await (await storageFor(ref.kind)).get(ref.key) : null;
  if (!file) throw new ServiceError("gone", "This file is no longer stored.");
  return { bytes: file.bytes, contentType: row.contentType ?? file.contentType, filename: row.filename ?? `report-${row.id}` };
}
