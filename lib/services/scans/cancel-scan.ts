import { getPrisma, type Prisma } from "@/lib/db";
import { ServiceError } from "../errors";
import { endScanUnsuccessfully } from "./fail-scan";
import { getScanRowOrThrow } from "./get-scan";

/**
 * queued/running -> canceled, refunding the reservation. The running job sees the status between steps
 * (and polls it during the page gathering) and stops.
 */
export async function cancelScan(input: { orgId: string; scanId: string; userId?: string | null }, prisma?: Prisma) {
  const db = prisma ?? (await getPrisma());
  const scan = await getScanRowOrThrow({ orgId: input.orgId, scanId: input.scanId }, db);
  const { changed, refunded } = await endScanUnsuccessfully(
    { scanId: scan.id, orgId: input.orgId, status: "canceled", error: "Canceled on request." },
    db,
  );
  if (!changed) {
    const now = await getScanRowOrThrow({ orgId: input.orgId, scanId: input.scanId }, db);
    throw new ServiceError("conflict", `The scan is already ${now.status}; only queued or running scans can be canceled.`);
  }
  return { scan: await getScanRowOrThrow({ orgId: input.orgId, scanId: input.scanId }, db), refunded };
}
