// Core Web Vitals of a scan across its pages: the 75th percentile (the figure Google's field data and
// Search Console report) of each lab metric, placed in the good / needs-improvement / poor bands that
// web.dev publishes. TBT stands in for INP (a lab scan has no interactions); TTFB and FCP are the
// supporting metrics of the same set.
export type VitalId = "lcp" | "cls" | "tbt" | "fcp" | "ttfb";
export type VitalBand = "good" | "needs-improvement" | "poor";

export interface VitalDefinition {
  id: VitalId;
  label: string;
  /** at or below: good */
  good: number;
  /** above: poor */
  poor: number;
  unit: "ms" | "";
  core: boolean;
}

export const VITALS: VitalDefinition[] = [
  { id: "lcp", label: "Largest Contentful Paint", good: 2500, poor: 4000, unit: "ms", core: true },
  { id: "cls", label: "Cumulative Layout Shift", good: 0.1, poor: 0.25, unit: "", core: true },
  { id: "tbt", label: "Total Blocking Time", good: 200, poor: 600, unit: "ms", core: true },
  { id: "fcp", label: "First Contentful Paint", good: 1800, poor: 3000, unit: "ms", core: false },
  { id: "ttfb", label: "Time to First Byte", good: 800, poor: 1800, unit: "ms", core: false },
];

export function vitalBand(def: Pick<VitalDefinition, "good" | "poor">, value: number): VitalBand {
  if (value <= def.good) return "good";
  if (value <= def.poor) return "needs-improvement";
  return "poor";
}

/** Nearest-rank 75th percentile; null for an empty list. */
export function p75(values: number[]): number | null {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return null;
  return sorted[Math.max(0, Math.ceil(0.75 * sorted.length) - 1)];
}

export interface PageVitals {
  ttfbMs: number | null;
  fcpMs: number | null;
  lcpMs: number | null;
  tbtMs: number | null;
  cls: number | null;
}

export interface VitalSummary extends VitalDefinition {
  p75: number | null;
  band: VitalBand | null;
  /** pages in each band */
  pages: Record<VitalBand, number>;
}

const FIELD: Record<VitalId, keyof PageVitals> = { lcp: "lcpMs", cls: "cls", tbt: "tbtMs", fcp: "fcpMs", ttfb: "ttfbMs" };

export function summarizeVitals(pages: PageVitals[]): VitalSummary[] {
  return VITALS.map((def) => {
    const values = pages.map((p) => p[FIELD[def.id]]).filter((v): v is number => typeof v === "number");
    const value = p75(values);
    const counts: Record<VitalBand, number> = { good: 0, "needs-improvement": 0, poor: 0 };
    for (const v of values) counts[vitalBand(def, v)] += 1;
    return { ...def, p75: value, band: value === null ? null : vitalBand(def, value), pages: counts };
  });
}
