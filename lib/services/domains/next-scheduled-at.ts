import type { ScanSchedule } from "@/generated/prisma/enums";

const DAY_MS = 24 * 60 * 60 * 1000;
const INTERVAL_MS: Record<Exclude<ScanSchedule, "off">, number> = { daily: DAY_MS, weekly: 7 * DAY_MS, monthly: 30 * DAY_MS };

/** When a domain's next scheduled scan is due after `from`; null when scheduling is off. */
export function nextScheduledAt(schedule: ScanSchedule, from: Date = new Date()): Date | null {
  return schedule === "off" ? null : new Date(from.getTime() + INTERVAL_MS[schedule]);
}
