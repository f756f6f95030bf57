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
  /** first affected page */
  url: string;
  pagesCount: number;
  instancesCount: number;
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
  /** re-checks of this finding, newest first */
  rechecks: import("./recheck-section").RecheckView[];
  comments: import("@/components/collab/comment-list").CommentView[];
  /** tasks linking it */
  tasks: { id: string; title: string; status: string }[];
  /** how it was resolved: scan | verified | claimed_upstream | manual */
  resolution: string | null;
  regressedAt: { iso: string; label: string } | null;
  occurrenceCount: number;
  occurrences: { id: string; scanId: string; severity: Severity; pages: number; seen: { iso: string; label: string } }[];
  acceptedUntil: { iso: string; label: string } | null;
  /** the first page of instances (page, element, asset, snippet) — site text, rendered escaped */
  instances: { id: string; url: string; selector: string | null; asset: string | null; snippet: string | null }[];
  /** who changed the status, when and why */
  history: { id: string; kind: string; who: string; from: FindingStatus | null; to: FindingStatus | null; justification: string | null; acceptedUntil: string | null; at: { iso: string; label: string } }[];
}

/** Findings grouped by the page they were seen on (group by page). */
export interface PageGroup {
  url: string;
  rows: FindingRow[];
}

export interface AssigneeOption {
  userId: string;
  label: string;
}
