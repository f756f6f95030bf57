import { getPrisma } from "@/lib/db";
import { MAX_CRAWL_PATTERNS, isValidCrawlPattern } from "@/lib/scanner/crawl/patterns";
import { recordAuditEvent, type Actor } from "../audit/record-audit-event";
import { ServiceError } from "../errors";
import { getScanSettings, type ScanSettingsView } from "./get-scan-settings";
import { normalizeDevices, type DeviceName } from "@/lib/scanner/devices";

export const MAX_CRAWL_DEPTH = 100;

export interface CrawlSettingsInput {
  respectRobots?: boolean;
  include?: string[];
  exclude?: string[];
  maxDepth?: number | null;
  /** device profiles of the domain's scans (at least one) */
  devices?: DeviceName[];
  consent?: boolean;
}

function patterns(list: string[] | undefined, field: string): string[] | undefined {
  if (list === undefined) return undefined;
  const clean = [...new Set(list.map((p) => p.trim()).filter(Boolean))];
  if (clean.length > MAX_CRAWL_PATTERNS) throw new ServiceError("invalid_params", `${field}: at most ${MAX_CRAWL_PATTERNS} patterns.`);
  const bad = clean.find((p) => !isValidCrawlPattern(p));
  if (bad !== undefined) throw new ServiceError("invalid_params", `${field}: "${bad.slice(0, 50)}" is not a path pattern (start with / or *, at most 200 characters, no spaces).`);
  return clean;
}

/** Changes how the domain's scans crawl: robots.txt, include/exclude path patterns, max depth, consent loads. */
export async function updateCrawlSettings(input: { actor: Actor; domainId: string; settings: CrawlSettingsInput }): Promise<ScanSettingsView> {
  const { actor, domainId, settings } = input;
  const include = patterns(settings.include, "include");
  const exclude = patterns(settings.exclude, "exclude");
  if (settings.maxDepth !== undefined && settings.maxDepth !== null && (!Number.isInteger(settings.maxDepth) || settings.maxDepth < 0 || settings.maxDepth > MAX_CRAWL_DEPTH)) {
    throw new ServiceError("invalid_params", `max_depth must be a whole number from 0 to ${MAX_CRAWL_DEPTH}, or null.`);
  }
  if (settings.devices !== undefined && settings.devices.length === 0) throw new ServiceError("invalid_params", "devices: name at least one device (mobile, desktop).");
  const devices = settings.devices !== undefined ? normalizeDevices(settings.devices) : undefined;
  const db = await getPrisma();
  await db.$transaction(async (tx) => {
    const domain = await tx.domain.findFirst({ where: { id: domainId, organizationId: actor.orgId }, select: { id: true } });
    if (!domain) throw new ServiceError("not_found", "Domain not found.");
    const data = {
      ...(settings.respectRobots !== undefined ? { respectRobots: settings.respectRobots } : {}),
      ...(include !== undefined ? { includePatterns: include } : {}),
      ...(exclude !== undefined ? { excludePatterns: exclude } : {}),
      ...(settings.maxDepth !== undefined ? { maxDepth: settings.maxDepth } : {}),
      ...(devices !== undefined ? { devices } : {}),
      ...(settings.consent !== undefined ? { consent: settings.consent } : {}),
    };
    await tx.domainScanSettings.upsert({
      where: { domainId: domain.id },
      create: { domainId: domain.id, organizationId: actor.orgId, includePatterns: [], excludePatterns: [], ...data },
      update: data,
    });
    await recordAuditEvent(tx, actor, {
      action: "domain.scan_settings.update",
      targetType: "domain",
      targetId: domain.id,
      metadata: { fields: Object.keys(data) },
    });
  });
  return getScanSettings({ orgId: actor.orgId, domainId });
}
