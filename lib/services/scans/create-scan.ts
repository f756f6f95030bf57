import { getPrisma, type Prisma, type PrismaNS } from "@/lib/db";
import type { Scan } from "@/generated/prisma/client";
import type { Pillar } from "@/lib/scanner/types";
import { ServiceError } from "../errors";
import { reserveCreditsForScan, writeScanReserve } from "../credits/reserve-credits-for-scan";
import { scanCost } from "../credits/scan-cost";
import { DEFAULT_MAX_PAGES, MAX_MAX_PAGES, normalizePillars } from "./scan-defaults";
import { enqueueScan } from "./enqueue-scan";
import { recordAuditEvent, type Actor } from "../audit/record-audit-event";

export interface CreateScanInput {
  domainId: string;
  pillars?: Pillar[] | null;
  maxPages?: number | null;
  trigger?: "manual" | "schedule" | "api" | "verification";
  now?: Date;
}

export interface CreateScanResult {
  scan: Scan;
  creditsRemaining: number;
}

/**
 * The transactional half of creating a scan: domain checks, credit reservation under the organization
 * lock, the scan row and its ledger row. Enqueues nothing — callers commit first, then `enqueueScan`.
 */
export async function createScanInTx(
  tx: PrismaNS.TransactionClient,
  actor: Actor,
  input: CreateScanInput,
): Promise<CreateScanResult> {
  const domain = await tx.domain.findFirst({ where: { id: input.domainId, organizationId: actor.orgId } });
  if (!domain) throw new ServiceError("not_found", "Domain not found.");
  if (!domain.verifiedAt) {
    throw new ServiceError("domain_not_verified", `Verify ownership of ${domain.host} before scanning it.`, { domain_id: domain.id });
  }
  const pillars = normalizePillars(input.pillars);
  const maxPages = input.maxPages ?? DEFAULT_MAX_PAGES;
  if (!Number.isInteger(maxPages) || maxPages < 1 || maxPages > MAX_MAX_PAGES) {
    throw new ServiceError("invalid_params", `max_pages must be an integer from 1 to ${MAX_MAX_PAGES}.`);
  }
  const cost = scanCost(pillars);
  const { remaining } = await reserveCreditsForScan(tx, { orgId: actor.orgId, cost, now: input.now });
  const scan = await tx.scan.create({
    data: {
      organizationId: actor.orgId,
      domainId: domain.id,
      pillars,
      maxPages,
      trigger: input.trigger ?? (actor.apiKeyId ? "api" : "manual"),
      creditsReserved: cost,
      createdById: actor.userId,
      apiKeyId: actor.apiKeyId,
    },
  });
  await writeScanReserve(tx, { orgId: actor.orgId, scanId: scan.id, cost });
  await recordAuditEvent(tx, actor, {
    action: "scan.create",
    targetType: "scan",
    targetId: scan.id,
    metadata: { domain_id: domain.id, pillars, max_pages: maxPages, trigger: scan.trigger, cost },
  });
  return { scan, creditsRemaining: remaining };
}

/** Accepts a scan: reserves its cost (1 credit per pillar) and queues the `plumb/scan.requested` job. */
export async function createScan(actor: Actor, input: CreateScanInput, prisma?: Prisma): Promise<CreateScanResult> {
  const db = prisma ?? (await getPrisma());
  const result = await db.$transaction((tx) => createScanInTx(tx, actor, input));
  // After the commit: on PGlite a send from inside the transaction would wait on it forever.
  await enqueueScan({ scanId: result.scan.id, orgId: actor.orgId }, db);
  return result;
}
