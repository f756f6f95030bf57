// Pure: findings -> the requirements of one framework they evidence, and the WCAG 2.2 AA conformance summary.
import { allChecks } from "@/lib/scanner/checks";
import type { Pillar, Severity } from "@/lib/scanner/types";
import { FRAMEWORK_NAMES, OWASP_TOP10_2021, type Framework, type RuleStandards } from "./frameworks";
import { standardsForRule } from "./rule-standards";
import { WCAG22_AA_CRITERIA, wcagCriterion, type WcagLevel } from "./wcag22";

export type FindingStatus = "open" | "in_progress" | "resolved" | "accepted_risk" | "false_positive";

export interface ComplianceFinding {
  id: string;
  rule: string;
  title: string;
  severity: Severity;
  status: FindingStatus;
  pillar: Pillar;
}

export interface RequirementGroup {
  id: string;
  title: string;
  level?: WcagLevel;
  findings: ComplianceFinding[];
}

const SEVERITY_ORDER: Severity[] = ["critical", "high", "medium", "low", "info"];
// A false positive evidences nothing; a resolved finding no longer fails anything.
const FAILING = new Set<string>(["open", "in_progress", "accepted_risk"]);

function refsOf(std: RuleStandards, framework: Framework): { id: string; title: string; level?: WcagLevel }[] {
  switch (framework) {
    case "wcag22":
      return std.wcag.map((id) => {
        const c = wcagCriterion(id);
        return { id, title: c?.title ?? id, level: c?.level };
      });
    case "asvs":
      return std.asvs;
    case "owasp-top10":
      return std.owaspTop10.map((id) => ({ id, title: OWASP_TOP10_2021[id] }));
    case "gdpr":
      return std.gdpr.map((id) => ({ id, title: id }));
    case "cwe":
      return std.cwe;
  }
}

function compareIds(a: string, b: string): number {
  return a.localeCompare(b, "en", { numeric: true });
}

/** Failing findings grouped by the requirement of `framework` they evidence, requirements in id order. */
export function groupFindingsByFramework(findings: readonly ComplianceFinding[], framework: Framework): RequirementGroup[] {
  const groups = new Map<string, RequirementGroup>();
  for (const f of findings) {
    if (!FAILING.has(f.status)) continue;
    const std = standardsForRule(f.rule);
    if (!std) continue;
    for (const ref of refsOf(std, framework)) {
      let g = groups.get(ref.id);
      if (!g) {
        g = { id: ref.id, title: ref.title, ...(ref.level ? { level: ref.level } : {}), findings: [] };
        groups.set(ref.id, g);
      }
      g.findings.push(f);
    }
  }
  const out = [...groups.values()].sort((a, b) => compareIds(a.id, b.id));
  for (const g of out) g.findings.sort((a, b) => SEVERITY_ORDER.indexOf(a.severity) - SEVERITY_ORDER.indexOf(b.severity));
  return out;
}

export interface ConformanceCriterion {
  id: string;
  title: string;
  level: WcagLevel;
  findings: ComplianceFinding[];
}

export interface WcagConformance {
  standard: "WCAG 2.2";
  target_level: "AA";
  failed: ConformanceCriterion[];
  passed: ConformanceCriterion[];
  not_tested: ConformanceCriterion[];
  /** axe could not run on some page (axe-run fired): its results are incomplete */
  incomplete: boolean;
  statement_draft: string;
}


/** Which WCAG criteria the rules of these pillars test (a criterion no automated rule covers stays untested). */
export function testedCriteria(pillars: readonly Pillar[]): Set<string> {
  const wanted = new Set(pillars);
  const out = new Set<string>();
  for (const c of allChecks) {
    if (!wanted.has(c.pillar)) continue;
    for (const id of standardsForRule(c.rule)?.wcag ?? []) out.add(id);
  }
  return out;
}

/**
 * WCAG 2.2 AA summary of one scan: a criterion fails when a finding evidencing it is still open (or accepted
 * as a risk), passes when some rule of a scanned pillar tests it and nothing fails, and is "not tested"
 * otherwise — most criteria need a person (captions, focus order, error suggestions…).
 */
export function wcagConformance(input: {
  findings: readonly ComplianceFinding[];
  pillars: readonly Pillar[];
  site: string;
  scannedAt: Date | null;
  pages: number;
}): WcagConformance {
  const failing = groupFindingsByFramework(input.findings, "wcag22");
  const byId = new Map(failing.map((g) => [g.id, g.findings]));
  const tested = testedCriteria(input.pillars);
  const failed: ConformanceCriterion[] = [];
  const passed: ConformanceCriterion[] = [];
  const notTested: ConformanceCriterion[] = [];
  for (const c of WCAG22_AA_CRITERIA) {
    const fs = byId.get(c.id);
    const row = { id: c.id, title: c.title, level: c.level, findings: fs ?? [] };
    if (fs && fs.length > 0) failed.push(row);
    else if (tested.has(c.id)) passed.push(row);
    else notTested.push(row);
  }
  const incomplete = input.findings.some((f) => f.rule === "axe-run" && FAILING.has(f.status));
  return {
    standard: "WCAG 2.2",
    target_level: "AA",
    failed,
    passed,
    not_tested: notTested,
    incomplete,
    statement_draft: statementDraft({ ...input, failed, passed, notTested, incomplete }),
  };
}

function statementDraft(x: {
  site: string;
  scannedAt: Date | null;
  pages: number;
  failed: ConformanceCriterion[];
  passed: ConformanceCriterion[];
  notTested: ConformanceCriterion[];
  incomplete: boolean;
}): string {
  const date = x.scannedAt ? x.scannedAt.toISOString().slice(0, 10) : "(not finished)";
  const status = x.failed.length === 0 ? "partially conformant (no failure found by automated testing)" : "partially conformant";
  const lines = [
    `Accessibility statement for ${x.site} (draft)`,
    "",
    `We want ${x.site} to be usable by everyone and aim to meet the Web Content Accessibility Guidelines (WCAG) 2.2 at level AA.`,
    "",
    `Conformance status: ${status}. This draft rests on an automated audit of ${x.pages} page${x.pages === 1 ? "" : "s"} on ${date}; ` +
      `automated tests cover ${x.failed.length + x.passed.length} of the ${x.failed.length + x.passed.length + x.notTested.length} level A and AA success criteria, ` +
      "so a full claim needs a manual review of the others.",
  ];
  if (x.incomplete) lines.push("", "Some pages could not be tested automatically; their results are missing from this draft.");
  if (x.failed.length > 0) {
    lines.push("", "Known issues:");
    for (const c of x.failed) {
      const titles = [...new Set(c.findings.map((f) => f.title))].slice(0, 3).join("; ");
      lines.push(`- ${c.id} ${c.title} (level ${c.level}): ${titles}.`);
    }
  }
  lines.push("", "Feedback: tell us about any barrier you meet, and we will answer within [N] working days. Contact: [e-mail address].");
  return lines.join("\n");
}

export function frameworkName(f: Framework): string {
  return FRAMEWORK_NAMES[f];
}
