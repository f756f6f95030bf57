import { SEVERITIES, type Severity } from "@/lib/scanner/types";

export const SCAN_STATUSES = ["queued", "running", "succeeded", "failed", "canceled"] as const;
export type ScanStatus = (typeof SCAN_STATUSES)[number];
export const TERMINAL_SCAN_STATUSES: readonly ScanStatus[] = ["succeeded", "failed", "canceled"];

export function isTerminalScanStatus(status: string): boolean {
  return (TERMINAL_SCAN_STATUSES as readonly string[]).includes(status);
}

export type SeverityCounts = Record<Severity, number>;

export function emptySeverityCounts(): SeverityCounts {
  return { critical: 0, high: 0, medium: 0, low: 0, info: 0 };
}

/** A stored summary JSON read back as counts (missing or odd entries count 0). */
export function severityCounts(value: unknown): SeverityCounts {
  const out = emptySeverityCounts();
  if (value && typeof value === "object") {
    for (const s of SEVERITIES) {
      const n = (value as Record<string, unknown>)[s];
      if (typeof n === "number") out[s] = n;
    }
  }
  return out;
}
