import type { Pillar } from "@/lib/scanner/types";

/** Price list: one credit per pillar scanned, whatever the page count (pages are capped by max_pages). */
export const CREDITS_PER_PILLAR = 1;

export function scanCost(pillars: readonly Pillar[]): number {
  return new Set(pillars).size * CREDITS_PER_PILLAR;
}
