import type { z } from "zod";
import type { scanSettingsSchema } from "@/lib/api/contract/scan-settings";
import type { ScanSettingsView } from "@/lib/services/scan-settings/get-scan-settings";

export function serializeScanSettings(s: ScanSettingsView): z.input<typeof scanSettingsSchema> {
  return {
    domain_id: s.domainId,
    respect_robots: s.respectRobots,
    include: s.include,
    exclude: s.exclude,
    max_depth: s.maxDepth,
    devices: s.devices,
    consent: s.consent,
    auth: s.auth,
    updated_at: s.updatedAt?.toISOString() ?? null,
  };
}
