import type { FindingStatus, ReportStatus, ScanStatus, Severity } from "@/generated/prisma/enums";
import { Badge, type BadgeTone } from "@/components/ui";

const SEVERITY: Record<Severity, { tone: BadgeTone; label: string }> = {
  critical: { tone: "danger", label: "Critical" },
  high: { tone: "danger", label: "High" },
  medium: { tone: "warning", label: "Medium" },
  low: { tone: "info", label: "Low" },
  info: { tone: "neutral", label: "Info" },
};

export function SeverityBadge({ severity }: { severity: Severity }) {
  const s = SEVERITY[severity];
  return <Badge tone={s.tone}>{s.label}</Badge>;
}

const SCAN_STATUS: Record<ScanStatus, { tone: BadgeTone; label: string }> = {
  queued: { tone: "neutral", label: "Queued" },
  running: { tone: "info", label: "Running" },
  succeeded: { tone: "success", label: "Succeeded" },
  failed: { tone: "danger", label: "Failed" },
  canceled: { tone: "neutral", label: "Canceled" },
};

export function ScanStatusBadge({ status }: { status: ScanStatus }) {
  const s = SCAN_STATUS[status];
  return <Badge tone={s.tone}>{s.label}</Badge>;
}

const FINDING_STATUS: Record<FindingStatus, { tone: BadgeTone; label: string }> = {
  open: { tone: "warning", label: "Open" },
  in_progress: { tone: "info", label: "In progress" },
  resolved: { tone: "success", label: "Resolved" },
  accepted_risk: { tone: "neutral", label: "Accepted risk" },
  false_positive: { tone: "neutral", label: "False positive" },
};

export function FindingStatusBadge({ status }: { status: FindingStatus }) {
  const s = FINDING_STATUS[status];
  return <Badge tone={s.tone}>{s.label}</Badge>;
}

const REPORT_STATUS: Record<ReportStatus | "expired", { tone: BadgeTone; label: string }> = {
  queued: { tone: "neutral", label: "Queued" },
  running: { tone: "info", label: "Generating" },
  succeeded: { tone: "success", label: "Ready" },
  failed: { tone: "danger", label: "Failed" },
  expired: { tone: "neutral", label: "Expired" },
};

export function ReportStatusBadge({ status }: { status: ReportStatus | "expired" }) {
  const s = REPORT_STATUS[status];
  return <Badge tone={s.tone}>{s.label}</Badge>;
}

/** A letter grade (A+..F) with its score; "Not scanned" when there is none yet. */
export function GradeBadge({ grade, score }: { grade: string | null; score?: number | null }) {
  if (!grade) return <span className="text-sm text-slate-600">Not scanned</span>;
  const letter = grade.charAt(0).toUpperCase();
  const tone: BadgeTone = letter === "A" ? "success" : letter === "B" ? "brand" : letter === "C" ? "warning" : "danger";
  return (
    <Badge tone={tone}>
      {grade}
      {score != null ? <span className="ml-1 font-normal">({score})</span> : null}
    </Badge>
  );
}
