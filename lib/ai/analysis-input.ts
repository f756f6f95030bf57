// What the model may see of a scan: the findings' rule ids, titles, severities and counts — never evidence,
// snippets, URLs or anything else a scanned site wrote (prompt injection). Titles come from the rule
// registry when the rule is known; every string is cleaned anyway.
import { allChecks } from "@/lib/scanner/checks";
import type { Pillar, Severity } from "@/lib/scanner/types";

export interface AnalysisFinding {
  rule: string;
  title: string;
  pillar: Pillar;
  severity: Severity;
  /** findings of this rule in the scan (one per root cause) */
  count: number;
  /** pages those findings were seen on */
  pages: number;
}

export interface AnalysisInput {
  grade: string | null;
  score: number | null;
  pillars: Pillar[];
  findings: AnalysisFinding[];
}

const TITLES = new Map(allChecks.map((c) => [c.rule, c.title]));
export const MAX_TEXT = 120;
// Phrases that address the model rather than describe a finding.
const PROMPT_LIKE = /\b(ignore|disregard|forget)\b[^.]{0,40}\b(instructions?|prompts?|above|previous|rules)\b|\b(system|assistant|developer|user)\s*:|\byou are\b|\bact as\b|\bnew instructions?\b/gi;

/** Strips control characters, markup, code fences and instruction-like phrases; caps the length. */
export function cleanText(raw: string, max = MAX_TEXT): string {
  let s = raw.normalize("NFKC");
  s = s.replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2060-\u2064\ufeff]/g, " ");
  s = s.replace(/<[^>]*>?/g, " ").replace(/[<>`{}[\]\\]/g, " ");
  s = s.replace(PROMPT_LIKE, "[removed]");
  s = s.replace(/\s+/g, " ").trim();
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}

/** A rule id as the registry spells them (kebab-case); anything else is replaced. */
export function cleanRuleId(rule: string): string {
  return /^[a-z0-9][a-z0-9-]{0,79}$/.test(rule) ? rule : "unknown-rule";
}

export interface RawFinding {
  rule: string;
  title: string;
  pillar: Pillar;
  severity: Severity;
  pagesCount: number;
}

const SEVERITY_ORDER: Severity[] = ["critical", "high", "medium", "low", "info"];

/** Groups a scan's open findings by rule: one line per rule with counts, worst first, at most `limit` lines. */
export function buildAnalysisInput(x: { grade: string | null; score: number | null; pillars: Pillar[]; findings: readonly RawFinding[]; limit?: number }): AnalysisInput {
  const byRule = new Map<string, AnalysisFinding>();
  for (const f of x.findings) {
    const rule = cleanRuleId(f.rule);
    const cur = byRule.get(rule);
    if (cur) {
      cur.count += 1;
      cur.pages += f.pagesCount;
      if (SEVERITY_ORDER.indexOf(f.severity) < SEVERITY_ORDER.indexOf(cur.severity)) cur.severity = f.severity;
      continue;
    }
    byRule.set(rule, { rule, title: cleanText(TITLES.get(rule) ?? f.title), pillar: f.pillar, severity: f.severity, count: 1, pages: f.pagesCount });
  }
  const findings = [...byRule.values()]
    .sort((a, b) => SEVERITY_ORDER.indexOf(a.severity) - SEVERITY_ORDER.indexOf(b.severity) || b.count - a.count || a.rule.localeCompare(b.rule))
    .slice(0, x.limit ?? 60);
  return { grade: x.grade && /^[A-F][+-]?$/.test(x.grade) ? x.grade : null, score: x.score, pillars: x.pillars, findings };
}
