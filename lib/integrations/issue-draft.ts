// What a tracker issue says about a finding (or a task's findings): title, GitHub-flavoured markdown body,
// labels by pillar/severity and the mapped assignee. Everything from the scanned site (URLs, snippets,
// evidence) is hostile: it goes inside code spans/fences sized to its own backticks, so it can neither render
// links or images nor @-mention people upstream, and every piece is capped.
import { createHash } from "node:crypto";
import { z } from "zod";
import type { IssueDraft } from "./provider";
import { assigneeMapSchema, labelConfigSchema } from "./provider";

export interface DraftFinding {
  id: string;
  title: string;
  description: string;
  fix: string;
  pillar: string;
  severity: string;
  rule: string;
  assigneeId: string | null;
  instancesCount: number;
  pagesCount: number;
  instances: { url: string; selector: string; asset: string; snippet: string | null }[];
}

export interface DraftInput {
  findings: DraftFinding[];
  /** Set when the issue is a task's: its title heads the issue and its findings are listed. */
  task?: { id: string; title: string; description: string | null };
  /** Absolute link back into Plumb (the finding or the task). */
  plumbUrl: string;
  labels: z.infer<typeof labelConfigSchema>;
  assignees: z.infer<typeof assigneeMapSchema>;
}

const MAX_TITLE = 250;
const MAX_BODY = 60_000; // GitHub refuses bodies over 65 536 characters
const MAX_INSTANCES = 20;
const MAX_SNIPPET = 500;
const MAX_TEXT = 4_000;

function cap(s: string, n: number): string {
  return s.length > n ? `${s.slice(0, n - 1)}…` : s;
}

/** An inline code span that survives any backticks in `s` (CommonMark: a longer fence, padded). */
export function codeSpan(s: string): string {
  const clean = cap(s.replace(/[\r\n]+/g, " "), MAX_SNIPPET);
  const longest = Math.max(0, ...(clean.match(/`+/g) ?? []).map((m) => m.length));
  const fence = "`".repeat(longest + 1);
  return `${fence} ${clean} ${fence}`;
}

function codeBlock(s: string): string {
  const clean = cap(s, MAX_SNIPPET);
  const longest = Math.max(2, ...(clean.match(/`+/g) ?? []).map((m) => m.length));
  const fence = "`".repeat(longest + 1);
  return `${fence}html\n${clean}\n${fence}`;
}

/** Plumb's own prose (titles, descriptions, fixes) is trusted text, but mentions and HTML still get neutralised. */
function prose(s: string, n = MAX_TEXT): string {
  return cap(s, n)
    .replace(/</g, "&lt;")
    .replace(/@(?=[A-Za-z0-9])/g, "@\u200b");
}

function findingSection(f: DraftFinding, heading: string): string {
  const lines = [
    `${heading} ${prose(f.title, MAX_TITLE)}`,
    "",
    `**Severity:** ${f.severity} · **Pillar:** ${f.pillar} · **Rule:** ${codeSpan(f.rule)} · **Seen on** ${f.pagesCount} page(s), ${f.instancesCount} instance(s)`,
    "",
    prose(f.description),
    "",
    "**How to fix**",
    "",
    prose(f.fix),
  ];
  if (f.instances.length) {
    lines.push("", "**Where**", "");
    for (const i of f.instances.slice(0, MAX_INSTANCES)) {
      const what = i.selector || i.asset;
      lines.push(`- ${codeSpan(i.url)}${what ? ` — ${codeSpan(what)}` : ""}`);
      if (i.snippet) lines.push("", codeBlock(i.snippet).split("\n").map((l) => `  ${l}`).join("\n"));
    }
    if (f.instancesCount > MAX_INSTANCES) lines.push(`- … and ${f.instancesCount - MAX_INSTANCES} more in Plumb`);
  }
  return lines.join("\n");
}

export function labelsFor(findings: DraftFinding[], cfg: z.infer<typeof labelConfigSchema>): string[] {
  const set = new Set(cfg.always);
  for (const f of findings) {
    if (cfg.byPillar) set.add(`plumb:${f.pillar}`);
    if (cfg.bySeverity) set.add(`severity:${f.severity}`);
  }
  return [...set].slice(0, 50);
}

export function buildIssueDraft(input: DraftInput): IssueDraft {
  const { findings, task } = input;
  const first = findings[0];
  if (!first) throw new Error("buildIssueDraft: no findings");
  const title = cap(task ? task.title : `[Plumb] ${first.title}`, MAX_TITLE);
  const parts: string[] = [];
  if (task) {
    if (task.description) parts.push(prose(task.description), "");
    parts.push(`This task covers ${findings.length} finding(s).`, "");
    for (const f of findings) parts.push(findingSection(f, "###"), "");
  } else {
    parts.push(findingSection(first, "###"), "");
  }
  parts.push("---", `[Open in Plumb](${encodeURI(input.plumbUrl)}) · this issue is kept in sync by Plumb; closing it marks the finding resolved.`);
  let body = parts.join("\n");
  if (body.length > MAX_BODY) body = `${body.slice(0, MAX_BODY)}\n\n… (cut; the full list is in Plumb: ${encodeURI(input.plumbUrl)})`;
  const assignees = [...new Set(findings.map((f) => (f.assigneeId ? input.assignees[f.assigneeId] : undefined)).filter((a): a is string => !!a))];
  return { title, body, labels: labelsFor(findings, input.labels), assignees };
}

/** Stable hash of what would be sent: the sync skips the API call when it has not changed. */
export function draftHash(d: IssueDraft): string {
  return createHash("sha256").update(JSON.stringify([d.title, d.body, [...d.labels].sort(), [...d.assignees].sort()])).digest("hex");
}
