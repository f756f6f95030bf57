import type { Prisma, PrismaNS } from "@/lib/db";
import type { ThirdPartyHost } from "@/lib/scanner/types";

/**
 * Stores a scan's third-party inventory (already bounded by the engine), replacing what a previous run of the
 * same step wrote, so recording twice converges.
 */
export async function recordScanThirdParties(
  db: Prisma,
  input: { orgId: string; scanId: string; hosts: readonly ThirdPartyHost[] },
): Promise<number> {
  const rows = input.hosts.map((h) => ({
    scanId: input.scanId,
    organizationId: input.orgId,
    host: h.host.slice(0, 253),
    site: h.site.slice(0, 253),
    trackerId: h.tracker?.id ?? null,
    trackerName: h.tracker?.name ?? null,
    trackerCompany: h.tracker?.company ?? null,
    trackerCategory: h.tracker?.category ?? null,
    requests: clampInt(h.requests),
    bytes: clampInt(h.bytes),
    bytesSent: clampInt(h.bytes_sent),
    pages: clampInt(h.pages),
    resourceTypes: h.resource_types as PrismaNS.InputJsonValue,
    cookies: h.cookies,
    firstSeenOn: h.first_seen_on.slice(0, 2_000),
    receives: h.receives,
    beacons: JSON.parse(JSON.stringify(h.beacons)) as PrismaNS.InputJsonValue,
    probableTracker: h.probable_tracker,
  }));
  await db.$transaction(async (tx) => {
    await tx.scanThirdParty.deleteMany({ where: { scanId: input.scanId, organizationId: input.orgId } });
    if (rows.length) await tx.scanThirdParty.createMany({ data: rows });
  });
  return rows.length;
}

function clampInt(n: number): number {
  return Number.isFinite(n) ? Math.max(0, Math.min(2_147_483_647, Math.round(n))) : 0;
}
