import { getPrisma } from "@/lib/db";
import { getDomainOrThrow } from "../domains/get-domain";
import { normalizeDevices, type DeviceName } from "@/lib/scanner/devices";
import { scanAuthSummarySchema, type ScanAuthSummary } from "./scan-auth";

export interface ScanSettingsView {
  domainId: string;
  respectRobots: boolean;
  include: string[];
  exclude: string[];
  maxDepth: number | null;
  /** device profiles of the domain's scans, primary first */
  devices: DeviceName[];
  /** scans also load each page accepting and rejecting its consent banner (default false) */
  consent: boolean;
  /** null: no sign-in configured */
  auth: ScanAuthSummary | null;
  updatedAt: Date | null;
}

/** A domain's crawl settings and what its sign-in uses (names only, never secrets). Org-scoped. */
export async function getScanSettings(input: { orgId: string; domainId: string }): Promise<ScanSettingsView> {
  const domain = await getDomainOrThrow({ orgId: input.orgId, domainId: input.domainId });
  const db = await getPrisma();
  const row = await db.domainScanSettings.findFirst({ where: { domainId: domain.id, organizationId: input.orgId } });
  const summary = row?.authEncrypted ? scanAuthSummarySchema.safeParse(row.authSummary) : null;
  return {
    domainId: domain.id,
    respectRobots: row?.respectRobots ?? false,
    include: row?.includePatterns ?? [],
    exclude: row?.excludePatterns ?? [],
    maxDepth: row?.maxDepth ?? null,
    devices: normalizeDevices(row?.devices),
    consent: row?.consent ?? false,
    auth: summary?.success ? summary.data : null,
    updatedAt: row?.updatedAt ?? null,
  };
}
