// The public result's performance pillar is the mobile profile's (like Lighthouse's default): a scan that did
// not load its pages as mobile (a desktop-only scan) counts for every other pillar but not for performance.
// A scan with mobile among its devices measured performance on the mobile load (its primary).
import type { Pillar } from "@/lib/scanner/types";

export function scanCountsForPillar(pillar: Pillar, devices: readonly string[]): boolean {
  return pillar !== "performance" || devices.includes("mobile");
}
