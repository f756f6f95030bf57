import type { FindingStatus, Pillar, Severity } from "@/generated/prisma/enums";

// Plain, serialisable shapes handed from the server page to the client table and drawer. Dates arrive
// formatted on the server (one time zone for server and browser, so hydration matches).

export interface FindingRow {
  id: string;
  title: string;
  rule: string;
  pillar: Pillar;
  severity: Severity;
  status: FindingStatus;
  domainHost: string;
  url: string;
  lastSeen: { iso: string; label: string };
  regression: boolean;
  regressionCount: number;
}

export interface FindingDetailView extends FindingRow {
  description: string;
  evidence: string | null;
  selector: string | null;
  fix: string;
  urls: string[];
  severityOverridden: boolean;
  assigneeId: string | null;
  firstSeen: { iso: string; label: string };
  resolvedAt: { iso: string; label: string } | null;
  regressedAt: { iso: string; label: string } | null;
  occurrenceCount: number;
  occurrences: { id: string; scanId: string; severity: Severity; pages: number; seen: { iso: string; label: string } }[];
}

export interface AssigneeOption {
  userId: string;
  label: string;
}
