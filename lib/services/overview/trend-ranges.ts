/** The overview's trend windows in days, and how many days each chart point stands for. */
export const TREND_RANGES = [30, 90, 365] as const;
export type TrendRange = (typeof TREND_RANGES)[number];

// About 30–50 points per chart: enough to see a change, few enough to read as a table.
export const BUCKET_DAYS: Record<TrendRange, number> = { 30: 1, 90: 3, 365: 7 };

export function isTrendRange(v: unknown): v is TrendRange {
  return (TREND_RANGES as readonly unknown[]).includes(typeof v === "string" ? Number(v) : v);
}
