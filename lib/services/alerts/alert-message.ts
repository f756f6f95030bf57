// How an alert reads in Slack and in an e-mail. Everything in the payload may come from a scanned site
// (finding titles, URLs): Slack mrkdwn control characters are escaped and lengths capped.
import { TRIGGER_LABELS, type AlertTrigger } from "./alert-triggers";

export interface AlertPayload {
  id: string;
  type: AlertTrigger;
  created_at: string;
  organization_id: string;
  data: Record<string, unknown>;
}

function cap(s: string, n: number): string {
  return s.length > n ? `${s.slice(0, n - 1)}…` : s;
}

/** Slack mrkdwn: &, < and > are the only characters it asks to escape. */
export function slackEscape(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

function str(v: unknown): string | null {
  return typeof v === "string" || typeof v === "number" ? String(v) : null;
}

/** Plain lines describing the event: the e-mail body and the Slack section text. */
export function alertLines(p: AlertPayload): string[] {
  const d = p.data;
  const lines: string[] = [];
  const host = str(d.host);
  if (host) lines.push(`Domain: ${host}`);
  switch (p.type) {
    case "scan.finished":
      lines.push(`Grade ${str(d.grade) ?? "—"}, score ${str(d.score) ?? "—"}.`);
      if (d.summary && typeof d.summary === "object") {
        lines.push(`Findings: ${Object.entries(d.summary as Record<string, unknown>).map(([k, v]) => `${str(v) ?? 0} ${k}`).join(", ")}`);
      }
      if (Array.isArray(d.gates)) {
        for (const g of d.gates as { name?: unknown; passed?: unknown }[]) lines.push(`Gate ${str(g.name) ?? "?"}: ${g.passed ? "passed" : "FAILED"}`);
      }
      break;
    case "scan.failed":
      lines.push(`The scan failed: ${str(d.error) ?? "unknown error"}`);
      break;
    case "grade.dropped":
      lines.push(`Grade dropped from ${str(d.previous_grade) ?? "?"} to ${str(d.grade) ?? "?"}.`);
      break;
    case "tls.expiring":
      lines.push(`The TLS certificate expires on ${str(d.valid_to) ?? "?"} (${str(d.days_left) ?? "?"} days).`);
      break;
    case "verification.lost":
      lines.push(`Ownership verification was lost: ${str(d.reason) ?? "the proof is gone"}.`);
      break;
    case "test":
      lines.push("This is a test alert from Plumb. Your channel works.");
      break;
    default:
      break;
  }
  if (Array.isArray(d.findings)) {
    const list = d.findings as { title?: unknown; severity?: unknown; url?: unknown }[];
    lines.push(`${list.length} finding${list.length === 1 ? "" : "s"}:`);
    for (const f of list.slice(0, 10)) lines.push(`- [${str(f.severity) ?? "?"}] ${cap(str(f.title) ?? "", 200)} ${cap(str(f.url) ?? "", 300)}`);
  }
  const link = str(d.url);
  if (link) lines.push(link);
  return lines.map((l) => cap(l, 600));
}

export function alertSubject(p: AlertPayload): string {
  const host = str(p.data.host);
  return cap(`[Plumb] ${TRIGGER_LABELS[p.type] ?? p.type}${host ? ` — ${host}` : ""}`, 200);
}

/** A Slack incoming-webhook body (Block Kit) with a plain-text fallback. */
export function slackMessage(p: AlertPayload): Record<string, unknown> {
  const title = alertSubject(p);
  const text = alertLines(p).map(slackEscape).join("\n");
  return {
    text: slackEscape(title),
    blocks: [
      { type: "header", text: { type: "plain_text", text: cap(title, 150), emoji: false } },
      { type: "section", text: { type: "mrkdwn", text: cap(text || " ", 2900) } },
      { type: "context", elements: [{ type: "mrkdwn", text: slackEscape(`${p.type} · ${p.created_at}`) }] },
    ],
  };
}
