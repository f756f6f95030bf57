import type { FindingStatus, Pillar, Severity } from "@/generated/prisma/enums";
import { PILLARS } from "@/lib/scanner/types";

export const SEVERITIES: readonly Severity[] = ["critical", "high", "medium", "low", "info"];
export const SEVERITY_LABELS: Record<Severity, string> = { critical: "Critical", high: "High", medium: "Medium", low: "Low", info: "Info" };

export const STATUSES: readonly FindingStatus[] = ["open", "in_progress", "resolved", "accepted_risk", "false_positive"];
export const STATUS_LABELS: Record<FindingStatus, string> = {
  open: "Open",
  in_progress: "In progress",
  resolved: "Resolved",
  accepted_risk: "Accepted risk",
  false_positive: "False positive",
};

export const PILLAR_IDS: readonly Pillar[] = PILLARS;

export type SortKey = "severity" | "last_seen" | "pillar";
/** Each column's natural order: worst severity first, newest first, pillars in display order. */
export const DEFAULT_DIRECTION: Record<SortKey, "asc" | "desc"> = { severity: "asc", last_seen: "desc", pillar: "asc" };

export const RESOLUTION_LABELS: Record<string, string> = {
  scan: "a scan no longer saw it",
  verified: "verified fixed by a re-check",
  claimed_upstream: "closed in the issue tracker",
  manual: "marked by a member",
};
