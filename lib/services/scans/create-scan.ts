import { getPrisma, type Prisma, type PrismaNS } from "@/lib/db";
import type { Scan } from "@/generated/prisma/client";
import type { Pillar } from "@/lib/scanner/types";
import { normalizeDevices, type DeviceName } from "@/lib/scanner/devices";
import { ServiceError } from "../errors";
import { reserveCreditsForScan, writeScanReserve } from "../credits/reserve-credits-for-scan";
import { scanCost } from "../credits/scan-cost";
import { DEFAULT_MAX_PAGES, MAX_MAX_PAGES, normalizePillars } from "./scan-defaults";
import { enqueueJob, flushOutbox } from "@/lib/jobs/outbox";
import { recordAuditEvent, type Actor } from "../audit/record-audit-event";

export interface CreateScanInput {
  domainId: string;
  pillars?: Pillar[] | null;
  maxPages?: number | null;
  /** device profiles; default: the domain's scan settings, else mobile. Devices cost no extra credit. */
  devices?: DeviceName[] | null;
  /** before/after consent loads; null/undefined: the domain's scan setting (default off) */
  consent?: boolean | null;
  trigger?: "manual" | "schedule" | "api" | "verification";
  now?: Date;
}

export interface CreateScanResult {
  scan: Scan;
  creditsRemaining: number;
}

/**
 * The transactional half of creating a scan: domain checks, credit reservation under the organization
 * lock, the scan row, its ledger row and the outbox row of its `plumb/scan.requested` job — all committed
 * together, so a scan that exists always gets its job. Callers commit, then `flushOutbox()`.
 */
export async function createScanInTx(
  tx: PrismaNS.TransactionClient,
  actor: Actor,
  input: CreateScanInput,
): Promise<CreateScanResult> {
  const domain = await tx.domain.findFirst({
    where: { id: input.domainId, organizationId: actor.orgId },
    include: { organization: { select: { deletionScheduledFor: true } } },
  });
  if (domain?.organization.deletionScheduledFor) {
    throw new ServiceError("conflict", "This organization is scheduled for deletion: new scans are refused until an owner cancels the deletion.");
  }
  if (!domain) throw new ServiceError("not_found", "Domain not found.");
  if (!domain.verifiedAt) {
    throw new ServiceError("domain_not_verified", `Verify ownership of ${domain.host} before scanning it.`, { domain_id: domain.id });
  }
  const pillars = normalizePillars(input.pillars);
  // The domain's page count is the default budget: a smaller scan would not count toward its public result.
  const maxPages = input.maxPages ?? domain.pageCount ?? DEFAULT_MAX_PAGES;
  if (!Number.isInteger(maxPages) || maxPages < 1 || maxPages > MAX_MAX_PAGES) {
    throw new ServiceError("invalid_params", `max_pages must be an integer from 1 to ${MAX_MAX_PAGES}.`);
  }
  const settings = input.devices?.length && input.consent != null ? null : await tx.domainScanSettings.findFirst({ where: { domainId: domain.id, organizationId: actor.orgId }, select: { devices: true, consent: true } });
  // The price is per pillar: a second device or the consent loads reload the pages but cost no extra credit (README, Credits).
  const devices = normalizeDevices(input.devices?.length ? input.devices : settings?.devices);
  const consent = input.consent ?? settings?.consent ?? false;
  const cost = scanCost(pillars);
  const { remaining } = await reserveCreditsForScan(tx, { orgId: actor.orgId, cost, now: input.now });
  const scan = await tx.scan.create({
    data: {
      organizationId: actor.orgId,
      domainId: domain.id,
      pillars,
      devices,
      maxPages,
      consent,
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
    metadata: { domain_id: domain.id, pillars, devices, max_pages: maxPages, consent, trigger: scan.trigger, cost },
  });
  await enqueueJob(tx, { event: "plumb/scan.requested", data: { scanId: scan.id, organizationId: actor.orgId }, key: `scan:${scan.id}` });
  return { scan, creditsRemaining: remaining };
}

/** Accepts a scan: reserves its cost (1 credit per pillar) and queues the `plumb/scan.requested` job. */
export async function createScan(actor: Actor, input: CreateScanInput, prisma?: Prisma): Promise<CreateScanResult> {
  const db = prisma ?? (await getPrisma());
  const result = await db.$transaction((tx) => createScanInTx(tx, actor, input));
  // After the commit: on PGlite a send from inside the transaction would wait on it forever.
  await flushOutbox();
  return result;
}
