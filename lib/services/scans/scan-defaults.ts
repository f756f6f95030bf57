import { PILLARS, type Pillar } from "@/lib/scanner/types";

export const DEFAULT_MAX_PAGES = 10;
export const MAX_MAX_PAGES = 100;

/** Requested pillars, deduplicated in the canonical order; all seven when none are asked for. */
export function normalizePillars(pillars: readonly Pillar[] | undefined | null): Pillar[] {
  if (!pillars || pillars.length === 0) return [...PILLARS];
  const wanted = new Set(pillars);
  return PILLARS.filter((p) => wanted.has(p));
}
