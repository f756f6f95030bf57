// Builds the report's `compliance` part from its findings with lib/compliance (the same mapping as
// GET /api/v1/scans/{id}/compliance). Pure.
import { FRAMEWORKS, FRAMEWORK_NAMES } from "@/lib/compliance/frameworks";
import { groupFindingsByFramework, wcagConformance, type ComplianceFinding, type ConformanceCriterion } from "@/lib/compliance/group-by-framework";
import type { Pillar } from "@/lib/scanner/types";
import type { ReportCompliance } from "./compliance-schema";
import type { ReportFinding } from "./model";

function criterionRow(c: ConformanceCriterion) {
  return { id: c.id, title: c.title, level: c.level, finding_ids: c.findings.map((f) => f.id) };
}

export function buildReportCompliance(input: {
  findings: readonly ReportFinding[];
  /** pillars the source scanned: a WCAG criterion passes only when a rule of a scanned pillar tests it */
  pillars: readonly Pillar[];
  site: string;
  scannedAt: Date | null;
  pages: number;
}): ReportCompliance {
  const findings: ComplianceFinding[] = input.findings.map((f) => ({ id: f.id, rule: f.rule, title: f.title, severity: f.severity, status: f.status, pillar: f.pillar }));
  const frameworks = FRAMEWORKS.map((framework) => ({
    framework,
    name: FRAMEWORK_NAMES[framework],
    requirements: groupFindingsByFramework(findings, framework).map((g) => ({
      id: g.id,
      title: g.title,
      level: g.level ?? null,
      findings: g.findings.map((f) => ({ id: f.id, rule: f.rule, title: f.title, severity: f.severity, pillar: f.pillar })),
    })),
  }));
  const w = wcagConformance({ findings, pillars: input.pillars, site: input.site, scannedAt: input.scannedAt, pages: input.pages });
  return {
    frameworks,
    wcag_aa: {
      standard: "WCAG 2.2",
      target_level: "AA",
      failed: w.failed.map(criterionRow),
      passed: w.passed.map(criterionRow),
      not_tested: w.not_tested.map(criterionRow),
      incomplete: w.incomplete,
      statement_draft: w.statement_draft,
    },
  };
}
