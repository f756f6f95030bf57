import { getPrisma, type Prisma } from "@/lib/db";
import type { Scan } from "@/generated/prisma/client";
import { recordAuditEvent, type Actor } from "../audit/record-audit-event";
import { ServiceError } from "../errors";
import { endScanUnsuccessfully } from "./fail-scan";
import { getScanRowOrThrow } from "./get-scan";

/**
 * queued/running -> canceled, refunding the reservation. The running job sees the status between steps
 * (and polls it during crawl and page gathering) and stops.
 */
export async function cancelScan(
  actor: Actor,
  input: { scanId: string },
  prisma?: Prisma,
): Promise<{ scan: Scan; refunded: number }> {
  const db = prisma ?? (await getPrisma());
  const scan = await getScanRowOrThrow({ orgId: actor.orgId, scanId: input.scanId }, db);
  const { changed, refunded } = await endScanUnsuccessfully(
    {
      scanId: scan.id,
      orgId: actor.orgId,
      status: "canceled",
      error: "Canceled on request.",
      audit: { actor, action: "scan.cancel" },
    },
    db,
  );
  const now = await getScanRowOrThrow({ orgId: actor.orgId, scanId: input.scanId }, db);
  if (!changed) {
    throw new ServiceError("conflict", `The scan is already ${now.status}; only queued or running scans can be canceled.`);
  }
  return { scan: now, refunded };
}
